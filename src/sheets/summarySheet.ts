import { formatAmount } from "../engine/formatNumber";
import type { PlanFile } from "../engine/plan/planSchema";
import type { PlanResult } from "../engine/plan/planResult";
import type { ColumnRead } from "../engine/reader/columnsRead";
import { roundCents } from "../engine/plan/tracking";
import type { AllocationLayout } from "./allocationSheet";
import { a1, amount, formula, PERCENT_FORMAT, sheetRef, text } from "./cells";
import type { SheetLabels } from "./labels";
import { printSetup } from "./printSetup";
import type { SheetCell, SheetModel } from "./sheetModel";

/**
 * The plan at a glance: target, base, growth, rounding, breakdown and time method; then each
 * month's and quarter's target (read from the allocation sheet's totals), share, base-year actual
 * and change.
 * @example summarySheet(result, plan, labels, "Plan Summary", "Allocation", layout, "Sales").rows[0][0].value === "Sales plan 2026"
 */
export function summarySheet(
  result: PlanResult,
  plan: PlanFile,
  labels: SheetLabels,
  name: string,
  allocationName: string,
  allocation: AllocationLayout,
  historySheet: string,
  columnsRead: readonly ColumnRead[] = [],
): SheetModel {
  const rows: (SheetCell | null)[][] = [];
  const push = (...cells: (SheetCell | null)[]) => rows.push(cells);
  push(text(labels.summaryTitle(result.planYear), "title"));
  push(text(labels.generatedFrom(historySheet, formatAmount(result.unit)), "note"));
  push();

  const baseRow = 4;
  const targetRow = 5;
  push(text(labels.planYear, "label"), { value: result.planYear });
  push(text(labels.baseYearSales(result.baseYear), "label"), amount(result.base));
  push(text(labels.target, "label"), amount(result.target, "total"));
  push(
    text(labels.growth, "label"),
    formula(
      `IF(B${baseRow + 1}>0,B${targetRow + 1}/B${baseRow + 1}-1,"")`,
      result.base > 0 ? result.target / result.base - 1 : "",
      undefined,
      PERCENT_FORMAT,
    ),
  );
  push(text(labels.roundingUnit, "label"), amount(result.unit));
  push(
    text(labels.levels, "label"),
    text(
      result.levels.length
        ? result.levels.map((d) => labels.dimension(d)).join(" → ")
        : labels.none,
    ),
  );
  const time = plan.time;
  push(
    text(labels.timeMethod, "label"),
    text(
      [
        labels.timeMethods[time.method],
        labels.years(time.years),
        labels.profiles[time.profile],
      ].join(" · "),
    ),
  );
  push();

  push(
    text(labels.period, "header"),
    text(labels.target, "header"),
    text(labels.share, "header"),
    text(labels.baseYear(result.baseYear), "header"),
    text(labels.growthVsBase, "header"),
  );
  const firstMonthRow = rows.length;
  const annualRow = firstMonthRow + 16;
  const monthTargets = result.rows.reduce(
    (acc, r) => acc.map((v, i) => v + r.months[i]),
    new Array<number>(12).fill(0),
  );
  /** One line: label, target, share of the annual, base-year actual, change against it. */
  const line = (label: string, target: SheetCell, base: SheetCell, style?: "total") => {
    const r = rows.length + 1;
    const t = target.value as number;
    const b = base.value as number;
    push(
      text(label, style ?? "label"),
      target,
      formula(
        `IF($B$${annualRow + 1}>0,B${r}/$B$${annualRow + 1},"")`,
        result.target > 0 ? t / result.target : "",
        style,
        PERCENT_FORMAT,
      ),
      base,
      formula(`IF(D${r}>0,B${r}/D${r}-1,"")`, b > 0 ? t / b - 1 : "", style, PERCENT_FORMAT),
    );
  };
  const allocationRef = sheetRef(allocationName);
  labels.months.forEach((m, i) => {
    const cell = `${allocationRef}!${a1(allocation.totalRow, allocation.monthColumns[i])}`;
    line(m, formula(cell, monthTargets[i]), amount(result.baseMonths[i]));
  });
  const sumOf = (column: string, from: number, to: number, value: number, style?: "total") =>
    formula(`SUM(${column}${from}:${column}${to})`, value, style);
  labels.quarters.forEach((q, i) => {
    const from = firstMonthRow + 3 * i + 1;
    const months = [3 * i, 3 * i + 1, 3 * i + 2];
    const target = months.reduce((s, m) => s + monthTargets[m], 0);
    const base = roundCents(months.reduce((s, m) => s + result.baseMonths[m], 0));
    line(q, sumOf("B", from, from + 2, target), sumOf("D", from, from + 2, base));
  });
  const first = firstMonthRow + 1;
  line(
    labels.annual,
    sumOf("B", first, first + 11, result.target, "total"),
    sumOf("D", first, first + 11, result.base, "total"),
    "total",
  );

  if (columnsRead.length > 0) {
    push();
    push(text(labels.columnsRead, "label"));
    push(
      text(labels.columnRole, "header"),
      text(labels.columnHeader, "header"),
      text(labels.column, "header"),
    );
    for (const c of columnsRead) {
      push(text(labels.roleName(c.role)), text(c.header), text(c.column));
    }
  }

  const model: SheetModel = {
    name,
    kind: "summary",
    rows,
    columnWidths: [26, 16, 10, 16, 10],
    freeze: { rows: 0, columns: 0 },
  };
  // The summary has no header row above all of it: its title heads every page.
  return { ...model, print: printSetup(model, { first: 0, last: 0 }, labels, result.planYear) };
}
