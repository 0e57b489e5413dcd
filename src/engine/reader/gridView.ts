import { fromA1, toA1 } from "../address";
import type { CellValue, Grid } from "../grid";

/** A zero-based grid position. */
export type GridPosition = { row: number; column: number };

/** A rectangle of grid positions, corners included. */
export type GridArea = { top: number; left: number; bottom: number; right: number };

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
  /** Merged areas of more than one cell that reach into the grid (one may start before it). */
  merges: GridArea[];
  /** Cells holding a formula without a saved result, top to bottom, then left to right. */
  formulasWithoutValue: GridPosition[];
  /** The cells the grid says it left out of its values, if any. */
  cellsLeftOut: { count: number; first: string[] } | undefined;
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

  const toGrid = (address: unknown): GridPosition | null => {
    if (typeof address !== "string") return null;
    const found = fromA1(address.slice(address.lastIndexOf("!") + 1));
    return found ? { row: found.row - originRow, column: found.column - originColumn } : null;
  };

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
    merges: mergedAreas(grid?.merges, toGrid, rows.length),
    formulasWithoutValue: positions(grid?.formulasWithoutValue, toGrid, rows.length),
    cellsLeftOut: leftOut(grid?.cellsLeftOut),
  };
}

function mergedAreas(
  merges: unknown,
  toGrid: (address: unknown) => GridPosition | null,
  rowCount: number,
): GridArea[] {
  if (!Array.isArray(merges)) return [];
  const areas: GridArea[] = [];
  for (const merge of merges) {
    if (typeof merge !== "string") continue;
    const [first, last = first, extra] = merge.split(":");
    const a = toGrid(first);
    const b = toGrid(last);
    if (!a || !b || extra !== undefined) continue;
    const area = {
      top: Math.min(a.row, b.row),
      left: Math.min(a.column, b.column),
      bottom: Math.max(a.row, b.row),
      right: Math.max(a.column, b.column),
    };
    const inside = area.bottom >= 0 && area.right >= 0 && area.top < rowCount;
    const single = area.top === area.bottom && area.left === area.right;
    if (inside && !single) areas.push(area);
  }
  return areas;
}

function positions(
  addresses: unknown,
  toGrid: (address: unknown) => GridPosition | null,
  rowCount: number,
): GridPosition[] {
  if (!Array.isArray(addresses)) return [];
  const found: GridPosition[] = [];
  for (const address of addresses) {
    const position = toGrid(address);
    if (position && position.row >= 0 && position.column >= 0 && position.row < rowCount) {
      found.push(position);
    }
  }
  return found.sort((a, b) => a.row - b.row || a.column - b.column);
}

function leftOut(value: unknown): GridView["cellsLeftOut"] {
  if (typeof value !== "object" || value === null) return undefined;
  const { count, first } = value as { count?: unknown; first?: unknown };
  if (typeof count !== "number" || !Number.isInteger(count) || count <= 0) return undefined;
  const addresses = Array.isArray(first)
    ? first.filter((a): a is string => typeof a === "string")
    : [];
  return { count, first: addresses };
}
