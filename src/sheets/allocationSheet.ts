import { collectLeaves } from "../engine/plan/collectLeaves";
import type { PlanNode, PlanResult } from "../engine/plan/planResult";
import { roundCents } from "../engine/plan/tracking";
import { a1, amount, columnRange, fillBlanks, formula, PERCENT_FORMAT, text } from "./cells";
import type { SheetLabels } from "./labels";
import { compareMembers } from "./memberOrder";
import { printSetup } from "./printSetup";
import type { SheetCell, SheetModel } from "./sheetModel";

/** Where the allocation sheet puts things, so other sheets can point at its cells. */
export type AllocationLayout = {
  /** Zero-based column of each month (0 = January). */
  monthColumns: number[];
  annualColumn: number;
  /** Zero-based row of the grand total. */
  totalRow: number;
};

export const ALLOCATION_HEADER_ROW = 3;

/**
 * The allocation matrix: one row per leaf (members of each level, in the language's order under
 * their parent), the base-year actual, the 12 monthly targets, the quarters and the annual target,
 * with a subtotal row after each inner segment and a grand total; when the plan asks for them, the
 * annual quantity, the annual gross profit and its margin on the target after these. Totals are
 * SUBTOTAL formulas (which skip nested subtotals).
 * @example allocationSheet(result, labels, "Allocation").model.rows[3][0].value === "Region"
 */
export function allocationSheet(
  result: PlanResult,
  labels: SheetLabels,
  name: string,
): { model: SheetModel; layout: AllocationLayout } {
  const { unit } = result;
  const dimCount = Math.max(1, result.levels.length);
  const baseCol = dimCount;
  const monthCol = (m: number) => dimCount + 1 + m;
  const quarterCol = (q: number) => dimCount + 13 + q;
  const annualCol = dimCount + 17;
  const growthCol = dimCount + 18;
  // The measures asked, after the amount's columns (which stay where the summary reads them).
  const asked = new Set(result.measures?.asked ?? []);
  let next = growthCol + 1;
  const quantityCol = asked.has("quantity") ? next++ : null;
  const grossProfitCol = asked.has("grossProfit") ? next++ : null;
  const marginCol = asked.has("grossProfit") ? next++ : null;
  const width = next;

  const rows: (SheetCell | null)[][] = [];
  const blank = () => new Array<SheetCell | null>(width).fill(null);
  const title = blank();
  title[0] = text(labels.allocationTitle(result.planYear), "title");
  rows.push(title, blank(), blank());

  const header = blank();
  if (result.levels.length === 0) header[0] = text(labels.total, "header");
  result.levels.forEach((d, i) => (header[i] = text(labels.dimension(d), "header")));
  header[baseCol] = text(labels.baseYear(result.baseYear), "header");
  labels.months.forEach((m, i) => (header[monthCol(i)] = text(m, "header")));
  labels.quarters.forEach((q, i) => (header[quarterCol(i)] = text(q, "header")));
  header[annualCol] = text(labels.annual, "header");
  header[growthCol] = text(labels.growthVsBase, "header");
  if (quantityCol !== null) header[quantityCol] = text(labels.measures.quantity, "header");
  if (grossProfitCol !== null) header[grossProfitCol] = text(labels.measures.grossProfit, "header");
  if (marginCol !== null) header[marginCol] = text(labels.measures.margin, "header");
  rows.push(header);

  const growthCell = (r: number, annual: number, base: number, style?: "total"): SheetCell =>
    formula(
      `IF(${a1(r, baseCol)}>0,${a1(r, annualCol)}/${a1(r, baseCol)}-1,"")`,
      base > 0 ? annual / base - 1 : "",
      style,
      PERCENT_FORMAT,
    );

  /** Gross profit over the annual target, blank where the target is 0. */
  const marginCell = (r: number, annual: number, grossProfit: number, style?: "total"): SheetCell =>
    formula(
      `IF(${a1(r, annualCol)}=0,"",${a1(r, grossProfitCol ?? 0)}/${a1(r, annualCol)})`,
      annual === 0 ? "" : grossProfit / annual,
      style,
      PERCENT_FORMAT,
    );

  const leafRow = (leaf: PlanNode): void => {
    const r = rows.length;
    const row = blank();
    if (result.levels.length === 0) row[0] = text(labels.total, "label");
    leaf.path.forEach((member, i) => (row[i] = text(member)));
    row[baseCol] = amount(leaf.baseNet);
    const months = (leaf.monthUnits ?? []).map((u) => u * unit);
    months.forEach((v, m) => (row[monthCol(m)] = amount(v)));
    for (let q = 0; q < 4; q++) {
      const value = months[3 * q] + months[3 * q + 1] + months[3 * q + 2];
      row[quarterCol(q)] = formula(
        `SUM(${a1(r, monthCol(3 * q))}:${a1(r, monthCol(3 * q + 2))})`,
        value,
      );
    }
    row[annualCol] = formula(
      `SUM(${a1(r, monthCol(0))}:${a1(r, monthCol(11))})`,
      leaf.units * unit,
    );
    row[growthCol] = growthCell(r, leaf.units * unit, leaf.baseNet);
    if (quantityCol !== null) row[quantityCol] = amount(leaf.measures?.quantity?.annual ?? 0);
    if (grossProfitCol !== null && marginCol !== null) {
      const grossProfit = leaf.measures?.grossProfit?.annual ?? 0;
      row[grossProfitCol] = amount(grossProfit);
      row[marginCol] = marginCell(r, leaf.units * unit, grossProfit);
    }
    rows.push(row);
  };

  /** Totals of a block of rows: SUBTOTAL(9, …) per numeric column, with the engine's values. */
  const totalRow = (
    label: string,
    labelCol: number,
    node: PlanNode,
    first: number,
    last: number,
  ): void => {
    const r = rows.length;
    const row = blank();
    row[labelCol] = text(label, "total");
    const leaves = collectLeaves(node);
    const sumMonths = (m: number) =>
      leaves.reduce((s, l) => s + (l.monthUnits?.[m] ?? 0) * unit, 0);
    const base = leaves.reduce((s, l) => s + l.baseNet, 0);
    const sub = (col: number, value: number, fmt?: string) =>
      formula(`SUBTOTAL(9,${columnRange(col, first, last)})`, value, "total", fmt);
    row[baseCol] = sub(baseCol, roundCents(base));
    for (let m = 0; m < 12; m++) row[monthCol(m)] = sub(monthCol(m), sumMonths(m));
    for (let q = 0; q < 4; q++) {
      row[quarterCol(q)] = sub(
        quarterCol(q),
        sumMonths(3 * q) + sumMonths(3 * q + 1) + sumMonths(3 * q + 2),
      );
    }
    row[annualCol] = sub(annualCol, node.units * unit);
    row[growthCol] = growthCell(r, node.units * unit, base, "total");
    const measureSum = (key: "quantity" | "grossProfit") =>
      leaves.reduce((s, l) => s + (l.measures?.[key]?.annual ?? 0), 0);
    if (quantityCol !== null) row[quantityCol] = sub(quantityCol, measureSum("quantity"));
    if (grossProfitCol !== null && marginCol !== null) {
      row[grossProfitCol] = sub(grossProfitCol, measureSum("grossProfit"));
      row[marginCol] = marginCell(r, node.units * unit, measureSum("grossProfit"), "total");
    }
    rows.push(fillBlanks(row, "total"));
  };

  const byMember = compareMembers(labels.language);
  const walk = (node: PlanNode, depth: number): void => {
    if (node.children.length === 0) {
      leafRow(node);
      return;
    }
    const first = rows.length;
    const children = [...node.children].sort((a, b) => byMember(a.member ?? "", b.member ?? ""));
    for (const child of children) walk(child, depth + 1);
    if (depth > 0)
      totalRow(labels.totalOf(node.member ?? ""), depth - 1, node, first, rows.length - 1);
  };
  const firstData = rows.length;
  walk(result.root, 0);
  const lastData = rows.length - 1;
  totalRow(labels.total, 0, result.root, firstData, lastData);

  const columnWidths = new Array<number>(width).fill(11);
  for (let i = 0; i < dimCount; i++) columnWidths[i] = 16;
  columnWidths[annualCol] = 13;
  if (grossProfitCol !== null) columnWidths[grossProfitCol] = 13;
  const model: SheetModel = {
    name,
    kind: "allocation",
    rows,
    columnWidths,
    freeze: { rows: ALLOCATION_HEADER_ROW + 1, columns: dimCount },
  };
  const titleRows = { first: ALLOCATION_HEADER_ROW, last: ALLOCATION_HEADER_ROW };
  return {
    model: { ...model, print: printSetup(model, titleRows, labels, result.planYear) },
    layout: {
      monthColumns: Array.from({ length: 12 }, (_, m) => monthCol(m)),
      annualColumn: annualCol,
      totalRow: rows.length - 1,
    },
  };
}
