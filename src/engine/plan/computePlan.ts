import type { HistoryRole, DetectedColumn, DimensionKey, HistoryRecord, Notice } from "../history";
import { formatAmount } from "../formatNumber";
import { askedRatioMeasures, figuresFor } from "../measures";
import { PlanError } from "../planError";
import { roundHalfUp } from "../rounding";
import { actionPlanUnits } from "./actionPlan";
import { aggregateByMonth } from "./aggregate";
import { buildCascade } from "./buildCascade";
import { growthOutliers } from "./growthOutliers";
import type { PlanResult, PlanRow } from "./planResult";
import { MAX_PLAN_NUMBER, type PlanFile } from "./planSchema";
import { monthShares } from "./timeShares";
import { collectLeaves } from "./collectLeaves";
import { planMeasures } from "./measures/planMeasures";
import { roundCents, trackPlan } from "./tracking";

/** What the engine needs of a read history. */
export type PlanInput = {
  records: readonly HistoryRecord[];
  /** Detected columns; when given, a level whose dimension has no column is an error. */
  columns?: Partial<Record<HistoryRole | DimensionKey, DetectedColumn>>;
};

export type PlanOptions = {
  /** `YYYY-MM`: closes months 1…MM of the plan year; overrides the plan file's `asOf`. */
  asOf?: string;
};

function closedMonthsFor(
  plan: PlanFile,
  options: PlanOptions,
  actualRecords: readonly HistoryRecord[],
): number {
  const asOf = options.asOf ?? plan.asOf;
  if (asOf !== undefined) {
    const match = /^(\d{4})-(\d{2})$/.exec(asOf);
    const month = match ? Number(match[2]) : 0;
    if (!match || month < 1 || month > 12)
      throw new PlanError("asof-bad-format", { value: asOf }, "asOf");
    if (Number(match[1]) !== plan.planYear) {
      throw new PlanError(
        "asof-outside-plan-year",
        { value: asOf, planYear: plan.planYear },
        "asOf",
      );
    }
    return month;
  }
  return actualRecords.reduce((m, r) => Math.max(m, r.month), 0);
}

/**
 * Growths above 1 (+100 %), of the target or of a lock: `15` is +1,500 %, most likely meant as
 * 15 % (0.15). Planned as written, and said.
 */
function largeGrowthNotices(plan: PlanFile): Notice[] {
  const growths: [string, number | undefined][] = [
    ["target.growth", "growth" in plan.target ? plan.target.growth : undefined],
    ...plan.locks.map((l, i): [string, number | undefined] => [`locks[${i}].growth`, l.growth]),
  ];
  return growths
    .filter((g): g is [string, number] => g[1] !== undefined && g[1] > 1)
    .map(([field, growth]) => ({
      code: "growth-above-one",
      params: {
        field,
        growth,
        percent: formatAmount(growth * 100),
        fraction: Number((growth / 100).toPrecision(12)),
      },
    }));
}

/**
 * The whole method: annual target, seasonality, the dimension cascade with locks and caps,
 * largest-remainder rounding, tracking with the rolling re-forecast, and the measures the plan
 * asks for (quantity, gross profit and cost, expenses, net profit). Plan-year rows are
 * actuals only; later rows are ignored and reported. Throws a PlanError the user can act on.
 * @example computePlan({ records }, plan).target === 303600 // the worked example
 */
export function computePlan(
  input: PlanInput,
  plan: PlanFile,
  options: PlanOptions = {},
): PlanResult {
  const { planYear } = plan;
  const baseYear = planYear - 1;
  const unit = plan.rounding.unit;
  const dims: DimensionKey[] = plan.levels.map((l) => l.dimension);
  const warnings: Notice[] = [];

  if (input.columns) {
    plan.levels.forEach((level, i) => {
      if (!input.columns?.[level.dimension]) {
        throw new PlanError(
          "level-column-missing",
          { dimension: level.dimension },
          `levels[${i}].dimension`,
        );
      }
    });
  }

  const ratioMeasures = askedRatioMeasures(plan.measures);
  if (input.columns) {
    for (const measure of ratioMeasures) {
      if (!measure.roles.some((role) => input.columns?.[role])) {
        throw new PlanError(
          "measure-column-missing",
          { measure: measure.key, roles: measure.roles.join(", ") },
          `measures.${measure.key}`,
        );
      }
    }
  }
  const figures = figuresFor(ratioMeasures);

  const past: HistoryRecord[] = [];
  const actual: HistoryRecord[] = [];
  let later = 0;
  for (const r of input.records) {
    if (r.year < planYear) past.push(r);
    else if (r.year === planYear) actual.push(r);
    else later++;
  }
  if (later > 0)
    warnings.push({ code: "rows-after-plan-year", params: { count: later, planYear } });
  // A target spread over no history would be a plan made from nothing: say so, not a lone leaf.
  if (past.length === 0) {
    throw new PlanError(
      "no-history-before-plan-year",
      { planYear, count: actual.length + later },
      "planYear",
    );
  }

  const baseByMonth = new Array<number>(12).fill(0);
  const baseMonths = new Set<number>();
  for (const r of past) {
    if (r.year === baseYear) {
      baseByMonth[r.month - 1] += r.amount;
      baseMonths.add(r.month);
    }
  }
  const base = roundCents(baseByMonth.reduce((a, b) => a + b, 0));
  if (baseMonths.size === 0 && "amount" in plan.target) {
    const latest = past.reduce((a, r) => (r.year * 12 + r.month > a.year * 12 + a.month ? r : a));
    warnings.push({
      code: "no-base-year-sales",
      params: { baseYear, latest: `${latest.year}-${String(latest.month).padStart(2, "0")}` },
    });
  }

  let targetUnits: number;
  if ("amount" in plan.target) {
    targetUnits = plan.target.amount / unit;
    if (!Number.isInteger(targetUnits)) {
      throw new PlanError(
        "target-not-multiple-of-unit",
        { amount: plan.target.amount, unit },
        "target.amount",
      );
    }
  } else {
    const missing = Array.from({ length: 12 }, (_, i) => i + 1).filter((m) => !baseMonths.has(m));
    if (missing.length > 0) {
      throw new PlanError(
        "growth-needs-full-base-year",
        { baseYear, missing: missing.join(", "), count: missing.length },
        "target.growth",
      );
    }
    if (!(base > 0)) throw new PlanError("base-not-positive", { baseYear, base }, "target.growth");
    targetUnits = Math.max(0, roundHalfUp((base * (1 + plan.target.growth)) / unit));
  }
  warnings.push(...largeGrowthNotices(plan));
  // Splits are exact in whole units only up to Excel's 15 digits (and far beyond, never).
  if (!(targetUnits * unit <= MAX_PLAN_NUMBER)) {
    const field = "amount" in plan.target ? "target.amount" : "target.growth";
    throw new PlanError(
      "target-too-large",
      { amount: targetUnits * unit, limit: MAX_PLAN_NUMBER },
      field,
    );
  }

  const historyCells = aggregateByMonth(past, dims, figures);
  const company = monthShares(historyCells, planYear, plan.time);
  warnings.push(...company.notices);
  const root = buildCascade(plan, historyCells, targetUnits, base, company.shares, warnings);
  warnings.push(...growthOutliers(root, unit));
  const measures = planMeasures(root, historyCells, plan, targetUnits, warnings);

  const rows: PlanRow[] = collectLeaves(root).map((leaf) => {
    const row: PlanRow = {
      path: leaf.path,
      annual: leaf.units * unit,
      months: (leaf.monthUnits ?? []).map((u) => u * unit),
      baseNet: roundCents(leaf.baseNet),
      baseMonths: leaf.baseMonths.map(roundCents),
      isNew: leaf.isNew,
      lock: leaf.lock,
    };
    if (leaf.measures) row.measures = leaf.measures;
    if (leaf.ratios) row.ratios = leaf.ratios;
    return row;
  });

  const closedMonths = closedMonthsFor(plan, options, actual);
  const afterAsOf = actual.filter((r) => r.month > closedMonths).length;
  if (closedMonths > 0 && afterAsOf > 0) {
    warnings.push({
      code: "actuals-after-as-of",
      params: { count: afterAsOf, asOf: `${planYear}-${String(closedMonths).padStart(2, "0")}` },
    });
  }
  const tracking = trackPlan(
    root,
    aggregateByMonth(actual, dims, figures),
    closedMonths,
    planYear,
    unit,
    ratioMeasures,
  );
  const unplanned = new Set(tracking.filter((t) => t.unplanned).map((t) => t.path.join(" / ")));
  if (unplanned.size > 0) {
    warnings.push({
      code: "unplanned-actuals",
      params: { count: unplanned.size, members: [...unplanned].slice(0, 5).join("; ") },
    });
  }

  return {
    planYear,
    baseYear,
    target: targetUnits * unit,
    base,
    unit,
    levels: dims,
    periods: Array.from({ length: 12 }, (_, i) => `${planYear}-${String(i + 1).padStart(2, "0")}`),
    shares: company.shares,
    baseMonths: baseByMonth.map(roundCents),
    root,
    rows,
    closedMonths,
    asOf: closedMonths > 0 ? `${planYear}-${String(closedMonths).padStart(2, "0")}` : null,
    tracking,
    actionPlans: actionPlanUnits(root, past, dims, planYear, plan.time.years, unit),
    ...(measures ? { measures } : {}),
    warnings,
  };
}
