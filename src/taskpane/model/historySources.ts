import type { HistorySource, WorkbookOutline } from "../../excel/excelPort";
import { PLAN_STORE_SHEET } from "../../sheets/planStoreSheet";

/**
 * The sheets that may hold a history, the active one first: visible, not written by the planner.
 * @example historyCandidates({ activeSheet: "Sales", sheets: [{ name: "Plan Summary", generatedKind: "summary", … }, { name: "Sales", … }], tables: [] }) → [{ kind: "sheet", name: "Sales" }]
 */
export function historyCandidates(outline: WorkbookOutline): HistorySource[] {
  const usable = outline.sheets.filter(
    (s) => s.visibility === "Visible" && !s.generatedKind && s.name !== PLAN_STORE_SHEET,
  );
  const active = usable.filter((s) => s.name === outline.activeSheet);
  const others = usable.filter((s) => s.name !== outline.activeSheet);
  return [...active, ...others].map((s) => ({ kind: "sheet", name: s.name }));
}

/**
 * A source as one option value of the source dropdown, and back.
 * @example sourceKey({ kind: "table", name: "Sales" }) === "table:Sales"
 */
export function sourceKey(source: HistorySource): string {
  return `${source.kind}:${source.name}`;
}

export function sourceFromKey(key: string): HistorySource | null {
  const match = /^(sheet|table):(.*)$/s.exec(key);
  return match ? { kind: match[1] as HistorySource["kind"], name: match[2] } : null;
}
