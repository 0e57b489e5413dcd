import type { CellValue } from "../grid";
import { cellText, isBlankCell } from "./cellText";
import type { GridView } from "./gridView";
import { parseAmount } from "./parseAmount";
import { parseDateText } from "./parseDateText";

function lastFilledColumn(view: GridView, row: number): number {
  for (let column = view.rowLength(row) - 1; column >= 0; column--) {
    if (!isBlankCell(view.cell(row, column))) return column;
  }
  return -1;
}

/** The group header over a column: the nearest upper cell to its left, when every lower cell
 * from that cell to this column has text (the cells a merged group header spans). */
function groupStart(view: GridView, upper: number, column: number): number {
  for (let g = column; g >= 0; g--) {
    if (isBlankCell(view.cell(upper + 1, g))) return -1;
    if (!isBlankCell(view.cell(upper, g))) return g;
  }
  return -1;
}

/**
 * True when the row below a header row is its second line: sub-headers under a merged group header
 * (金额 over 含税单价 | 价税合计). Every filled cell of that row is text that is neither a number
 * nor a date, the header's date column is blank in it (a data row would be dated), and at least
 * one of its cells sits under a blank header cell that a group header to its left spans.
 * @example isSubHeaderRow(makeGridView({ sheet: "S", values: [["日期", "金额", ""], ["", "单价", "价税合计"]] }), 0, 0) === true
 */
export function isSubHeaderRow(view: GridView, upper: number, dateColumn?: number): boolean {
  const lower = upper + 1;
  if (lower >= view.rowCount) return false;
  if (dateColumn !== undefined && !isBlankCell(view.cell(lower, dateColumn))) return false;
  const upperEnd = lastFilledColumn(view, upper);
  let continuesGroup = false;
  let filled = 0;
  const length = view.rowLength(lower);
  for (let column = 0; column < length; column++) {
    const value = view.cell(lower, column);
    if (isBlankCell(value)) continue;
    filled++;
    if (typeof value !== "string") return false;
    if (parseAmount(value) !== null || parseDateText(value) !== null) return false;
    if (column > upperEnd + 1) return false;
    if (isBlankCell(view.cell(upper, column)) && groupStart(view, upper, column) >= 0) {
      continuesGroup = true;
    }
  }
  return filled > 0 && continuesGroup;
}

function combinedHeader(view: GridView, upper: number, column: number): CellValue {
  const top = view.cell(upper, column);
  const bottom = view.cell(upper + 1, column);
  if (isBlankCell(bottom)) return top;
  const groupColumn = isBlankCell(top) ? groupStart(view, upper, column) : column;
  if (groupColumn < 0) return bottom;
  const group = cellText(view.cell(upper, groupColumn));
  const own = cellText(bottom);
  // A header merged over both lines (filled into each) is one header, not two.
  return group === own ? own : `${group} ${own}`;
}

/**
 * A view of the grid whose row `upper + 1` holds the two header lines as one header per column:
 * the group header and the sub-header ("金额 价税合计"), or the upper line alone where the lower
 * is blank (a header merged down over both lines). Every other cell is the grid's.
 * @example withTwoRowHeader(view, 2).cell(3, 6) === "金额 价税合计"
 */
export function withTwoRowHeader(view: GridView, upper: number): GridView {
  const lower = upper + 1;
  const width = Math.max(view.rowLength(upper), view.rowLength(lower));
  const header = Array.from({ length: width }, (_, column) => combinedHeader(view, upper, column));
  return {
    ...view,
    cell: (row, column) => (row === lower ? (header[column] ?? null) : view.cell(row, column)),
    format: (row, column) =>
      row === lower && isBlankCell(view.cell(lower, column))
        ? view.format(upper, column)
        : view.format(row, column),
    rowLength: (row) => (row === lower ? width : view.rowLength(row)),
  };
}
