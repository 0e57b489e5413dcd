import type { CellValue } from "../grid";
import type { Notice, SkippedRow } from "../history";
import { cellTextForMessage } from "./cellText";
import { detectDecimalConvention } from "./detectDecimalConvention";
import { isPlannableAmount, parseAmount, parseAmountText } from "./parseAmount";

/** Reads the amount cells of one column, or of all month columns of a wide history. */
export type AmountReader = {
  /** The decimal mark chosen, when the user should know (see `makeAmountReader`). */
  notes: Notice[];
  /** The amount in a non-blank cell; `null` when the cell is skipped (`skip` says why). */
  amount(value: CellValue): number | null;
  /** Why a cell whose `amount` is `null` is skipped, for the column headed `column`. */
  skip(value: CellValue, column: string): Pick<SkippedRow, "code" | "params">;
};

/**
 * Decides the decimal mark of a column's text amounts from all of them (`detectDecimalConvention`)
 * and reads each cell by it, so that `€1.234` is 1,234 where `1.234,50` shows a decimal comma. A
 * note tells the mark chosen when the comma was or when some value was ambiguous; a value
 * written with the other mark, against a column whose values decided, is skipped with why.
 * `where` names the column (`through`: the last month column of a wide history).
 * @example makeAmountReader(["1.234,50", "€1.234"], { column: "Amount" }).amount("€1.234") === 1234
 */
export function makeAmountReader(
  texts: Iterable<string>,
  where: { column: string; through?: string },
): AmountReader {
  const decision = detectDecimalConvention(texts);
  const convention = decision?.convention ?? "point";
  const other = convention === "point" ? "comma" : "point";
  const notes: Notice[] = [];
  if (decision && (decision.convention === "comma" || decision.ambiguous)) {
    notes.push({
      code: "decimal-mark-assumed",
      params: {
        ...where,
        convention: decision.convention,
        basis: decision.basis,
        ...(decision.example !== undefined ? { example: decision.example } : {}),
        ...(decision.ambiguous
          ? { ambiguous: decision.ambiguous.text, reads: decision.ambiguous.reads }
          : {}),
      },
    });
  }

  return {
    notes,
    amount(value) {
      const amount = parseAmount(value, convention);
      return amount !== null && isPlannableAmount(amount) ? amount : null;
    },
    skip(value, column): Pick<SkippedRow, "code" | "params"> {
      const text = cellTextForMessage(value);
      if (parseAmount(value, convention) !== null) {
        return { code: "amount-too-large", params: { value: text, column } };
      }
      if (
        decision?.basis === "values" &&
        typeof value === "string" &&
        parseAmountText(value, other) !== null
      ) {
        const example = decision.example ?? "";
        return {
          code: "amount-decimal-mark",
          params: { value: text, column, convention, example },
        };
      }
      return { code: "amount-not-number", params: { value: text, column } };
    },
  };
}
