import { decimalMarkOf } from "./decimalMarkOf";
import { parseAmountText, type DecimalConvention } from "./parseAmount";

/** The decimal mark chosen for a column's text amounts and what it rests on. */
export type DecimalDecision = {
  convention: DecimalConvention;
  /** `values` when some value only one convention reads; `default` (decimal point) when none. */
  basis: "values" | "default";
  /** The first value that shows the chosen convention (basis `values`). */
  example?: string;
  /** The first value the two conventions read as different numbers, and what it reads as. */
  ambiguous?: { text: string; reads: number };
};

/**
 * Decides whether a column's text amounts write a decimal point (1,234.50) or a decimal comma
 * (1.234,50; 1 234,50) from all of them, as a column of dates decides its day order: the values
 * only one convention reads vote, the majority wins, a tie or no vote means decimal point (what
 * Chinese and English exports write). `null` when no value is read differently by the two.
 * @example detectDecimalConvention(["1.234,50", "€1.234"])?.ambiguous?.reads === 1234
 */
export function detectDecimalConvention(texts: Iterable<string>): DecimalDecision | null {
  let points = 0;
  let commas = 0;
  let pointExample = "";
  let commaExample = "";
  let ambiguous: string | undefined;
  for (const text of texts) {
    const mark = decimalMarkOf(text);
    if (mark === "ambiguous") ambiguous ??= text;
    else if (mark === "point") {
      if (points++ === 0) pointExample = text;
    } else if (mark === "comma") {
      if (commas++ === 0) commaExample = text;
    }
  }
  if (points === 0 && commas === 0 && ambiguous === undefined) return null;
  const convention: DecimalConvention = commas > points ? "comma" : "point";
  const decision: DecimalDecision =
    points + commas > 0
      ? {
          convention,
          basis: "values",
          example: (convention === "comma" ? commaExample : pointExample).trim(),
        }
      : { convention, basis: "default" };
  const reads = ambiguous === undefined ? null : parseAmountText(ambiguous, convention);
  if (ambiguous !== undefined && reads !== null) {
    decision.ambiguous = { text: ambiguous.trim(), reads };
  }
  return decision;
}
