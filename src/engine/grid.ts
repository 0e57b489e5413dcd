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
};
