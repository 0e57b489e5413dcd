import { promises as fsp } from "node:fs";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { createExcelPort, type ExcelPort } from "../../src/excel";
import { toA1 } from "../../src/engine/address";
import type { Language } from "../../src/engine/language";
import { computePlan } from "../../src/engine/plan/computePlan";
import type { PlanResult } from "../../src/engine/plan/planResult";
import { validPlan } from "../../src/engine/plan/testing/validPlan";
import { roundCents } from "../../src/engine/plan/tracking";
import { readHistory } from "../../src/engine/reader/readHistory";
import { sheetLabels } from "../../src/sheets/labels";
import { QUOTA_CHART_NAME, repIdentities } from "../../src/sheets/repTabs";
import type { SheetModel } from "../../src/sheets/sheetModel";
import { excelWorkbook } from "../../src/excel/excelWorkbookPort";
import { writePlan } from "../../src/workflow/writePlan";
import { writePlanWorkbook } from "../../src/xlsx";
import { tempFolder } from "../cli/runStp";
import { createFakeWorkbook, type FakeWorkbook } from "../support/excelFake";
import { expectSheetWritten } from "./support/expectWritten";
import { open } from "./support/openPort";
import { planFixture } from "./support/planFixture";

/** What a rep tab's chart must plot: the rep's monthly targets and last year's net sales. */
function expectedSeries(result: PlanResult, key: string): { target: number[]; lastYear: number[] } {
  const identity = repIdentities(result).find((r) => r.key === key);
  if (!identity) throw new Error(`no rep ${key}`);
  const target = new Array<number>(12).fill(0);
  const lastYear = new Array<number>(12).fill(0);
  for (const unit of identity.units) {
    unit.months.forEach((m, i) => (target[i] += m));
    unit.baseMonths.forEach((m, i) => (lastYear[i] += m));
  }
  return { target, lastYear: lastYear.map(roundCents) };
}

/** Checks every rep tab's one add-in chart against its model and the engine's numbers. */
function expectQuotaCharts(
  fake: FakeWorkbook,
  models: readonly SheetModel[],
  result: PlanResult,
  language: Language,
): void {
  const tabs = models.filter((m) => m.kind === "rep-tab");
  expect(tabs.length).toBeGreaterThan(1);
  for (const tab of tabs) {
    const spec = tab.charts![0];
    const ours = fake.workbook.charts(tab.name).filter((c) => c.name === QUOTA_CHART_NAME);
    expect(ours).toHaveLength(1);
    const [chart] = ours;
    expect(chart).toMatchObject({
      type: "ColumnClustered",
      title: spec.title,
      source: spec.source,
      anchor: spec.anchor,
    });
    const { target, lastYear } = expectedSeries(result, tab.key!);
    expect(chart.series.map((s) => [s.name, s.valuesAddress, s.categoriesAddress])).toEqual(
      spec.series.map((s) => [s.name, s.values, spec.categories]),
    );
    expect(chart.series[0].values).toEqual(target);
    chart.series[1].values.forEach((value, m) => expect(value).toBeCloseTo(lastYear[m], 6));
    for (const series of chart.series)
      expect(series.categories).toEqual(sheetLabels(language).months);
  }
  for (const other of models.filter((m) => m.kind !== "rep-tab"))
    expect(fake.workbook.charts(other.name)).toEqual([]);
}

/** Reads the history, plans region → rep at a growth, and writes the plan as the pane does. */
async function generate(
  port: ExcelPort,
  history: string,
  growth: number,
): Promise<{ result: PlanResult; models: SheetModel[] }> {
  const grid = await port.readHistory({ kind: "sheet", name: history });
  const plan = validPlan({
    version: 1,
    planYear: 2026,
    target: { growth },
    levels: [
      { dimension: "region", method: "lastYear" },
      { dimension: "rep", method: "lastYear" },
    ],
    rounding: { unit: 100 },
    language: "en-US",
  });
  const result = computePlan(readHistory(grid), plan);
  // The models as the workflow hands them to the port, to check the charts against.
  let models: SheetModel[] = [];
  const recording: ExcelPort = {
    ...port,
    writeSheets: (written, options) => {
      models = [...written];
      return port.writeSheets(written, options);
    },
  };
  await writePlan(excelWorkbook(recording), {
    result,
    plan,
    language: "en-US",
    historySheet: grid.sheet,
  });
  return { result, models };
}

describe("rep tab charts in Excel", () => {
  it("draws one chart per rep tab: the rep's monthly targets against last year's net sales", async () => {
    const fixture = planFixture({ reps: 12, rows: 3000 });
    const { fake, port } = open([fixture.historySheet]);
    await port.writeSheets(fixture.models);
    expectQuotaCharts(fake, fixture.models, fixture.result, "en-US");
    for (const tab of fixture.models.filter((m) => m.kind === "rep-tab"))
      expectSheetWritten(fake, tab);
  });

  it("titles and names the series in the plan's language", async () => {
    const fixture = planFixture({ reps: 3, rows: 600, language: "zh-CN" });
    const { fake, port } = open([fixture.historySheet]);
    await port.writeSheets(fixture.models);
    expectQuotaCharts(fake, fixture.models, fixture.result, "zh-CN");
    const first = fixture.models.find((m) => m.kind === "rep-tab")!;
    const [chart] = fake.workbook.charts(first.name);
    expect(chart.title).toBe("2026 年月度任务与 2025 年净销售额");
    expect(chart.series.map((s) => s.name)).toEqual(["2026 年目标", "2025 年实际"]);
    expect(chart.series[0].categories.slice(0, 2)).toEqual(["1月", "2月"]);
  });

  it("replaces its own chart on every regeneration and keeps the one a user added", async () => {
    const fixture = planFixture({ reps: 12, rows: 3000 });
    const { fake, port } = open([fixture.historySheet]);
    const history = fixture.historySheet.name;
    const first = await generate(port, history, 0.1);
    const tab = first.models.find((m) => m.kind === "rep-tab")!;
    // A user's pie of the rep's quarterly quota (labels B5:E5 over the sums B6:E6).
    await fake.host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(tab.name);
      const chart = sheet.charts.add("Pie", sheet.getRange("B5:E6"), "Rows");
      chart.name = "My quarters";
      await context.sync();
    });

    const second = await generate(port, history, 0.2);
    expect(second.result.target).toBeGreaterThan(first.result.target);
    const third = await generate(port, history, 0.2);
    expectQuotaCharts(fake, third.models, third.result, "en-US");

    const charts = fake.workbook.charts(tab.name);
    expect(charts.map((c) => c.name)).toEqual(["My quarters", QUOTA_CHART_NAME]);
    const [mine] = charts;
    expect(mine).toMatchObject({ type: "Pie", source: "B5:E6", anchor: null, title: null });
    expect(mine.series.map((s) => [s.valuesAddress, s.categoriesAddress, s.categories])).toEqual([
      ["B6:E6", "B5:E5", ["Q1", "Q2", "Q3", "Q4"]],
    ]);
    // It follows the regenerated quota.
    const { target } = expectedSeries(third.result, tab.key!);
    expect(mine.series[0].values).toEqual(
      [0, 1, 2, 3].map((q) => target[3 * q] + target[3 * q + 1] + target[3 * q + 2]),
    );
  });

  it("draws the chart from its block where Excel cannot tie series to cells (ExcelApi 1.4)", async () => {
    const fixture = planFixture({ reps: 4, rows: 800 });
    const { fake, port } = open([fixture.historySheet], { requirementSets: ["ExcelApi 1.4"] });
    await port.writeSheets(fixture.models);
    expectQuotaCharts(fake, fixture.models, fixture.result, "en-US");
  });

  it("writes every tab, without charts, where Excel says it has none", async () => {
    const fixture = planFixture({ reps: 4, rows: 800 });
    const fake = createFakeWorkbook({ sheets: [fixture.historySheet] });
    const port = createExcelPort(fake.host, {
      isSetSupported: (name, version) => !(name === "ExcelApi" && version === "1.1"),
    });
    const report = await port.writeSheets(fixture.models);
    expect(report.added).toEqual(fixture.models.map((m) => m.name));
    for (const model of fixture.models) {
      expectSheetWritten(fake, model);
      expect(fake.workbook.charts(model.name)).toEqual([]);
    }
    // A regeneration reads no charts either.
    await port.writeSheets(fixture.models);
    for (const model of fixture.models) expectSheetWritten(fake, model);
  });

  it("writes the same rep tab cells to an .xlsx file, without the chart", async () => {
    const fixture = planFixture({ reps: 3, rows: 600 });
    const { fake, port } = open([fixture.historySheet]);
    await port.writeSheets(fixture.models);
    const folder = await tempFolder();
    try {
      const out = folder.file("plan.xlsx");
      await writePlanWorkbook(fixture.models, out);
      const entries = Object.keys((await JSZip.loadAsync(await fsp.readFile(out))).files);
      expect(entries.filter((name) => /^xl\/(charts|drawings|media)\//.test(name))).toEqual([]);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(out);
      for (const tab of fixture.models.filter((m) => m.kind === "rep-tab")) {
        const fromFile = new Map<string, unknown>();
        workbook.getWorksheet(tab.name)!.eachRow((row) =>
          row.eachCell((cell) => {
            const value = cell.formula ? `=${cell.formula}` : cell.value;
            if (value !== null && value !== "") fromFile.set(cell.address, value);
          }),
        );
        const fromExcel = new Map<string, unknown>();
        fake.workbook.values(tab.name).forEach((row, r) =>
          row.forEach((value, c) => {
            if (value !== "") fromExcel.set(toA1(r, c), value);
          }),
        );
        expect(fromFile).toEqual(fromExcel);
        expect(fake.workbook.charts(tab.name)).toHaveLength(1);
      }
    } finally {
      await folder.remove();
    }
  });
});
