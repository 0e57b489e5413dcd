import type { SkippedRow } from "../history";
import { isBlankCell } from "./cellText";
import type { GridView } from "./gridView";

function isBlankRow(view: GridView, row: number): boolean {
  const length = view.rowLength(row);
  for (let column = 0; column < length; column++) {
    if (!isBlankCell(view.cell(row, column))) return false;
  }
  return true;
}

/**
 * Visits every non-blank row below the header row, in order. Blank rows inside the data are
 * reported as `blank-row`, one entry per run of consecutive blank rows (at the run's first row,
 * with `rows` = how many and `through` = the last one's address); blank rows after the last data
 * row are the sheet's empty tail and are not reported.
 * @example walkDataRows(view, 0, 0, skipped, (row) => rows.push(row))
 */
export function walkDataRows(
  view: GridView,
  headerRow: number,
  firstColumn: number,
  skipped: SkippedRow[],
  visit: (row: number) => void,
): void {
  let lastDataRow = headerRow;
  for (let row = view.rowCount - 1; row > headerRow; row--) {
    if (!isBlankRow(view, row)) {
      lastDataRow = row;
      break;
    }
  }
  let runStart = -1;
  for (let row = headerRow + 1; row <= lastDataRow; row++) {
    if (isBlankRow(view, row)) {
      if (runStart < 0) runStart = row;
      continue;
    }
    if (runStart >= 0) {
      const count = row - runStart;
      skipped.push({
        sheet: view.sheet,
        cell: view.address(runStart, firstColumn),
        code: "blank-row",
        params:
          count > 1 ? { rows: count, through: view.address(row - 1, firstColumn) } : { rows: 1 },
      });
      runStart = -1;
    }
    visit(row);
  }
}
