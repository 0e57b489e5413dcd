import type { Language } from "../engine/language";
import type { ColumnRead } from "../engine/reader/columnsRead";
import type { PlanFile } from "../engine/plan/planSchema";
import type { PlanResult } from "../engine/plan/planResult";
import { actionPlanSheet } from "./actionPlanSheet";
import { allocationSheet } from "./allocationSheet";
import { allocationTableSheet } from "./allocationTableSheet";
import { text } from "./cells";
import { withMark } from "./generatedMark";
import { sheetLabels } from "./labels";
import { hasProfitPlan, profitPlanSheet } from "./profitPlanSheet";
import { PLAN_STORE_SHEET, planStoreSheet, type GeneratedSheet } from "./planStoreSheet";
import { repIdentities, repsInOrder, repTab } from "./repTabs";
import { foldSheetName, uniqueSheetName } from "./sheetNames";
import type { SheetLayout } from "./sheetLayout";
import type { LazySheet, SheetModel } from "./sheetModel";
import { summarySheet } from "./summarySheet";
import { trackingSheet } from "./trackingSheet";

export type PlanSheetsInput = {
  result: PlanResult;
  plan: PlanFile;
  language: Language;
  /** The history sheet's name, shown on the summary. */
  historySheet: string;
  /** The history's columns the plan was read from, listed on the summary. */
  columnsRead?: readonly ColumnRead[];
  /** The workbook being regenerated: what was generated before, and the user's own sheets. */
  existing?: {
    /** The plan store's registry of generated sheets. */
    generated: readonly GeneratedSheet[];
    /** Every other sheet's name (the history among them): never reused. */
    userSheets: readonly string[];
  };
  /**
   * The layout of each sheet as written, by name, read when the plan store is built (last): the
   * writer fills it as it builds the sheets before.
   */
  layouts?: ReadonlyMap<string, SheetLayout>;
  /** The column of each sheet's row signatures as written, by name, filled alike. */
  signatureColumns?: ReadonlyMap<string, number>;
};

/**
 * Every sheet a plan writes, in workbook order: summary, allocation matrix, allocation table,
 * the Profit Plan (when the plan asks for gross profit or expenses), action plan, tracking (when months are closed), one quota tab per rep (in the language's order
 * of regions and names), a mark on the tab of
 * each rep no longer in the plan (kept, never deleted), and the very hidden plan store naming them
 * all. A sheet generated before keeps its name; a new one never takes a user's sheet's name.
 * @example buildPlanSheets({ result, plan, language: "en-US", historySheet: "Sales" }).map((s) => s.name)
 *   → ["Plan Summary", "Allocation", "Allocation Table", "Action Plan", "Tracking", "Ann", "Bo", "_stp_plan"]
 */
export function buildPlanSheets(input: PlanSheetsInput): SheetModel[] {
  return planSheets(input).map((sheet) => sheet.build());
}

/**
 * The sheets of `buildPlanSheets`, named and in order, each built only when asked: a writer can
 * write a plan of millions of cells one sheet at a time.
 * @example planSheets(input).map((s) => s.name) → ["Plan Summary", "Allocation", …, "_stp_plan"]
 */
export function planSheets(input: PlanSheetsInput): LazySheet[] {
  const { result, plan } = input;
  const labels = sheetLabels(input.language);
  const previous = input.existing?.generated ?? [];
  // The plan store's name is ours from the start: a member called `_stp_plan` is renamed on its tab.
  const taken = new Set(
    [...(input.existing?.userSheets ?? []), PLAN_STORE_SHEET].map(foldSheetName),
  );
  const previousName = (kind: string, key?: string) =>
    previous.find((p) => p.kind === kind && p.key === key && !taken.has(foldSheetName(p.name)))
      ?.name;
  const nameFor = (kind: string, wanted: string, key?: string, fallback?: string) =>
    uniqueSheetName(previousName(kind, key) ?? wanted, taken, fallback);

  const names = labels.sheetNames;
  const summaryName = nameFor("summary", names.summary);
  const allocationName = nameFor("allocation", names.allocation);
  // The summary points into the allocation matrix: both come from one build of it.
  let allocation: ReturnType<typeof allocationSheet> | undefined;
  const allocationOnce = () => (allocation ??= allocationSheet(result, labels, allocationName));
  const sheets: LazySheet[] = [
    {
      name: summaryName,
      kind: "summary",
      build: () =>
        summarySheet(
          result,
          plan,
          labels,
          summaryName,
          allocationName,
          allocationOnce().layout,
          input.historySheet,
          input.columnsRead ?? [],
        ),
    },
    lazy(allocationName, "allocation", () => {
      const { model } = allocationOnce();
      allocation = undefined;
      return model;
    }),
  ];
  const tableName = nameFor("allocation-table", names.allocationTable);
  sheets.push(
    lazy(tableName, "allocation-table", () => allocationTableSheet(result, labels, tableName)),
  );
  if (hasProfitPlan(result)) {
    const name = nameFor("profit-plan", names.profitPlan);
    sheets.push(lazy(name, "profit-plan", () => profitPlanSheet(result, labels, name)));
  }
  if (result.actionPlans.length > 0) {
    const name = nameFor("action-plan", names.actionPlan);
    sheets.push(lazy(name, "action-plan", () => actionPlanSheet(result, labels, name)));
  }
  if (result.closedMonths > 0) {
    const name = nameFor("tracking", names.tracking);
    sheets.push(lazy(name, "tracking", () => trackingSheet(result, labels, name)));
  }

  const reps = repsInOrder(repIdentities(result), input.language);
  for (const identity of reps) {
    const name = nameFor("rep-tab", identity.rep, identity.key, "Rep");
    sheets.push({
      name,
      kind: "rep-tab",
      key: identity.key,
      build: () => ({ ...repTab(result, identity, labels, name), key: identity.key }),
    });
  }
  const current = new Set(reps.map((r) => r.key));
  for (const gone of previous.filter(
    (p) => p.kind === "rep-tab" && p.key !== undefined && !current.has(p.key),
  )) {
    if (taken.has(foldSheetName(gone.name))) continue;
    taken.add(foldSheetName(gone.name));
    const mark: SheetModel = {
      name: gone.name,
      kind: "rep-tab",
      key: gone.key,
      keepExisting: true,
      rows: [[null], [text(labels.notInPlan, "note")]],
    };
    sheets.push({ ...mark, build: () => mark });
  }

  // Every sheet the plan rewrites carries its mark; a kept tab already has one.
  for (const [i, sheet] of sheets.entries()) {
    if (sheet.keepExisting) continue;
    const build = sheet.build;
    sheets[i] = { ...sheet, build: () => withMark(build()) };
  }
  const registered = [...sheets];
  const store = () =>
    planStoreSheet({
      plan: JSON.stringify(plan),
      sheets: registered.map((s) => {
        const layout = input.layouts?.get(s.name);
        const signatures = input.signatureColumns?.get(s.name);
        return {
          name: s.name,
          kind: s.kind,
          ...(s.key === undefined ? {} : { key: s.key }),
          ...(layout ? { layout } : {}),
          ...(signatures === undefined ? {} : { signatures }),
        };
      }),
    });
  sheets.push({ name: PLAN_STORE_SHEET, kind: "plan-store", state: "veryHidden", build: store });
  return sheets;
}

function lazy(name: string, kind: string, build: () => SheetModel): LazySheet {
  return { name, kind, build };
}
