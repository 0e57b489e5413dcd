import type { DimensionKey, HistoryReadResult, HistoryRole } from "../../engine/history";
import { DIMENSIONS } from "../../engine/history";
import type { Language } from "../../engine/language";
import { isIdLikeHeader } from "../../engine/reader/matchHeaderRole";
import { historyReadOptions } from "../../engine/plan/historyReadOptions";
import type { SplitMethod, TimeMethod } from "../../engine/plan/planSchema";
import type { ReadHistoryOptions } from "../../engine/reader/readHistory";
import type { BoundKind, LockKind } from "../i18n/uiStrings";

/**
 * The plan as the pane edits it: numbers kept as the text the user typed (so a half-typed "1,2"
 * is not lost), percentages as percent, list items with stable keys. `draftToPlanFile` turns it
 * into a plan file; `planFileToDraft` back.
 */
export type PlanDraft = {
  planYear: string;
  target: { kind: "growth" | "amount"; growthPercent: string; amount: string };
  /** Header text per role, overriding detection (the plan file's `columns`). */
  columns: Partial<Record<HistoryRole, string>>;
  levels: LevelDraft[];
  locks: LockDraft[];
  time: TimeDraft;
  unit: string;
  /** `YYYY-MM`, or "" for the last month with actuals. */
  asOf: string;
  /** The generated sheets' language. */
  language: Language;
  /** The measures planned beside the amount (the plan file's `measures`). */
  measures: MeasuresDraft;
  /** The next free key for a list item. */
  nextKey: number;
};

/**
 * The measures as the pane edits them: each on or off, its figures as typed (percentages as
 * percent). A figure of an option not chosen is kept, so switching back finds it again.
 */
export type MeasuresDraft = {
  /** Units sold, rounded to `unit` items. */
  quantity: { on: boolean; unit: string };
  /** Gross profit: each segment at its own margin, or a target as a margin of sales or an amount. */
  grossProfit: {
    on: boolean;
    target: "none" | "margin" | "amount";
    marginPercent: string;
    amount: string;
  };
  /** Sales expenses: none, a rate of the target, or an amount. */
  expenses: { kind: "none" | "rate" | "amount"; ratePercent: string; amount: string };
};

/** No measure planned: the amount alone. */
export const NO_MEASURES: MeasuresDraft = {
  quantity: { on: false, unit: "1" },
  grossProfit: { on: false, target: "none", marginPercent: "", amount: "" },
  expenses: { kind: "none", ratePercent: "", amount: "" },
};

/**
 * The ratio measures a draft asks the history reader for (their columns' cells are read).
 * @example askedReadMeasures({ ...NO_MEASURES, quantity: { on: true, unit: "1" } }) → ["quantity"]
 */
export function askedReadMeasures(measures: MeasuresDraft): ("quantity" | "grossProfit")[] {
  const asked: ("quantity" | "grossProfit")[] = [];
  if (measures.quantity.on) asked.push("quantity");
  if (measures.grossProfit.on) asked.push("grossProfit");
  return asked;
}

/**
 * What the history reader needs of a draft: the columns it names, its levels' dimensions and the
 * measures whose columns must be read.
 * @example draftReadOptions({ ...draft, measures: { ...NO_MEASURES, quantity: { on: true, unit: "1" } } }).measures → ["quantity"]
 */
export function draftReadOptions(
  draft: Pick<PlanDraft, "columns" | "levels" | "measures">,
): ReadHistoryOptions {
  return historyReadOptions({
    columns: draft.columns,
    levels: draft.levels,
    measures: Object.fromEntries(askedReadMeasures(draft.measures).map((key) => [key, {}])),
  });
}

/** True when the draft plans any measure beside the amount. */
export function plansMeasures(measures: MeasuresDraft): boolean {
  return askedReadMeasures(measures).length > 0 || measures.expenses.kind !== "none";
}

export type BlendMethod = "lastYear" | "history" | "equal" | "manual";

export type PartDraft = {
  key: string;
  method: BlendMethod;
  weight: string;
  years: string;
};

export type BoundDraft = { kind: BoundKind; value: string };

export type LevelDraft = {
  key: string;
  dimension: DimensionKey;
  method: SplitMethod;
  years: string;
  /** Manual weights by member (text as typed). */
  weights: Record<string, string>;
  parts: PartDraft[];
  min: BoundDraft;
  max: BoundDraft;
};

export type LockDraft = {
  key: string;
  /** The locked node's level. */
  dimension: DimensionKey;
  /** Members of the locked node and of every level above it. */
  where: Partial<Record<DimensionKey, string>>;
  kind: LockKind;
  value: string;
  isNew: boolean;
};

export type TimeDraft = {
  method: TimeMethod;
  years: string;
  profile: "company" | "leaf";
  /** 12 weights as typed (manual method). */
  weights: string[];
};

export const NO_BOUND: BoundDraft = { kind: "none", value: "" };

/** Dimensions a plan breaks down by first, when the history has them. */
const DEFAULT_LEVELS: readonly DimensionKey[] = ["region", "rep"];

/**
 * A new level on a dimension, split by last year's sales.
 * @example newLevel("region", "k1").method === "lastYear"
 */
export function newLevel(dimension: DimensionKey, key: string): LevelDraft {
  return {
    key,
    dimension,
    method: "lastYear",
    years: "3",
    weights: {},
    parts: [],
    min: NO_BOUND,
    max: NO_BOUND,
  };
}

/**
 * The plan year a history suggests: the year after its last full year, or the last year itself
 * when that year is under way (its rows are then actuals to track).
 * @example suggestPlanYear([{ year: 2026, month: 4 }, { year: 2025, month: 12 }]) === 2026
 */
export function suggestPlanYear(
  records: readonly { year: number; month: number }[],
): number | null {
  let latest = -Infinity;
  for (const r of records) latest = Math.max(latest, r.year);
  if (!Number.isFinite(latest)) return null;
  const months = new Set(records.filter((r) => r.year === latest).map((r) => r.month));
  return months.size === 12 ? latest + 1 : latest;
}

/**
 * What a plan can split by: the built-in dimensions the history has a column for, in canonical
 * order, then every other header column (部门, Distributor…) but codes and document numbers, in
 * sheet order.
 */
export function detectedDimensions(history: HistoryReadResult | null): DimensionKey[] {
  if (!history) return [];
  const builtIn: DimensionKey[] = DIMENSIONS.filter((d) => history.columns[d] !== undefined);
  const others = history.otherColumns.filter((c) => !isIdLikeHeader(c.header));
  return [...builtIn, ...others.map((c) => c.header)];
}

/**
 * A first plan for a history: 10 % growth over the base year, broken down by region then rep
 * (those the history has), seasonality over three years, rounded to the unit.
 * @example defaultDraft(history, "en-US").target.growthPercent === "10"
 */
export function defaultDraft(history: HistoryReadResult | null, language: Language): PlanDraft {
  const planYear = history ? suggestPlanYear(history.records) : null;
  const dims = detectedDimensions(history);
  const levelDims = DEFAULT_LEVELS.filter((d) => dims.includes(d));
  if (levelDims.length === 0 && dims.length > 0) levelDims.push(dims[0]);
  return {
    planYear: planYear === null ? "" : String(planYear),
    target: { kind: "growth", growthPercent: "10", amount: "" },
    columns: {},
    levels: levelDims.map((d, i) => newLevel(d, `k${i + 1}`)),
    locks: [],
    time: {
      method: "seasonality",
      years: "3",
      profile: "company",
      weights: new Array<string>(12).fill("1"),
    },
    unit: "1",
    asOf: "",
    language,
    measures: NO_MEASURES,
    nextKey: levelDims.length + 1,
  };
}
