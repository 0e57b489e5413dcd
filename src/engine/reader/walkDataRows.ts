import type { SkippedRow } from "../history";
import { cellText, isBlankCell } from "./cellText";
import type { GridView } from "./gridView";

function isBlankRow(view: GridView, row: number): boolean {
  const length = view.rowLength(row);
  for (let column = 0; column < length; column++) {
    if (!isBlankCell(view.cell(row, column))) return false;
  }
  return true;
}

/**
 * True when a row repeats the header's texts (paged exports print the header on every page):
 * at least two cells, and most of the header's non-blank cells, equal to the header's.
 */
function repeatsHeader(
  view: GridView,
  row: number,
  header: readonly string[],
  headerCount: number,
): boolean {
  let same = 0;
  header.forEach((text, column) => {
    if (text === "") return;
    const value = view.cell(row, column);
    // A number's text starts with a digit or a minus: it cannot repeat a header of words.
    if (typeof value === "number" && !/^[-\d]/.test(text)) return;
    if (cellText(value) === text) same++;
  });
  return same >= 2 && same * 5 >= headerCount * 3;
}

/**
 * Visits every non-blank row below the header row, in order. Blank rows inside the data are
 * reported as `blank-row`, one entry per run of consecutive blank rows (at the run's first row,
 * with `rows` = how many and `through` = the last one's address); blank rows after the last data
 * row are the sheet's empty tail and are not reported. A row repeating the header is reported as
 * `repeated-header` and not visited.
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
  const header = Array.from({ length: view.rowLength(headerRow) }, (_, c) =>
    cellText(view.cell(headerRow, c)),
  );
  const headerCount = header.filter((t) => t !== "").length;
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
    if (repeatsHeader(view, row, header, headerCount)) {
      skipped.push({
        sheet: view.sheet,
        cell: view.address(row, firstColumn),
        code: "repeated-header",
        params: {},
      });
      continue;
    }
    visit(row);
  }
}
