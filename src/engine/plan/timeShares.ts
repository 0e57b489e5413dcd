import type { Notice } from "../history";
import { PlanError } from "../planError";
import { monthTotals, type MonthCell } from "./aggregate";
import type { TimeMethod } from "./planSchema";

export type TimeShareSpec = {
  method: TimeMethod;
  years: number;
  weights?: readonly number[];
};

export type TimeShares = { shares: number[]; notices: Notice[] };

const MONTHS = 12;

function normalise(values: readonly number[]): number[] | null {
  const total = values.reduce((s, v) => s + v, 0);
  return total > 0 ? values.map((v) => v / total) : null;
}

/** Monthly series (index 0 = January of `fromYear`) through December of `toYear`. */
function monthlySeries(cells: readonly MonthCell[], fromYear: number, toYear: number): number[] {
  const series = new Array<number>((toYear - fromYear + 1) * MONTHS).fill(0);
  for (const c of cells) {
    if (c.year >= fromYear && c.year <= toYear)
      series[(c.year - fromYear) * MONTHS + c.month - 1] += c.amount;
  }
  return series;
}

function clampNegative(values: number[], notices: Notice[], scope: string): number[] {
  const negative = values.map((v, i) => (v < 0 ? i + 1 : 0)).filter((m) => m > 0);
  if (negative.length > 0) {
    notices.push({
      code: "negative-month-clamped",
      params: { months: negative.join(", "), scope },
    });
  }
  return values.map((v) => Math.max(0, v));
}

/**
 * Classical multiplicative decomposition: each month's ratio to the centred 2×12 moving average,
 * averaged per calendar month, scaled to sum to 12, returned as shares summing to 1.
 */
function movingAverageRatioShares(
  series: readonly number[],
  firstMonthIndex: number,
): number[] | null {
  const sums = new Array<number>(MONTHS).fill(0);
  const counts = new Array<number>(MONTHS).fill(0);
  for (let t = 6; t + 6 < series.length; t++) {
    let ma = 0.5 * series[t - 6] + 0.5 * series[t + 6];
    for (let k = t - 5; k <= t + 5; k++) ma += series[k];
    ma /= 12;
    if (ma <= 0) continue;
    const calendarMonth = (firstMonthIndex + t) % MONTHS;
    sums[calendarMonth] += series[t] / ma;
    counts[calendarMonth] += 1;
  }
  if (counts.some((c) => c === 0)) return null;
  const ratios = sums.map((s, i) => Math.max(0, s / counts[i]));
  return normalise(ratios);
}

/**
 * Twelve month shares summing to 1 from history cells of the window `planYear − years … planYear − 1`.
 * Throws a PlanError when the window has nothing to learn from.
 * @example monthShares(cells, 2026, { method: "seasonality", years: 3 }).shares // → [0.05, 0.04, …]
 */
export function monthShares(
  cells: readonly MonthCell[],
  planYear: number,
  spec: TimeShareSpec,
  scope = "company",
): TimeShares {
  const notices: Notice[] = [];
  const fromYear = planYear - spec.years;
  const toYear = planYear - 1;
  const window = `${fromYear}–${toYear}`;
  switch (spec.method) {
    case "equal":
      return { shares: new Array<number>(MONTHS).fill(1 / MONTHS), notices };
    case "manual": {
      const shares = normalise(spec.weights ?? []);
      if (!shares || shares.length !== MONTHS)
        throw new PlanError("manual-time-weights-zero", {}, "time.weights");
      return { shares, notices };
    }
    case "seasonality": {
      const totals = clampNegative(monthTotals(cells, fromYear, toYear), notices, scope);
      const shares = normalise(totals);
      if (!shares) throw new PlanError("no-sales-in-window", { window, scope }, "time");
      return { shares, notices };
    }
    case "yearlyShareAverage": {
      const series = monthlySeries(cells, fromYear, toYear);
      const perYear: number[][] = [];
      for (let y = 0; y < spec.years; y++) {
        const year = clampNegative(series.slice(y * MONTHS, (y + 1) * MONTHS), notices, scope);
        const shares = normalise(year);
        if (shares) perYear.push(shares);
      }
      if (perYear.length === 0)
        throw new PlanError("no-sales-in-window", { window, scope }, "time");
      const mean = new Array<number>(MONTHS)
        .fill(0)
        .map((_, m) => perYear.reduce((s, ys) => s + ys[m], 0) / perYear.length);
      return { shares: normalise(mean) ?? mean, notices };
    }
    case "movingAverageRatio": {
      const full = monthlySeries(cells, fromYear, toYear);
      // The series starts at the window's first month with any row.
      let first = full.length;
      for (const c of cells) {
        if (c.year >= fromYear && c.year <= toYear)
          first = Math.min(first, (c.year - fromYear) * MONTHS + c.month - 1);
      }
      const series = full.slice(first);
      if (series.length < 24) {
        throw new PlanError(
          "moving-average-needs-24-months",
          { months: series.length, window },
          "time.method",
        );
      }
      const shares = movingAverageRatioShares(series, first % MONTHS);
      if (!shares) throw new PlanError("no-sales-in-window", { window, scope }, "time");
      return { shares, notices };
    }
  }
}

/**
 * True when the cells have at least one row in every month of every window year: only then is a
 * leaf's own seasonality trusted over the company's.
 * @example hasFullWindow(leafCells, 2026, 3) === false // a rep who joined mid-2024
 */
export function hasFullWindow(
  cells: readonly MonthCell[],
  planYear: number,
  years: number,
): boolean {
  const seen = new Set<number>();
  for (const c of cells) {
    if (c.rows > 0 && c.year >= planYear - years && c.year < planYear)
      seen.add(c.year * 12 + c.month);
  }
  return seen.size === years * MONTHS;
}
