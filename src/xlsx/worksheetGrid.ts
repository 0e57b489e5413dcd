import type ExcelJS from "exceljs";
import type { CellValue, Grid } from "../engine/grid";
import { DEFAULT_DATE_FORMAT, isDateValue, toGridValue } from "./cellValue";

/** A worksheet's visibility: `veryHidden` sheets can only be shown by code. */
export type SheetState = "visible" | "hidden" | "veryHidden";

/** A worksheet read from a file, with its visibility (a CSV file's one sheet is visible). */
export type SheetGrid = Grid & { state: SheetState };

/**
 * A worksheet as Excel's `range.values` and `range.numberFormat` give its used range from A1:
 * rectangular, blanks `null` (formats `"General"`), the cells of a merged area other than its
 * top-left one blank, as in Excel.
 */
export function worksheetToGrid(worksheet: ExcelJS.Worksheet): SheetGrid {
  const cells: { row: number; column: number; value: CellValue; numFmt: string }[] = [];
  let height = 0;
  let width = 0;
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      if (cell.isMerged && cell.master !== cell) return;
      const raw = cell.value;
      const value = toGridValue(raw);
      if (value === null) return;
      const numFmt = cell.numFmt || (isDateValue(raw) ? DEFAULT_DATE_FORMAT : "General");
      cells.push({ row: rowNumber - 1, column: columnNumber - 1, value, numFmt });
      height = Math.max(height, rowNumber);
      width = Math.max(width, columnNumber);
    });
  });
  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  for (let r = 0; r < height; r++) {
    values.push(new Array<CellValue>(width).fill(null));
    numberFormats.push(new Array<string>(width).fill("General"));
  }
  for (const cell of cells) {
    values[cell.row][cell.column] = cell.value;
    numberFormats[cell.row][cell.column] = cell.numFmt;
  }
  return { sheet: worksheet.name, values, numberFormats, state: sheetState(worksheet.state) };
}

function sheetState(state: string | undefined): SheetState {
  return state === "hidden" || state === "veryHidden" ? state : "visible";
}
