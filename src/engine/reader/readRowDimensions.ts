import type { Dimension } from "../history";
import { DIMENSIONS } from "../history";
import { cellText } from "./cellText";
import type { GridView } from "./gridView";

/**
 * The dimension members of one grid row, as trimmed text (numbers as Excel shows them); blank
 * members are left out.
 * @example readRowDimensions(view, 3, { region: 1 }) → { region: "East" }
 */
export function readRowDimensions(
  view: GridView,
  row: number,
  columns: Partial<Record<Dimension, number>>,
): Partial<Record<Dimension, string>> {
  const dims: Partial<Record<Dimension, string>> = {};
  for (const dimension of DIMENSIONS) {
    const column = columns[dimension];
    if (column === undefined) continue;
    const member = cellText(view.cell(row, column));
    if (member !== "") dims[dimension] = member;
  }
  return dims;
}
