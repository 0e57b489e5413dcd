import { columnLetters } from "../../../src/engine/address";
import { invalidArgument } from "./officeError";

/** Excel's grid size. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A rectangle of cells by zero-based, inclusive corners. */
export type Bounds = { top: number; left: number; bottom: number; right: number };

/** The whole sheet. */
export const WHOLE_SHEET: Bounds = {
  top: 0,
  left: 0,
  bottom: MAX_ROWS - 1,
  right: MAX_COLUMNS - 1,
};

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

type Corner = { row?: number; column?: number };

function parseCorner(text: string): Corner | null {
  const match = /^(?:\$?([A-Za-z]{1,3}))?(?:\$?(\d{1,7}))?$/.exec(text);
  if (!match || (!match[1] && !match[2])) return null;
  const corner: Corner = {};
  if (match[1]) corner.column = columnIndex(match[1]);
  if (match[2]) corner.row = Number(match[2]) - 1;
  return corner;
}

/**
 * Splits an optional sheet prefix (`Sheet1!`, `'Plan Summary'!`) from an address.
 * @example splitSheet("'O''Brien'!A1") → { sheet: "O'Brien", address: "A1" }
 */
export function splitSheet(address: string): { sheet?: string; address: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: address.slice(bang + 1) };
}

/**
 * Bounds of an A1 address without a sheet: `B3`, `A1:H5000`, `A:C` (whole columns), `3:7` (whole
 * rows), `$A$1`. Throws InvalidArgument as Excel does for anything else.
 * @example parseBounds("A:C") → { top: 0, left: 0, bottom: 1048575, right: 2 }
 */
export function parseBounds(address: string): Bounds {
  const parts = address.trim().split(":");
  const corners = parts.map(parseCorner);
  const bad = () => invalidArgument(`The argument is invalid or missing: "${address}"`, "getRange");
  if (parts.length > 2 || corners.some((c) => c === null)) throw bad();
  const [a, b = a] = corners as Corner[];
  const wholeColumns = a.row === undefined && b.row === undefined;
  const wholeRows = a.column === undefined && b.column === undefined;
  if (parts.length === 1 && (wholeColumns || wholeRows)) throw bad();
  if (!wholeColumns && !wholeRows && (a.row === undefined || a.column === undefined)) throw bad();
  if (!wholeColumns && !wholeRows && (b.row === undefined || b.column === undefined)) throw bad();
  const bounds: Bounds = {
    top: wholeColumns ? 0 : Math.min(a.row as number, b.row as number),
    bottom: wholeColumns ? MAX_ROWS - 1 : Math.max(a.row as number, b.row as number),
    left: wholeRows ? 0 : Math.min(a.column as number, b.column as number),
    right: wholeRows ? MAX_COLUMNS - 1 : Math.max(a.column as number, b.column as number),
  };
  if (bounds.bottom >= MAX_ROWS || bounds.right >= MAX_COLUMNS || bounds.top < 0) throw bad();
  return bounds;
}

/**
 * An address as Excel writes it: `A1`, `A1:H5000`, `A:C`, `3:7`.
 * @example formatBounds({ top: 0, left: 0, bottom: 4999, right: 7 }) === "A1:H5000"
 */
export function formatBounds(bounds: Bounds): string {
  const allRows = bounds.top === 0 && bounds.bottom === MAX_ROWS - 1;
  const allColumns = bounds.left === 0 && bounds.right === MAX_COLUMNS - 1;
  if (allRows && !allColumns) return `${columnLetters(bounds.left)}:${columnLetters(bounds.right)}`;
  if (allColumns) return `${bounds.top + 1}:${bounds.bottom + 1}`;
  const first = `${columnLetters(bounds.left)}${bounds.top + 1}`;
  const last = `${columnLetters(bounds.right)}${bounds.bottom + 1}`;
  return first === last ? first : `${first}:${last}`;
}

/**
 * A sheet name as Excel prefixes it to an address: quoted unless letters, digits and underscores.
 * @example qualified("Plan Summary", "A1") === "'Plan Summary'!A1"
 */
export function qualified(sheet: string, address: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet);
  return `${plain ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${address}`;
}

/** Cells in a rectangle. */
export function cellCount(bounds: Bounds): number {
  return (bounds.bottom - bounds.top + 1) * (bounds.right - bounds.left + 1);
}

/** Whether two rectangles share a cell. */
export function intersects(a: Bounds, b: Bounds): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** Whether `inner` lies inside `outer`. */
export function contains(outer: Bounds, inner: Bounds): boolean {
  return (
    outer.top <= inner.top &&
    outer.left <= inner.left &&
    outer.bottom >= inner.bottom &&
    outer.right >= inner.right
  );
}
