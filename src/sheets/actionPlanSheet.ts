import type { PlanResult } from "../engine/plan/planResult";
import { actionRowsBlock } from "./actionRows";
import { text } from "./cells";
import type { SheetLabels } from "./labels";
import { printSetup } from "./printSetup";
import type { SheetModel } from "./sheetModel";

/** Row where the action plan's id row starts (title above it). */
const START_ROW = 2;

/**
 * The monthly action plan: one row per rep (or leaf when rep is not a level) and month, as an
 * Excel table, with the user's columns (key activities, owner, due date, status as a dropdown,
 * notes) carried across regenerations by row key.
 * @example actionPlanSheet(result, labels, "Action Plan").userRows?.userColumns.length === 5
 */
export function actionPlanSheet(result: PlanResult, labels: SheetLabels, name: string): SheetModel {
  const block = actionRowsBlock(
    result.actionPlans,
    result.levels,
    labels,
    result.planYear,
    START_ROW,
  );
  const title = new Array(block.width).fill(null);
  title[0] = text(labels.actionPlanTitle(result.planYear), "title");
  const widths = new Array<number>(block.width).fill(12);
  block.layout.userColumns.forEach(
    ({ column, id }) => (widths[column] = id === "activities" || id === "notes" ? 30 : 14),
  );
  const model: SheetModel = {
    name,
    kind: "action-plan",
    rows: [title, new Array(block.width).fill(null), ...block.rows],
    columnWidths: widths,
    freeze: { rows: block.layout.headerRow + 1, columns: 0 },
    tables: [{ name: "STP_ActionPlan", block: block.tableBlock, style: "TableStyleLight9" }],
    validations: [block.validation],
    hiddenRows: [block.layout.idRow],
    hiddenColumns: [block.layout.keyColumn, block.layout.signatureColumn],
    userRows: block.layout,
  };
  const header = block.layout.headerRow;
  const titleRows = { first: header, last: header };
  return { ...model, print: printSetup(model, titleRows, labels, result.planYear) };
}
