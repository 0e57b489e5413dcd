import type { GridView } from "./gridView";
import { normalizeHeader } from "./normalizeHeader";

/** Headers of a CRM report's stage column (Salesforce, HubSpot, 纷享销客…), normalised. */
const STAGE_HEADERS = new Set([
  "stage",
  "stagename",
  "opportunitystage",
  "dealstage",
  "salesstage",
  "阶段",
  "商机阶段",
  "销售阶段",
  "机会阶段",
  "商机状态",
]);

/** Stages of an opportunity that became a sale, normalised. */
const WON = /^(?:closed)?won$|^closedwon|^won\b|赢单|^成交$|^已成交$|^赢得$|^签约$|^已签约$/;

/**
 * True for the header of an opportunity report's stage column.
 * @example isStageHeader("Stage") === true; isStageHeader("商机阶段") === true; isStageHeader("Status") === false
 */
export function isStageHeader(header: string): boolean {
  return STAGE_HEADERS.has(normalizeHeader(header));
}

/**
 * True when a stage names a won opportunity: only those are sales.
 * @example isWonStage("Closed Won") === true; isWonStage("Closed Lost") === false; isWonStage("赢单") === true
 */
export function isWonStage(stage: string): boolean {
  return WON.test(normalizeHeader(stage));
}

/**
 * Whether an opportunity report's rows are to be sifted by stage: when its stage column names a
 * won stage anywhere below the header, only won rows are sales (lost and open ones are not);
 * when it names none, the report is of another kind and every row counts.
 * @example sortsByStage(view, 0, 3) === true // a column holding "Closed Won" and "Closed Lost"
 */
export function sortsByStage(view: GridView, headerRow: number, column: number): boolean {
  for (let row = headerRow + 1; row < view.rowCount; row++) {
    const value = view.cell(row, column);
    if (typeof value === "string" && isWonStage(value)) return true;
  }
  return false;
}
