import type { HeaderAnalysis } from "./analyzeHeaderRow";
import { isBlankCell } from "./cellText";
import { columnTexts } from "./columnTexts";
import { findTotalCell } from "./findTotalCell";
import type { GridView } from "./gridView";
import { makeAmountReader } from "./makeAmountReader";
import { dataColumnsOf, prepareDataArea } from "./prepareDataArea";
import type { RowsRead } from "./readLongRows";
import { dimensionColumns, readRowDimensions } from "./readRowDimensions";
import { walkDataRows } from "./walkDataRows";

/**
 * Reads the rows of a wide history (one column per month) below its header: each non-blank
 * month cell is one record for that month, with the row's dimension members; total rows and
 * month cells that are not numbers are skipped.
 * @example readWideRows(view, analyzeHeaderRow(view, 0, {})).records.length
 */
export function readWideRows(grid: GridView, header: HeaderAnalysis): RowsRead {
  const read: RowsRead = { records: [], skipped: [], notes: [] };
  const area = prepareDataArea(grid, header.row, dataColumnsOf(header, "wide"));
  if (area.error) return { ...read, error: area.error };
  const view = area.view;
  read.notes.push(...area.notes);
  const dimensions = dimensionColumns(header);

  const months = header.months;
  const amounts = makeAmountReader(
    columnTexts(
      view,
      header.row + 1,
      months.map((month) => month.column),
    ),
    months.length > 1
      ? { column: months[0].header, through: months[months.length - 1].header }
      : { column: months[0]?.header ?? "" },
  );
  read.notes.push(...amounts.notes);

  walkDataRows(view, header.row, header.firstColumn, read.skipped, (row) => {
    const total = findTotalCell(view, row);
    if (total) {
      read.skipped.push({
        sheet: view.sheet,
        cell: view.address(row, total.column),
        code: "total-row",
        params: { label: total.label },
      });
      return;
    }
    const dims = readRowDimensions(view, row, dimensions);
    for (const month of header.months) {
      const value = view.cell(row, month.column);
      if (isBlankCell(value)) continue;
      const cell = view.address(row, month.column);
      const amount = amounts.amount(value);
      if (amount === null) {
        read.skipped.push({ sheet: view.sheet, cell, ...amounts.skip(value, month.header) });
        continue;
      }
      read.records.push({
        year: month.year,
        month: month.month,
        amount,
        dims: { ...dims },
        cell,
        transaction: false,
      });
    }
  });
  return read;
}
