import type { CellValue } from "../engine/grid";

/** Id of the hidden column holding each row's key. */
export const KEY_COLUMN_ID = "__key";
/** Id of the hidden column holding each row's signature. */
export const SIGNATURE_COLUMN_ID = "__sig";
/**
 * The id a column a user added to a keyed table carries in the hidden id row once the plan has
 * written it back: the next regeneration knows it for the user's again.
 */
export const USER_COLUMN_ID = "__user";

/** A cell as the signature sees it: numbers to 6 decimals, so a recalculation's noise is not an edit. */
function canonical(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(Math.round(value * 1e6) / 1e6);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return value;
}

/**
 * A text's fingerprint: FNV-1a over its UTF-16 units, folded to 4 hex digits.
 * @example cellHash("Ann").length === 4
 */
export function cellHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return ((h ^ (h >>> 16)) & 0xffff).toString(16).padStart(4, "0");
}

/**
 * The fingerprint of a row's generated cells: 4 hex digits per cell, in column order.
 * @example rowSignature(["Ann", "2026-01", 6600]).length === 12
 */
export function rowSignature(values: readonly (CellValue | undefined)[]): string {
  return values.map((v) => cellHash(canonical(v))).join("");
}

/**
 * Which cells of a row differ from the signature written with it (indexes into `values`).
 * @example changedCells(["Ann", 1], rowSignature(["Ann", 2])) → [1]
 */
export function changedCells(
  values: readonly (CellValue | undefined)[],
  signature: string,
): number[] {
  const changed: number[] = [];
  values.forEach((v, i) => {
    if (signature.slice(4 * i, 4 * i + 4) !== cellHash(canonical(v))) changed.push(i);
  });
  return changed;
}

/**
 * Whether a row's cells are all as its signature says: the signature covers exactly `count`
 * cells and `valueAt(i)` of each matches. Allocates nothing: it is asked of every keyed row a
 * workbook holds.
 * @example signatureHolds(rowSignature(["Ann", 5]), 2, (i) => ["Ann", 5][i]) === true
 */
export function signatureHolds(
  signature: string,
  count: number,
  valueAt: (index: number) => CellValue | undefined,
): boolean {
  if (signature.length !== 4 * count) return false;
  for (let i = 0; i < count; i++) {
    const hash = cellHash(canonical(valueAt(i)));
    if (!signature.startsWith(hash, 4 * i)) return false;
  }
  return true;
}

/**
 * The columns a keyed row's signature covers, in its order, from the ids of the row of column
 * ids: every named column but the key, the signature, the columns users type into (`userIds`)
 * and those users inserted.
 * @example signedColumns(new Map([["period", 0], ["notes", 1], ["__key", 2]]), ["notes"]) → [["period", 0]]
 */
export function signedColumns(
  ids: ReadonlyMap<string, number>,
  userIds: readonly string[],
): [string, number][] {
  return [...ids.entries()]
    .filter(
      ([id]) =>
        id !== KEY_COLUMN_ID &&
        id !== SIGNATURE_COLUMN_ID &&
        id !== USER_COLUMN_ID &&
        !userIds.includes(id),
    )
    .sort((a, b) => a[1] - b[1]);
}

/**
 * The key of a keyed row: the leaf's (or rep's) full path and the period.
 * @example rowKey(["East", "Ann"], "2026-01") === '["East","Ann","2026-01"]'
 */
export function rowKey(path: readonly string[], period: string): string {
  return JSON.stringify([...path, period]);
}

/**
 * The path and period back from a row key; null when the text is not one.
 * @example parseRowKey('["East","Ann","2026-01"]') → { path: ["East", "Ann"], period: "2026-01" }
 */
export function parseRowKey(key: CellValue): { path: string[]; period: string } | null {
  if (typeof key !== "string" || !key.startsWith("[")) return null;
  try {
    const parts = JSON.parse(key) as unknown;
    if (!Array.isArray(parts) || parts.length === 0 || !parts.every((p) => typeof p === "string"))
      return null;
    return { path: parts.slice(0, -1) as string[], period: parts[parts.length - 1] as string };
  } catch {
    return null;
  }
}
