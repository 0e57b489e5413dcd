import type { DimensionKey, Notice } from "../history";
import type { ActionPlanUnit } from "./actionPlan";

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
  warnings: Notice[];
};
