import type { GridView } from "./gridView";

/**
 * The text cells of some columns in every row from `fromRow` down, row by row: what a column's
 * conventions (day order, decimal mark) are decided from.
 * @example [...columnTexts(view, 1, [2, 3])] // the texts of C2, D2, C3, D3, …
 */
export function* columnTexts(
  view: GridView,
  fromRow: number,
  columns: readonly number[],
): Generator<string> {
  for (let row = fromRow; row < view.rowCount; row++) {
    for (const column of columns) {
      const value = view.cell(row, column);
      if (typeof value === "string") yield value;
    }
  }
}
