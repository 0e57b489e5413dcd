import { fromA1, toA1 } from "../engine/address";
import type { CellValue, Grid } from "../engine/grid";
import { dataExtent, type CellSurvey } from "./dataExtent";
import { serialToTime, timeToSerial } from "./excelSerial";
import { cellValue, WorksheetScanner } from "./sheetValuesScanner";
import { GENERAL, type StyleFormat } from "./styleFormats";
import { xmlAttribute } from "./xmlScanner";

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
 * The cells the merged areas of a workbook's worksheets may cover in all, counted as their parts
 * are read; `refuse` throws when they cover more than `limit`.
 */
export type MergedCellsBudget = {
  limit: number;
  counted: number;
  refuse(largest: string, cells: number): never;
};

/**
 * Builds one worksheet's grid as its part is scanned once (`WorksheetScanner`), in the shape Excel's
 * `range.values` and `range.numberFormat` give its used range from A1: rectangular, blanks `null`
 * (formats `"General"`), the cells of a merged area other than its top-left one blank, as in Excel
 * — with the merged areas listed, and the formulas whose result the file does not keep (a program
 * that writes formulas without calculating them; one saved with an empty text result is blank, not
 * one of those). A used range far larger than what it holds (a stray cell at XFD1048576) is cut to
 * the data (`dataExtent`); the cells left out are counted and the first ones named. Values are
 * read as ExcelJS read them (see `readHistoryFile`). Rows are kept as they come; the merged areas,
 * which follow the cells in the part, are read after them (counted against `budget`); `grid()`
 * then blanks what they cover, surveys and cuts.
 * @example const s = new WorksheetGridScanner("Sales", "visible", context, budget); (scan the part); s.grid().values[0]
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
  /** Formula cells without a saved result, as `row * 16384 + column`. */
  private unsaved: number[] = [];
  private readonly areas: MergedArea[] = [];
  private afterCells = false;
  private largestArea = "";
  private largestCells = 0;

  constructor(
    private readonly sheet: string,
    private readonly state: SheetGrid["state"],
    private readonly context: WorkbookContext,
    private readonly budget: MergedCellsBudget,
  ) {
    super();
    this.readsStyles = true;
  }

  protected override cellsEnded(): void {
    this.afterCells = true;
  }

  override open(name: string, attributes: string, selfClosing: boolean): void {
    if (!this.afterCells) super.open(name, attributes, selfClosing);
    else if (name === "mergeCell") this.mergeCell(xmlAttribute(attributes, "ref") ?? "");
  }

  override close(name: string): void {
    if (!this.afterCells) super.close(name);
    else if (name === "mergeCells") this.finished = true;
  }

  private mergeCell(ref: string): void {
    const area = mergedArea(ref);
    if (!area) return;
    const cells = (area.bottom - area.top + 1) * (area.right - area.left + 1);
    if (cells > this.largestCells) {
      this.largestCells = cells;
      this.largestArea = ref;
    }
    this.budget.counted += cells;
    if (this.budget.counted > this.budget.limit) {
      this.budget.refuse(this.largestArea, this.budget.counted);
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
    if (!values) values = this.values[row] = new Array<CellValue>(this.denseWidth);
    if (column >= Math.max(values.length, this.denseWidth) + FAR_GAP) {
      this.far.push({ row, column, value, format });
      return;
    }
    values[column] = value;
    if (column >= this.denseWidth) this.denseWidth = column + 1;
    const formats = this.formatRows[row];
    if (format === undefined && formats?.[column] === undefined) return;
    this.setFormat(row, column, format);
  }

  private setFormat(row: number, column: number, format: string | undefined): void {
    let formats = this.formatRows[row];
    if (!formats || this.sealed.has(formats)) {
      formats = this.formatRows[row] = formats
        ? formats.slice()
        : new Array<string>(this.values[row]?.length ?? 0);
    }
    if (format === undefined) delete formats[column];
    else formats[column] = format;
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
   * Blanks the cells merged areas cover, but their top-left ones, as ExcelJS did on merging them:
   * they are not counted and name no formula without a result. An area overlapping one before it
   * is left out. Returns the areas kept.
   */
  private applyMerges(): MergedArea[] {
    const kept: MergedArea[] = [];
    const covered = new Set<number>();
    for (const area of this.areas) {
      if (area.top === area.bottom && area.left === area.right) continue;
      let overlaps = false;
      for (let r = area.top; r <= area.bottom && !overlaps; r++) {
        for (let c = area.left; c <= area.right; c++) {
          if (covered.has(r * SHEET_COLUMNS + c)) {
            overlaps = true;
            break;
          }
        }
      }
      if (overlaps) continue;
      kept.push(area);
      for (let r = area.top; r <= area.bottom; r++) {
        const values = this.values[r];
        for (let c = area.left; c <= area.right; c++) {
          covered.add(r * SHEET_COLUMNS + c);
          if (r === area.top && c === area.left) continue;
          if (values && values[c] !== undefined) {
            delete values[c];
            if (this.formatRows[r]?.[c] !== undefined) this.setFormat(r, c, undefined);
          }
        }
      }
    }
    if (covered.size > 0) {
      const topLeft = new Set(kept.map((a) => a.top * SHEET_COLUMNS + a.left));
      const slave = (at: number) => covered.has(at) && !topLeft.has(at);
      this.unsaved = this.unsaved.filter((at) => !slave(at));
      for (let i = this.far.length - 1; i >= 0; i--) {
        const cell = this.far[i];
        if (slave(cell.row * SHEET_COLUMNS + cell.column)) this.far.splice(i, 1);
      }
    }
    return kept;
  }

  /** Where the cells holding something are: each row's leftmost one, the columns, how many. */
  private survey(): CellSurvey {
    const first = new Int16Array(this.values.length).fill(-1);
    const columns = new Uint8Array(SHEET_COLUMNS);
    let cells = 0;
    for (let r = 0; r < this.values.length; r++) {
      const row = this.values[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        if (row[c] === undefined) continue;
        if (first[r] < 0) first[r] = c;
        columns[c] = 1;
        cells++;
      }
    }
    for (const cell of this.far) {
      if (first[cell.row] < 0 || cell.column < first[cell.row]) first[cell.row] = cell.column;
      columns[cell.column] = 1;
      cells++;
    }
    const rows: { row: number; first: number }[] = [];
    for (let r = 0; r < first.length; r++)
      if (first[r] >= 0) rows.push({ row: r, first: first[r] });
    const used: number[] = [];
    for (let c = 0; c < SHEET_COLUMNS; c++) if (columns[c]) used.push(c);
    return { rows, columns: used, cells };
  }

  /**
   * The grid read (see the class). Rows of number formats that are the same may be one array:
   * read them, do not write them.
   */
  grid(): SheetGrid {
    const areas = this.applyMerges();
    const { height, width } = dataExtent(this.survey());

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
    for (let r = height; r < this.values.length; r++) {
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
    if (areas.length > 0) {
      // Listed by where each area's first covered cell (right of or below its top-left) lies.
      const slave = (a: MergedArea) =>
        a.right > a.left
          ? a.top * SHEET_COLUMNS + a.left + 1
          : (a.top + 1) * SHEET_COLUMNS + a.left;
      grid.merges = areas
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
