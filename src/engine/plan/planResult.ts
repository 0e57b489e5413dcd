import type { DimensionKey, Notice } from "../history";
import type { MeasureKey, RatioMeasure } from "../measures";
import type { ActionPlanUnit } from "./actionPlan";

/**
 * A measure's plan for one node: the annual figure and its 12 months (currency, or items for the
 * quantity), each a whole multiple of the measure's unit; the months sum exactly to the annual.
 */
export type MeasurePlan = { annual: number; months: number[] };

/** The measures planned per node beside the amount. */
export type PlannedMeasure = RatioMeasure | "cost";

/**
 * A node's planning ratio (the price of the quantity, the margin of gross profit) and where it
 * came from: the node's own base year, its own `time.years` window, or a node above it
 * (`from` is that node's path; `[]` is the company).
 */
export type PlannedRatio = {
  value: number;
  source: "baseYear" | "window" | "inherited";
  from: string[];
};

/** A node of the cascade: the root (whole plan), an inner segment, or a leaf. */
export type PlanNode = {
  /** The level this node is a member of; null for the root. */
  dimension: DimensionKey | null;
  member: string | null;
  /** Members from the first level down to this node. */
  path: string[];
  /** Annual target in whole rounding units. */
  units: number;
  /** Net sales in the base year (currency). */
  baseNet: number;
  /** Net sales of each base-year month (currency, unrounded): they sum to `baseNet`. */
  baseMonths: number[];
  /** Set when a lock fixed this node's target. */
  lock?: "amount" | "growth" | "share";
  /** A node added by a `new` lock: no history. */
  isNew: boolean;
  children: PlanNode[];
  /** Leaves only: the 12 monthly targets in whole units. */
  monthUnits?: number[];
  /** Leaves only: the month shares its months were split by. */
  monthShares?: number[];
  /** The measures planned for this node (parents: sums of their children), when asked. */
  measures?: Partial<Record<PlannedMeasure, MeasurePlan>>;
  /** The planning ratio of each ratio measure asked, as this node's own history gives it. */
  ratios?: Partial<Record<RatioMeasure, PlannedRatio>>;
};

/** One leaf of the plan, in currency. */
export type PlanRow = {
  path: string[];
  annual: number;
  months: number[];
  baseNet: number;
  /** Net sales of each base-year month (currency, to the cent): they sum to `baseNet`. */
  baseMonths: number[];
  isNew: boolean;
  lock?: PlanNode["lock"];
  /** The leaf's measures (quantity, gross profit, cost), when the plan asks for them. */
  measures?: Partial<Record<PlannedMeasure, MeasurePlan>>;
  /** The leaf's planning ratios (price, margin) by the measure they plan. */
  ratios?: Partial<Record<RatioMeasure, PlannedRatio>>;
};

/** One leaf × month of tracking (figures in currency; ratios unrounded). */
export type TrackingRow = {
  path: string[];
  period: string;
  month: number;
  status: "closed" | "open";
  /** True for actuals of a node that is not in the plan (a new rep): shown, never dropped. */
  unplanned: boolean;
  target: number;
  actual: number | null;
  variance: number | null;
  attainment: number | null;
  ytdTarget: number | null;
  ytdActual: number | null;
  reforecast: number | null;
  /** Per ratio measure asked: the month's actual (quantity; gross profit = amount − cost), null when open. */
  measureActuals?: Partial<Record<RatioMeasure, number | null>>;
};

/**
 * One line of the sales P&L (Profit Plan): a first-level node of the breakdown (or, with no
 * levels, the whole plan) or the total (`path` []): sales, cost of sales, gross profit and its
 * margin, expenses and net profit, each annual and by month; a figure is there when the measures
 * it comes from are asked.
 */
export type ProfitLine = {
  path: string[];
  sales: MeasurePlan;
  cost?: MeasurePlan;
  grossProfit?: MeasurePlan;
  /** Gross profit / sales, annual and per month; null where sales are 0. */
  margin?: { annual: number | null; months: (number | null)[] };
  expenses?: MeasurePlan;
  /** Gross profit − expenses: there when both are asked. */
  netProfit?: MeasurePlan;
};

/** The measures of a plan beyond the amount, when its plan file asks for any. */
export type PlanMeasures = {
  /** The measures asked, in `MEASURE_KEYS` order. */
  asked: MeasureKey[];
  quantity?: { unit: number; total: number };
  /** `target`: the gross profit target when the plan gives one, which `total` equals. */
  grossProfit?: { total: number; target: number | null };
  cost?: { total: number };
  /** The expenses, split over the first level's nodes (with no levels, one line for the plan). */
  expenses?: { total: number; lines: { path: string[]; plan: MeasurePlan }[] };
  /** The sales P&L per first-level node, then its total. */
  profit: { lines: ProfitLine[]; total: ProfitLine };
};

export type PlanResult = {
  planYear: number;
  baseYear: number;
  /** Annual target (currency). */
  target: number;
  /** Net sales of the base year (currency). */
  base: number;
  unit: number;
  levels: DimensionKey[];
  /** `YYYY-MM` of each plan month. */
  periods: string[];
  /** Company-wide month shares. */
  shares: number[];
  /** Company net sales of each base-year month (currency). */
  baseMonths: number[];
  root: PlanNode;
  rows: PlanRow[];
  /** Last closed month (1…12), or 0 when no month is closed. */
  closedMonths: number;
  asOf: string | null;
  tracking: TrackingRow[];
  /** Per rep (or leaf when rep is not a level): the action plan's figures. */
  actionPlans: ActionPlanUnit[];
  /** The measures beyond the amount, when the plan file asks for them. */
  measures?: PlanMeasures;
  warnings: Notice[];
};
