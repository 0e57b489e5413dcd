import { DIMENSIONS } from "../history";
import type { HeaderAnalysis } from "./analyzeHeaderRow";
import type { DimensionKey } from "../history";
import { cellText } from "./cellText";
import type { GridView } from "./gridView";

/** Where the members of one dimension are: a zero-based grid column. */
export type DimensionColumn = { key: DimensionKey; column: number };

/**
 * The grid columns of a header's dimensions: the detected built-in ones, then the columns the
 * plan's levels name by header.
 * @example dimensionColumns(header) → [{ key: "region", column: 1 }, { key: "部门", column: 4 }]
 */
export function dimensionColumns(header: HeaderAnalysis): DimensionColumn[] {
  const columns: DimensionColumn[] = [];
  for (const key of DIMENSIONS) {
    const column = header.roles[key]?.column;
    if (column !== undefined) columns.push({ key, column });
  }
  for (const [key, found] of Object.entries(header.levelColumns ?? {})) {
    columns.push({ key, column: found.column });
  }
  return columns;
}

/**
 * The dimension members of one grid row, as trimmed text (numbers as Excel shows them); blank
 * members are left out.
 * @example readRowDimensions(view, 3, [{ key: "region", column: 1 }]) → { region: "East" }
 */
export function readRowDimensions(
  view: GridView,
  row: number,
  columns: readonly DimensionColumn[],
): Partial<Record<DimensionKey, string>> {
  const dims: Partial<Record<DimensionKey, string>> = {};
  for (const { key, column } of columns) {
    const member = cellText(view.cell(row, column));
    if (member !== "") dims[key] = member;
  }
  return dims;
}
