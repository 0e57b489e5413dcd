import { toA1 } from "../address";
import type { CellValue, Grid } from "../grid";

/**
 * Defensive, read-only access to a grid whose rows may be ragged, sparse or malformed: anything
 * that is not a string, number or boolean reads as a blank cell.
 */
export type GridView = {
  sheet: string;
  /** Number of rows in `values` (zero when `values` is not an array). */
  rowCount: number;
  /** Cell at a zero-based grid position; `null` outside the data or when malformed. */
  cell(row: number, column: number): CellValue;
  /** Number format at a grid position; `undefined` when the grid does not say. */
  format(row: number, column: number): string | undefined;
  /** Length of one row (zero for a missing row). */
  rowLength(row: number): number;
  /** Sheet A1 address of a grid position, counting from the grid's origin. */
  address(row: number, column: number): string;
  /** Zero-based sheet row of a grid row. */
  sheetRow(row: number): number;
  /** Zero-based sheet column of a grid column. */
  sheetColumn(column: number): number;
};

function originPart(value: unknown): number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : 0;
}

/**
 * A safe view over a grid, whatever its shape.
 * @example makeGridView({ sheet: "S", values: [[1]], origin: { row: 2, column: 1 } }).address(0, 0) === "B3"
 */
export function makeGridView(grid: Grid): GridView {
  const values: unknown = grid?.values;
  const rows: unknown[] = Array.isArray(values) ? values : [];
  const formatsValue: unknown = grid?.numberFormats;
  const formats: unknown[] | undefined = Array.isArray(formatsValue) ? formatsValue : undefined;
  const origin: unknown = grid?.origin;
  const originRow = originPart((origin as { row?: unknown } | undefined)?.row);
  const originColumn = originPart((origin as { column?: unknown } | undefined)?.column);
  const sheetName: unknown = grid?.sheet;
  const sheet = typeof sheetName === "string" ? sheetName : String(sheetName ?? "");

  const rowAt = (row: number): unknown[] | undefined => {
    const found = rows[row];
    return Array.isArray(found) ? found : undefined;
  };

  return {
    sheet,
    rowCount: rows.length,
    cell(row, column) {
      const value = rowAt(row)?.[column];
      return typeof value === "string" || typeof value === "number" || typeof value === "boolean"
        ? value
        : null;
    },
    format(row, column) {
      const formatRow = formats?.[row];
      const format = Array.isArray(formatRow) ? formatRow[column] : undefined;
      return typeof format === "string" ? format : undefined;
    },
    rowLength(row) {
      return rowAt(row)?.length ?? 0;
    },
    address(row, column) {
      return toA1(originRow + row, originColumn + column);
    },
    sheetRow(row) {
      return originRow + row;
    },
    sheetColumn(column) {
      return originColumn + column;
    },
  };
}
