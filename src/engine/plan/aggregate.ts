import type { DimensionKey, HistoryRecord } from "../history";
import type { HistoryFigure, MeasureFigure } from "../measures";

/** The member used for a record whose dimension cell is blank. */
export const BLANK_MEMBER = "(blank)";

/**
 * Net sales of one combination of level members in one month, with how many rows made it, and
 * the net of each other history figure aggregated (quantity, cost) when a measure needs it.
 */
export type MonthCell = {
  /** One member per plan level, in level order. */
  members: string[];
  year: number;
  month: number;
  amount: number;
  rows: number;
} & Partial<Record<MeasureFigure, number>>;

/**
 * Sums records into one cell per (members of the plan's levels, year, month), so the cascade
 * works on thousands of cells instead of millions of rows. `figures` are summed beside the
 * amount (a record without one counts 0).
 * @example aggregateByMonth(records, ["region"]) → [{ members: ["East"], year: 2025, month: 1, amount: 100, rows: 2 }, …]
 */
export function aggregateByMonth(
  records: readonly HistoryRecord[],
  levels: readonly DimensionKey[],
  figures: readonly HistoryFigure[] = ["amount"],
): MonthCell[] {
  const extra = figures.filter((f): f is MeasureFigure => f !== "amount");
  // A tree of maps, one level per dimension, then year × 12 + month: no key string per record.
  type Branch = Map<string, Branch | Map<number, MonthCell>>;
  const root: Branch = new Map();
  const cells: MonthCell[] = [];
  const depth = levels.length;
  const members = new Array<string>(depth);
  for (const r of records) {
    let branch: Branch = root;
    let leaf: Map<number, MonthCell> | undefined;
    for (let i = 0; i < depth; i++) {
      const member = r.dims[levels[i]] ?? BLANK_MEMBER;
      members[i] = member;
      let next = branch.get(member);
      if (next === undefined) {
        next = i === depth - 1 ? new Map<number, MonthCell>() : new Map();
        branch.set(member, next);
      }
      if (i === depth - 1) leaf = next as Map<number, MonthCell>;
      else branch = next as Branch;
    }
    // No levels: every record is in the one branch.
    if (leaf === undefined) {
      leaf = root.get("") as Map<number, MonthCell> | undefined;
      if (leaf === undefined) root.set("", (leaf = new Map()));
    }
    const key = r.year * 12 + r.month;
    const cell = leaf.get(key);
    if (cell) {
      cell.amount += r.amount;
      cell.rows += 1;
      for (const f of extra) cell[f] = (cell[f] ?? 0) + (r[f] ?? 0);
    } else {
      const created: MonthCell = {
        members: members.slice(),
        year: r.year,
        month: r.month,
        amount: r.amount,
        rows: 1,
      };
      for (const f of extra) created[f] = r[f] ?? 0;
      leaf.set(key, created);
      cells.push(created);
    }
  }
  return cells;
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
