/**
 * A rectangular block of cells as Excel's `range.values` and `range.numberFormat` give it.
 * Blank cells are `""` (Excel) or `null` (files). Dates are serial numbers whose number format
 * says they are dates; dates typed as text stay strings.
 */
export type CellValue = string | number | boolean | null;

export type Grid = {
  /** The worksheet's name, used in every reported address. */
  sheet: string;
  /** Row-major cell values. Rows may be ragged; missing cells are blank. */
  values: CellValue[][];
  /** Number formats parallel to `values` (`"General"` or missing when unknown). */
  numberFormats?: string[][];
  /** Zero-based sheet position of `values[0][0]`; A1 when omitted. */
  origin?: { row: number; column: number };
  /**
   * Merged areas as A1 ranges of the sheet (`"B3:B5"`), whatever the origin. As in Excel, only an
   * area's top-left cell holds its value in `values`; the others are blank.
   */
  merges?: string[];
  /**
   * Cells (A1 addresses of the sheet) holding a formula whose result the file does not keep, as
   * programs that write formulas without calculating them save them: blank in `values`, though
   * the cell is not empty.
   */
  formulasWithoutValue?: string[];
  /**
   * Cells of the sheet that `values` leaves out because they lie far outside its data (a stray
   * cell at XFD1048576 would make the grid a billion cells): how many, and the first addresses.
   */
  cellsLeftOut?: { count: number; first: string[] };
};
