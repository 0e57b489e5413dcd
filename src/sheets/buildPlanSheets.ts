import type { Language } from "../engine/language";
import type { PlanFile } from "../engine/plan/planSchema";
import type { PlanResult } from "../engine/plan/planResult";
import { allocationSheet } from "./allocationSheet";
import { sheetLabels } from "./labels";
import { planStoreSheet } from "./planStoreSheet";
import type { SheetModel } from "./sheetModel";
import { summarySheet } from "./summarySheet";
import { trackingSheet } from "./trackingSheet";

export type PlanSheetsInput = {
  result: PlanResult;
  plan: PlanFile;
  language: Language;
  /** The history sheet's name, shown on the summary. */
  historySheet: string;
};

/**
 * Every sheet a plan writes, in workbook order: summary, allocation, tracking (when months are
 * closed), and the very hidden plan store naming them.
 * @example buildPlanSheets({ result, plan, language: "en-US", historySheet: "Sales" }).map((s) => s.name)
 *   → ["Plan Summary", "Allocation", "Tracking", "_stp_plan"]
 */
export function buildPlanSheets(input: PlanSheetsInput): SheetModel[] {
  const labels = sheetLabels(input.language);
  const names = labels.sheetNames;
  const allocation = allocationSheet(input.result, labels, names.allocation);
  const sheets: SheetModel[] = [
    summarySheet(
      input.result,
      input.plan,
      labels,
      names.summary,
      names.allocation,
      allocation.layout,
      input.historySheet,
    ),
    allocation.model,
  ];
  if (input.result.closedMonths > 0)
    sheets.push(trackingSheet(input.result, labels, names.tracking));
  sheets.push(
    planStoreSheet({
      plan: JSON.stringify(input.plan),
      sheets: sheets.map((s) => ({ name: s.name, kind: s.kind })),
    }),
  );
  return sheets;
}
