import type { HistoryRecord } from "../engine/history";
import { computePlan } from "../engine/plan/computePlan";
import { validPlan } from "../engine/plan/testing/validPlan";
import { workedExampleRecords } from "../engine/plan/testing/workedExample";
import { ALLOCATION_HEADER_ROW } from "./allocationSheet";
import { markOf } from "./generatedMark";
import { buildPlanSheets, planSheets, type PlanSheetsInput } from "./buildPlanSheets";
import { sheetOf, type SheetModel } from "./sheetModel";

function input(): PlanSheetsInput {
  const plan = validPlan({
    version: 1,
    planYear: 2026,
    target: { growth: 0.1 },
    levels: [
      { dimension: "region", method: "lastYear" },
      { dimension: "rep", method: "lastYear" },
    ],
    time: { method: "seasonality", years: 3 },
    rounding: { unit: 100 },
    asOf: "2026-03",
    language: "en-US",
  });
  const records = [
    ...workedExampleRecords(),
    {
      year: 2026,
      month: 1,
      amount: 7000,
      dims: { region: "East", rep: "Ann" },
      cell: "D900",
      transaction: false,
    },
    {
      year: 2026,
      month: 2,
      amount: 4000,
      dims: { region: "West", rep: "Cy" },
      cell: "D901",
      transaction: false,
    },
  ];
  return {
    result: computePlan({ records }, plan),
    plan,
    language: "en-US",
    historySheet: "Sales",
    // A rep tab generated before for a rep no longer planned: kept, with a mark.
    existing: {
      generated: [{ name: "Dee", kind: "rep-tab", key: '["East","Dee"]' }],
      userSheets: ["Sales"],
    },
  };
}

const identity = (m: Pick<SheetModel, "name" | "kind" | "key" | "state" | "keepExisting">) => ({
  name: m.name,
  kind: m.kind,
  key: m.key ?? null,
  state: m.state ?? null,
  keepExisting: m.keepExisting ?? null,
});

describe("planSheets", () => {
  it("names every sheet before building it, as the built sheets name themselves", () => {
    const lazy = planSheets(input());
    const built = lazy.map(sheetOf);
    expect(lazy.map(identity)).toEqual(built.map(identity));
    expect(built.map((m) => m.kind)).toEqual([
      "summary",
      "allocation",
      "allocation-table",
      "action-plan",
      "tracking",
      "rep-tab",
      "rep-tab",
      "rep-tab",
      "rep-tab",
      "plan-store",
    ]);
    expect(built.find((m) => m.name === "Dee")?.keepExisting).toBe(true);
  });

  it("builds the same sheets, in any order of building, as buildPlanSheets", () => {
    const expected = buildPlanSheets(input());
    const lazy = planSheets(input());
    // Built last to first: the summary still finds the allocation matrix it points into.
    const reversed = [...lazy].reverse().map(sheetOf).reverse();
    expect(reversed).toEqual(expected);
    expect(planSheets(input()).map(sheetOf)).toEqual(expected);
  });

  it("names a rep tab's monthly row after the rep when product is not a level", () => {
    const tab = buildPlanSheets(input()).find((m) => m.name === "Ann")!;
    const labelsInA = tab.rows.map((row) => row[0]?.value);
    expect(labelsInA.filter((v) => v === "Total")).toHaveLength(1);
    const annRow = tab.rows.find(
      (row) => row[0]?.value === "Ann" && typeof row[1]?.value === "number",
    )!;
    const totalRow = tab.rows.find((row) => row[0]?.value === "Total")!;
    expect(annRow.slice(1, 14).map((c) => c?.value)).toEqual(
      totalRow.slice(1, 14).map((c) => c?.value),
    );
  });

  it("refuses a lazy sheet whose model names another sheet", () => {
    const [summary] = planSheets(input());
    expect(() => sheetOf({ ...summary, name: "Other" })).toThrow(
      "sheet Other: built with name Plan Summary",
    );
    expect(() => sheetOf({ ...summary, state: "hidden" })).toThrow(/built with state/);
  });
});

/**
 * A Chinese history whose members sort differently by pinyin and by code point: regions 华南,
 * 华东, 华北; reps 周七, 李四 (华南), 张三, 王五 (华东), 赵六 (华北); products 阀门, 管件, 接头.
 */
function chineseInput(): PlanSheetsInput {
  const reps = [
    { region: "华南", rep: "周七" },
    { region: "华南", rep: "李四" },
    { region: "华东", rep: "张三" },
    { region: "华东", rep: "王五" },
    { region: "华北", rep: "赵六" },
  ];
  const records: HistoryRecord[] = [];
  let row = 2;
  for (const [r, { region, rep }] of reps.entries()) {
    for (const [p, product] of ["阀门", "管件", "接头"].entries()) {
      for (const year of [2024, 2025, 2026]) {
        for (let month = 1; month <= (year === 2026 ? 2 : 12); month++) {
          records.push({
            year,
            month,
            amount: 1000 * (r + 1) + 100 * (p + 1) + month,
            dims: { region, rep, product },
            cell: `E${row++}`,
            transaction: true,
          });
        }
      }
    }
  }
  const plan = validPlan({
    version: 1,
    planYear: 2026,
    target: { growth: 0.1 },
    levels: [
      { dimension: "region", method: "lastYear" },
      { dimension: "rep", method: "lastYear" },
      { dimension: "product", method: "lastYear" },
    ],
    time: { method: "seasonality", years: 2 },
    rounding: { unit: 1 },
    language: "zh-CN",
  });
  return { result: computePlan({ records }, plan), plan, language: "zh-CN", historySheet: "销售" };
}

const PINYIN_LEAVES = ["华北 赵六", "华东 王五", "华东 张三", "华南 李四", "华南 周七"].flatMap(
  (rep) => ["阀门", "管件", "接头"].map((product) => `${rep} ${product}`),
);

/** The member columns of a sheet's rows from `first`, joined, for rows that have all of them. */
function memberPaths(model: SheetModel, first: number): string[] {
  return model.rows
    .slice(first)
    .map((row) => row.slice(0, 3).map((c) => c?.value))
    .filter((values) => values.every((v) => typeof v === "string" && v !== ""))
    .map((values) => values.join(" "));
}

describe("sheet order of members", () => {
  it("lists the allocation, the table, the action plan and the tracking by pinyin for Chinese", () => {
    const input = chineseInput();
    // The result itself keeps its code-point order: 华东 (U+4E1C) before 华北 (U+5317).
    expect(input.result.rows.map((r) => r.path.join(" ")).slice(0, 3)).toEqual([
      "华东 张三 接头",
      "华东 张三 管件",
      "华东 张三 阀门",
    ]);
    const models = buildPlanSheets(input);
    const byKind = (kind: string) => models.find((m) => m.kind === kind)!;
    expect(memberPaths(byKind("allocation"), ALLOCATION_HEADER_ROW + 1)).toEqual(PINYIN_LEAVES);
    const everyMonth = (paths: string[]) => paths.filter((_, i) => i % 12 === 0);
    expect(everyMonth(memberPaths(byKind("allocation-table"), 3))).toEqual(PINYIN_LEAVES);
    const tracking = byKind("tracking");
    const trackingPaths = memberPaths(tracking, 4);
    expect(everyMonth(trackingPaths)).toEqual(PINYIN_LEAVES);
    // Each leaf's months stay together, January to December.
    const periods = tracking.rows.slice(4, 4 + 24).map((row) => row[3]?.value);
    expect(periods).toEqual([...input.result.periods, ...input.result.periods]);
    const actionPlan = byKind("action-plan");
    const units = actionPlan.rows
      .slice(actionPlan.userRows!.firstRow)
      .filter((_, i) => i % 12 === 0)
      .map((row) => `${row[0]?.value} ${row[1]?.value}`);
    expect(units).toEqual(["华北 赵六", "华东 王五", "华东 张三", "华南 李四", "华南 周七"]);
  });

  it("places the rep tabs by region then name, and a tab's products, by pinyin", () => {
    const models = buildPlanSheets(chineseInput());
    const tabs = models.filter((m) => m.kind === "rep-tab");
    expect(tabs.map((m) => m.name)).toEqual(["赵六", "王五", "张三", "李四", "周七"]);
    const products = tabs[0].rows
      .map((row) => row[0]?.value)
      .filter((v) => v === "接头" || v === "阀门" || v === "管件");
    expect(products.slice(0, 3)).toEqual(["阀门", "管件", "接头"]);
  });

  it("lists English members in dictionary order, not code-point order", () => {
    const base = input();
    // Code points put "Zed" (U+005A) before "bo" (U+0062); a dictionary puts it after.
    const renamed = (name: string) => ({ Ann: "Zed", Bo: "bo" })[name] ?? name;
    const result = computePlan(
      {
        records: workedExampleRecords().map((r) => ({
          ...r,
          dims: { ...r.dims, rep: renamed(r.dims.rep ?? "") },
        })),
      },
      base.plan,
    );
    const models = buildPlanSheets({ ...base, result, existing: undefined });
    expect(models.filter((m) => m.kind === "rep-tab").map((m) => m.name)).toEqual([
      "bo",
      "Zed",
      "Cy",
    ]);
    expect(result.rows.map((r) => r.path[1])).toEqual(["Zed", "bo", "Cy"]);
  });
});

describe("page setup of the generated sheets", () => {
  it("repeats each sheet's header row on every page and prints all its cells, fitted to the page width", () => {
    const models = buildPlanSheets(chineseInput());
    const titleTexts = models
      .filter((m) => m.print)
      .map((m) => {
        const { first, last } = m.print!.titleRows;
        return [
          m.kind,
          m.rows
            .slice(first, last + 1)
            .map((row) => String(row[0]?.value ?? ""))
            .join(" | "),
        ];
      });
    expect(titleTexts).toEqual([
      ["summary", "2026 年度销售计划"],
      ["allocation", "区域"],
      ["allocation-table", "区域"],
      ["action-plan", "区域"],
      ["tracking", "区域"],
      ["rep-tab", "赵六 — 2026 年销售任务 | 华北"],
      ["rep-tab", "王五 — 2026 年销售任务 | 华东"],
      ["rep-tab", "张三 — 2026 年销售任务 | 华东"],
      ["rep-tab", "李四 — 2026 年销售任务 | 华南"],
      ["rep-tab", "周七 — 2026 年销售任务 | 华南"],
    ]);
    for (const model of models.filter((m) => m.print)) {
      // Every cell but the sheet's mark, which stands alone right of the layout.
      const [mark, ...layout] = model.rows.map((row, r) => (r === 0 ? row.length - 1 : row.length));
      const width = Math.max(mark, ...layout);
      expect(markOf([model.rows[0].map((cell) => cell?.value ?? null)])?.kind).toBe(model.kind);
      expect(model.hiddenColumns).toContain(model.rows[0].length - 1);
      expect(model.print!.area).toEqual({
        firstRow: 0,
        firstColumn: 0,
        lastRow: model.rows.length - 1,
        lastColumn: width - 1,
      });
      expect(model.print!.footer).toBe(`2026 年销售计划 · ${model.name} · 第 &P 页，共 &N 页`);
    }
    const orientation = Object.fromEntries(models.map((m) => [m.kind, m.print?.orientation]));
    expect(orientation).toEqual({
      summary: "portrait",
      allocation: "landscape",
      "allocation-table": "portrait",
      "action-plan": "landscape",
      tracking: "landscape",
      "rep-tab": "landscape",
      "plan-store": undefined,
    });
  });

  it("leaves the plan store and the mark on a departed rep's tab without a page setup", () => {
    const models = buildPlanSheets(input());
    expect(models.find((m) => m.kind === "plan-store")?.print).toBeUndefined();
    expect(models.find((m) => m.keepExisting)?.print).toBeUndefined();
  });
});
