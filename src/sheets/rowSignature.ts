import type { CellValue } from "../engine/grid";

/** Id of the hidden column holding each row's key. */
export const KEY_COLUMN_ID = "__key";
/** Id of the hidden column holding each row's signature. */
export const SIGNATURE_COLUMN_ID = "__sig";

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
