import type { Grid } from "../engine/grid";
import type { Language } from "../engine/language";
import { computePlan } from "../engine/plan/computePlan";
import { historyReadOptions } from "../engine/plan/historyReadOptions";
import type { PlanFileInput } from "../engine/plan/planSchema";
import type { PlanResult } from "../engine/plan/planResult";
import { validPlan } from "../engine/plan/testing/validPlan";
import { columnsRead } from "../engine/reader/columnsRead";
import { readHistory } from "../engine/reader/readHistory";
import { generateHistory } from "../sample/generateHistory";
import { ALLOCATION_HEADER_ROW } from "./allocationSheet";
import { buildPlanSheets } from "./buildPlanSheets";
import { AMOUNT_FORMAT, PERCENT_FORMAT } from "./cells";
import { sheetLabels } from "./labels";
import { PROFIT_HEADER_ROW } from "./profitPlanSheet";
import type { SheetCell, SheetModel } from "./sheetModel";
import { checkFormulas } from "./testing/checkFormulas";

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/**
 * The sample history of a language (a quantity column, Qty or 数量) with a cost of sales column
 * added: each product at its own margin, one of them below cost.
 */
function history(language: Language): Grid {
  const grid = generateHistory({
    language,
    planYear: 2026,
    actualMonths: 3,
    rows: 900,
    seed: language === "zh-CN" ? 5 : 9,
    messy: false,
    shape: { regions: 2, products: 3, reps: 5, channels: 1 },
  });
  const header = grid.values[0];
  const amountCol = header.length - 1;
  const productCol = 2;
  const products = [...new Set(grid.values.slice(1).map((row) => String(row[productCol])))];
  const margins = [0.32, 0.18, -0.04];
  return {
    ...grid,
    values: grid.values.map((row, i) => {
      if (i === 0) return [...row, language === "zh-CN" ? "销售成本" : "COGS"];
      const amount = row[amountCol];
      const margin = margins[products.indexOf(String(row[productCol])) % margins.length];
      return [
        ...row,
        typeof amount === "number" ? Math.round(amount * (1 - margin) * 100) / 100 : null,
      ];
    }),
  };
}

function planned(language: Language, measures: PlanFileInput["measures"]) {
  const plan = validPlan({
    version: 1,
    planYear: 2026,
    target: { growth: 0.1 },
    levels: [
      { dimension: "region", method: "lastYear" },
      { dimension: "product", method: "lastYear" },
      { dimension: "rep", method: "lastYear" },
    ],
    rounding: { unit: 100 },
    asOf: "2026-03",
    language,
    measures,
  });
  const read = readHistory(history(language), historyReadOptions(plan));
  if (read.error) throw new Error(JSON.stringify(read.error));
  const result = computePlan(read, plan);
  const sheets = buildPlanSheets({
    result,
    plan,
    language,
    historySheet: read.sheet,
    columnsRead: columnsRead(read, result.levels, result.measures?.asked),
  });
  return { result, sheets };
}

const ALL = {
  quantity: { unit: 1 },
  grossProfit: { target: { margin: 0.25 } },
  expenses: { rate: 0.06 },
} as const;

const byKind = (sheets: readonly SheetModel[], kind: string) => {
  const sheet = sheets.find((s) => s.kind === kind);
  if (!sheet) throw new Error(`no ${kind} sheet`);
  return sheet;
};
const columnOf = (sheet: SheetModel, headerRow: number, header: string) => {
  const column = sheet.rows[headerRow].findIndex((cell) => cell?.value === header);
  if (column < 0) throw new Error(`${sheet.name}: no column ${header}`);
  return column;
};
const rowOf = (sheet: SheetModel, column: number, label: string, from = 0) => {
  const row = sheet.rows.findIndex((cells, r) => r >= from && cells[column]?.value === label);
  if (row < 0) throw new Error(`${sheet.name}: no row ${label}`);
  return row;
};
const numberAt = (cell: SheetCell | null | undefined) => {
  if (typeof cell?.value !== "number") throw new Error(`not a number: ${JSON.stringify(cell)}`);
  return cell.value;
};

describe.each<Language>(["en-US", "zh-CN"])(
  "sheets of a plan with every measure (%s)",
  (language) => {
    const labels = sheetLabels(language);
    const { result, sheets } = planned(language, ALL);
    const measures = result.measures!;
    const profit = byKind(sheets, "profit-plan");

    it("places the Profit Plan after the allocation sheets, under its name in the language", () => {
      expect(sheets.map((s) => s.kind).slice(0, 6)).toEqual([
        "summary",
        "allocation",
        "allocation-table",
        "profit-plan",
        "action-plan",
        "tracking",
      ]);
      expect(profit.name).toBe(language === "zh-CN" ? "利润计划" : "Profit Plan");
      expect(profit.rows[0][0]?.value).toBe(
        language === "zh-CN" ? "2026 年利润计划" : "Profit plan 2026",
      );
    });

    it("names the quantity and cost columns read on the summary in the language", () => {
      const summary = byKind(sheets, "summary");
      const roles = summary.rows.map((r) => [r[0]?.value, r[1]?.value]);
      expect(roles).toContainEqual([labels.roles.quantity, language === "zh-CN" ? "数量" : "Qty"]);
      expect(roles).toContainEqual([labels.roles.cost, language === "zh-CN" ? "销售成本" : "COGS"]);
    });

    it("caches in every formula of the sheets on one sheet the value it computes", () => {
      for (const sheet of sheets.filter((s) => !["summary", "plan-store"].includes(s.kind))) {
        expect({ sheet: sheet.name, problems: checkFormulas(sheet) }).toEqual({
          sheet: sheet.name,
          problems: [],
        });
      }
    });

    it("lays the P&L out per region and in total, each figure the engine's", () => {
      const lineCol = columnOf(profit, PROFIT_HEADER_ROW, labels.profitLine);
      const months = labels.months.map((m) => columnOf(profit, PROFIT_HEADER_ROW, m));
      const annual = columnOf(profit, PROFIT_HEADER_ROW, labels.annual);
      expect(profit.rows[PROFIT_HEADER_ROW][0]?.value).toBe(labels.dimensions.region);
      const blocks = [
        ...measures.profit.lines.map((line) => ({ label: line.path[0], line })),
        { label: labels.total, line: measures.profit.total },
      ];
      expect(measures.profit.lines.length).toBe(2);
      const lines = ["sales", "cost", "grossProfit", "margin", "expenses", "netProfit"] as const;
      for (const { label, line } of blocks) {
        const first = rowOf(profit, 0, label, PROFIT_HEADER_ROW + 1);
        lines.forEach((key, i) => {
          const row = profit.rows[first + i];
          expect(row[lineCol]?.value).toBe(labels.profitLines[key]);
          const plan = line[key]!;
          const values = [...months, annual].map((c) => row[c]?.value);
          expect(values).toEqual([...plan.months, plan.annual].map((v) => v ?? ""));
          for (const c of [...months, annual]) {
            expect(row[c]?.numFmt).toBe(key === "margin" ? PERCENT_FORMAT : AMOUNT_FORMAT);
          }
        });
      }
      // Gross profit, net profit and the margin are formulas in every block; a year is its months.
      const grossProfitRows = profit.rows.filter(
        (r) => r[lineCol]?.value === labels.profitLines.grossProfit,
      );
      expect(grossProfitRows).toHaveLength(3);
      for (const row of grossProfitRows) expect(row[months[0]]?.formula).toMatch(/^C\d+-C\d+$/);
      const totalSales = profit.rows[rowOf(profit, 0, labels.total, PROFIT_HEADER_ROW + 1)];
      expect(totalSales[annual]?.formula).toMatch(/^SUMIF\(\$B\$5:\$B\$\d+,\$B\d+,O\$5:O\$\d+\)$/);
      expect(totalSales[annual]?.value).toBe(result.target);
      expect(profit.freeze).toEqual({ rows: PROFIT_HEADER_ROW + 1, columns: 2 });
      expect(profit.print?.titleRows).toEqual({
        first: PROFIT_HEADER_ROW,
        last: PROFIT_HEADER_ROW,
      });
      expect(profit.print?.orientation).toBe("landscape");
    });

    it("totals the P&L as the engine does: gross profit on its target, net = GP − expenses", () => {
      const total = measures.profit.total;
      expect(total.grossProfit?.annual).toBe(measures.grossProfit?.total);
      expect(total.expenses?.annual).toBe(measures.expenses?.total);
      expect(total.netProfit?.annual).toBe(measures.grossProfit!.total - measures.expenses!.total);
      expect(total.sales.annual).toBe(result.target);
    });

    it("adds the annual quantity, gross profit and margin to the allocation matrix", () => {
      const allocation = byKind(sheets, "allocation");
      const header = ALLOCATION_HEADER_ROW;
      const quantity = columnOf(allocation, header, labels.measures.quantity);
      const grossProfit = columnOf(allocation, header, labels.measures.grossProfit);
      const margin = columnOf(allocation, header, labels.measures.margin);
      expect([quantity, grossProfit, margin]).toEqual([22, 23, 24]);
      const annual = columnOf(allocation, header, labels.annual);
      for (const row of result.rows) {
        const r = allocation.rows.findIndex((cells) =>
          row.path.every((member, i) => cells[i]?.value === member),
        );
        expect(allocation.rows[r][quantity]?.value).toBe(row.measures?.quantity?.annual);
        expect(allocation.rows[r][grossProfit]?.value).toBe(row.measures?.grossProfit?.annual);
        expect(allocation.rows[r][margin]?.formula).toBe(
          `IF(V${r + 1}=0,"",X${r + 1}/V${r + 1})`.replace(/V/g, letter(annual)),
        );
      }
      const totalRow = allocation.rows[allocation.rows.length - 1];
      expect(totalRow[quantity]?.formula).toMatch(/^SUBTOTAL\(9,W5:W\d+\)$/);
      expect(totalRow[quantity]?.value).toBe(measures.quantity?.total);
      expect(totalRow[grossProfit]?.value).toBe(measures.grossProfit?.total);
    });

    it("adds each leaf month's quantity and gross profit to the allocation table", () => {
      const table = byKind(sheets, "allocation-table");
      const quantity = columnOf(table, 2, labels.measures.quantity);
      const grossProfit = columnOf(table, 2, labels.measures.grossProfit);
      const column = (c: number) => table.rows.slice(3).map((r) => numberAt(r[c]));
      expect(sum(column(quantity))).toBe(measures.quantity?.total);
      expect(sum(column(grossProfit))).toBe(measures.grossProfit?.total);
      expect(table.tables?.[0].block.lastColumn).toBe(grossProfit);
    });

    it("shows each rep's quantity and gross profit targets, annual and by month", () => {
      const tabs = sheets.filter((s) => s.kind === "rep-tab");
      expect(tabs.length).toBeGreaterThan(1);
      let quantities = 0;
      let grossProfits = 0;
      for (const tab of tabs) {
        const repRows = result.rows.filter((row) => row.path[2] === tab.name);
        const annualQuantity = numberAt(tab.rows[rowOf(tab, 0, labels.measures.annualQuantity)][1]);
        const annualGP = numberAt(tab.rows[rowOf(tab, 0, labels.measures.annualGrossProfit)][1]);
        expect(annualQuantity).toBe(sum(repRows.map((r) => r.measures!.quantity!.annual)));
        expect(annualGP).toBe(sum(repRows.map((r) => r.measures!.grossProfit!.annual)));
        quantities += annualQuantity;
        grossProfits += annualGP;
        // The monthly table: one row per product, a total row whose months are the rep's.
        const title = rowOf(tab, 0, labels.measures.monthlyGrossProfit);
        const totalRow = rowOf(tab, 0, labels.total, title);
        const months = tab.rows[totalRow].slice(1, 13).map(numberAt);
        expect(months).toEqual(
          Array.from({ length: 12 }, (_, m) =>
            sum(repRows.map((r) => r.measures!.grossProfit!.months[m])),
          ),
        );
        expect(tab.rows[title + 1][13]?.value).toBe(labels.annual);
      }
      expect(quantities).toBe(measures.quantity?.total);
      expect(grossProfits).toBe(measures.grossProfit?.total);
    });

    it("tracks the actual quantity and gross profit beside the actual amount", () => {
      const tracking = byKind(sheets, "tracking");
      const actual = columnOf(tracking, 3, labels.actual);
      expect(tracking.rows[3][actual + 1]?.value).toBe(labels.measures.actualQuantity);
      expect(tracking.rows[3][actual + 2]?.value).toBe(labels.measures.actualGrossProfit);
      const closed = result.tracking.filter((t) => t.status === "closed");
      const dataRows = tracking.rows
        .slice(4)
        .filter((r) => typeof r[actual]?.value === "number" && !r[actual]?.formula);
      expect(dataRows).toHaveLength(closed.length);
      const totals = tracking.rows[rowOf(tracking, 0, labels.closedTotal)];
      expect(totals[actual + 1]?.value).toBeCloseTo(
        sum(closed.map((t) => t.measureActuals?.quantity ?? NaN)),
        6,
      );
      expect(totals[actual + 2]?.value).toBeCloseTo(
        sum(closed.map((t) => t.measureActuals?.grossProfit ?? NaN)),
        2,
      );
      expect(totals[actual + 2]?.formula).toMatch(/^SUM\(/);
    });
  },
);

describe("sheets of a plan with some measures", () => {
  it("writes no Profit Plan for the quantity alone, and quantity columns only", () => {
    const { sheets, result } = planned("en-US", { quantity: { unit: 5 } });
    expect(sheets.map((s) => s.kind)).not.toContain("profit-plan");
    const allocation = byKind(sheets, "allocation");
    const header = allocation.rows[ALLOCATION_HEADER_ROW].map((c) => c?.value);
    expect(header.slice(-2)).toEqual(["vs base", "Quantity"]);
    const total = allocation.rows[allocation.rows.length - 1];
    expect(total[header.length - 1]?.value).toBe(result.measures?.quantity?.total);
    const tracking = byKind(sheets, "tracking");
    expect(tracking.rows[3].map((c) => c?.value)).toContain("Actual quantity");
    expect(tracking.rows[3].map((c) => c?.value)).not.toContain("Actual gross profit");
    for (const sheet of sheets.filter((s) => !["summary", "plan-store"].includes(s.kind)))
      expect(checkFormulas(sheet)).toEqual([]);
  });

  it("shows sales, expenses and no net profit when expenses are asked without gross profit", () => {
    const { sheets, result } = planned("zh-CN", { expenses: { amount: 50000 } });
    const labels = sheetLabels("zh-CN");
    const profit = byKind(sheets, "profit-plan");
    const lines = profit.rows.map((r) => r[1]?.value).filter((v) => typeof v === "string");
    expect(lines.slice(0, 3)).toEqual([labels.profitLine, "销售额", "销售费用"]);
    expect(lines).not.toContain(labels.profitLines.netProfit);
    const totalRow = rowOf(profit, 0, labels.total, PROFIT_HEADER_ROW + 1);
    expect(profit.rows[totalRow + 1][14]?.value).toBe(50000);
    expect(result.measures?.expenses?.total).toBe(50000);
    expect(checkFormulas(profit)).toEqual([]);
  });

  it("shows the total alone for a plan without levels", () => {
    const plan = validPlan({
      version: 1,
      planYear: 2026,
      target: { growth: 0.1 },
      levels: [],
      rounding: { unit: 100 },
      measures: ALL,
    });
    const read = readHistory(history("en-US"), historyReadOptions(plan));
    const result: PlanResult = computePlan(read, plan);
    const sheets = buildPlanSheets({ result, plan, language: "en-US", historySheet: read.sheet });
    const profit = byKind(sheets, "profit-plan");
    const labels = sheetLabels("en-US");
    expect(profit.rows[PROFIT_HEADER_ROW][0]?.value).toBe(labels.total);
    const blocks = profit.rows.filter((r) => r[0]?.value === labels.total);
    expect(blocks).toHaveLength(2); // the header and the one block
    expect(profit.rows[PROFIT_HEADER_ROW + 1][14]).toMatchObject({
      formula: "SUM(C5:N5)",
      value: result.target,
    });
    expect(checkFormulas(profit)).toEqual([]);
  });
});

describe("the formula checker", () => {
  it("finds a cached value its formula does not give", () => {
    const model: Pick<SheetModel, "rows"> = {
      rows: [
        [{ value: 3 }, { value: 4 }, { value: 8, formula: "A1+B1" }],
        [{ value: "x" }, { value: 2, formula: 'SUMIF(A1:A2,"X",B1:B2)' }],
        [{ value: "", formula: 'IF(A1=0,"",B1/A1)' }],
      ],
    };
    expect(checkFormulas(model)).toEqual([
      { cell: "C1", formula: "A1+B1", cached: 8, computed: 7 },
      { cell: "A3", formula: 'IF(A1=0,"",B1/A1)', cached: "", computed: 4 / 3 },
    ]);
  });
});

function letter(column: number): string {
  return String.fromCharCode(65 + column);
}
