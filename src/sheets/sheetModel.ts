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

export type SheetModel = {
  /** Sheet name as written (≤ 31 characters, no `: \ / ? * [ ]`). */
  name: string;
  /** What the sheet is, stable across languages: lets regeneration find its own sheets. */
  kind: string;
  /** Row-major cells from A1; `null` leaves a cell blank. */
  rows: (SheetCell | null)[][];
  /** Column widths in characters, by zero-based column. */
  columnWidths?: number[];
  /** Rows and columns kept in view while scrolling. */
  freeze?: { rows: number; columns: number };
  /** Sheet visibility; the plan store is `veryHidden` (only code can show it). Default visible. */
  state?: "visible" | "hidden" | "veryHidden";
};
