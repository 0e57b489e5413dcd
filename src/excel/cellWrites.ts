import type { CellValue } from "../engine/grid";
import type { SheetCell } from "../sheets/sheetModel";
import { jsonBytes } from "./payloadBytes";

/**
 * Number format of a cell that holds text from the data. Excel reads what `range.values` writes
 * as if typed: `=HYPERLINK(…)` would become a formula, `+1` a number, `2026-01` a date. In a cell
 * formatted as text, whatever is written stays text — so the format goes first.
 */
export const TEXT_FORMAT = "@";

/** What one model cell puts into the number-format, values and formulas arrays of its block. */
export type CellWrite = {
  numberFormat: string | null;
  value: CellValue | null;
  formula: string | null;
};

const BLANK: CellWrite = { numberFormat: null, value: null, formula: null };

/**
 * A model cell as Excel writes it; `null` entries leave the (freshly cleared) cell as it is. Text
 * gets the text format so it stays text; an empty text is left blank, keeping its number format,
 * so a user typing a number there gets a number. Formulas go through `formulas` with their `=`.
 * @example cellWrite({ value: "=1+1" }) → { numberFormat: "@", value: "=1+1", formula: null }
 */
export function cellWrite(cell: SheetCell | null | undefined): CellWrite {
  if (!cell) return BLANK;
  const numberFormat = cell.numFmt ?? null;
  if (cell.formula !== undefined) {
    const formula = cell.formula.startsWith("=") ? cell.formula : `=${cell.formula}`;
    return { numberFormat, value: null, formula };
  }
  if (typeof cell.value === "string" && cell.value !== "") {
    return { numberFormat: TEXT_FORMAT, value: cell.value, formula: null };
  }
  if (cell.value === "" || cell.value === null) return { numberFormat, value: null, formula: null };
  return { numberFormat, value: cell.value, formula: null };
}

/** The three arrays of a block of rows; an array that would be all `null` is left out (null). */
export type BlockArrays = {
  numberFormats: (string | null)[][] | null;
  values: (CellValue | null)[][] | null;
  formulas: (string | null)[][] | null;
};

/** The arrays for model rows `first…last`, `width` columns wide (short rows padded blank). */
export function blockArrays(
  rows: readonly (readonly (SheetCell | null)[])[],
  first: number,
  last: number,
  width: number,
): BlockArrays {
  const numberFormats: (string | null)[][] = [];
  const values: (CellValue | null)[][] = [];
  const formulas: (string | null)[][] = [];
  let anyFormat = false;
  let anyValue = false;
  let anyFormula = false;
  for (let r = first; r <= last; r++) {
    const formatRow: (string | null)[] = [];
    const valueRow: (CellValue | null)[] = [];
    const formulaRow: (string | null)[] = [];
    for (let c = 0; c < width; c++) {
      const write = cellWrite(rows[r]?.[c]);
      formatRow.push(write.numberFormat);
      valueRow.push(write.value);
      formulaRow.push(write.formula);
      anyFormat ||= write.numberFormat !== null;
      anyValue ||= write.value !== null;
      anyFormula ||= write.formula !== null;
    }
    numberFormats.push(formatRow);
    values.push(valueRow);
    formulas.push(formulaRow);
  }
  return {
    numberFormats: anyFormat ? numberFormats : null,
    values: anyValue ? values : null,
    formulas: anyFormula ? formulas : null,
  };
}

/**
 * Most bytes one model row adds to its block's three arrays (each row also costs a comma).
 * @example rowArrayBytes([{ value: 1 }], 1) === 6 + 3 + 6 + 3 // [null], [1], [null] and commas
 */
export function rowArrayBytes(
  row: readonly (SheetCell | null)[] | undefined,
  width: number,
): number {
  const arrays = blockArrays([row ?? []], 0, 0, width);
  const nulls = jsonBytes(new Array<null>(width).fill(null));
  return (
    (arrays.numberFormats ? jsonBytes(arrays.numberFormats[0]) : nulls) +
    (arrays.values ? jsonBytes(arrays.values[0]) : nulls) +
    (arrays.formulas ? jsonBytes(arrays.formulas[0]) : nulls) +
    3
  );
}
