/**
 * Sheet models: what a generated sheet holds, independent of the writer (Excel port or .xlsx port).
 * One layout, two writers.
 */

/** Named looks; each writer maps them to fonts, fills and borders. */
export type CellStyle = "title" | "subtitle" | "header" | "label" | "total" | "note" | "input";

export type SheetCell = {
  /**
   * The cell's value. For a formula cell it is the value the engine computed: writers store it
   * as the cached result, and tests compare a spreadsheet engine's recalculation against it.
   * Strings are always written as text, never parsed (a name starting with `=` stays text).
   */
  value: string | number | boolean | null;
  /** en-US formula without the leading `=`, e.g. `SUM(B2:M2)`. */
  formula?: string;
  /** Excel number format, e.g. `#,##0` or `0.0%`. */
  numFmt?: string;
  style?: CellStyle;
};

/** A block of cells by zero-based corners (inclusive). */
export type CellBlock = {
  firstRow: number;
  firstColumn: number;
  lastRow: number;
  lastColumn: number;
};

/** An Excel table over a block whose first row is the header row. */
export type TableSpec = {
  /** Workbook-unique table name (letters, digits, underscores; no spaces). */
  name: string;
  block: CellBlock;
  /** Built-in table style, e.g. `TableStyleMedium2`. */
  style: string;
};

/**
 * A traffic-light rule on a block of data rows: the cell's value compared with bounds, or an
 * `expression` that is true for the block's top-left cell (relative references, as Excel reads it).
 */
export type ConditionalFormatSpec = {
  block: CellBlock;
  operator: "greaterThanOrEqual" | "lessThan" | "between" | "expression";
  /** One bound, two for `between` (low, high), or the expression; formulas without `=`. */
  bounds: string[];
  /** good: green, neutral: amber, bad: red. */
  tone: "good" | "neutral" | "bad";
};

/** A dropdown: the cells of the block accept one of the listed texts. */
export type ListValidationSpec = { block: CellBlock; values: string[] };

/**
 * A chart drawn from a block of its own sheet. Only the Excel port draws charts: the .xlsx writer
 * (ExcelJS cannot write them) leaves them out and writes the sheet's cells all the same.
 */
export type ChartSpec = {
  /**
   * Stable name, the same in every language and every run: a regeneration replaces the chart of
   * this name and keeps every other chart on the sheet.
   */
  name: string;
  type: "line" | "columnClustered";
  title: string;
  /**
   * The block drawn (A1, this sheet): a header row naming the series over a first column of
   * category labels; each further column is one series. Excel reads a chart from it this way.
   */
  source: string;
  /** The category labels (A1): the source's first column below the header. */
  categories: string;
  /** One per further column of the source, in order: its name and its values (A1). */
  series: { name: string; values: string }[];
  /** The cells the chart covers, top-left to bottom-right (A1). */
  anchor: { from: string; to: string };
};

/**
 * How a sheet prints, decided with its layout so that every writer prints it alike: one page wide
 * and as many pages tall as its rows take, its title rows repeated at the top of every page.
 */
export type PrintSetup = {
  /** Landscape for a sheet wider than a portrait page. */
  orientation: "portrait" | "landscape";
  /** Zero-based first and last rows repeated at the top of every page (the header rows). */
  titleRows: { first: number; last: number };
  /** The cells printed: every cell of the sheet. */
  area: CellBlock;
  /**
   * The footer's centre section in Excel's header and footer codes: `&P` the page, `&N` the
   * pages; a literal `&` is written `&&`.
   */
  footer: string;
};

export type SheetModel = {
  /** Sheet name as written (≤ 31 characters, no `: \ / ? * [ ]`). */
  name: string;
  /** What the sheet is, stable across languages: lets regeneration find its own sheets. */
  kind: string;
  /** For a sheet per member (a rep tab): which member, stable across renames and languages. */
  key?: string;
  /** Row-major cells from A1; `null` leaves a cell blank. */
  rows: (SheetCell | null)[][];
  /** Column widths in characters, by zero-based column. */
  columnWidths?: number[];
  /** Rows and columns kept in view while scrolling. */
  freeze?: { rows: number; columns: number };
  /** Sheet visibility; the plan store is `veryHidden` (only code can show it). Default visible. */
  state?: "visible" | "hidden" | "veryHidden";
  tables?: TableSpec[];
  /** Limited to data rows, never whole columns. */
  conditionalFormats?: ConditionalFormatSpec[];
  validations?: ListValidationSpec[];
  /** Zero-based rows and columns kept hidden (row keys and column ids live there). */
  hiddenRows?: number[];
  hiddenColumns?: number[];
  /** Where users type: carried across regeneration by row key and column id. */
  userRows?: UserRowsLayout;
  /**
   * The hidden column holding the signature of each row the plan writes (`signRows`): one
   * distinct text per row, which writers keep out of the shared strings.
   */
  rowSignatures?: number;
  /**
   * A mark on a sheet generated earlier that is no longer regenerated (a rep who left the plan):
   * writers keep the existing sheet and its cells, and write only this model's non-blank cells.
   * When the sheet is gone, nothing is written.
   */
  keepExisting?: boolean;
  /** Charts over this sheet's cells (Excel only; see `ChartSpec`). */
  charts?: ChartSpec[];
  /** Page setup for printing; a sheet without one (the plan store) keeps the defaults. */
  print?: PrintSetup;
};

/**
 * A block of keyed rows with columns users type into. Row `idRow` (hidden) names every column by
 * a stable id; column `keyColumn` (hidden) holds each data row's key (the leaf's path and month);
 * column `signatureColumn` (hidden) a fingerprint of the row's generated cells as written, so a
 * regeneration can tell which of them a user typed over.
 */
export type UserRowsLayout = {
  idRow: number;
  headerRow: number;
  firstRow: number;
  lastRow: number;
  keyColumn: number;
  signatureColumn: number;
  /** Columns the user owns, by id. */
  userColumns: { column: number; id: string }[];
  /** Generated columns covered by the signature, in signature order. */
  generatedColumns: number[];
};

/**
 * A sheet whose name, kind and visibility are known before its cells are. Writers build it when
 * they reach it and let it go once written, so a large plan's cells are never all held at once.
 */
export type LazySheet = Pick<SheetModel, "name" | "kind" | "key" | "state" | "keepExisting"> & {
  build: () => SheetModel;
};

/** What writers take: a built sheet model or one built when it is written. */
export type SheetSource = SheetModel | LazySheet;

/**
 * The model of a sheet source, built now when it is lazy.
 * @example sheetOf({ name: "Ann", kind: "rep-tab", build: () => model }) === model
 */
export function sheetOf(source: SheetSource): SheetModel {
  if (!("build" in source)) return source;
  const model = source.build();
  for (const field of ["name", "kind", "key", "state", "keepExisting"] as const) {
    if ((model[field] ?? null) !== (source[field] ?? null)) {
      throw new Error(`sheet ${source.name}: built with ${field} ${String(model[field])}`);
    }
  }
  return model;
}
