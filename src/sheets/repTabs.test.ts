import { fromA1, toA1 } from "../engine/address";
import type { HistoryRecord } from "../engine/history";
import type { Language } from "../engine/language";
import { computePlan } from "../engine/plan/computePlan";
import { validPlan } from "../engine/plan/testing/validPlan";
import { WORKED_EXAMPLE_SHARES, workedExampleRecords } from "../engine/plan/testing/workedExample";
import { buildPlanSheets } from "./buildPlanSheets";
import { sheetLabels } from "./labels";
import { QUOTA_CHART_NAME } from "./repTabs";
import type { SheetCell, SheetModel } from "./sheetModel";

/** The worked example with a product level under rep, and a product Ann returned more than sold. */
function records(): HistoryRecord[] {
  const base: HistoryRecord[] = workedExampleRecords().map((r) => ({
    ...r,
    dims: { ...r.dims, product: r.year === 2025 && r.month % 2 === 0 ? "Gadget" : "Widget" },
  }));
  base.push({
    year: 2025,
    month: 3,
    amount: -450.5,
    dims: { region: "East", rep: "Ann", product: "Returns" },
    cell: "D999",
    transaction: true,
  });
  return base;
}

function quotaTabs(language: Language): { tabs: SheetModel[]; result: ReturnType<typeof plan> } {
  const result = plan(language);
  const models = buildPlanSheets({
    result,
    plan: planFile(language),
    language,
    historySheet: "Sales",
  });
  return { tabs: models.filter((m) => m.kind === "rep-tab"), result };
}

function planFile(language: Language) {
  return validPlan({
    version: 1,
    planYear: 2026,
    target: { growth: 0.1 },
    levels: [
      { dimension: "region", method: "lastYear" },
      { dimension: "rep", method: "lastYear" },
      { dimension: "product", method: "lastYear" },
    ],
    time: { method: "seasonality", years: 3 },
    rounding: { unit: 100 },
    language,
  });
}

function plan(language: Language) {
  return computePlan({ records: records() }, planFile(language));
}

/** A cell of a model by A1 address. */
function cellAt(model: SheetModel, address: string): SheetCell | null {
  const position = fromA1(address);
  if (!position) throw new Error(`not a cell address: ${address}`);
  return model.rows[position.row]?.[position.column] ?? null;
}

/** Corners of an A1 range. */
function corners(
  range: string,
): [{ row: number; column: number }, { row: number; column: number }] {
  const [first, last] = range.split(":").map((a) => fromA1(a));
  if (!first || !last) throw new Error(`not a range: ${range}`);
  return [first, last];
}

/** The cells of a one-column A1 range, top to bottom. */
function columnCells(model: SheetModel, range: string): (SheetCell | null)[] {
  const [first, last] = corners(range);
  expect(first.column).toBe(last.column);
  return Array.from({ length: last.row - first.row + 1 }, (_, i) =>
    cellAt(model, toA1(first.row + i, first.column)),
  );
}

describe("rep tab: quota against last year", () => {
  const { tabs, result } = quotaTabs("en-US");
  const ann = tabs.find((t) => t.name === "Ann")!;

  it("gives every rep tab exactly one chart, by a name that does not depend on the tab", () => {
    expect(tabs.map((t) => t.name)).toEqual(["Ann", "Bo", "Cy"]);
    for (const tab of tabs) {
      expect(tab.charts).toHaveLength(1);
      expect(tab.charts![0]).toMatchObject({ name: QUOTA_CHART_NAME, type: "columnClustered" });
    }
  });

  it("draws the monthly targets, referring to the quota's total row, against last year's net sales", () => {
    const chart = ann.charts![0];
    expect(chart.title).toBe("Monthly quota 2026 vs net sales 2025");
    expect(chart.series.map((s) => s.name)).toEqual(["Target 2026", "2025 actual"]);
    expect(columnCells(ann, chart.categories).map((c) => c?.value)).toEqual(
      sheetLabels("en-US").months,
    );

    const targets = columnCells(ann, chart.series[0].values);
    const annRows = result.rows.filter((r) => r.path[1] === "Ann");
    const annMonths = WORKED_EXAMPLE_SHARES.map((_, m) =>
      annRows.reduce((s, r) => s + r.months[m], 0),
    );
    expect(targets.map((c) => c?.value)).toEqual(annMonths);
    const totalLabelRow = ann.rows.findIndex((row) => row[0]?.value === "Total");
    targets.forEach((cell, m) => {
      // Each target is the quota table's total of its month (B to M on the total row).
      expect(cell?.formula).toBe(toA1(totalLabelRow, 1 + m));
      expect(cellAt(ann, cell!.formula!)?.value).toBe(cell?.value);
    });

    // Ann's whole 2025, the returned product the cascade left out included.
    const lastYear = columnCells(ann, chart.series[1].values);
    expect(lastYear.every((c) => c?.formula === undefined)).toBe(true);
    expect(lastYear.map((c) => c?.value)).toEqual(
      WORKED_EXAMPLE_SHARES.map((pct, m) => 1200 * pct - (m === 2 ? 450.5 : 0)),
    );
    expect(annRows.map((r) => r.path[2])).toEqual(["Gadget", "Widget"]);
  });

  it("reads as Excel reads a chart's block: series names over the values, labels in the first column", () => {
    for (const tab of tabs) {
      const chart = tab.charts![0];
      const [from, to] = corners(chart.source);
      expect(to.row - from.row).toBe(12);
      expect(to.column - from.column).toBe(chart.series.length);
      expect(chart.categories).toBe(
        `${toA1(from.row + 1, from.column)}:${toA1(to.row, from.column)}`,
      );
      chart.series.forEach((series, i) => {
        const column = from.column + 1 + i;
        expect(cellAt(tab, toA1(from.row, column))).toEqual({
          value: series.name,
          style: "header",
        });
        expect(series.values).toBe(`${toA1(from.row + 1, column)}:${toA1(to.row, column)}`);
      });
    }
  });

  it("anchors the chart over blank cells only, left of the hidden columns", () => {
    for (const tab of tabs) {
      const { from, to } = tab.charts![0].anchor;
      const [a, b] = corners(`${from}:${to}`);
      expect(b.row - a.row).toBeGreaterThanOrEqual(12);
      for (let r = a.row; r <= b.row; r++)
        for (let c = a.column; c <= b.column; c++) expect(tab.rows[r]?.[c] ?? null).toBeNull();
      expect(Math.min(...(tab.hiddenColumns ?? []))).toBeGreaterThan(b.column);
      expect((tab.hiddenRows ?? []).filter((r) => r >= a.row && r <= b.row)).toEqual([]);
    }
  });

  it("speaks the plan's language", () => {
    const zh = quotaTabs("zh-CN").tabs[0];
    const chart = zh.charts![0];
    expect(chart.title).toBe("2026 年月度任务与 2025 年净销售额");
    expect(chart.series.map((s) => s.name)).toEqual(["2026 年目标", "2025 年实际"]);
    expect(columnCells(zh, chart.categories)[0]?.value).toBe("1月");
    expect(chart.name).toBe(QUOTA_CHART_NAME);
  });
});
