import type { CellValue } from "../engine/grid";
import { MARK_PREFIX } from "./generatedMark";
import { cellHash } from "./rowSignature";
import type { SheetCell, SheetModel } from "./sheetModel";

/**
 * Signatures of a generated sheet's rows: in the hidden column of the sheet's mark (right of
 * everything the plan writes), one cell per row that holds cells of the plan's, telling the next
 * regeneration which of those cells a user typed over; the first row's is carried by the mark
 * itself, since nothing may stand right of the mark in its row (LibreOffice would then print the
 * hidden mark). Each signature names its own cells,
 * so it needs nothing else to be read back: runs of columns, `start:tokens` joined by `,`, one
 * token per cell — `.` a blank cell, `=` a formula (typed over when it no longer holds one: its
 * value follows the cells it refers to, which users may change), otherwise 4 hex digits of the
 * value's fingerprint. Rows of a table with keyed rows are left out: they carry their own key and
 * signature, which move with them when the table is sorted.
 * @example rowSignatureText([{ value: "Total" }, { value: 5, formula: "SUM(B2:B4)" }, null, { value: null }])
 *   === "0:" + cellHash("Total") + "=,3:."
 */
export function rowSignatureText(cells: readonly (SheetCell | null)[]): string {
  const runs: string[] = [];
  let run = "";
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c];
    if (!cell) {
      if (run !== "") runs.push(run);
      run = "";
      continue;
    }
    if (run === "") run = `${c}:`;
    run += token(cell);
  }
  if (run !== "") runs.push(run);
  return runs.join(",");
}

function token(cell: SheetCell): string {
  if (cell.formula !== undefined) return "=";
  if (isBlank(cell.value)) return ".";
  return cellHash(canonicalValue(cell.value));
}

function isBlank(value: CellValue | undefined): boolean {
  return value === null || value === undefined || value === "";
}

/**
 * A value as signatures see it, the same through every tool that re-saves a workbook: a whole
 * number exactly, other numbers to 12 significant digits (a tool that writes 15 digits keeps
 * them), text with Windows line ends as plain line ends.
 */
function canonicalValue(value: CellValue): string {
  if (typeof value === "number") {
    if (Number.isInteger(value)) return String(value);
    return String(Number(value.toPrecision(12)));
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value).replace(/\r\n/g, "\n");
}

/** Longest signature written: Excel keeps at most 32,767 characters in a cell. */
const MAX_SIGNATURE = 32000;

function isMark(value: CellValue | undefined): boolean {
  return typeof value === "string" && value.startsWith(MARK_PREFIX);
}

/** The signature of its row a mark carries (`{"kind":…,"signature":"0:1fab"}`), or null. */
function signatureInMark(mark: string): string | null {
  try {
    const parsed = JSON.parse(mark.slice(MARK_PREFIX.length)) as unknown;
    if (typeof parsed !== "object" || parsed === null) return null;
    const { signature } = parsed as Record<string, unknown>;
    return typeof signature === "string" ? signature : null;
  } catch {
    return null;
  }
}

/** A mark's text carrying the signature of its row (what the mark says is kept). */
function markWithSignature(mark: string, signature: string): string {
  const said = JSON.parse(mark.slice(MARK_PREFIX.length)) as Record<string, unknown>;
  return `${MARK_PREFIX}${JSON.stringify({ ...said, signature })}`;
}

/** A signature read back: the cells it covers, in order, each with its token. */
type SignedCell = { column: number; token: string };

/**
 * The cells a signature covers, or null when the text is not a signature (a user's text in the
 * column, a signature cut short by a tool).
 */
export function parseRowSignature(value: CellValue): SignedCell[] | null {
  const text = isMark(value) ? signatureInMark(value as string) : value;
  if (typeof text !== "string" || text === "") return null;
  const cells: SignedCell[] = [];
  for (const run of text.split(",")) {
    const colon = run.indexOf(":");
    if (colon <= 0) return null;
    const start = Number(run.slice(0, colon));
    if (!Number.isInteger(start) || start < 0) return null;
    let column = start;
    for (let i = colon + 1; i < run.length; column++) {
      const ch = run[i];
      if (ch === "." || ch === "=") {
        cells.push({ column, token: ch });
        i++;
        continue;
      }
      if (i + 4 > run.length || !isHex(run, i, i + 4)) return null;
      cells.push({ column, token: run.slice(i, i + 4) });
      i += 4;
    }
    if (column === start) return null;
  }
  return cells;
}

/** Whether `text` holds only lowercase hex digits from `from` to `to`. */
function isHex(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (!((code >= 48 && code <= 57) || (code >= 97 && code <= 102))) return false;
  }
  return true;
}

/** How a port sees one cell of a signed row: its value, and whether it holds a formula. */
export type SeenCell = { value: CellValue; formula: boolean };

/**
 * Which cells of a row a user typed over since its signature was written: a formula cell that no
 * longer holds a formula (a number typed over it, even the same one), another cell whose value
 * differs from the one signed (recalculation's last digits and a tool's number text aside).
 * `cellAt` gives what the row holds now at a column. Nothing for a row without a signature.
 * @example typedOverInRow(rowSignatureText([{ value: 5 }]), () => ({ value: 6, formula: false })) → [0]
 */
export function typedOverInRow(
  signature: CellValue,
  cellAt: (column: number) => SeenCell,
): number[] {
  const cells = parseRowSignature(signature);
  if (!cells) return [];
  const typed: number[] = [];
  for (const { column, token } of cells) {
    const now = cellAt(column);
    if (token === "=") {
      if (!now.formula) typed.push(column);
    } else if (now.formula) {
      // A formula typed where the plan wrote a value.
      typed.push(column);
    } else if (token === ".") {
      if (!isBlank(now.value)) typed.push(column);
    } else if (isBlank(now.value) || cellHash(canonicalValue(now.value)) !== token) {
      typed.push(column);
    }
  }
  return typed;
}

/**
 * The cells of a sheet's signed rows that signatures say hold formulas: what a port that reads
 * values alone must ask about (does each still hold a formula?) before `typedOverOnSheet`.
 * @example signedFormulaCells(values, 12) → [{ row: 4, column: 13 }, …]
 */
export function signedFormulaCells(
  values: readonly (readonly CellValue[])[],
  signatureColumn: number,
): { row: number; column: number }[] {
  const found: { row: number; column: number }[] = [];
  values.forEach((row, r) => {
    for (const { column, token } of parseRowSignature(row[signatureColumn] ?? null) ?? []) {
      if (token === "=") found.push({ row: r, column });
    }
  });
  return found;
}

/** A generated cell a user typed over, with what it holds now (0-based address). */
export type TypedOverCell = { row: number; column: number; value: CellValue };

/**
 * The cells a user typed over on a sheet whose rows carry signatures in `signatureColumn`, from
 * its values and a test of which cells hold formulas (the cells `signedFormulaCells` lists, and
 * any other the port knows of), top to bottom, left to right.
 * @example typedOverOnSheet(values, 12, (r, c) => formulas.has(`${r}:${c}`))
 */
export function typedOverOnSheet(
  values: readonly (readonly CellValue[])[],
  signatureColumn: number,
  hasFormula: (row: number, column: number) => boolean,
): TypedOverCell[] {
  const found: TypedOverCell[] = [];
  values.forEach((row, r) => {
    const signature = row[signatureColumn] ?? null;
    if (signature === null) return;
    const cellAt = (c: number): SeenCell => ({ value: row[c] ?? null, formula: hasFormula(r, c) });
    for (const c of typedOverInRow(signature, cellAt))
      found.push({ row: r, column: c, value: row[c] ?? null });
  });
  return found;
}

/**
 * A sheet model with its rows signed: every row holding cells of the plan's — the cells `isUsers`
 * names (a user's, put back by a regeneration) and the sheet's mark aside, and the keyed rows of
 * its table (from its id row to its last row, and rows kept below it by key) — gets the signature
 * of those cells in the hidden column of the sheet's mark (one right of everything written when
 * the sheet has none); the mark carries its own row's. Null column when no row has a cell of the
 * plan's.
 * @example signRows(model).model.rows[2][signRows(model).column!]?.value === rowSignatureText(model.rows[2])
 */
export function signRows(
  model: SheetModel,
  isUsers: (row: number, column: number) => boolean = () => false,
): { model: SheetModel; column: number | null } {
  if (model.keepExisting || model.rows.length === 0) return { model, column: null };
  const markAt = (model.rows[0] ?? []).findIndex((cell) => isMark(cell?.value));
  const column = markAt >= 0 ? markAt : Math.max(0, ...model.rows.map((row) => row.length));
  const keyed = model.userRows;
  const signed = (r: number) => {
    if (!keyed) return true;
    if (r >= keyed.idRow && r <= keyed.lastRow) return false;
    const key = model.rows[r]?.[keyed.keyColumn]?.value;
    return key === null || key === undefined;
  };
  let any = false;
  const rows = model.rows.map((cells, r) => {
    if (!signed(r)) return cells;
    const plan = cells.map((cell, c) =>
      cell && !isUsers(r, c) && !isMark(cell.value) ? cell : null,
    );
    const signature = rowSignatureText(plan);
    // A cell holds at most 32,767 characters: a row too wide to sign is left unsigned.
    if (signature === "" || signature.length > MAX_SIGNATURE) return cells;
    const there = cells[column];
    if (r === 0 && markAt >= 0 && there) {
      any = true;
      const out = [...cells];
      out[column] = { ...there, value: markWithSignature(there.value as string, signature) };
      return out;
    }
    if (there) return cells;
    any = true;
    const out = [...cells];
    while (out.length < column) out.push(null);
    out[column] = { value: signature };
    return out;
  });
  if (!any) return { model, column: null };
  const hidden = model.hiddenColumns ?? [];
  return {
    model: {
      ...model,
      rows,
      hiddenColumns: hidden.includes(column) ? hidden : [...hidden, column],
      rowSignatures: column,
    },
    column,
  };
}
