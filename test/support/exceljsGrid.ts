import ExcelJS from "exceljs";
import { promises as fsp } from "node:fs";
import { toA1 } from "../../src/engine/address";
import type { CellValue } from "../../src/engine/grid";
import { dataExtent, type CellSurvey } from "../../src/xlsx/dataExtent";
import { DEFAULT_DATE_FORMAT, type SheetGrid, type SheetState } from "../../src/xlsx/worksheetGrid";
import { emptyTextResults } from "./emptyTextResults";
import { isDateValue, toGridValue } from "./exceljsCellValue";

/** Addresses of left-out cells a grid lists; it says how many there are in all. */
const LEFT_OUT_LISTED = 5;

/** ExcelJS's cell type of a formula (`Enums.ValueType.Formula`). */
const FORMULA = 6;

/** A cell as the grid holds it, or why it holds nothing. */
type Reading = { value: CellValue; numFmt: string } | "formula-without-value" | null;

/**
 * What one cell gives the grid. A formula's value is its saved result — `cell.result`, since
 * `cell.value` drops a result of 0, false or "" —; a formula without one is said as such.
 */
function readCell(cell: ExcelJS.Cell): Reading {
  if (cell.isMerged && cell.master !== cell) return null;
  if ((cell.type as number) === FORMULA) {
    const result = cell.result as ExcelJS.CellFormulaValue["result"];
    if (result === undefined) return "formula-without-value";
    const value = toGridValue(result);
    if (value === null) return null;
    return {
      value,
      numFmt: cell.numFmt || (result instanceof Date ? DEFAULT_DATE_FORMAT : "General"),
    };
  }
  const raw = cell.value;
  const value = toGridValue(raw);
  if (value === null) return null;
  return { value, numFmt: cell.numFmt || (isDateValue(raw) ? DEFAULT_DATE_FORMAT : "General") };
}

type Merge = { top: number; left: number; bottom: number; right: number };

/** Where the cells are, the merged areas (from their cells) and the formulas without a value. */
function survey(worksheet: ExcelJS.Worksheet): {
  cells: CellSurvey;
  merges: Map<string, Merge>;
  formulasWithoutValue: string[];
} {
  const rows: { row: number; first: number }[] = [];
  const columns = new Set<number>();
  const merges = new Map<string, Merge>();
  const formulasWithoutValue: string[] = [];
  let count = 0;
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    let first = -1;
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      const r = rowNumber - 1;
      const c = columnNumber - 1;
      if (cell.isMerged && cell.master !== cell) {
        const master = cell.master;
        const key = master.address;
        const area = merges.get(key) ?? {
          top: +master.row - 1,
          left: +master.col - 1,
          bottom: r,
          right: c,
        };
        area.bottom = Math.max(area.bottom, r);
        area.right = Math.max(area.right, c);
        merges.set(key, area);
        return;
      }
      const reading = readCell(cell);
      if (reading === null) return;
      if (reading === "formula-without-value") formulasWithoutValue.push(toA1(r, c));
      if (first < 0) first = c;
      columns.add(c);
      count++;
    });
    if (first >= 0) rows.push({ row: rowNumber - 1, first });
  });
  return {
    cells: { rows, columns: [...columns].sort((a, b) => a - b), cells: count },
    merges,
    formulasWithoutValue,
  };
}

/**
 * A worksheet, as ExcelJS reads it (the way `readHistoryFile` read .xlsx files before it streamed
 * them; kept as the peer its tests compare with), as Excel's `range.values` and `range.numberFormat` give its used range from A1:
 * rectangular, blanks `null` (formats `"General"`), the cells of a merged area other than its
 * top-left one blank, as in Excel — with the merged areas listed, and the formulas whose result the
 * file does not keep (a program that writes formulas without calculating them). A used range far
 * larger than what it holds (a stray cell at XFD1048576) is cut to the data (`dataExtent`); the
 * cells left out are counted and the first ones named.
 * @example worksheetToGrid(workbook.worksheets[0]).values[0] → ["Date", "Amount"]
 */
export function worksheetToGrid(worksheet: ExcelJS.Worksheet): SheetGrid {
  const found = survey(worksheet);
  const { height, width } = dataExtent(found.cells);
  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  for (let r = 0; r < height; r++) {
    values.push(new Array<CellValue>(width).fill(null));
    numberFormats.push(new Array<string>(width).fill("General"));
  }
  const leftOut: string[] = [];
  let leftOutCount = 0;
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      const reading = readCell(cell);
      if (reading === null) return;
      const r = rowNumber - 1;
      const c = columnNumber - 1;
      if (r >= height || c >= width) {
        if (leftOut.length < LEFT_OUT_LISTED) leftOut.push(toA1(r, c));
        leftOutCount++;
        return;
      }
      if (reading === "formula-without-value") return;
      values[r][c] = reading.value;
      numberFormats[r][c] = reading.numFmt;
    });
  });
  const grid: SheetGrid = {
    sheet: worksheet.name,
    values,
    numberFormats,
    state: sheetState(worksheet.state),
  };
  if (found.merges.size > 0) {
    grid.merges = [...found.merges.values()].map(
      (m) => `${toA1(m.top, m.left)}:${toA1(m.bottom, m.right)}`,
    );
  }
  if (found.formulasWithoutValue.length > 0) grid.formulasWithoutValue = found.formulasWithoutValue;
  if (leftOutCount > 0) grid.cellsLeftOut = { count: leftOutCount, first: leftOut };
  return grid;
}

function sheetState(state: string | undefined): SheetState {
  return state === "hidden" || state === "veryHidden" ? state : "visible";
}

/**
 * Every worksheet of an .xlsx file as grids, read the way `readHistoryFile` read them through
 * ExcelJS: the workbook loaded whole, each worksheet through `worksheetToGrid`, and the formulas
 * ExcelJS reads without a result though the file saves an empty text result made blank.
 * @example expect(await readHistoryFile(file)).toEqual(await exceljsHistoryGrids(file))
 */
export async function exceljsHistoryGrids(filePath: string): Promise<SheetGrid[]> {
  const bytes = await fsp.readFile(filePath);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const grids = workbook.worksheets.map((worksheet) => worksheetToGrid(worksheet));
  const unsure = grids.filter((grid) => grid.formulasWithoutValue);
  const emptyText = await emptyTextResults(
    bytes,
    unsure.map((grid) => grid.sheet),
  );
  for (const grid of unsure) {
    const blank = emptyText.get(grid.sheet);
    const unsaved = grid.formulasWithoutValue!.filter((cell) => !blank?.has(cell));
    if (unsaved.length > 0) grid.formulasWithoutValue = unsaved;
    else delete grid.formulasWithoutValue;
  }
  return grids;
}
