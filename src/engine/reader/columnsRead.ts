import { columnLetters } from "../address";
import type { DimensionKey, HistoryReadResult } from "../history";
import { askedRatioMeasures } from "../measures";

/** One column the plan was read from: its role (or level), its header, its letters (`G`, `D:AM`). */
export type ColumnRead = { role: string; header: string; column: string };

/**
 * The columns a plan reads, in the order a user checks them: the date (or, in a wide history, the
 * month columns as one range under `months`), the amount, the column of each measure asked (the
 * quantity; the cost, or the gross profit it comes from), each level's column, then the customer
 * column the action plan ranks customers by.
 * @example columnsRead(history, ["部门", "rep"]) → [{ role: "date", header: "单据日期", column: "A" },
 *   { role: "amount", header: "无税金额", column: "H" }, { role: "部门", header: "部门", column: "I" }, …]
 */
export function columnsRead(
  history: Pick<HistoryReadResult, "layout" | "columns" | "monthColumns">,
  levels: readonly DimensionKey[],
  measures: readonly string[] = [],
): ColumnRead[] {
  const read: ColumnRead[] = [];
  const add = (role: string) => {
    const found = history.columns[role];
    if (found) read.push({ role, header: found.header, column: columnLetters(found.column) });
  };
  if (history.layout === "wide") {
    const months = history.monthColumns;
    if (months.length > 0) {
      const first = months[0];
      const last = months[months.length - 1];
      read.push({
        role: "months",
        header: months.length > 1 ? `${first.header} … ${last.header}` : first.header,
        column:
          months.length > 1
            ? `${columnLetters(first.column)}:${columnLetters(last.column)}`
            : columnLetters(first.column),
      });
    }
  } else {
    add("date");
    add("amount");
    for (const measure of askedRatioMeasures(Object.fromEntries(measures.map((m) => [m, m])))) {
      const role = measure.roles.find((r) => history.columns[r]);
      if (role) add(role);
    }
  }
  for (const level of levels) add(level);
  if (!levels.includes("customer")) add("customer");
  return read;
}
