import { columnLetters } from "../engine/address";
import type { MeasurePlan, PlanResult, ProfitLine } from "../engine/plan/planResult";
import { a1, AMOUNT_FORMAT, fillBlanks, formula, PERCENT_FORMAT, text } from "./cells";
import type { SheetLabels } from "./labels";
import { compareMembers } from "./memberOrder";
import { printSetup } from "./printSetup";
import type { CellStyle, SheetCell, SheetModel } from "./sheetModel";

export const PROFIT_HEADER_ROW = 3;
/** Zero-based columns: the node, the P&L line, the 12 months, the year. */
const NODE_COL = 0;
const LINE_COL = 1;
const monthCol = (m: number) => 2 + m;
const ANNUAL_COL = 14;
const WIDTH = ANNUAL_COL + 1;

/** The lines of the P&L, top to bottom. */
type LineKey = keyof SheetLabels["profitLines"];

/**
 * Whether a plan has a Profit Plan sheet: it asks for gross profit or expenses (a plan that asks
 * only for the quantity has no P&L beyond its sales).
 * @example hasProfitPlan(computePlan(history, { ...plan, measures: { expenses: { rate: 0.05 } } })) === true
 */
export function hasProfitPlan(result: PlanResult): boolean {
  const total = result.measures?.profit.total;
  return total !== undefined && (total.grossProfit !== undefined || total.expenses !== undefined);
}

/**
 * The sales P&L (利润计划): a block of lines per first-level node (members in the language's
 * order), then the total — sales, cost of sales, gross profit, margin %, expenses and net profit,
 * as far as the plan asks for them — with the 12 months across and the year. The planned figures
 * (sales, cost, expenses) are values; gross profit = sales − cost, margin = gross profit / sales,
 * net profit = gross profit − expenses and every year = the sum of its months are formulas, and
 * the total's planned lines sum the nodes' lines of the same name (SUMIF over the line column).
 * Every formula carries the engine's figure. A plan without levels shows the total only.
 * @example profitPlanSheet(result, labels, "Profit Plan").rows[3][1].value === "Line"
 */
export function profitPlanSheet(result: PlanResult, labels: SheetLabels, name: string): SheetModel {
  const profit = result.measures?.profit;
  if (!profit) throw new Error("profitPlanSheet: the plan asks for no measures");
  const { total } = profit;
  const keys: LineKey[] = [
    "sales",
    ...(total.grossProfit ? (["cost", "grossProfit", "margin"] as const) : []),
    ...(total.expenses ? (["expenses"] as const) : []),
    ...(total.netProfit ? (["netProfit"] as const) : []),
  ];

  const rows: (SheetCell | null)[][] = [];
  const blank = () => new Array<SheetCell | null>(WIDTH).fill(null);
  const title = blank();
  title[0] = text(labels.profitPlanTitle(result.planYear), "title");
  rows.push(title, blank(), blank());
  const header = blank();
  header[NODE_COL] = text(
    result.levels.length > 0 ? labels.dimension(result.levels[0]) : labels.total,
    "header",
  );
  header[LINE_COL] = text(labels.profitLine, "header");
  labels.months.forEach((m, i) => (header[monthCol(i)] = text(m, "header")));
  header[ANNUAL_COL] = text(labels.annual, "header");
  rows.push(header);

  const byMember = compareMembers(labels.language);
  const nodes =
    result.levels.length > 0
      ? [...profit.lines].sort((a, b) => byMember(a.path[0] ?? "", b.path[0] ?? ""))
      : [];
  const firstData = rows.length;

  /**
   * One block of P&L lines, starting at the next row. `planned(key, column)` gives the formula of
   * a planned line's cell, or none for a value.
   */
  const block = (
    label: string,
    line: ProfitLine,
    style: CellStyle | undefined,
    planned: (row: number, column: number) => string | undefined,
  ): void => {
    const start = rows.length;
    const at = (key: LineKey) => start + keys.indexOf(key);
    const columns = [...Array.from({ length: 12 }, (_, m) => monthCol(m)), ANNUAL_COL];
    /** The figure of a line in a column: a month's or the year's. */
    const figure = (plan: MeasurePlan | undefined, column: number): number => {
      if (!plan) throw new Error(`profitPlanSheet: ${label} lacks a line`);
      return column === ANNUAL_COL ? plan.annual : plan.months[column - monthCol(0)];
    };
    for (const key of keys) {
      const r = rows.length;
      const row = blank();
      if (r === start) row[NODE_COL] = text(label, style ?? "label");
      row[LINE_COL] = text(labels.profitLines[key], style ?? "label");
      for (const c of columns) {
        const cell = (expression: string | undefined, value: number | string) =>
          expression === undefined
            ? { value, numFmt: AMOUNT_FORMAT, ...(style ? { style } : {}) }
            : formula(expression, value, style);
        const sum = `SUM(${a1(r, monthCol(0))}:${a1(r, monthCol(11))})`;
        const rowPlanned = (plan: MeasurePlan | undefined) =>
          cell(planned(r, c) ?? (c === ANNUAL_COL ? sum : undefined), figure(plan, c));
        switch (key) {
          case "sales":
            row[c] = rowPlanned(line.sales);
            break;
          case "cost":
            row[c] = rowPlanned(line.cost);
            break;
          case "expenses":
            row[c] = rowPlanned(line.expenses);
            break;
          case "grossProfit":
            row[c] = cell(
              `${a1(at("sales"), c)}-${a1(at("cost"), c)}`,
              figure(line.grossProfit, c),
            );
            break;
          case "netProfit":
            row[c] = cell(
              `${a1(at("grossProfit"), c)}-${a1(at("expenses"), c)}`,
              figure(line.netProfit, c),
            );
            break;
          case "margin": {
            const margin =
              c === ANNUAL_COL ? line.margin?.annual : line.margin?.months[c - monthCol(0)];
            row[c] = formula(
              `IF(${a1(at("sales"), c)}=0,"",${a1(at("grossProfit"), c)}/${a1(at("sales"), c)})`,
              margin ?? "",
              style,
              PERCENT_FORMAT,
            );
            break;
          }
        }
      }
      rows.push(style ? fillBlanks(row, style) : row);
    }
  };

  nodes.forEach((line, i) => {
    if (i > 0) rows.push(blank());
    block(line.path[0] ?? labels.total, line, undefined, () => undefined);
  });
  const lastData = rows.length - 1;
  if (nodes.length > 0) rows.push(blank());
  // The total's planned lines: the nodes' lines of the same name, summed.
  const lineRange = `${absolute(firstData, LINE_COL)}:${absolute(lastData, LINE_COL)}`;
  block(labels.total, total, "total", (r, c) =>
    nodes.length === 0
      ? undefined
      : `SUMIF(${lineRange},$${a1(r, LINE_COL)},${rowsFixed(c, firstData)}:${rowsFixed(c, lastData)})`,
  );

  const columnWidths = new Array<number>(WIDTH).fill(11);
  columnWidths[NODE_COL] = 16;
  columnWidths[LINE_COL] = 16;
  columnWidths[ANNUAL_COL] = 13;
  const model: SheetModel = {
    name,
    kind: "profit-plan",
    rows,
    columnWidths,
    freeze: { rows: PROFIT_HEADER_ROW + 1, columns: LINE_COL + 1 },
  };
  const titleRows = { first: PROFIT_HEADER_ROW, last: PROFIT_HEADER_ROW };
  return { ...model, print: printSetup(model, titleRows, labels, result.planYear) };
}

/**
 * An absolute A1 reference.
 * @example absolute(4, 1) === "$B$5"
 */
function absolute(row: number, column: number): string {
  return `$${columnLetters(column)}$${row + 1}`;
}

/**
 * A reference whose row is fixed, so the formula fills across the months.
 * @example rowsFixed(2, 4) === "C$5"
 */
function rowsFixed(column: number, row: number): string {
  return `${columnLetters(column)}$${row + 1}`;
}
