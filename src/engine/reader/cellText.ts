import type { CellValue } from "../grid";

/** Longest cell text quoted back in a message; longer text is cut with an ellipsis. */
const MESSAGE_TEXT_LIMIT = 60;

/**
 * True for a cell Excel or a file shows as empty: `null`, `""` or white space only.
 * @example isBlankCell("  ") === true; isBlankCell(0) === false
 */
export function isBlankCell(value: CellValue): boolean {
  return value === null || (typeof value === "string" && value.trim() === "");
}

/**
 * A cell as the text a user sees: strings trimmed, numbers to Excel's 15 significant digits,
 * booleans as `TRUE` / `FALSE`, blanks as `""`.
 * @example cellText(0.1 + 0.2) === "0.3"; cellText(" East ") === "East"; cellText(true) === "TRUE"
 */
export function cellText(value: CellValue): string {
  if (value === null) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (!Number.isFinite(value)) return String(value);
  // A number's shortest text with at most 15 significant digits is already what rounding to 15
  // digits gives (doubles hold more than 15): only longer ones are rounded, the slow way.
  const shortest = String(value);
  if (significantDigits(shortest) <= 15) return shortest;
  return String(Number(value.toPrecision(15)));
}

/**
 * The digits of a number's text from its first non-zero one, up to any exponent: its significant
 * digits, and a whole number's trailing zeros (`"-0.00120"` → 3, `"1.5e-7"` → 2, `"1200"` → 4).
 */
function significantDigits(text: string): number {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 101 /* e */) break;
    if (code < 48 || code > 57 || (digits === 0 && code === 48)) continue;
    digits++;
  }
  return digits;
}

/**
 * A cell's text for quoting in a message: trimmed and cut to a readable length.
 * @example cellTextForMessage(" N/A ") === "N/A"
 */
export function cellTextForMessage(value: CellValue): string {
  const text = cellText(value);
  const chars = Array.from(
    text.length > MESSAGE_TEXT_LIMIT * 4 ? text.slice(0, MESSAGE_TEXT_LIMIT * 4) : text,
  );
  return chars.length > MESSAGE_TEXT_LIMIT
    ? `${chars.slice(0, MESSAGE_TEXT_LIMIT - 1).join("")}…`
    : text;
}
