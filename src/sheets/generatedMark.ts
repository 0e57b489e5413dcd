import type { CellValue } from "../engine/grid";
import type { GeneratedSheet, PlanStore } from "./planStoreSheet";
import type { SheetModel } from "./sheetModel";
import { foldSheetName } from "./sheetNames";

/**
 * How every mark begins. The mark is a cell's text, so Excel, LibreOffice and openpyxl keep it
 * through any re-save, and both ports read it back with the sheet's values.
 */
export const MARK_PREFIX = "Sales Target Planner sheet ";

/** What a sheet's mark says: the sheet was generated, as this kind (and member, for a rep tab). */
export type SheetMark = { kind: string; key?: string };

/**
 * The text of a generated sheet's mark.
 * @example markText({ kind: "summary" }) === 'Sales Target Planner sheet {"kind":"summary"}'
 */
export function markText(mark: SheetMark): string {
  const { kind, key } = mark;
  return `${MARK_PREFIX}${JSON.stringify(key === undefined ? { kind } : { kind, key })}`;
}

/**
 * The mark a sheet's values hold in their first row, or null when they hold none (a user's sheet).
 * @example markOf([["Plan 2026", null, markText({ kind: "summary" })]]) → { kind: "summary" }
 */
export function markOf(values: readonly (readonly CellValue[])[]): SheetMark | null {
  for (const value of values[0] ?? []) {
    if (typeof value !== "string" || !value.startsWith(MARK_PREFIX)) continue;
    try {
      const parsed = JSON.parse(value.slice(MARK_PREFIX.length)) as unknown;
      if (typeof parsed !== "object" || parsed === null) continue;
      const { kind, key } = parsed as Record<string, unknown>;
      if (typeof kind !== "string" || (key !== undefined && typeof key !== "string")) continue;
      return key === undefined ? { kind } : { kind, key };
    } catch {
      continue;
    }
  }
  return null;
}

/**
 * A sheet model with its mark: in the first row, one column right of its widest row, in a hidden
 * column, so it neither shows nor prints and stays clear of every cell the layout writes.
 * @example withMark(model).rows[0].at(-1)?.value === markText({ kind: model.kind })
 */
export function withMark(model: SheetModel): SheetModel {
  const column = Math.max(1, ...model.rows.map((row) => row.length));
  const first = [...(model.rows[0] ?? [])];
  while (first.length < column) first.push(null);
  first[column] = { value: markText({ kind: model.kind, key: model.key }), style: "note" };
  return {
    ...model,
    rows: [first, ...model.rows.slice(1)],
    hiddenColumns: [...(model.hiddenColumns ?? []), column],
  };
}

/**
 * The generated sheets a regeneration may take as its own: those the plan store lists whose sheet
 * carries the mark of the same kind (and member); when the store is missing or unreadable, every
 * marked sheet — so a lost store neither duplicates the plan's sheets nor hands a user's to it. A
 * workbook without any mark (written before sheets were marked) is taken at its store's word.
 * @example checkedRegistry(store, [{ name: "Plan Summary", mark: { kind: "summary" } }]) → [{ name: "Plan Summary", kind: "summary" }]
 */
export function checkedRegistry(
  store: PlanStore | null,
  sheets: readonly { name: string; mark: SheetMark | null }[],
): GeneratedSheet[] {
  const marked = new Map(
    sheets.flatMap((s) => (s.mark ? [[foldSheetName(s.name), { ...s, mark: s.mark }]] : [])),
  );
  if (!store) {
    return [...marked.values()].map(({ name, mark }) =>
      mark.key === undefined ? { name, kind: mark.kind } : { name, kind: mark.kind, key: mark.key },
    );
  }
  // A workbook written before sheets were marked has no mark at all: its store is all there is.
  if (marked.size === 0) return store.sheets;
  return store.sheets.filter((entry) => {
    const sheet = marked.get(foldSheetName(entry.name));
    // A mark without a member (Excel's tag names the kind only) vouches for any of that kind.
    return (
      sheet !== undefined &&
      sheet.mark.kind === entry.kind &&
      (sheet.mark.key === undefined || sheet.mark.key === entry.key)
    );
  });
}
