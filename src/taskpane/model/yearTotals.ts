import type { HistoryRecord } from "../../engine/history";

/** Net sales per year of the history, to the cent; a year with no record has no entry. */
export type YearTotals = Record<number, number>;

/**
 * Each year's net sales (what the Target step shows as the base year's actual), summed once when
 * the history is read rather than on the page each time the plan year changes.
 * @example yearTotals([{ year: 2025, amount: 10.005, … }, { year: 2025, amount: 5, … }]) → { 2025: 15.01 }
 */
export function yearTotals(records: readonly Pick<HistoryRecord, "year" | "amount">[]): YearTotals {
  const sums = new Map<number, number>();
  for (const r of records) sums.set(r.year, (sums.get(r.year) ?? 0) + r.amount);
  const totals: YearTotals = {};
  for (const [year, sum] of sums) totals[year] = Math.round(sum * 100) / 100;
  return totals;
}
