import { promises as fsp } from "node:fs";
import type { ResultJson } from "../../src/engine/plan/resultJson";
import { sheetLabels } from "../../src/sheets/labels";
import { writeFixtureXlsx, type FixtureValue } from "../support/buildWorkbook";
import { checkWrittenWorkbook, modelsFromFile } from "../support/libreoffice";
import { describeWithLibreOffice } from "../support/sofficeAvailable";
import { runStp, tempFolder, writePlan } from "./runStp";

const REPS = [
  { region: "East", rep: "Ann", product: "Pumps", price: 120, margin: 0.3 },
  { region: "East", rep: "Ann", product: "Valves", price: 45, margin: 0.22 },
  { region: "East", rep: "Bo", product: "Pumps", price: 80, margin: 0.2 },
  { region: "West", rep: "Cy", product: "Valves", price: 150, margin: -0.05 },
  { region: "West", rep: "Dee", product: "Pumps", price: 95, margin: 0.35 },
];

/**
 * Monthly rows from 2024 to February 2026 with a quantity and a cost of sales, or (`grossProfit`)
 * a gross profit column instead of the cost.
 */
function history(headers: string[], grossProfit: boolean): FixtureValue[][] {
  const rows: FixtureValue[][] = [headers];
  for (const year of [2024, 2025, 2026]) {
    for (let month = 1; month <= (year === 2026 ? 2 : 12); month++) {
      for (const r of REPS) {
        const units = 20 + ((month * 5 + r.price) % 7) + (year - 2024) * 2;
        const amount = units * r.price;
        const cost = Math.round(amount * (1 - r.margin) * 100) / 100;
        rows.push([
          new Date(Date.UTC(year, month - 1, 10)),
          r.region,
          r.rep,
          r.product,
          units,
          amount,
          grossProfit ? Math.round((amount - cost) * 100) / 100 : cost,
        ]);
      }
    }
  }
  return rows;
}

const CASES = [
  {
    language: "en-US" as const,
    headers: ["Date", "Region", "Sales Rep", "Product", "Qty", "Net Sales", "COGS"],
    grossProfit: false,
    measures: {
      quantity: { unit: 1 },
      grossProfit: { target: { margin: 0.25 } },
      expenses: { rate: 0.05 },
    },
  },
  {
    language: "zh-CN" as const,
    headers: ["日期", "大区", "业务员", "产品", "数量", "销售金额", "毛利"],
    grossProfit: true,
    measures: { quantity: { unit: 1 }, grossProfit: {}, expenses: { amount: 30000 } },
  },
];

describeWithLibreOffice("stp plan with measures, recalculated by LibreOffice", () => {
  let folder: Awaited<ReturnType<typeof tempFolder>>;
  beforeAll(async () => {
    folder = await tempFolder();
  });
  afterAll(() => folder.remove());

  it.each(CASES)(
    "$language: no error cell, every formula of the Profit Plan, allocation, rep tabs and tracking equals the engine",
    async ({ language, headers, grossProfit, measures }) => {
      const labels = sheetLabels(language);
      const history_ = folder.file(`H-${language}.xlsx`);
      await writeFixtureXlsx(history_, [{ name: "Sales", rows: history(headers, grossProfit) }]);
      await writePlan(folder.file(`P-${language}.json`), {
        version: 1,
        planYear: 2026,
        target: { growth: 0.1 },
        levels: [{ dimension: "region" }, { dimension: "rep" }, { dimension: "product" }],
        rounding: { unit: 100 },
        language,
        measures,
      });
      const out = folder.file(`O-${language}.xlsx`);
      const json = folder.file(`R-${language}.json`);
      const run = await runStp([
        ...["plan", "--history", history_, "--config", folder.file(`P-${language}.json`)],
        ...["--as-of", "2026-02", "--out", out, "--json", json],
      ]);
      // The one warning: Cy sells Valves at a loss.
      expect(run.err).toEqual([expect.stringMatching(/West \/ Cy \/ Valves/)]);
      expect(run.code).toBe(0);
      const result = JSON.parse(await fsp.readFile(json, "utf8")) as ResultJson;

      // Every sheet recalculates to the values written, which are the engine's, without an error.
      const { mismatches } = await checkWrittenWorkbook(out);
      expect(mismatches).toEqual([]);

      const names = labels.sheetNames;
      const checked = [
        names.profitPlan,
        names.allocation,
        names.tracking,
        "Ann",
        "Bo",
        "Cy",
        "Dee",
      ];
      const models = await modelsFromFile(out, checked);
      expect(models.map((m) => m.name).sort()).toEqual([...checked].sort());
      for (const model of models) expect(model.rows.flat().some((c) => c?.formula)).toBe(true);

      // The file holds the engine's figures: the P&L's total block against the result JSON.
      const profit = models.find((m) => m.name === names.profitPlan)!;
      const annuals = profit.rows
        .map((r) => r[14])
        .filter((c): c is NonNullable<typeof c> => Boolean(c?.formula));
      const gp = result.measures?.grossProfit ?? NaN;
      const expenses = result.measures?.expenses?.total ?? NaN;
      // The last block is the total: sales, cost, gross profit, margin, expenses, net profit.
      const [sales, cost, grossProfitCell, margin, expensesCell, net] = annuals.slice(-6);
      expect(sales.value).toBe(result.target);
      expect(cost.value).toBe(result.target - gp);
      expect(grossProfitCell.value).toBe(gp);
      expect(margin.value).toBeCloseTo(gp / result.target, 12);
      expect(expensesCell.value).toBe(expenses);
      expect(net.value).toBe(gp - expenses);
      expect(sales.formula).toMatch(/^SUMIF\(/);
      expect(grossProfitCell.formula).toMatch(/^O\d+-O\d+$/);
      expect(net.formula).toMatch(/^O\d+-O\d+$/);

      // Each rep tab's annual gross profit target is the rep's rows' in the result.
      const ann = models.find((m) => m.name === "Ann")!;
      const annGp = result.rows
        .filter((r) => r.rep === "Ann")
        .reduce((s, r) => s + (r.grossProfit?.annual ?? NaN), 0);
      expect(ann.rows[4]?.[1]?.value).toBe(
        result.rows
          .filter((r) => r.rep === "Ann")
          .reduce((s, r) => s + (r.quantity?.annual ?? NaN), 0),
      );
      expect(ann.rows[5]?.[1]?.value).toBe(annGp);
    },
  );
});
