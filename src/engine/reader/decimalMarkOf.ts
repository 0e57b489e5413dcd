import { parseAmountText, type DecimalConvention } from "./parseAmount";

/**
 * What a text amount says about its column's decimal mark: `point` or `comma` when only that
 * convention reads it, `ambiguous` when both read it as different numbers (`1,234`, `€1.234`),
 * `null` when it tells nothing (both read it alike, as `1234` or `1 234`, or neither reads it).
 */
export type DecimalMark = DecimalConvention | "ambiguous" | null;

const PLAIN_INTEGER = /^-?\d+$/;
const PLAIN_DECIMAL = /^-?(\d{1,15})\.(\d{1,15})$/;

/**
 * The decimal mark a text amount shows, if any: `1,234.50` point, `1.234,50` and `12,5` comma,
 * `1.234` and `1,234` ambiguous (a thousands group or three decimals), `1234` nothing.
 * @example decimalMarkOf("1.234,50") === "comma"; decimalMarkOf("€1.234") === "ambiguous"
 */
export function decimalMarkOf(text: string): DecimalMark {
  // A CSV's amounts are plain digits: decided without parsing them twice.
  if (PLAIN_INTEGER.test(text)) return null;
  const plain = PLAIN_DECIMAL.exec(text);
  // Only three decimals after at most three digits can be a thousands group instead.
  if (plain && (plain[1].length > 3 || plain[2].length !== 3)) return "point";
  const point = parseAmountText(text, "point");
  const comma = parseAmountText(text, "comma");
  if (point === null) return comma === null ? null : "comma";
  if (comma === null) return "point";
  return point === comma ? null : "ambiguous";
}
