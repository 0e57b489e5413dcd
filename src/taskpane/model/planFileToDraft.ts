import type { DimensionKey } from "../../engine/history";
import type { Language } from "../../engine/language";
import type { BoundSpec, MeasuresSpec, PlanFile } from "../../engine/plan/planSchema";
import type { BoundDraft, BlendMethod, LockDraft, MeasuresDraft, PlanDraft } from "./planDraft";
import { NO_BOUND, NO_MEASURES } from "./planDraft";
import { fractionToPercentText } from "./parseNumberText";

function boundDraft(bound: BoundSpec | undefined): BoundDraft {
  if (!bound) return NO_BOUND;
  if ("ofLastYear" in bound)
    return { kind: "ofLastYear", value: fractionToPercentText(bound.ofLastYear) };
  return { kind: "amount", value: String(bound.amount) };
}

/** The measures of a plan file as the pane edits them; those not planned off. */
export function measuresDraft(spec: MeasuresSpec | undefined): MeasuresDraft {
  const gpTarget = spec?.grossProfit?.target;
  const expenses = spec?.expenses;
  return {
    quantity: spec?.quantity
      ? { on: true, unit: String(spec.quantity.unit) }
      : { ...NO_MEASURES.quantity },
    grossProfit: {
      on: spec?.grossProfit !== undefined,
      target: !gpTarget ? "none" : "margin" in gpTarget ? "margin" : "amount",
      marginPercent: gpTarget && "margin" in gpTarget ? fractionToPercentText(gpTarget.margin) : "",
      amount: gpTarget && "amount" in gpTarget ? String(gpTarget.amount) : "",
    },
    expenses: {
      kind: !expenses ? "none" : "rate" in expenses ? "rate" : "amount",
      ratePercent: expenses && "rate" in expenses ? fractionToPercentText(expenses.rate) : "",
      amount: expenses && "amount" in expenses ? String(expenses.amount) : "",
    },
  };
}

/**
 * A draft that edits a stored plan file: what the pane shows when it restores a workbook's plan.
 * `draftToPlanFile(planFileToDraft(plan))` gives the same plan back.
 * @example planFileToDraft(plan, "en-US").target.growthPercent === "15" // plan.target = { growth: 0.15 }
 */
export function planFileToDraft(plan: PlanFile, fallbackLanguage: Language): PlanDraft {
  let next = 1;
  const key = () => `k${next++}`;
  const levels = plan.levels.map((level) => {
    const weights: Record<string, string> = {};
    const manualWeights = level.weights ?? level.parts?.find((p) => p.weights)?.weights ?? {};
    for (const [member, weight] of Object.entries(manualWeights)) weights[member] = String(weight);
    return {
      key: key(),
      dimension: level.dimension,
      method: level.method,
      years: String(level.years ?? 3),
      weights,
      parts: (level.parts ?? []).map((part) => ({
        key: key(),
        method: part.method as BlendMethod,
        weight: String(part.weight),
        years: String(part.years ?? 3),
      })),
      min: boundDraft(level.min),
      max: boundDraft(level.max),
    };
  });
  const levelOrder = plan.levels.map((l) => l.dimension);
  const locks: LockDraft[] = plan.locks.map((lock) => {
    const named = Object.keys(lock.where) as DimensionKey[];
    const deepest = named.reduce<DimensionKey | undefined>((best, d) => {
      if (best === undefined) return d;
      return levelOrder.indexOf(d) > levelOrder.indexOf(best) ? d : best;
    }, undefined);
    const kind =
      lock.amount !== undefined ? "amount" : lock.growth !== undefined ? "growth" : "share";
    const value =
      kind === "amount"
        ? String(lock.amount)
        : fractionToPercentText((kind === "growth" ? lock.growth : lock.share) ?? 0);
    return {
      key: key(),
      dimension: deepest ?? "region",
      where: { ...lock.where },
      kind,
      value,
      isNew: lock.new === true,
    };
  });
  return {
    planYear: String(plan.planYear),
    target:
      "amount" in plan.target
        ? { kind: "amount", amount: String(plan.target.amount), growthPercent: "10" }
        : { kind: "growth", growthPercent: fractionToPercentText(plan.target.growth), amount: "" },
    columns: { ...(plan.columns ?? {}) },
    levels,
    locks,
    time: {
      method: plan.time.method,
      years: String(plan.time.years),
      profile: plan.time.profile,
      weights: plan.time.weights?.map(String) ?? new Array<string>(12).fill("1"),
    },
    unit: String(plan.rounding.unit),
    asOf: plan.asOf ?? "",
    language: plan.language ?? fallbackLanguage,
    measures: measuresDraft(plan.measures),
    nextKey: next,
  };
}
