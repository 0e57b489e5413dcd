import type { HistoryReadResult } from "../../engine/history";
import { computePlan } from "../../engine/plan/computePlan";
import type { PlanResult } from "../../engine/plan/planResult";
import type { PlanFile } from "../../engine/plan/planSchema";
import type { PlanFileProblem } from "../../engine/plan/validatePlanFile";
import { PlanError } from "../../engine/planError";
import { parseFieldPath } from "../i18n/fieldNames";
import { growthWarnings, type GrowthWarning } from "./growthWarnings";

/** What can still be planned beside a problem: the plan down to the level above the one that failed. */
export type PartialPlan = {
  result: PlanResult;
  /** How many levels the partial result splits by (those above the failing one). */
  levels: number;
  /** The partial result's segments planned far from their own history (`growthWarnings`). */
  warnings: GrowthWarning[];
};

/**
 * The plan computed, with what the Preview step shows beside it that walks the history's records
 * (the growth warnings): computed together, off the page's thread in the browser.
 */
export type PlanPreview =
  | { ok: true; result: PlanResult; warnings: GrowthWarning[] }
  | { ok: false; problem: PlanFileProblem; partial?: PartialPlan };

/**
 * The level at which an error of the cascade happened (a level's bounds, a lock's segment), so
 * the levels above it can still be shown; null for errors of the whole plan.
 * @example failingLevel(plan, "levels[1].max") === 1; failingLevel(plan, "locks[0]") === depth of lock 0
 */
export function failingLevel(plan: PlanFile, field: string): number | null {
  const [head, index] = parseFieldPath(field);
  if (typeof index !== "number") return null;
  if (head === "levels") return index;
  if (head === "locks") {
    const lock = plan.locks[index];
    return lock ? Math.max(0, Object.keys(lock.where).length - 1) : null;
  }
  return null;
}

function compute(history: HistoryReadResult, plan: PlanFile): PlanResult {
  return computePlan({ records: history.records, columns: history.columns }, plan);
}

/** The plan cut to its first `levels` levels, with only the locks on those levels. */
function planAbove(plan: PlanFile, levels: number): PlanFile {
  return {
    ...plan,
    levels: plan.levels.slice(0, levels),
    locks: plan.locks.filter((lock) => Object.keys(lock.where).length <= levels),
  };
}

/** The plan above the failing level, as far up as it computes; undefined when nothing does. */
function partialPlan(
  history: HistoryReadResult,
  plan: PlanFile,
  failure: PlanError,
): PartialPlan | undefined {
  let depth = failure.where ? failingLevel(plan, failure.where) : null;
  while (depth !== null && depth >= 0) {
    try {
      const result = compute(history, planAbove(plan, depth));
      return { result, levels: depth, warnings: growthWarnings(history.records, result) };
    } catch (next) {
      if (!(next instanceof PlanError) || !next.where) return undefined;
      const deeper = failingLevel(plan, next.where);
      depth = deeper === null ? null : Math.min(deeper, depth - 1);
    }
  }
  return undefined;
}

/**
 * The plan computed on a read history, or the error that stops it on the field that caused it
 * (`where` of the engine's PlanError, e.g. `locks[0].amount`; `(plan)` when no one field did),
 * with what still plans beside a level's or a lock's error: the levels above it; each result with
 * its growth warnings.
 * @example previewPlan(history, plan) → { ok: false, problem: { field: "levels[1].max", code: "caps-infeasible", … }, partial: { levels: 1, … } }
 */
export function previewPlan(history: HistoryReadResult, plan: PlanFile): PlanPreview {
  try {
    const result = compute(history, plan);
    return { ok: true, result, warnings: growthWarnings(history.records, result) };
  } catch (failure) {
    if (failure instanceof PlanError) {
      const partial = partialPlan(history, plan, failure);
      return {
        ok: false,
        problem: { ...failure.toNotice(), field: failure.where ?? "(plan)" },
        ...(partial ? { partial } : {}),
      };
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
