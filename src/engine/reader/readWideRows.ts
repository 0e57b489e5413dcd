import type { Dimension } from "../history";
import { DIMENSIONS } from "../history";
import type { HeaderAnalysis } from "./analyzeHeaderRow";
import { cellTextForMessage, isBlankCell } from "./cellText";
import { findTotalCell } from "./findTotalCell";
import type { GridView } from "./gridView";
import { isPlannableAmount, parseAmount } from "./parseAmount";
import { dataColumnsOf, prepareDataArea } from "./prepareDataArea";
import type { RowsRead } from "./readLongRows";
import { readRowDimensions } from "./readRowDimensions";
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
  const dimensionColumns: Partial<Record<Dimension, number>> = {};
  for (const dimension of DIMENSIONS) {
    const column = header.roles[dimension]?.column;
    if (column !== undefined) dimensionColumns[dimension] = column;
  }

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
    const dims = readRowDimensions(view, row, dimensionColumns);
    for (const month of header.months) {
      const value = view.cell(row, month.column);
      if (isBlankCell(value)) continue;
      const cell = view.address(row, month.column);
      const amount = parseAmount(value);
      if (amount === null || !isPlannableAmount(amount)) {
        read.skipped.push({
          sheet: view.sheet,
          cell,
          code: amount === null ? "amount-not-number" : "amount-too-large",
          params: { value: cellTextForMessage(value), column: month.header },
        });
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
