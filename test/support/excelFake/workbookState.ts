import type { FakeCommentEntry } from "./comments";
import { type Bounds, cellCount, MAX_ROWS } from "./addresses";

/** One edge of a cell's border. */
export type FakeBorder = { style?: string; color?: string; weight?: string };

/** A cell's look, as `range.format` sets it. */
export type FakeCellFormat = {
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontColor?: string;
  fontName?: string;
  fillColor?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  borders?: { top?: FakeBorder; bottom?: FakeBorder; left?: FakeBorder; right?: FakeBorder };
};

/** A cell's stored value: a blank cell holds `""`, as Excel reports it. */
export type FakeCellValue = string | number | boolean;

/** A real cell: value, formula (kept as text, never evaluated), number format and look. */
export type FakeCell = {
  value: FakeCellValue;
  /** `=…` when the cell holds a formula; its value is then `""` (the fake does not calculate). */
  formula?: string;
  numberFormat: string;
  format: FakeCellFormat;
};

/** A keyed item: a setting, a defined name or a custom property. */
export type KeyedEntry = { key: string; value: unknown; comment?: string };

export type FakeVisibility = "Visible" | "Hidden" | "VeryHidden";

export type FakeConditionalFormat = {
  id: string;
  bounds: Bounds;
  /** `CellValue` compares each cell with bounds; `Custom` applies where a formula is true. */
  type: "CellValue" | "Custom";
  rule: { formula1: string; formula2?: string; operator: string } | { formula: string } | null;
  format: { fillColor?: string; fontColor?: string; bold?: boolean; italic?: boolean };
};

export type FakeValidation = {
  bounds: Bounds;
  rule: { list: { inCellDropDown: boolean; source: string } };
};

/** Print zoom: a scale in percent, or pages to fit to (0: as many as the sheet takes). */
export type FakePageZoom = {
  horizontalFitToPages?: number;
  verticalFitToPages?: number;
  scale?: number;
};

/** Header and footer texts of every page, in Excel's codes. */
export type FakeHeadersFooters = {
  leftHeader: string;
  centerHeader: string;
  rightHeader: string;
  leftFooter: string;
  centerFooter: string;
  rightFooter: string;
};

/** What `worksheet.pageLayout` sets: how the sheet prints. */
export type FakePageLayoutState = {
  orientation: "Portrait" | "Landscape";
  zoom: FakePageZoom;
  /** Null when the whole used range prints. */
  printArea: Bounds[] | null;
  printTitleRows: Bounds | null;
  headersFooters: FakeHeadersFooters;
};

export type FakeSheet = {
  id: string;
  name: string;
  visibility: FakeVisibility;
  /** Cells by `cellKey(row, column)`; a missing cell is blank with the default look. */
  cells: CellStore;
  /** Column widths in points, where not the standard width. */
  columnWidths: Map<number, number>;
  standardWidth: number;
  rowHeights: Map<number, number>;
  hiddenRows: Set<number>;
  hiddenColumns: Set<number>;
  freeze: { rows: number; columns: number } | null;
  /** Keyed by the upper-cased key. */
  customProperties: Map<string, KeyedEntry>;
  conditionalFormats: FakeConditionalFormat[];
  validations: FakeValidation[];
  /** Merged areas, as the file opened had them (the port never merges cells). */
  merges: Bounds[];
  pageLayout: FakePageLayoutState;
  /** Comments on cells (ExcelApi 1.10); clearing a range with "All" removes those on it. */
  comments: FakeCommentEntry[];
  deleted: boolean;
};

export type FakeTable = {
  id: string;
  name: string;
  sheet: FakeSheet;
  bounds: Bounds;
  style: string;
};

export type FakeWorkbookState = {
  /** Worksheets in tab order. */
  sheets: FakeSheet[];
  tables: FakeTable[];
  /** Defined names keyed by the upper-cased name; `value` is the formula (`=Sales!$A$1:$H$9`). */
  names: Map<string, KeyedEntry>;
  /** Add-in settings keyed by the key as given (settings keys are case-sensitive). */
  settings: Map<string, KeyedEntry>;
  activeSheetId: string;
  selection: { sheetId: string; address: string } | null;
  nextId: number;
};

/** The look a cell has when nothing was set: shared, never mutated. */
export const DEFAULT_FORMAT: FakeCellFormat = Object.freeze({}) as FakeCellFormat;
/** Excel's standard column width (8.43 characters) in points. */
export const STANDARD_WIDTH = 48;
export const STANDARD_HEIGHT = 15;

/**
 * Map key of a cell, column by column: below column 1024 (every cell a plan or a history uses) the
 * key is a small integer, which the page keeps without allocating — a key by row would not be past
 * row 65,536, and reading a 100,000-row sheet would then fill the page's memory with keys.
 */
export function cellKey(row: number, column: number): number {
  return column * MAX_ROWS + row;
}

/** Row and column of a map key. */
export function keyPosition(key: number): { row: number; column: number } {
  return { row: key % MAX_ROWS, column: Math.floor(key / MAX_ROWS) };
}

/** True when a cell holds a value and a number format and nothing else: no formula, no look. */
function plain(cell: FakeCell): boolean {
  return (
    cell.formula === undefined &&
    (cell.format === DEFAULT_FORMAT || Object.keys(cell.format).length === 0)
  );
}

/**
 * A sheet's cells by `cellKey`. A cell that holds only a value and a number format (every cell of
 * a history) is kept as that value, its number format beside it when not General: Excel keeps a
 * workbook's cells outside the page, and 800,000 cell objects in the page's memory would make the
 * page's garbage collection stand for work the pane does not do. `get` answers such a cell with a
 * fresh copy, to read; a cell to change comes from `forWrite`, and `settle` stores it back.
 */
export class CellStore {
  private readonly bare = new Map<number, FakeCellValue>();
  /** Number formats of bare cells, where not General. */
  private readonly bareFormats = new Map<number, string>();
  private readonly full = new Map<number, FakeCell>();

  get size(): number {
    return this.bare.size + this.full.size;
  }

  private copy(key: number, value: FakeCellValue): FakeCell {
    return {
      value,
      numberFormat: this.bareFormats.get(key) ?? "General",
      format: DEFAULT_FORMAT,
    };
  }

  /** The cell at a key, to read (a plain cell comes as a copy: change it through `forWrite`). */
  get(key: number): FakeCell | undefined {
    const cell = this.full.get(key);
    if (cell) return cell;
    const value = this.bare.get(key);
    return value === undefined ? undefined : this.copy(key, value);
  }

  private readonly scratch: FakeCell = {
    value: "",
    numberFormat: "General",
    format: DEFAULT_FORMAT,
  };

  /**
   * The cell at a key, to read at once and let go: a bare cell comes in one object reused by the
   * next `peek` (reading a 100,000-row range makes no object per cell).
   */
  peek(key: number): FakeCell | undefined {
    const cell = this.full.get(key);
    if (cell) return cell;
    const value = this.bare.get(key);
    if (value === undefined) return undefined;
    this.scratch.value = value;
    this.scratch.numberFormat = this.bareFormats.get(key) ?? "General";
    return this.scratch;
  }

  /** The cell at a key as stored, to change; created blank when missing. Call `settle` after. */
  forWrite(key: number): FakeCell {
    let cell = this.full.get(key);
    if (cell) return cell;
    const value = this.bare.get(key);
    cell = value === undefined ? this.copy(key, "") : this.copy(key, value);
    this.bare.delete(key);
    this.bareFormats.delete(key);
    this.full.set(key, cell);
    return cell;
  }

  /**
   * Once a cell was changed: drops it when it holds nothing but defaults, keeps it bare when it
   * holds only a value and a number format.
   */
  settle(key: number): void {
    const cell = this.full.get(key);
    if (!cell || !plain(cell)) return;
    this.full.delete(key);
    if (cell.value === "" && cell.numberFormat === "General") return;
    this.bare.set(key, cell.value);
    if (cell.numberFormat !== "General") this.bareFormats.set(key, cell.numberFormat);
  }

  /** Stores a cell as given (bare when it is plain). */
  set(key: number, cell: FakeCell): void {
    this.bare.delete(key);
    this.bareFormats.delete(key);
    this.full.set(key, cell);
    this.settle(key);
  }

  delete(key: number): boolean {
    this.bareFormats.delete(key);
    return this.full.delete(key) || this.bare.delete(key);
  }

  /** Every stored cell with its key, bare cells as copies. */
  *entries(): IterableIterator<[number, FakeCell]> {
    yield* this.full.entries();
    for (const [key, value] of this.bare) yield [key, this.copy(key, value)];
  }

  /**
   * The keys of the cells that count towards a used range: with a value or formula
   * (`valuesOnly`), or also with a number format or look. No copies made.
   */
  *usedKeys(valuesOnly: boolean): IterableIterator<number> {
    for (const [key, cell] of this.full) {
      const counts =
        cell.value !== "" ||
        cell.formula !== undefined ||
        (!valuesOnly && (cell.numberFormat !== "General" || Object.keys(cell.format).length > 0));
      if (counts) yield key;
    }
    for (const [key, value] of this.bare) if (!valuesOnly || value !== "") yield key;
  }

  /** Every stored cell, bare cells as copies. */
  *values(): IterableIterator<FakeCell> {
    for (const [, cell] of this.entries()) yield cell;
  }

  [Symbol.iterator](): IterableIterator<[number, FakeCell]> {
    return this.entries();
  }
}

/** A fresh, empty worksheet. */
export function newSheet(id: string, name: string): FakeSheet {
  return {
    id,
    name,
    visibility: "Visible",
    cells: new CellStore(),
    columnWidths: new Map(),
    standardWidth: STANDARD_WIDTH,
    rowHeights: new Map(),
    hiddenRows: new Set(),
    hiddenColumns: new Set(),
    freeze: null,
    customProperties: new Map(),
    conditionalFormats: [],
    comments: [],
    validations: [],
    merges: [],
    pageLayout: {
      orientation: "Portrait",
      zoom: { scale: 100 },
      printArea: null,
      printTitleRows: null,
      headersFooters: {
        leftHeader: "",
        centerHeader: "",
        rightHeader: "",
        leftFooter: "",
        centerFooter: "",
        rightFooter: "",
      },
    },
    deleted: false,
  };
}

/**
 * Each sheet's count of changes to its cells, which the used range remembered for it is checked
 * against: Excel knows a sheet's used range without walking its cells, and walking 800,000 cells on
 * every read would block the page the in-memory workbook stands in Excel for.
 */
const cellChanges = new WeakMap<FakeSheet, number>();
const knownBounds = new WeakMap<
  FakeSheet,
  { changes: number; valuesOnly: boolean; bounds: Bounds | null }[]
>();

/** Notes that a cell of the sheet is about to change (every writer of cells goes through here). */
export function cellsChanging(sheet: FakeSheet): void {
  cellChanges.set(sheet, (cellChanges.get(sheet) ?? 0) + 1);
}

/** The cell at a position, created blank when missing (for writing). */
export function cellForWrite(sheet: FakeSheet, row: number, column: number): FakeCell {
  cellsChanging(sheet);
  return sheet.cells.forWrite(cellKey(row, column));
}

/**
 * After a change: drops a cell that holds nothing but defaults, so used ranges stay true, and keeps
 * one that holds only a value as that value.
 */
export function tidyCell(sheet: FakeSheet, row: number, column: number): void {
  cellsChanging(sheet);
  sheet.cells.settle(cellKey(row, column));
}

/**
 * Calls `visit` for every stored cell inside `bounds`, choosing whichever of the rectangle or the
 * stored cells is smaller to walk.
 */
export function forEachStoredCell(
  sheet: FakeSheet,
  bounds: Bounds,
  visit: (cell: FakeCell, row: number, column: number) => void,
): void {
  if (cellCount(bounds) <= sheet.cells.size) {
    for (let r = bounds.top; r <= bounds.bottom; r++) {
      for (let c = bounds.left; c <= bounds.right; c++) {
        const cell = sheet.cells.get(cellKey(r, c));
        if (cell) visit(cell, r, c);
      }
    }
    return;
  }
  for (const [key, cell] of [...sheet.cells]) {
    const { row, column } = keyPosition(key);
    if (
      row >= bounds.top &&
      row <= bounds.bottom &&
      column >= bounds.left &&
      column <= bounds.right
    )
      visit(cell, row, column);
  }
}

/**
 * The smallest rectangle holding every cell with a value or formula (`valuesOnly`), or also every
 * cell with a number format or look; null for a blank sheet.
 */
export function usedBounds(sheet: FakeSheet, valuesOnly: boolean): Bounds | null {
  const changes = cellChanges.get(sheet) ?? 0;
  const known = (knownBounds.get(sheet) ?? []).filter((k) => k.changes === changes);
  const remembered = known.find((k) => k.valuesOnly === valuesOnly);
  if (remembered) return remembered.bounds && { ...remembered.bounds };
  const bounds = walkUsedBounds(sheet, valuesOnly);
  known.push({ changes, valuesOnly, bounds: bounds && { ...bounds } });
  knownBounds.set(sheet, known);
  return bounds;
}

function walkUsedBounds(sheet: FakeSheet, valuesOnly: boolean): Bounds | null {
  let bounds: Bounds | null = null;
  for (const key of sheet.cells.usedKeys(valuesOnly)) {
    const { row, column } = keyPosition(key);
    if (!bounds) bounds = { top: row, left: column, bottom: row, right: column };
    else {
      bounds.top = Math.min(bounds.top, row);
      bounds.bottom = Math.max(bounds.bottom, row);
      bounds.left = Math.min(bounds.left, column);
      bounds.right = Math.max(bounds.right, column);
    }
  }
  return bounds;
}

/** Excel compares sheet, table and name keys without regard to case. */
export function folded(name: string): string {
  return name.toLocaleUpperCase("en-US");
}

/** The live (not deleted) sheet with a name, any case. */
export function findSheet(state: FakeWorkbookState, name: string): FakeSheet | undefined {
  const key = folded(name);
  return state.sheets.find((s) => folded(s.name) === key);
}
