import { columnLetters, toA1 } from "../engine/address";
import type { CellStyle, SheetCell } from "./sheetModel";

/** Whole currency amounts. */
export const AMOUNT_FORMAT = "#,##0";
/** Ratios shown as percentages. */
export const PERCENT_FORMAT = "0.0%";

/**
 * A text cell; it stays text in every writer, whatever it starts with.
 * @example text("Region", "header") → { value: "Region", style: "header" }
 */
export function text(value: string, style?: CellStyle): SheetCell {
  return style ? { value, style } : { value };
}

/**
 * A number cell with a number format.
 * @example amount(132000) → { value: 132000, numFmt: "#,##0" }
 */
export function amount(value: number, style?: CellStyle, numFmt = AMOUNT_FORMAT): SheetCell {
  return style ? { value, numFmt, style } : { value, numFmt };
}

/**
 * A formula cell carrying the value the engine computed for it.
 * @example formula("SUM(C5:N5)", 132000) → { value: 132000, formula: "SUM(C5:N5)", numFmt: "#,##0" }
 */
export function formula(
  expression: string,
  value: string | number | null,
  style?: CellStyle,
  numFmt = AMOUNT_FORMAT,
): SheetCell {
  const cell: SheetCell = { value, formula: expression, numFmt };
  if (style) cell.style = style;
  return cell;
}

/**
 * A1 address from zero-based row and column.
 * @example a1(4, 2) === "C5"
 */
export function a1(row: number, column: number): string {
  return toA1(row, column);
}

/**
 * A1 range of one column between two zero-based rows.
 * @example columnRange(2, 4, 9) === "C5:C10"
 */
export function columnRange(column: number, fromRow: number, toRow: number): string {
  return `${columnLetters(column)}${fromRow + 1}:${columnLetters(column)}${toRow + 1}`;
}

/**
 * A sheet name quoted for use in a formula.
 * @example sheetRef("Plan Summary") === "'Plan Summary'"; sheetRef("O'Brien") === "'O''Brien'"
 */
export function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * A row of `width` blank cells, filled where `cells` says.
 * @example rowOf(3, { 1: text("x") }) → [null, { value: "x" }, null]
 */
export function rowOf(width: number, cells: Record<number, SheetCell>): (SheetCell | null)[] {
  return Array.from({ length: width }, (_, i) => cells[i] ?? null);
}

/**
 * Gives the blank cells of a row a style, so a total row's border runs under the whole row.
 * @example fillBlanks([text("Total", "total"), null], "total") → [{…}, { value: null, style: "total" }]
 */
export function fillBlanks(row: (SheetCell | null)[], style: CellStyle): (SheetCell | null)[] {
  return row.map((cell) => cell ?? { value: null, style });
}
