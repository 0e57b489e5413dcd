import type { Dimension, HistoryRecord } from "../history";

/** The member used for a record whose dimension cell is blank. */
export const BLANK_MEMBER = "(blank)";

/** Net sales of one combination of level members in one month, with how many rows made it. */
export type MonthCell = {
  /** One member per plan level, in level order. */
  members: string[];
  year: number;
  month: number;
  amount: number;
  rows: number;
};

/**
 * Sums records into one cell per (members of the plan's levels, year, month), so the cascade
 * works on thousands of cells instead of millions of rows.
 * @example aggregateByMonth(records, ["region"]) → [{ members: ["East"], year: 2025, month: 1, amount: 100, rows: 2 }, …]
 */
export function aggregateByMonth(
  records: readonly HistoryRecord[],
  levels: readonly Dimension[],
): MonthCell[] {
  const cells = new Map<string, MonthCell>();
  for (const r of records) {
    const members = levels.map((d) => r.dims[d] ?? BLANK_MEMBER);
    const key = `${members.join("\u0000")}\u0000${r.year}\u0000${r.month}`;
    const cell = cells.get(key);
    if (cell) {
      cell.amount += r.amount;
      cell.rows += 1;
    } else {
      cells.set(key, { members, year: r.year, month: r.month, amount: r.amount, rows: 1 });
    }
  }
  return [...cells.values()];
}

/**
 * Sums amounts per calendar month (index 0 = January) over the given years.
 * @example monthTotals(cells, 2023, 2025)[0] → January's net sales 2023–2025
 */
export function monthTotals(
  cells: readonly MonthCell[],
  fromYear: number,
  toYear: number,
): number[] {
  const totals = new Array<number>(12).fill(0);
  for (const c of cells)
    if (c.year >= fromYear && c.year <= toYear) totals[c.month - 1] += c.amount;
  return totals;
}
