import { promises as fsp } from "node:fs";
import * as path from "node:path";
import { readHistory } from "../../src/engine/reader/readHistory";
import { computePlan } from "../../src/engine/plan/computePlan";
import { validPlan } from "../../src/engine/plan/testing/validPlan";
import type { Language } from "../../src/engine/language";
import { ALLOCATION_HEADER_ROW } from "../../src/sheets/allocationSheet";
import { buildPlanSheets } from "../../src/sheets/buildPlanSheets";
import { sheetLabels } from "../../src/sheets/labels";
import type { SheetModel } from "../../src/sheets/sheetModel";
import { readHistoryFile, writePlanWorkbook } from "../../src/xlsx";
import { checkWrittenWorkbook, compareWithEngine, recalculate } from "../support/libreoffice";
import { describeWithLibreOffice } from "../support/sofficeAvailable";
import { runStp, tempFolder } from "./runStp";

const SAMPLES = path.join(__dirname, "..", "..", "samples");

async function samplePlanSheets(
  history: string,
  planFile: string,
  asOf?: string,
): Promise<SheetModel[]> {
  const [grid] = await readHistoryFile(path.join(SAMPLES, history));
  const read = readHistory(grid);
  const plan = validPlan(JSON.parse(await fsp.readFile(path.join(SAMPLES, planFile), "utf8")));
  const result = computePlan(read, plan, { asOf });
  return buildPlanSheets({
    result,
    plan,
    language: (plan.language ?? "en-US") as Language,
    historySheet: read.sheet,
  });
}

function formulaCount(models: readonly SheetModel[]): number {
  return models.reduce((n, m) => n + m.rows.flat().filter((c) => c?.formula).length, 0);
}

describeWithLibreOffice("plan workbook recalculated by LibreOffice", () => {
  let folder: Awaited<ReturnType<typeof tempFolder>>;
  beforeAll(async () => {
    folder = await tempFolder();
  });
  afterAll(() => folder.remove());

  it.each([
    [
      "Chinese sample, region → rep, tracking",
      "sales-history-zh.xlsx",
      "plan-zh.json",
      undefined,
      1,
    ],
    [
      "English sample, region → product → rep, subtotals",
      "sales-history-en.xlsx",
      "plan-en.json",
      "2026-03",
      5,
    ],
  ])(
    "%s: no error cell, every formula equals the engine",
    async (_name, history, planFile, asOf, unitsPerRep) => {
      const models = await samplePlanSheets(history, planFile, asOf);
      const kinds = models.map((m) => m.kind);
      expect(kinds.slice(0, 5)).toEqual([
        "summary",
        "allocation",
        "allocation-table",
        "action-plan",
        "tracking",
      ]);
      expect(kinds.filter((k) => k === "rep-tab")).toHaveLength(12);
      expect(kinds[kinds.length - 1]).toBe("plan-store");
      // Twelve action rows per rep (and product, where product is a level above rep).
      const rowsOf = (m: SheetModel) => m.userRows!.lastRow - m.userRows!.firstRow + 1;
      const tabs = models.filter((m) => m.kind === "rep-tab");
      for (const tab of tabs) expect(rowsOf(tab)).toBe(12 * unitsPerRep);
      expect(rowsOf(models.find((m) => m.kind === "action-plan")!)).toBe(12 * 12 * unitsPerRep);
      expect(formulaCount(models)).toBeGreaterThan(300);
      const out = path.join(folder.dir, `plan-${planFile}.xlsx`);
      await writePlanWorkbook(models, out);
      const mismatches = await compareWithEngine(models, await recalculate(out));
      expect(mismatches).toEqual([]);
    },
  );

  it("catches a wrong formula and an error cell", async () => {
    const models = await samplePlanSheets("sales-history-zh.xlsx", "plan-zh.json");
    const allocation = models.find((m) => m.kind === "allocation")!;
    const annualCol = allocation.rows[ALLOCATION_HEADER_ROW].findIndex(
      (c) => c?.value === sheetLabels("zh-CN").annual,
    );
    const annual = allocation.rows[ALLOCATION_HEADER_ROW + 1][annualCol]!;
    expect(annual.formula).toMatch(/^SUM\([A-Z]+5:[A-Z]+5\)$/);
    // The annual forgets December: the engine's value no longer matches.
    annual.formula = annual.formula!.replace(
      /:([A-Z]+)5\)/,
      (_m, col: string) => `:${String.fromCharCode(col.charCodeAt(0) - 1)}5)`,
    );
    // A growth that divides by zero.
    const summary = models.find((m) => m.kind === "summary")!;
    const growth = summary.rows.flat().find((c) => c?.formula?.startsWith("IF(B5>0"))!;
    growth.formula = "B6/0";
    const out = path.join(folder.dir, "wrong.xlsx");
    await writePlanWorkbook(models, out);
    const mismatches = await compareWithEngine(models, await recalculate(out));
    expect(mismatches).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: allocation.name, kind: "value" }),
        expect.objectContaining({ sheet: summary.name, cell: "B7", kind: "error" }),
      ]),
    );
  });

  it("stp plan on the English sample, tracking to March: a tab per rep, closed months tracked, open ones re-forecast, LibreOffice agrees with every formula", async () => {
    const out = folder.file("stp-sample.xlsx");
    const json = folder.file("stp-sample.json");
    const run = await runStp([
      ...["plan", "--history", path.join(SAMPLES, "sales-history-en.xlsx")],
      ...["--config", path.join(SAMPLES, "plan-en.json"), "--as-of", "2026-03"],
      ...["--out", out, "--json", json],
    ]);
    expect(run.code).toBe(0);
    const result = JSON.parse(await fsp.readFile(json, "utf8")) as {
      rows: { rep: string }[];
      tracking: {
        period: string;
        status: string;
        actual: number | null;
        reforecast: number | null;
      }[];
    };
    const reps = new Set(result.rows.map((r) => r.rep));
    const grids = await readHistoryFile(out);
    const tabs = grids.filter((g) => reps.has(g.sheet));
    expect(tabs).toHaveLength(reps.size);
    for (const t of result.tracking) {
      if (t.period <= "2026-03") {
        expect(t.status).toBe("closed");
        expect(t.actual).not.toBeNull();
        expect(t.reforecast).toBeNull();
      } else {
        expect(t.status).toBe("open");
        expect(t.reforecast).not.toBeNull();
      }
    }
    const { mismatches, formulaCount } = await checkWrittenWorkbook(out);
    expect(formulaCount).toBeGreaterThan(1000);
    expect(mismatches).toEqual([]);
  });
});
