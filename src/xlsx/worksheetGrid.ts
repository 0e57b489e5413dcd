import { fromA1, toA1 } from "../engine/address";
import type { CellValue, Grid } from "../engine/grid";
import { dataExtent } from "./dataExtent";
import { serialToTime, timeToSerial } from "./excelSerial";
import { cellValue, WorksheetScanner } from "./sheetValuesScanner";
import { GENERAL, type StyleFormat } from "./styleFormats";

/** A worksheet's visibility: `veryHidden` sheets can only be shown by code. */
export type SheetState = "visible" | "hidden" | "veryHidden";

/** A worksheet read from a file, with its visibility (a CSV file's one sheet is visible). */
export type SheetGrid = Grid & { state: SheetState };

/** The number format a date cell gets when the file gives it none. */
export const DEFAULT_DATE_FORMAT = "yyyy-mm-dd";

/** Addresses of left-out cells a grid lists; it says how many there are in all. */
const LEFT_OUT_LISTED = 5;

/** A worksheet's size: 1,048,576 rows of 16,384 columns. */
const SHEET_ROWS = 1_048_576;
const SHEET_COLUMNS = 16_384;

/**
 * A cell this many columns or more right of the cells kept so far in its row is set aside rather
 * than stored in the row's array: a stray cell at XFD5 would otherwise make row 5 an array of
 * 16,384 places.
 */
const FAR_GAP = 32;

/** Past this many different rows of number formats, rows are no longer shared. */
const SHARED_FORMAT_ROWS = 10_000;

/** The largest time a JavaScript date holds, in milliseconds either side of 1970. */
const MAX_TIME = 8.64e15;

/** A merged area, 0-based, corners included. */
export type MergedArea = { top: number; left: number; bottom: number; right: number };

/** What the grid scanner needs of the workbook besides the sheet's own part. */
export type WorkbookContext = {
  shared: readonly string[];
  /** Number formats by style index (`StyleFormatsScanner`). */
  formats: readonly StyleFormat[];
  date1904: boolean;
};

/**
 * A date cell's serial in the 1900 date system, to the millisecond, as ExcelJS read it (through a
 * JavaScript date, in UTC, counting from 1904 in a 1904 workbook); null when no date is that far.
 */
function dateSerial(serial: number, date1904: boolean): number | null {
  const time = serialToTime(serial, date1904);
  return Math.abs(time) > MAX_TIME ? null : timeToSerial(time);
}

/** A boolean cell's value: `1`, `0`, `true`, `false` (any other number is true). */
function booleanValue(text: string): boolean {
  if (text === "true" || text === "false") return text === "true";
  return parseInt(text, 10) !== 0;
}

/** A cell a row's array does not hold (see `FAR_GAP`). */
type FarCell = { row: number; column: number; value: CellValue; format: string | undefined };

/**
 * Builds one worksheet's grid as its part is scanned once (`WorksheetScanner`), in the shape
 * `worksheetToGrid` documents. The merged areas must be known before the scan (they come after
 * the cells in the part; `MergedAreaScanner` finds them): the cells they cover, but the top-left
 * one, are blank and not counted. Rows are kept as they come; `grid()` then cuts them to the data
 * (`dataExtent`) and counts what it leaves out.
 */
export class WorksheetGridScanner extends WorksheetScanner {
  /** Each row's values by column: a hole is no cell, `null` a cell holding nothing to show. */
  private readonly values: (CellValue[] | undefined)[] = [];
  /** Each row's number formats by column, shared between rows whose formats are the same. */
  private readonly formatRows: (string[] | undefined)[] = [];
  private readonly sealed = new Set<string[]>();
  private readonly formatRowsByKey = new Map<string, string[]>();
  private readonly far: FarCell[] = [];
  /** The widest row array so far (far cells not counted). */
  private denseWidth = 0;
  /** Per row, the leftmost column holding something (-1: none). */
  private firstColumn = new Int16Array(0);
  private readonly columnsUsed = new Uint8Array(SHEET_COLUMNS);
  private cellCount = 0;
  private lastRow = -1;
  /** Formula cells without a saved result, as `row * 16384 + column`. */
  private readonly unsaved: number[] = [];
  /** The cells merged areas cover, as `row * 16384 + column`, with their area. */
  private readonly covered = new Map<number, MergedArea>();
  private readonly areas: MergedArea[] = [];

  constructor(
    private readonly sheet: string,
    private readonly state: SheetGrid["state"],
    private readonly context: WorkbookContext,
    merges: readonly MergedArea[],
  ) {
    super();
    this.readsStyles = true;
    for (const area of merges) this.addMerge(area);
  }

  /** Keeps a merged area of more than one cell; one overlapping an area kept before is ignored. */
  private addMerge(area: MergedArea): void {
    if (area.top === area.bottom && area.left === area.right) return;
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        if (this.covered.has(r * SHEET_COLUMNS + c)) return;
      }
    }
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) this.covered.set(r * SHEET_COLUMNS + c, area);
    }
    this.areas.push(area);
  }

  protected cell(
    row: number,
    column: number,
    type: string | undefined,
    style: number,
    text: string,
    formula: boolean,
  ): void {
    if (row >= SHEET_ROWS || column >= SHEET_COLUMNS) {
      throw new Error(`cell ${toA1(row, column)} lies outside the sheet`);
    }
    const area = this.covered.size > 0 ? this.covered.get(row * SHEET_COLUMNS + column) : undefined;
    if (area && (area.top !== row || area.left !== column)) return;
    const format = this.context.formats[style] ?? GENERAL;
    if (formula) {
      if (text === "") {
        // A formula saved with an empty text result is a blank cell; any other has no result.
        if (type !== "str") this.unsaved.push(row * SHEET_COLUMNS + column);
        this.keep(row, column, null, undefined);
        return;
      }
      const value = this.formulaResult(type, text, format);
      if (value !== null) this.keep(row, column, value, format.code);
      return;
    }
    if (text === "") return;
    const value = this.plainValue(type, text, format);
    if (value === null) return;
    this.keep(
      row,
      column,
      value,
      type === "d" && !format.dated ? DEFAULT_DATE_FORMAT : format.code,
    );
  }

  private plainValue(type: string | undefined, text: string, format: StyleFormat): CellValue {
    switch (type) {
      case "s":
      case "str":
      case "inlineStr":
      case "e":
      case "d":
        return cellValue(type, text, this.context.shared);
      case "b":
        return booleanValue(text);
      default:
        return this.number(text, format);
    }
  }

  private formulaResult(type: string | undefined, text: string, format: StyleFormat): CellValue {
    switch (type) {
      case "str":
      case "e":
      case "d":
        return cellValue(type, text, this.context.shared);
      case "b":
        return booleanValue(text);
      default:
        return this.number(text, format);
    }
  }

  private number(text: string, format: StyleFormat): CellValue {
    const number = parseFloat(text);
    if (!Number.isFinite(number)) return null;
    return format.dated ? dateSerial(number, this.context.date1904) : number;
  }

  /** Stores a cell holding something (`value` null: a formula cell showing nothing). */
  private keep(row: number, column: number, value: CellValue, format: string | undefined): void {
    let values = this.values[row];
    if (!values) {
      values = this.values[row] = new Array<CellValue>(this.denseWidth);
      this.growRows(row);
    }
    if (column >= Math.max(values.length, this.denseWidth) + FAR_GAP) {
      this.far.push({ row, column, value, format });
      this.count(row, column);
      return;
    }
    const isNew = values[column] === undefined;
    values[column] = value;
    if (column >= this.denseWidth) this.denseWidth = column + 1;
    if (format !== undefined || !isNew) {
      let formats = this.formatRows[row];
      if (!formats || this.sealed.has(formats)) {
        formats = this.formatRows[row] = formats
          ? formats.slice()
          : new Array<string>(values.length);
      }
      if (format === undefined) delete formats[column];
      else formats[column] = format;
    }
    if (isNew) this.count(row, column);
  }

  private growRows(row: number): void {
    if (row < this.firstColumn.length) return;
    const grown = new Int16Array(
      Math.min(SHEET_ROWS, Math.max(row + 1, this.firstColumn.length * 2, 1024)),
    );
    grown.fill(-1);
    grown.set(this.firstColumn);
    this.firstColumn = grown;
  }

  private count(row: number, column: number): void {
    this.cellCount++;
    this.columnsUsed[column] = 1;
    const first = this.firstColumn[row];
    if (first < 0 || column < first) this.firstColumn[row] = column;
    if (row > this.lastRow) this.lastRow = row;
  }

  /** Shares the row's number formats with an earlier row whose formats are the same. */
  protected override rowEnded(): void {
    const formats = this.formatRows[this.row];
    if (!formats || this.sealed.has(formats)) return;
    if (this.formatRowsByKey.size >= SHARED_FORMAT_ROWS) return;
    let key = "";
    for (let c = 0; c < formats.length; c++) key += `${formats[c] ?? ""}\u0001`;
    const same = this.formatRowsByKey.get(key);
    if (same) {
      this.formatRows[this.row] = same;
    } else {
      this.formatRowsByKey.set(key, formats);
      this.sealed.add(formats);
    }
  }

  /**
   * The grid read: the worksheet's used range from A1 cut to its data (`dataExtent`), blanks
   * `null` with the format `"General"`, with its merged areas, formulas without a saved result and
   * the cells left out. Rows of number formats that are the same may be one array: read them, do
   * not write them.
   */
  grid(): SheetGrid {
    const rows: { row: number; first: number }[] = [];
    for (let r = 0; r <= this.lastRow; r++) {
      const first = this.firstColumn[r];
      if (first >= 0) rows.push({ row: r, first });
    }
    const columns: number[] = [];
    for (let c = 0; c < SHEET_COLUMNS; c++) if (this.columnsUsed[c]) columns.push(c);
    const { height, width } = dataExtent({ rows, columns, cells: this.cellCount });
    rows.length = 0;

    const leftOut = new LeftOut();
    const finalFormats = new Map<string[] | undefined, string[]>();
    const values: CellValue[][] = new Array<CellValue[]>(height);
    const numberFormats: string[][] = new Array<string[]>(height);
    for (let r = 0; r < height; r++) {
      const row = this.values[r];
      if (!row) {
        values[r] = new Array<CellValue>(width).fill(null);
      } else {
        for (let c = width; c < row.length; c++) if (row[c] !== undefined) leftOut.add(r, c);
        row.length = width;
        for (let c = 0; c < width; c++) if (row[c] === undefined) row[c] = null;
        values[r] = row;
      }
      this.values[r] = undefined;
      const raw = this.formatRows[r];
      let formats = finalFormats.get(raw);
      if (!formats) {
        formats = new Array<string>(width);
        for (let c = 0; c < width; c++) formats[c] = raw?.[c] ?? "General";
        finalFormats.set(raw, formats);
      }
      numberFormats[r] = formats;
      this.formatRows[r] = undefined;
    }
    for (let r = height; r <= this.lastRow; r++) {
      const row = this.values[r];
      if (row) for (let c = 0; c < row.length; c++) if (row[c] !== undefined) leftOut.add(r, c);
    }
    for (const cell of this.far) {
      if (cell.row < height && cell.column < width) {
        values[cell.row][cell.column] = cell.value;
        if (cell.format !== undefined) {
          const formats = numberFormats[cell.row].slice();
          formats[cell.column] = cell.format;
          numberFormats[cell.row] = formats;
        }
      } else {
        leftOut.add(cell.row, cell.column);
      }
    }

    const grid: SheetGrid = { sheet: this.sheet, values, numberFormats, state: this.state };
    if (this.areas.length > 0) {
      // Listed by where each area's first covered cell (right of or below its top-left) lies.
      const slave = (a: MergedArea) =>
        a.right > a.left
          ? a.top * SHEET_COLUMNS + a.left + 1
          : (a.top + 1) * SHEET_COLUMNS + a.left;
      grid.merges = [...this.areas]
        .sort((a, b) => slave(a) - slave(b))
        .map((m) => `${toA1(m.top, m.left)}:${toA1(m.bottom, m.right)}`);
    }
    if (this.unsaved.length > 0) {
      grid.formulasWithoutValue = this.unsaved
        .sort((a, b) => a - b)
        .map((at) => toA1(Math.floor(at / SHEET_COLUMNS), at % SHEET_COLUMNS));
    }
    if (leftOut.count > 0) grid.cellsLeftOut = leftOut.said();
    return grid;
  }
}

/** Cells left out of a grid: how many, and the first few in reading order. */
class LeftOut {
  count = 0;
  private readonly first: number[] = [];

  add(row: number, column: number): void {
    this.count++;
    const at = row * SHEET_COLUMNS + column;
    if (this.first.length === LEFT_OUT_LISTED && at >= this.first[LEFT_OUT_LISTED - 1]) return;
    this.first.push(at);
    this.first.sort((a, b) => a - b);
    if (this.first.length > LEFT_OUT_LISTED) this.first.pop();
  }

  said(): { count: number; first: string[] } {
    return {
      count: this.count,
      first: this.first.map((at) => toA1(Math.floor(at / SHEET_COLUMNS), at % SHEET_COLUMNS)),
    };
  }
}

/**
 * A merged area from its reference as written (`B3:B5`, `C7`), corners in either order; null when
 * it is not one.
 * @example mergedArea("B5:A3") → { top: 2, left: 0, bottom: 4, right: 1 }
 */
export function mergedArea(ref: string): MergedArea | null {
  const [first, last = first] = ref.split(":");
  const a = fromA1(first);
  const b = fromA1(last);
  if (!a || !b) return null;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.column, b.column),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.column, b.column),
  };
}
