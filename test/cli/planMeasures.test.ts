import { promises as fsp } from "node:fs";
import type { ResultJson } from "../../src/engine/plan/resultJson";
import { writeFixtureXlsx, type FixtureValue } from "../support/buildWorkbook";
import { runStp, tempFolder, writePlan } from "./runStp";

type Folder = Awaited<ReturnType<typeof tempFolder>>;

const REPS = [
  { region: "East", rep: "Ann", price: 120, margin: 0.3 },
  { region: "East", rep: "Bo", price: 80, margin: 0.2 },
  { region: "West", rep: "Cy", price: 150, margin: -0.05 },
];

/** Two years of monthly rows with a quantity and a cost (English headers, a unit price beside). */
function history(headers: string[]): FixtureValue[][] {
  const rows: FixtureValue[][] = [headers];
  for (const year of [2024, 2025, 2026]) {
    for (let month = 1; month <= (year === 2026 ? 2 : 12); month++) {
      for (const r of REPS) {
        const units = 20 + ((month * 5 + r.price) % 7);
        const amount = units * r.price;
        rows.push([
          new Date(Date.UTC(year, month - 1, 10)),
          r.region,
          r.rep,
          r.price,
          units,
          amount,
          Math.round(amount * (1 - r.margin)),
        ]);
      }
    }
  }
  return rows;
}

const PLAN = {
  version: 1,
  planYear: 2026,
  target: { growth: 0.1 },
  levels: [{ dimension: "region" }, { dimension: "rep" }],
  rounding: { unit: 100 },
  measures: {
    quantity: { unit: 1 },
    grossProfit: { target: { margin: 0.25 } },
    expenses: { rate: 0.05 },
  },
};

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

describe("stp plan with measures", () => {
  let folder: Folder;
  let run: Awaited<ReturnType<typeof runStp>>;
  let result: ResultJson;

  beforeAll(async () => {
    folder = await tempFolder();
    await writeFixtureXlsx(folder.file("H.xlsx"), [
      {
        name: "Sales",
        rows: history(["Date", "Region", "Sales Rep", "Unit Price", "Qty", "Net Sales", "COGS"]),
      },
    ]);
    await writePlan(folder.file("P.json"), PLAN);
    run = await runStp([
      "plan",
      ...["--history", folder.file("H.xlsx"), "--config", folder.file("P.json")],
      ...["--out", folder.file("O.xlsx"), "--json", folder.file("R.json")],
    ]);
    result = JSON.parse(await fsp.readFile(folder.file("R.json"), "utf8")) as ResultJson;
  });
  afterAll(() => folder.remove());

  it("exits 0 and prints the measures' totals on the summary line", () => {
    expect(run.code).toBe(0);
    const measures = result.measures;
    const gross = measures?.grossProfit ?? NaN;
    const expenses = measures?.expenses?.total ?? NaN;
    const money = (n: number) => n.toLocaleString("en-US");
    expect(run.out[0]).toBe(
      `Plan 2026: target ${money(result.target)} (base ${money(result.base)}, +10.0%), 3 row(s), rounded to 100; ` +
        `quantity ${money(measures?.quantity ?? NaN)}, gross profit ${money(gross)} (25.0%), ` +
        `cost of sales ${money(result.target - gross)}, expenses ${money(expenses)}, ` +
        `net profit ${money(gross - expenses)}`,
    );
    expect(run.out.join("\n")).toMatch(/quantity ← Qty \(E\), cost ← COGS \(G\)/);
  });

  it("writes each row's quantity, price, gross profit and margin", () => {
    expect(result.columns.quantity).toEqual({ header: "Qty", column: "E" });
    expect(result.columns.cost).toEqual({ header: "COGS", column: "G" });
    for (const row of result.rows) {
      expect(Object.keys(row)).toEqual([
        "region",
        "rep",
        "annual",
        "months",
        "lastYear",
        "quantity",
        "price",
        "grossProfit",
        "margin",
      ]);
      expect(sum(row.quantity?.months ?? [])).toBe(row.quantity?.annual);
      expect(sum(row.grossProfit?.months ?? [])).toBe(row.grossProfit?.annual);
      expect(row.quantity?.annual).toBe(Math.round(row.annual / (row.price ?? NaN)));
    }
    const cy = result.rows.find((r) => r.rep === "Cy");
    expect(cy?.margin).toBeCloseTo(-0.05, 2);
    expect(cy?.grossProfit?.annual).toBe(0);
    expect(sum(result.rows.map((r) => r.grossProfit?.annual ?? NaN))).toBe(
      Math.round((result.target * 0.25) / 100) * 100,
    );
    expect(result.warnings.map((w) => w.code)).toContain("gross-profit-loss-leaf-zero");
  });

  it("writes the measures' totals and the expenses by region", () => {
    const measures = result.measures;
    expect(measures?.quantity).toBe(sum(result.rows.map((r) => r.quantity?.annual ?? NaN)));
    expect(measures?.expenses?.total).toBe(Math.round((result.target * 0.05) / 100) * 100);
    expect(measures?.expenses?.rows.map((r) => r.region)).toEqual(["East", "West"]);
    for (const row of measures?.expenses?.rows ?? []) {
      expect(Object.keys(row)).toEqual(["region", "annual", "months"]);
      expect(sum(row.months)).toBe(row.annual);
    }
    expect(sum(measures?.expenses?.rows.map((r) => r.annual) ?? [])).toBe(
      measures?.expenses?.total,
    );
  });

  it("tracks the actual quantity and gross profit of each closed month", () => {
    const ann = result.tracking.filter((t) => t.rep === "Ann");
    // January 2026: 20 + (5 + 120) % 7 = 26 units at 120; cost rounded from 70 %.
    expect(ann[0]).toMatchObject({
      status: "closed",
      actual: 3120,
      actualQuantity: 26,
      actualGrossProfit: 3120 - Math.round(3120 * 0.7),
    });
    expect(ann[2]).toMatchObject({
      status: "open",
      actualQuantity: null,
      actualGrossProfit: null,
    });
  });

  it("names the missing column's role in the plan's language", async () => {
    await writeFixtureXlsx(folder.file("NoCost.xlsx"), [
      {
        name: "Sales",
        rows: history(["Date", "Region", "Sales Rep", "Unit Price", "Qty", "Net Sales", "Note"]),
      },
    ]);
    await writePlan(folder.file("Zh.json"), { ...PLAN, language: "zh-CN" });
    const failed = await runStp([
      "plan",
      ...["--history", folder.file("NoCost.xlsx"), "--config", folder.file("Zh.json")],
      ...["--out", folder.file("O2.xlsx")],
    ]);
    expect(failed.code).toBe(1);
    expect(failed.err[0]).toBe(
      'Zh.json：measures.grossProfit：计划毛利需要历史数据中的成本或毛利列，但未找到：请在 "columns" 中指定其表头（如 "columns": { "cost": "<表头>" }），或从 "measures" 中去掉毛利',
    );
  });

  it("prints the totals in Chinese, and nothing more without measures", async () => {
    await writePlan(folder.file("Zh2.json"), {
      ...PLAN,
      language: "zh-CN",
      measures: { quantity: {} },
    });
    const zh = await runStp([
      "plan",
      ...["--history", folder.file("H.xlsx"), "--config", folder.file("Zh2.json")],
      ...["--out", folder.file("O3.xlsx")],
    ]);
    expect(zh.code).toBe(0);
    expect(zh.out[0]).toMatch(/取整到 100；数量 [\d,]+$/);
    await writePlan(folder.file("Plain.json"), { ...PLAN, measures: undefined });
    const without = await runStp([
      "plan",
      ...["--history", folder.file("H.xlsx"), "--config", folder.file("Plain.json")],
      ...["--out", folder.file("O4.xlsx")],
    ]);
    expect(without.out[0]).toMatch(/rounded to 100$/);
    expect(without.out.join("\n")).not.toMatch(/Qty/);
  });
});
