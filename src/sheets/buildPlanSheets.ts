import type { Language } from "../engine/language";
import type { PlanFile } from "../engine/plan/planSchema";
import type { PlanResult } from "../engine/plan/planResult";
import { actionPlanSheet } from "./actionPlanSheet";
import { allocationSheet } from "./allocationSheet";
import { allocationTableSheet } from "./allocationTableSheet";
import { text } from "./cells";
import { sheetLabels } from "./labels";
import { planStoreSheet, type GeneratedSheet } from "./planStoreSheet";
import { repIdentities, repTab } from "./repTabs";
import { foldSheetName, uniqueSheetName } from "./sheetNames";
import type { SheetModel } from "./sheetModel";
import { summarySheet } from "./summarySheet";
import { trackingSheet } from "./trackingSheet";

export type PlanSheetsInput = {
  result: PlanResult;
  plan: PlanFile;
  language: Language;
  /** The history sheet's name, shown on the summary. */
  historySheet: string;
  /** The workbook being regenerated: what was generated before, and the user's own sheets. */
  existing?: {
    /** The plan store's registry of generated sheets. */
    generated: readonly GeneratedSheet[];
    /** Every other sheet's name (the history among them): never reused. */
    userSheets: readonly string[];
  };
};

/**
 * Every sheet a plan writes, in workbook order: summary, allocation matrix, allocation table,
 * action plan, tracking (when months are closed), one quota tab per rep, a mark on the tab of
 * each rep no longer in the plan (kept, never deleted), and the very hidden plan store naming them
 * all. A sheet generated before keeps its name; a new one never takes a user's sheet's name.
 * @example buildPlanSheets({ result, plan, language: "en-US", historySheet: "Sales" }).map((s) => s.name)
 *   → ["Plan Summary", "Allocation", "Allocation Table", "Action Plan", "Tracking", "Ann", "Bo", "_stp_plan"]
 */
export function buildPlanSheets(input: PlanSheetsInput): SheetModel[] {
  const { result, plan } = input;
  const labels = sheetLabels(input.language);
  const previous = input.existing?.generated ?? [];
  const taken = new Set((input.existing?.userSheets ?? []).map(foldSheetName));
  const previousName = (kind: string, key?: string) =>
    previous.find((p) => p.kind === kind && p.key === key && !taken.has(foldSheetName(p.name)))
      ?.name;
  const nameFor = (kind: string, wanted: string, key?: string, fallback?: string) =>
    uniqueSheetName(previousName(kind, key) ?? wanted, taken, fallback);

  const names = labels.sheetNames;
  const summaryName = nameFor("summary", names.summary);
  const allocationName = nameFor("allocation", names.allocation);
  const allocation = allocationSheet(result, labels, allocationName);
  const sheets: SheetModel[] = [
    summarySheet(
      result,
      plan,
      labels,
      summaryName,
      allocationName,
      allocation.layout,
      input.historySheet,
    ),
    allocation.model,
    allocationTableSheet(result, labels, nameFor("allocation-table", names.allocationTable)),
  ];
  if (result.actionPlans.length > 0)
    sheets.push(actionPlanSheet(result, labels, nameFor("action-plan", names.actionPlan)));
  if (result.closedMonths > 0)
    sheets.push(trackingSheet(result, labels, nameFor("tracking", names.tracking)));

  const reps = repIdentities(result);
  for (const identity of reps) {
    const tab = repTab(
      result,
      identity,
      labels,
      nameFor("rep-tab", identity.rep, identity.key, "Rep"),
    );
    sheets.push({ ...tab, key: identity.key });
  }
  const current = new Set(reps.map((r) => r.key));
  for (const gone of previous.filter(
    (p) => p.kind === "rep-tab" && p.key !== undefined && !current.has(p.key),
  )) {
    if (taken.has(foldSheetName(gone.name))) continue;
    taken.add(foldSheetName(gone.name));
    sheets.push({
      name: gone.name,
      kind: "rep-tab",
      key: gone.key,
      keepExisting: true,
      rows: [[null], [text(labels.notInPlan, "note")]],
    });
  }

  sheets.push(
    planStoreSheet({
      plan: JSON.stringify(plan),
      sheets: sheets.map((s) => ({
        name: s.name,
        kind: s.kind,
        ...(s.key === undefined ? {} : { key: s.key }),
      })),
    }),
  );
  return sheets;
}
