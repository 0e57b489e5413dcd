import { type Bounds, cellCount } from "./addresses";
import { invalidArgument, notImplemented } from "./officeError";
import { typedEntry } from "./typedEntry";
import {
  cellForWrite,
  cellsChanging,
  cellKey,
  DEFAULT_FORMAT,
  type FakeCell,
  type FakeSheet,
  forEachStoredCell,
  tidyCell,
} from "./workbookState";

/** A range as the fake finds it at sync time. */
export type RangeTarget = { sheet: FakeSheet; bounds: Bounds };

/** Excel's longest cell text. */
const MAX_TEXT = 32_767;

function checkShape(target: RangeTarget, input: unknown, property: string): unknown[][] {
  const rows = target.bounds.bottom - target.bounds.top + 1;
  const columns = target.bounds.right - target.bounds.left + 1;
  const mismatch = () =>
    invalidArgument(
      "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
      `Range.${property}`,
    );
  if (!Array.isArray(input) || input.length !== rows) throw mismatch();
  for (const row of input) {
    if (!Array.isArray(row) || row.length !== columns) throw mismatch();
  }
  return input as unknown[][];
}

function checkEntry(value: unknown, property: string): void {
  const bad = (why: string) => invalidArgument(`Range.${property}: ${why}`, `Range.${property}`);
  if (value === null) return;
  if (property === "numberFormat") {
    if (typeof value !== "string") throw bad(`a number format must be text, not ${typeof value}`);
    return;
  }
  if (typeof value === "number" && !Number.isFinite(value))
    throw bad(`${value} is not a number Excel holds`);
  if (typeof value === "string" && value.length > MAX_TEXT)
    throw bad(`text longer than ${MAX_TEXT} characters`);
  if (!["string", "number", "boolean"].includes(typeof value))
    throw bad(`${typeof value} is not a cell value`);
}

function enterText(cell: FakeCell, text: string, viaFormulas: boolean): void {
  // A cell formatted as text keeps whatever is entered, formulas included, as text.
  if (cell.numberFormat === "@") {
    cell.value = text;
    delete cell.formula;
    return;
  }
  if (viaFormulas && text.length > 1 && text.startsWith("=")) {
    cell.value = "";
    cell.formula = text;
    return;
  }
  const entry = typedEntry(text);
  delete cell.formula;
  switch (entry.kind) {
    case "formula":
      cell.value = "";
      cell.formula = entry.formula;
      break;
    case "number":
      cell.value = entry.value;
      if (entry.numberFormat && cell.numberFormat === "General")
        cell.numberFormat = entry.numberFormat;
      break;
    default:
      cell.value = entry.value;
  }
}

/**
 * Writes a 2-D array through `values`, `formulas` or `numberFormat`, as Excel does: `null` leaves a
 * cell unchanged, `""` clears it (or resets the format to General); strings are typed entries —
 * a string starting with `=` becomes a formula, `+1` a number, `2026-01` a date — unless the cell's
 * number format is text (`@`), where everything stays text.
 */
export function writeCells(
  target: RangeTarget,
  input: unknown,
  property: "values" | "formulas" | "numberFormat",
): void {
  const rows = checkShape(target, input, property);
  for (const row of rows) for (const value of row) checkEntry(value, property);
  const { sheet, bounds } = target;
  rows.forEach((row, i) => {
    row.forEach((value, j) => {
      if (value === null) return;
      const r = bounds.top + i;
      const c = bounds.left + j;
      if (property === "numberFormat") {
        cellForWrite(sheet, r, c).numberFormat = value === "" ? "General" : (value as string);
      } else if (value === "") {
        if (sheet.cells.get(cellKey(r, c))) {
          const cell = cellForWrite(sheet, r, c);
          cell.value = "";
          delete cell.formula;
        }
      } else if (typeof value === "string") {
        enterText(cellForWrite(sheet, r, c), value, property === "formulas");
      } else {
        const cell = cellForWrite(sheet, r, c);
        cell.value = value as number | boolean;
        delete cell.formula;
      }
      tidyCell(sheet, r, c);
    });
  });
}

/** `Range.clear(applyTo)`: All, Contents or Formats. */
export function clearCells(target: RangeTarget, applyTo: string): void {
  const { sheet, bounds } = target;
  if (!["All", "Contents", "Formats"].includes(applyTo))
    throw notImplemented(`Range.clear("${applyTo}")`);
  if (applyTo === "All") {
    sheet.comments = sheet.comments.filter(
      (c) =>
        c.row < bounds.top ||
        c.row > bounds.bottom ||
        c.column < bounds.left ||
        c.column > bounds.right,
    );
  }
  forEachStoredCell(sheet, bounds, (_, r, c) => {
    if (applyTo === "All") {
      cellsChanging(sheet);
      sheet.cells.delete(cellKey(r, c));
      return;
    }
    const cell = cellForWrite(sheet, r, c);
    if (applyTo === "Contents") {
      cell.value = "";
      delete cell.formula;
    } else {
      cell.numberFormat = "General";
      cell.format = DEFAULT_FORMAT;
    }
    tidyCell(sheet, r, c);
  });
}

/** Most cells one format call may touch; whole rows, columns or sheets are not emulated. */
const MAX_FORMATTED_CELLS = 2_000_000;

/** Applies a change of look to every cell of a range (copy on write: looks are shared). */
export function updateLook(
  target: RangeTarget,
  what: string,
  change: (format: FakeCell["format"], row: number, column: number) => FakeCell["format"],
): void {
  const { sheet, bounds } = target;
  if (cellCount(bounds) > MAX_FORMATTED_CELLS) {
    throw notImplemented(
      `${what} on more than ${MAX_FORMATTED_CELLS} cells (whole rows, columns or sheet)`,
    );
  }
  for (let r = bounds.top; r <= bounds.bottom; r++) {
    for (let c = bounds.left; c <= bounds.right; c++) {
      const cell = cellForWrite(sheet, r, c);
      cell.format = change(cell.format, r, c);
      tidyCell(sheet, r, c);
    }
  }
}

/**
 * A property of every cell of a range when they agree, else null (Excel's answer for mixed
 * formats); null too when the range is too large to read.
 */
export function uniformOver<T>(
  target: RangeTarget,
  read: (cell: FakeCell | undefined) => T,
): T | null {
  const { sheet, bounds } = target;
  if (cellCount(bounds) > MAX_FORMATTED_CELLS) return null;
  let first: T | undefined;
  for (let r = bounds.top; r <= bounds.bottom; r++) {
    for (let c = bounds.left; c <= bounds.right; c++) {
      const value = read(sheet.cells.get(cellKey(r, c)));
      if (first === undefined) first = value;
      else if (JSON.stringify(value) !== JSON.stringify(first)) return null;
    }
  }
  return first ?? null;
}
