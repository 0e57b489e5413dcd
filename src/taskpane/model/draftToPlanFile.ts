import type { DimensionKey } from "../../engine/history";
import { formatFieldPath, type PlanFileProblem } from "../../engine/plan/validatePlanFile";
import type { BoundDraft, LevelDraft, LockDraft, MeasuresDraft, PlanDraft } from "./planDraft";
import { parseNumberText, percentToFraction } from "./parseNumberText";

/** A plan file built from a draft, and the inputs that could not be read as numbers. */
export type DraftConversion = {
  /** The plan file's JSON object; fields the user left blank or mistyped are absent. */
  plan: Record<string, unknown>;
  /** Problems with the text typed, by plan-file field path (`levels[1].max.amount`). */
  problems: PlanFileProblem[];
};

type Reader = {
  number(text: string, path: PropertyKey[], options?: { whole?: boolean }): number | undefined;
  percent(text: string, path: PropertyKey[]): number | undefined;
};

function makeReader(problems: PlanFileProblem[]): Reader {
  const number: Reader["number"] = (text, path, options) => {
    const value = parseNumberText(text);
    if (value === undefined) return undefined;
    if (value === null || (options?.whole && !Number.isInteger(value))) {
      problems.push({
        field: formatFieldPath(path),
        code: value === null ? "ui-not-a-number" : "ui-not-a-whole-number",
        params: { value: text.trim() },
      });
      return undefined;
    }
    return value;
  };
  return {
    number,
    percent: (text, path) => {
      const value = number(text, path);
      return value === undefined ? undefined : percentToFraction(value);
    },
  };
}

function boundOut(bound: BoundDraft, path: PropertyKey[], read: Reader): unknown {
  if (bound.kind === "none") return undefined;
  if (bound.kind === "ofLastYear")
    return { ofLastYear: read.percent(bound.value, [...path, "ofLastYear"]) };
  return { amount: read.number(bound.value, [...path, "amount"]) };
}

function levelOut(level: LevelDraft, index: number, read: Reader): Record<string, unknown> {
  const path = ["levels", index];
  const out: Record<string, unknown> = { dimension: level.dimension, method: level.method };
  if (level.method === "history")
    out.years = read.number(level.years, [...path, "years"], { whole: true });
  if (level.method === "manual") {
    const weights: Record<string, number> = {};
    for (const [member, text] of Object.entries(level.weights)) {
      const value = read.number(text, [...path, "weights", member]);
      if (value !== undefined) weights[member] = value;
    }
    out.weights = weights;
  }
  if (level.method === "blend") {
    out.parts = level.parts.map((part, i) => {
      const partPath = [...path, "parts", i];
      const partOut: Record<string, unknown> = {
        method: part.method,
        weight: read.number(part.weight, [...partPath, "weight"]),
      };
      if (part.method === "history")
        partOut.years = read.number(part.years, [...partPath, "years"], { whole: true });
      if (part.method === "manual") {
        const weights: Record<string, number> = {};
        for (const [member, text] of Object.entries(level.weights)) {
          const value = read.number(text, [...path, "weights", member]);
          if (value !== undefined) weights[member] = value;
        }
        partOut.weights = weights;
      }
      return partOut;
    });
  }
  const min = boundOut(level.min, [...path, "min"], read);
  const max = boundOut(level.max, [...path, "max"], read);
  if (min !== undefined) out.min = min;
  if (max !== undefined) out.max = max;
  return out;
}

/** The dimensions a lock's `where` names: its level and every level above it. */
export function lockDimensions(lock: LockDraft, levels: readonly LevelDraft[]): DimensionKey[] {
  const depth = levels.findIndex((l) => l.dimension === lock.dimension);
  if (depth < 0) return [lock.dimension];
  return levels.slice(0, depth + 1).map((l) => l.dimension);
}

function lockOut(
  lock: LockDraft,
  index: number,
  levels: readonly LevelDraft[],
  read: Reader,
): Record<string, unknown> {
  const path = ["locks", index];
  const where: Partial<Record<DimensionKey, string>> = {};
  for (const dimension of lockDimensions(lock, levels))
    where[dimension] = (lock.where[dimension] ?? "").trim();
  const out: Record<string, unknown> = { where };
  if (lock.kind === "amount") out.amount = read.number(lock.value, [...path, "amount"]);
  else out[lock.kind] = read.percent(lock.value, [...path, lock.kind]);
  if (out[lock.kind] === undefined) delete out[lock.kind];
  if (lock.isNew) out.new = true;
  return out;
}

/** The plan file's `measures`, or undefined when the draft plans none. */
function measuresOut(measures: MeasuresDraft, read: Reader): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  const path = ["measures"];
  if (measures.quantity.on) {
    out.quantity = {
      unit: read.number(measures.quantity.unit, [...path, "quantity", "unit"], { whole: true }),
    };
  }
  const gp = measures.grossProfit;
  if (gp.on) {
    const targetPath = [...path, "grossProfit", "target"];
    out.grossProfit =
      gp.target === "margin"
        ? { target: { margin: read.percent(gp.marginPercent, [...targetPath, "margin"]) } }
        : gp.target === "amount"
          ? { target: { amount: read.number(gp.amount, [...targetPath, "amount"]) } }
          : {};
  }
  const expenses = measures.expenses;
  if (expenses.kind === "rate")
    out.expenses = { rate: read.percent(expenses.ratePercent, [...path, "expenses", "rate"]) };
  if (expenses.kind === "amount")
    out.expenses = { amount: read.number(expenses.amount, [...path, "expenses", "amount"]) };
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Removes keys whose value is undefined, so the schema reports them as missing, not mistyped. */
function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefined);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = withoutUndefined(v);
  return out;
}

/**
 * The plan file a draft describes (not yet validated: pass it to `validatePlanFile`), with the
 * numbers that could not be read reported on their field.
 * @example draftToPlanFile({ ...draft, planYear: "2026", target: { kind: "growth", growthPercent: "10", amount: "" } }).plan.target → { growth: 0.1 }
 */
export function draftToPlanFile(draft: PlanDraft): DraftConversion {
  const problems: PlanFileProblem[] = [];
  const read = makeReader(problems);
  const plan: Record<string, unknown> = {
    version: 1,
    planYear: read.number(draft.planYear, ["planYear"], { whole: true }),
    target:
      draft.target.kind === "amount"
        ? { amount: read.number(draft.target.amount, ["target", "amount"]) }
        : { growth: read.percent(draft.target.growthPercent, ["target", "growth"]) },
  };
  const columns = Object.entries(draft.columns).filter(([, header]) => header);
  if (columns.length > 0) plan.columns = Object.fromEntries(columns);
  plan.levels = draft.levels.map((level, i) => levelOut(level, i, read));
  plan.locks = draft.locks.map((lock, i) => lockOut(lock, i, draft.levels, read));
  const time: Record<string, unknown> = {
    grain: "month",
    method: draft.time.method,
    years: read.number(draft.time.years, ["time", "years"], { whole: true }),
    profile: draft.time.profile,
  };
  if (draft.time.method === "manual") {
    time.weights = draft.time.weights.map((w, i) => read.number(w, ["time", "weights", i]) ?? 0);
  }
  plan.time = time;
  plan.rounding = { unit: read.number(draft.unit, ["rounding", "unit"], { whole: true }) };
  if (draft.asOf) plan.asOf = draft.asOf;
  plan.language = draft.language;
  const measures = measuresOut(draft.measures, read);
  if (measures) plan.measures = measures;
  return { plan: withoutUndefined(plan) as Record<string, unknown>, problems };
}
