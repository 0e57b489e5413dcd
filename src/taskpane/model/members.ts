import type { DimensionKey, HistoryRecord } from "../../engine/history";
import { BLANK_MEMBER } from "../../engine/plan/aggregate";
import { byCodePoint } from "../../engine/rounding";

/**
 * The members of a dimension in the history before the plan year, optionally only those under a
 * parent (members of the levels above), in code-point order: what weight grids and locks offer.
 * @example membersOf(records, "rep", 2026, { region: "East" }) → ["Ann", "Bo"]
 */
export function membersOf(
  records: readonly HistoryRecord[],
  dimension: DimensionKey,
  planYear: number | null,
  parent: Partial<Record<DimensionKey, string>> = {},
): string[] {
  const conditions = Object.entries(parent).filter(([, member]) => member) as [
    DimensionKey,
    string,
  ][];
  const found = new Set<string>();
  for (const r of records) {
    if (planYear !== null && r.year >= planYear) continue;
    if (conditions.some(([d, member]) => (r.dims[d] ?? BLANK_MEMBER) !== member)) continue;
    found.add(r.dims[dimension] ?? BLANK_MEMBER);
  }
  return [...found].sort(byCodePoint);
}

/**
 * Net sales per member of a dimension in one year.
 * @example memberSales(records, "region", 2025).get("East") === 180000
 */
export function memberSales(
  records: readonly HistoryRecord[],
  dimension: DimensionKey,
  year: number,
): Map<string, number> {
  const sales = new Map<string, number>();
  for (const r of records) {
    if (r.year !== year) continue;
    const member = r.dims[dimension] ?? BLANK_MEMBER;
    sales.set(member, (sales.get(member) ?? 0) + r.amount);
  }
  return sales;
}
