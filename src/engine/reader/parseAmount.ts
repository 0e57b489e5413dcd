import type { CellValue } from "../grid";

/**
 * Amounts from this magnitude on are not sales: Excel keeps 15 significant digits, so it cannot
 * hold them to the unit, and summing them could overflow.
 */
export const AMOUNT_LIMIT = 1e15;

/**
 * Whether an amount read from a cell is small enough to plan with (see `AMOUNT_LIMIT`).
 * @example isPlannableAmount(1234.5) === true; isPlannableAmount(1e308) === false
 */
export function isPlannableAmount(amount: number): boolean {
  return Math.abs(amount) < AMOUNT_LIMIT;
}

/** Texts longer than this are not amounts. */
const AMOUNT_TEXT_LIMIT = 64;

const CURRENCY_PREFIX = /^(?:us\$|hk\$|rmb|cny|usd|eur|hkd|gbp|jpy|人民币|[¥$€£])/i;
const CURRENCY_SUFFIX = /(?:rmb|cny|usd|eur|hkd|gbp|jpy|人民币|元|[¥$€£])$/i;
/** Chinese magnitude words: 1.2万 is 12,000. */
const MAGNITUDE: Record<string, number> = { 万: 4, 亿: 8 };

/** Thousands grouping, Western (1,234,567) or Indian (12,34,567). */
const GROUPED = /^(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3})$/;
/** Continental style with both separators: 1.234.567,89. */
const CONTINENTAL = /^(\d{1,3}(?:\.\d{3})+),(\d+)$/;
const PLAIN_DECIMAL = /^-?\d{1,15}(?:\.\d{1,15})?$/;
const PLAIN_INTEGER = /^-?\d{1,15}$/;
const DECIMAL = /^(\d[\d,]*)?(?:\.(\d*))?(?:e([+-]?\d{1,4}))?$/i;

function stripSign(text: string): { text: string; negative: boolean } {
  if (text.startsWith("-") || text.startsWith("+")) {
    return { text: text.slice(1), negative: text.startsWith("-") };
  }
  if (text.endsWith("-") && text.length > 1) return { text: text.slice(0, -1), negative: true };
  return { text, negative: false };
}

/**
 * Which mark separates the decimals in a text amount: `point` as in 1,234.50 (what Chinese and
 * English exports write), `comma` as in 1.234,50 or 1 234,50 (continental Europe).
 */
export type DecimalConvention = "point" | "comma";

/** The digits with `.` and `,` trading places: a decimal comma read as a decimal point. */
function swapMarks(text: string): string {
  return text.replace(/[.,]/g, (mark) => (mark === "." ? "," : "."));
}

/**
 * A number written in plain digits, thousands marks, decimals and an exponent. Without a
 * convention, the point is decimal unless the text can only be continental (1.234.567,89).
 */
function parseDigits(
  text: string,
  magnitude: number,
  convention: DecimalConvention | undefined,
): number | null {
  let plain = text;
  if (convention === "comma") plain = swapMarks(text);
  else if (convention === undefined) {
    const continental = CONTINENTAL.exec(text);
    if (continental) plain = `${continental[1].replace(/\./g, "")}.${continental[2]}`;
  }
  const match = DECIMAL.exec(plain);
  if (!match) return null;
  const [, whole = "", fraction = "", exponent = "0"] = match;
  if (whole === "" && fraction === "") return null;
  if (whole.includes(",") && !GROUPED.test(whole)) return null;
  const mantissa = `${whole.replace(/,/g, "") || "0"}.${fraction || "0"}`;
  const value = Number(`${mantissa}e${Number(exponent) + magnitude}`);
  return Number.isFinite(value) ? value : null;
}

/**
 * The number in a text amount as sales sheets write it: `1,234.50`, `¥1,234`, `$1,234`,
 * `RMB 1234`, `1234元`, `1.2万`, `(1,234)` and `-1,234` (negative), `1.2e3`, full-width digits;
 * `null` for anything else (`N/A`, `-`, `#N/A`, `TBD`, text with words). With a `convention`,
 * only that decimal mark is read (`comma`: `1.234,50`, `1 234,50`, `€1.234` is 1234); without
 * one, the point is decimal and the unmistakably continental `1.234.567,89` reads too.
 * @example parseAmountText("(1,234.50)") === -1234.5; parseAmountText("1.234", "comma") === 1234
 */
export function parseAmountText(text: string, convention?: DecimalConvention): number | null {
  // Plain decimals (every amount of a CSV export) need none of the work below.
  if (convention !== "comma" ? PLAIN_DECIMAL.test(text) : PLAIN_INTEGER.test(text)) {
    return Number(text) + 0;
  }
  if (text.length > AMOUNT_TEXT_LIMIT * 4) return null;
  let s = text
    .normalize("NFKC")
    .replace(/[\s'’]/g, "")
    .replace(/[\u2212\u2012\u2013\uFE63]/g, "-");
  if (s === "" || s.length > AMOUNT_TEXT_LIMIT) return null;

  let negative = false;
  const flip = () => {
    if (negative) return false;
    negative = true;
    return true;
  };
  if (s.startsWith("(") && s.endsWith(")")) {
    s = s.slice(1, -1);
    flip();
  }
  let signed = stripSign(s);
  if (signed.negative && !flip()) return null;
  s = signed.text.replace(CURRENCY_PREFIX, "");
  signed = stripSign(s);
  if (signed.negative && !flip()) return null;
  s = signed.text.replace(CURRENCY_SUFFIX, "");
  if (s.startsWith("(") && s.endsWith(")")) {
    s = s.slice(1, -1);
    if (!flip()) return null;
  }

  let magnitude = 0;
  const last = s.slice(-1);
  if (Object.hasOwn(MAGNITUDE, last)) {
    magnitude = MAGNITUDE[last];
    s = s.slice(0, -1);
  }
  const value = parseDigits(s, magnitude, convention);
  if (value === null) return null;
  return negative ? 0 - value : value + 0;
}

/**
 * The amount in a cell: a finite number as it is, numeric text parsed (by `convention` when
 * given, see `parseAmountText`); `null` for blanks, booleans, `NaN`, infinities and text that is
 * not a number. Negative zero reads as zero.
 * @example parseAmount("¥1,234") === 1234; parseAmount(true) === null; parseAmount(12.5) === 12.5
 */
export function parseAmount(value: CellValue, convention?: DecimalConvention): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value + 0 : null;
  if (typeof value === "string") return parseAmountText(value, convention);
  return null;
}
