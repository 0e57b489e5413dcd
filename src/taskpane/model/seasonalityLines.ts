import type { HistoryRecord } from "../../engine/history";
import { aggregateByMonth } from "../../engine/plan/aggregate";
import type { TimeMethod } from "../../engine/plan/planSchema";
import { monthShares } from "../../engine/plan/timeShares";

export type SeasonalityLines = {
  /** Each window year's month shares of its own year (years with no sales left out). */
  years: { year: number; shares: number[] }[];
  /** The shares the plan's time method gives, or null when it cannot give any yet. */
  result: number[] | null;
};

/**
 * The seasonality chart's lines: one per history year of the window, and the plan's shares.
 * @example seasonalityLines(records, 2026, { method: "seasonality", years: 3 }).years.map((y) => y.year) → [2023, 2024, 2025]
 */
export function seasonalityLines(
  records: readonly HistoryRecord[],
  planYear: number,
  time: { method: TimeMethod; years: number; weights?: readonly number[] },
): SeasonalityLines {
  const from = planYear - time.years;
  const totals = new Map<number, number[]>();
  const past: HistoryRecord[] = [];
  for (const r of records) {
    if (r.year >= planYear) continue;
    past.push(r);
    if (r.year < from) continue;
    const months = totals.get(r.year) ?? new Array<number>(12).fill(0);
    months[r.month - 1] += r.amount;
    totals.set(r.year, months);
  }
  const years = [...totals.entries()]
    .sort(([a], [b]) => a - b)
    .flatMap(([year, months]) => {
      const clamped = months.map((m) => Math.max(0, m));
      const sum = clamped.reduce((a, b) => a + b, 0);
      return sum > 0 ? [{ year, shares: clamped.map((m) => m / sum) }] : [];
    });
  let result: number[] | null = null;
  try {
    result = monthShares(aggregateByMonth(past, []), planYear, time).shares;
  } catch {
    // No shares yet (e.g. no sales in the window): the chart shows the years it has.
    result = null;
  }
  return { years, result };
}
