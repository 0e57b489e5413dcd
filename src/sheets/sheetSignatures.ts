import type { CellValue } from "../engine/grid";
import { MARK_PREFIX } from "./generatedMark";
import type { SheetCell, SheetModel } from "./sheetModel";

/**
 * Signatures of a generated sheet's rows: in the hidden column of the sheet's mark (right of
 * everything the plan writes), one cell per row that holds cells of the plan's, telling the next
 * regeneration which of those cells a user typed over; the first row's is carried by the mark
 * itself, since nothing may stand right of the mark in its row (LibreOffice would then print the
 * hidden mark). Each signature names its own cells, so it needs nothing else to be read back:
 * runs of columns, `start:tokens` joined by `,`, one token per cell — `.` a blank cell, `=` a
 * formula (typed over when it no longer holds one: its value follows the cells it refers to,
 * which users may change), otherwise the value's fingerprint, 18 bits in 3 characters of
 * `A–Z a–z 0–9 + -`. Rows of a table with keyed rows are left out: they carry their own key and
 * signature, which move with them when the table is sorted.
 * @example rowSignatureText([{ value: "Total" }, { value: 5, formula: "SUM(B2:B4)" }, null, { value: null }])
 *   === "0:" + valueFingerprint("Total") + "=,3:."
 */
export function rowSignatureText(cells: readonly (SheetCell | null | undefined)[]): string {
  const out = rowCodes.reset();
  let inRun = false;
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c];
    if (!cell) {
      inRun = false;
      continue;
    }
    if (!inRun) {
      if (out.length > 0) out.push(44 /* , */);
      out.pushNumber(c);
      out.push(58 /* : */);
      inRun = true;
    }
    const value = cell.value;
    if (cell.formula !== undefined) out.push(61 /* = */);
    else if (isBlank(value)) out.push(46 /* . */);
    else {
      const h = fingerprintBits(value);
      out.push(CODES[(h >>> 12) & 63]);
      out.push(CODES[(h >>> 6) & 63]);
      out.push(CODES[h & 63]);
    }
  }
  return out.text();
}

function isBlank(value: CellValue | undefined): value is null | undefined | "" {
  return value === null || value === undefined || value === "";
}

/** The characters of fingerprints: letters, digits, `+` and `-` (none of them XML escapes). */
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-";
const CODES = Array.from(ALPHABET, (ch) => ch.charCodeAt(0));
/** Each character's place in `ALPHABET` by its code, -1 for others. */
const PLACE = new Int8Array(128).fill(-1);
CODES.forEach((code, i) => (PLACE[code] = i));

/**
 * Character codes gathered for one text, made a string once: no string per cell. One buffer for
 * every row (signing is synchronous), so a row costs one string.
 */
class CodeBuffer {
  private readonly codes: number[] = [];

  get length(): number {
    return this.codes.length;
  }

  reset(): this {
    this.codes.length = 0;
    return this;
  }

  push(code: number): void {
    this.codes.push(code);
  }

  pushNumber(n: number): void {
    const digits = String(n);
    for (let i = 0; i < digits.length; i++) this.codes.push(digits.charCodeAt(i));
  }

  text(): string {
    const codes = this.codes;
    if (codes.length <= 4096) return String.fromCharCode.apply(null, codes);
    let text = "";
    for (let at = 0; at < codes.length; at += 4096)
      text += String.fromCharCode.apply(null, codes.slice(at, at + 4096));
    return text;
  }
}
const rowCodes = new CodeBuffer();

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const bits = new Float64Array(1);
const halves = new Uint32Array(bits.buffer);

/**
 * A non-blank value's fingerprint, the same through every tool that re-saves a workbook: a whole
 * number exactly, other numbers to 12 significant digits (a tool that writes 15 digits keeps
 * them; recalculated formulas are never compared), text with Windows line ends as plain line
 * ends; a number and a text never alike. FNV-1a, mixed and folded to 18 bits.
 */
function fingerprintBits(value: string | number | boolean): number {
  let h = FNV_OFFSET;
  if (typeof value === "number") {
    // The bits of the number as rounded: no text to build for each of millions of cells.
    bits[0] = Number.isInteger(value) ? value + 0 : roundTo12(value);
    h = Math.imul(h ^ 0x4e, FNV_PRIME);
    h = Math.imul(h ^ halves[0], FNV_PRIME);
    h = Math.imul(h ^ halves[1], FNV_PRIME);
  } else if (typeof value === "boolean") {
    h = Math.imul(h ^ (value ? 0x54 : 0x46), FNV_PRIME);
    h = Math.imul(h ^ 0x42, FNV_PRIME);
  } else {
    const text = value.includes("\r\n") ? value.replace(/\r\n/g, "\n") : value;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  }
  // Every bit of the hash reaches the 18 kept.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h & 0x3ffff;
}

/**
 * A non-blank value's fingerprint as a signature writes it: 3 characters.
 * @example valueFingerprint(6525305.25) === valueFingerprint(6525305.250000001)
 */
export function valueFingerprint(value: string | number | boolean): string {
  const h = fingerprintBits(value);
  return ALPHABET[(h >>> 12) & 63] + ALPHABET[(h >>> 6) & 63] + ALPHABET[h & 63];
}

/** A number rounded to 12 significant digits (not a whole number, not 0). */
function roundTo12(value: number): number {
  if (!Number.isFinite(value)) return value;
  const scale = 10 ** (11 - Math.floor(Math.log10(Math.abs(value))));
  return Math.round(value * scale) / scale;
}

/** Longest signature written: Excel keeps at most 32,767 characters in a cell. */
const MAX_SIGNATURE = 32000;

function isMark(value: CellValue | undefined): boolean {
  return typeof value === "string" && value.startsWith(MARK_PREFIX);
}

/** The signature of its row a mark carries (`{"kind":…,"signature":"0:Ab3"}`), or null. */
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

/** What a signature says of a cell: blank, a formula, or a value with its fingerprint. */
const BLANK = -1;
const FORMULA = -2;

/**
 * Walks a signature: `visit` is called for each cell it covers with its column and what the
 * signature says of it (`BLANK`, `FORMULA`, or the value's fingerprint bits). False when the text
 * is not a signature (a user's text in the column, a signature cut short by a tool); nothing is
 * visited then.
 */
function walkSignature(
  value: CellValue | undefined,
  visit: (column: number, said: number) => void,
): boolean {
  const text = isMark(value) ? signatureInMark(value as string) : value;
  if (typeof text !== "string" || !wellFormed(text)) return false;
  let i = 0;
  while (i < text.length) {
    let column = 0;
    for (; text.charCodeAt(i) !== 58 /* : */; i++) column = column * 10 + text.charCodeAt(i) - 48;
    for (i++; i < text.length && text.charCodeAt(i) !== 44 /* , */; column++) {
      const code = text.charCodeAt(i);
      if (code === 46 /* . */ || code === 61 /* = */) {
        visit(column, code === 46 ? BLANK : FORMULA);
        i++;
      } else {
        const h =
          (PLACE[code] << 12) |
          (PLACE[text.charCodeAt(i + 1)] << 6) |
          PLACE[text.charCodeAt(i + 2)];
        visit(column, h);
        i += 3;
      }
    }
    i++;
  }
  return true;
}

/** Whether a text has a signature's shape: runs of `digits:tokens`, joined by `,`. */
function wellFormed(text: string): boolean {
  let i = 0;
  if (text === "") return false;
  while (i < text.length) {
    const digits = i;
    while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
    if (i === digits || text.charCodeAt(i) !== 58) return false;
    i++;
    const tokens = i;
    while (i < text.length && text.charCodeAt(i) !== 44) {
      const code = text.charCodeAt(i);
      if (code === 46 || code === 61) i++;
      else {
        for (let k = 0; k < 3; k++) {
          const at = text.charCodeAt(i + k);
          if (!(at < 128 && PLACE[at] >= 0)) return false;
        }
        i += 3;
      }
    }
    if (i === tokens) return false;
    if (i < text.length) i++;
    if (i === text.length && text.charCodeAt(i - 1) === 44) return false;
  }
  return true;
}

/** A signature read back: the cells it covers, in order, each with its token. */
type SignedCell = { column: number; token: string };

/**
 * The cells a signature covers, or null when the text is not a signature.
 * @example parseRowSignature("2:.=") → [{ column: 2, token: "." }, { column: 3, token: "=" }]
 */
export function parseRowSignature(value: CellValue): SignedCell[] | null {
  const cells: SignedCell[] = [];
  const read = walkSignature(value, (column, said) =>
    cells.push({
      column,
      token:
        said === BLANK
          ? "."
          : said === FORMULA
            ? "="
            : ALPHABET[(said >>> 12) & 63] + ALPHABET[(said >>> 6) & 63] + ALPHABET[said & 63],
    }),
  );
  return read ? cells : null;
}

/**
 * Which cells of a row a user typed over since its signature was written: a formula cell that no
 * longer holds a formula (a number typed over it, even the same one), another cell that now holds
 * a formula, or a value other than the one signed (a tool's number text aside). `valueAt` and
 * `formulaAt` tell what the row holds now at a column. Nothing for a row without a signature.
 * @example typedOverInRow(rowSignatureText([{ value: 5 }]), () => 6, () => false) → [0]
 */
export function typedOverInRow(
  signature: CellValue | undefined,
  valueAt: (column: number) => CellValue | undefined,
  formulaAt: (column: number) => boolean,
): number[] {
  const typed: number[] = [];
  walkSignature(signature, (column, said) => {
    const formula = formulaAt(column);
    if (said === FORMULA) {
      if (!formula) typed.push(column);
      return;
    }
    // A formula typed where the plan wrote a value, or another value.
    const value = valueAt(column);
    if (formula) typed.push(column);
    else if (said === BLANK) {
      if (!isBlank(value)) typed.push(column);
    } else if (isBlank(value) || fingerprintBits(value) !== said) {
      typed.push(column);
    }
  });
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
    walkSignature(row[signatureColumn], (column, said) => {
      if (said === FORMULA) found.push({ row: r, column });
    });
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
    const typed = typedOverInRow(
      signature,
      (c) => row[c],
      (c) => hasFormula(r, c),
    );
    for (const c of typed) found.push({ row: r, column: c, value: row[c] ?? null });
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
  const plan: (SheetCell | null)[] = [];
  const rows = model.rows.map((cells, r) => {
    if (!signed(r)) return cells;
    plan.length = cells.length;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      plan[c] = cell && !isUsers(r, c) && !isMark(cell.value) ? cell : null;
    }
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
    const out = cells.slice();
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
