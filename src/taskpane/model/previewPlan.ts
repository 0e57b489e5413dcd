import type { HistoryReadResult } from "../../engine/history";
import { computePlan } from "../../engine/plan/computePlan";
import type { PlanResult } from "../../engine/plan/planResult";
import type { PlanFile } from "../../engine/plan/planSchema";
import type { PlanFileProblem } from "../../engine/plan/validatePlanFile";
import { PlanError } from "../../engine/planError";

export type PlanPreview =
  { ok: true; result: PlanResult } | { ok: false; problem: PlanFileProblem };

/**
 * The plan computed on a read history, or the error that stops it on the field that caused it
 * (`where` of the engine's PlanError, e.g. `locks[0].amount`; `(plan)` when no one field did).
 * @example previewPlan(history, plan) → { ok: false, problem: { field: "levels[1]", code: "caps-infeasible", … } }
 */
export function previewPlan(history: HistoryReadResult, plan: PlanFile): PlanPreview {
  try {
    return {
      ok: true,
      result: computePlan({ records: history.records, columns: history.columns }, plan),
    };
  } catch (failure) {
    if (failure instanceof PlanError) {
      return { ok: false, problem: { ...failure.toNotice(), field: failure.where ?? "(plan)" } };
    }
    return {
      ok: false,
      problem: {
        field: "(plan)",
        code: "ui-unexpected",
        params: { detail: failure instanceof Error ? failure.message : String(failure) },
      },
    };
  }
}
