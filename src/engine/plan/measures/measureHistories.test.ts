import type { CellValue, Grid } from "../../grid";
import { formatNotice } from "../../messages";
import { readHistory } from "../../reader/readHistory";
import { columnsRead } from "../../reader/columnsRead";
import { computePlan } from "../computePlan";
import { historyReadOptions } from "../historyReadOptions";
import type { PlanFileInput } from "../planSchema";
import { measureProblems } from "../testing/measureChecks";
import { validPlan } from "../testing/validPlan";

type Sale = {
  date: string;
  region: string;
  rep: string;
  quantity: CellValue;
  amount: CellValue;
  cost: CellValue;
};

/**
 * Three years of monthly sales for two regions and five reps, a row per rep and month: prices
 * and margins differ by rep; Kim makes a loss; Lee sells nothing counted in units in 2025.
 */
function sales(): Sale[] {
  const reps = [
    { region: "East", rep: "Ann", price: 120, margin: 0.32 },
    { region: "East", rep: "Bo", price: 80, margin: 0.18 },
    { region: "West", rep: "Cy", price: 200, margin: 0.4 },
    { region: "West", rep: "Kim", price: 50, margin: -0.08 },
    { region: "West", rep: "Lee", price: 95, margin: 0.22 },
  ];
  const rows: Sale[] = [];
  for (const year of [2023, 2024, 2025]) {
    for (let month = 1; month <= 12; month++) {
      reps.forEach((r, i) => {
        const units = 10 + ((month * 7 + i * 3 + year) % 9);
        const amount = Math.round(units * r.price * (1 + (month % 4) / 20) * 100) / 100;
        const cost = Math.round(amount * (1 - r.margin) * 100) / 100;
        const quantity = r.rep === "Lee" && year === 2025 ? null : units;
        rows.push({
          date: `${year}-${String(month).padStart(2, "0")}-15`,
          region: r.region,
          rep: r.rep,
          quantity,
          amount,
          cost,
        });
      });
    }
  }
  return rows;
}

function plan(measures: PlanFileInput["measures"], language: "en-US" | "zh-CN" = "en-US") {
  return validPlan({
    version: 1,
    planYear: 2026,
    target: { growth: 0.08 },
    levels: [
      { dimension: "region", method: "lastYear" },
      { dimension: "rep", method: "history", years: 3 },
    ],
    rounding: { unit: 100 },
    language,
    measures,
  });
}

const ALL = {
  quantity: { unit: 1 },
  grossProfit: { target: { margin: 0.25 } },
  expenses: { rate: 0.06 },
} as const;

describe("measures on a history with English headers (Qty, COGS, a unit price column)", () => {
  const grid: Grid = {
    sheet: "Sales",
    values: [
      ["Order Date", "Region", "Sales Rep", "Unit Price", "Qty", "Net Sales", "COGS"],
      ...sales().map((s) => [
        s.date,
        s.region,
        s.rep,
        typeof s.quantity === "number" && typeof s.amount === "number"
          ? s.amount / s.quantity
          : null,
        s.quantity,
        s.amount,
        s.cost,
      ]),
    ],
  };

  it("reads the quantity and cost columns, never the unit price", () => {
    const read = readHistory(grid, historyReadOptions(plan(ALL)));
    expect(read.error).toBeUndefined();
    expect(read.columns.quantity?.header).toBe("Qty");
    expect(read.columns.cost?.header).toBe("COGS");
    expect(read.columns.amount?.header).toBe("Net Sales");
    expect(Object.values(read.columns).map((c) => c?.header)).not.toContain("Unit Price");
    expect(columnsRead(read, ["region", "rep"], ["quantity", "grossProfit", "expenses"])).toEqual([
      { role: "date", header: "Order Date", column: "A" },
      { role: "amount", header: "Net Sales", column: "F" },
      { role: "quantity", header: "Qty", column: "E" },
      { role: "cost", header: "COGS", column: "G" },
      { role: "region", header: "Region", column: "B" },
      { role: "rep", header: "Sales Rep", column: "C" },
    ]);
    // Lee's 2025 quantity cells are blank (the first on row 2 + 24 × 5 + 4): counted as 0, said once.
    expect(read.notes).toContainEqual({
      code: "measure-blank-cells",
      params: { role: "quantity", column: "Qty", count: 12, cell: "Sales!E126" },
    });
  });

  const read = readHistory(grid, historyReadOptions(plan(ALL)));
  const result = computePlan(read, plan(ALL));

  it("keeps every measure exact and the gross profit on its target", () => {
    expect(measureProblems(result)).toEqual([]);
    // G = round half up(target × 0.25) to the unit of 100.
    expect(result.measures?.grossProfit?.target).toBe(
      Math.floor((result.target / 100) * 0.25 + 0.5) * 100,
    );
    expect(result.measures?.grossProfit?.total).toBe(result.measures?.grossProfit?.target);
    expect(result.measures?.expenses?.total).toBe(
      Math.floor((result.target * 0.06) / 100 + 0.5) * 100,
    );
  });

  it("gives Lee, with no units counted in 2025, the price of his 2023–2025 window", () => {
    const lee = result.rows.find((r) => r.path.join("/") === "West/Lee");
    expect(lee?.ratios?.quantity?.source).toBe("window");
    const ann = result.rows.find((r) => r.path.join("/") === "East/Ann");
    expect(ann?.ratios?.quantity?.source).toBe("baseYear");
  });

  it("gives the loss-making Kim no gross profit, and names him", () => {
    const kim = result.rows.find((r) => r.path.join("/") === "West/Kim");
    expect(kim?.ratios?.grossProfit?.value).toBeLessThan(0);
    expect(kim?.measures?.grossProfit?.annual).toBe(0);
    expect(kim?.measures?.cost?.annual).toBe(kim?.annual);
    const warning = result.warnings.find((w) => w.code === "gross-profit-loss-leaf-zero");
    expect(warning && formatNotice(warning, "en-US")).toMatch(
      /^West \/ Kim sells at a loss \(margin -8\.0%\): it gets no share of the gross profit target$/,
    );
  });

  it("plans each measure the same way with its columns named under `columns`", () => {
    const renamed: Grid = {
      ...grid,
      values: [
        ["Order Date", "Region", "Sales Rep", "Unit Price", "Pieces", "Net Sales", "Outlay"],
        ...grid.values.slice(1),
      ],
    };
    const named = validPlan({
      ...plan(ALL),
      columns: { quantity: "Pieces", cost: "Outlay" },
    });
    const again = computePlan(readHistory(renamed, historyReadOptions(named)), named);
    expect(again.rows.map((r) => r.measures)).toEqual(result.rows.map((r) => r.measures));
  });
});

describe("measures on a history with Chinese headers (数量, 毛利 giving the cost)", () => {
  const grid: Grid = {
    sheet: "销售明细",
    values: [
      ["单据日期", "大区", "业务员", "含税单价", "数量", "无税金额", "毛利"],
      ...sales().map((s) => [
        s.date,
        s.region === "East" ? "华东" : "华西",
        s.rep,
        "—",
        // Numbers as text, as exports write them.
        s.quantity === null ? null : `${String(s.quantity)}`,
        typeof s.amount === "number" ? s.amount.toLocaleString("en-US") : s.amount,
        typeof s.amount === "number" && typeof s.cost === "number"
          ? `¥${(Math.round((s.amount - s.cost) * 100) / 100).toFixed(2)}`
          : null,
      ]),
    ],
  };
  const zhPlan = plan(
    { quantity: { unit: 5 }, grossProfit: {}, expenses: { amount: 50000 } },
    "zh-CN",
  );
  const read = readHistory(grid, historyReadOptions(zhPlan));

  it("reads 毛利 as gross profit and each row's cost as amount − gross profit", () => {
    expect(read.error).toBeUndefined();
    expect(read.columns.grossProfit?.header).toBe("毛利");
    expect(read.columns.quantity?.header).toBe("数量");
    expect(read.columns.cost).toBeUndefined();
    const first = sales()[0];
    expect(read.records[0].amount).toBe(first.amount);
    expect(read.records[0].cost).toBeCloseTo(first.cost as number, 6);
    expect(read.records[0].quantity).toBe(first.quantity);
  });

  const result = computePlan(read, zhPlan);

  it("keeps every measure exact, quantities in fives", () => {
    expect(measureProblems(result)).toEqual([]);
    for (const row of result.rows) {
      expect(row.measures?.quantity?.annual ?? 1).toBeGreaterThanOrEqual(0);
      row.measures?.quantity?.months.forEach((q) => expect(q % 5).toBe(0));
    }
    expect(result.measures?.expenses?.total).toBe(50000);
  });

  it("plans the loss-making rep at a gross loss, and says so in Chinese", () => {
    const kim = result.rows.find((r) => r.path.join("/") === "华西/Kim");
    expect(kim?.measures?.grossProfit?.annual).toBeLessThan(0);
    const warning = result.warnings.find((w) => w.code === "gross-profit-loss-leaf");
    expect(warning && formatNotice(warning, "zh-CN")).toMatch(
      /^华西 \/ Kim 亏损销售（毛利率 -8\.0%）：其计划毛利为 -[\d,]+$/,
    );
  });
});

describe("measure cells the reader cannot read", () => {
  const header = ["日期", "区域", "数量", "销售额", "销售成本"];
  const grid = (rows: CellValue[][]): Grid => ({ sheet: "明细", values: [header, ...rows] });
  const rows: CellValue[][] = [
    ["2025-01-05", "华东", 10, 1000, 600],
    ["2025-02-05", "华东", "N/A", 900, 500],
    ["2025-03-05", "华东", 8, 800, "待定"],
    ["2025-04-05", "华东", "1,200", "120,000", "(70,000)"],
  ];

  it("skips the row with its cell when the plan asks for the measure", () => {
    const read = readHistory(grid(rows), { measures: ["quantity", "grossProfit"] });
    expect(read.records.map((r) => r.month)).toEqual([1, 4]);
    expect(read.records[1]).toMatchObject({ quantity: 1200, amount: 120000, cost: -70000 });
    expect(read.skipped).toEqual([
      {
        sheet: "明细",
        cell: "C3",
        code: "measure-not-number",
        params: { value: "N/A", column: "数量", role: "quantity" },
      },
      {
        sheet: "明细",
        cell: "E4",
        code: "measure-not-number",
        params: { value: "待定", column: "销售成本", role: "cost" },
      },
    ]);
    expect(formatNotice(read.skipped[0], "en-US")).toBe('quantity is not a number: "N/A"');
    expect(formatNotice(read.skipped[1], "zh-CN")).toBe("成本不是数字：“待定”");
  });

  it("reads every row, as before, when the plan asks for no measure", () => {
    const read = readHistory(grid(rows), {});
    expect(read.records).toHaveLength(4);
    expect(read.skipped).toEqual([]);
    expect(read.records[1]).not.toHaveProperty("quantity");
  });

  it("never takes a unit price, a unit cost, a margin rate or a cost centre as a measure", () => {
    const read = readHistory(
      {
        sheet: "S",
        values: [
          ["Date", "Amount", "Unit Price", "Unit Cost", "Margin %", "毛利率", "Cost Center"],
          ["2025-01-05", 100, 10, 6, "40%", 0.4, "CC-01"],
        ],
      },
      { measures: ["quantity", "grossProfit"] },
    );
    expect(read.columns.quantity).toBeUndefined();
    expect(read.columns.cost).toBeUndefined();
    expect(read.columns.grossProfit).toBeUndefined();
    expect(read.records[0]).toEqual(expect.objectContaining({ amount: 100 }));
    expect(read.records[0]).not.toHaveProperty("cost");
  });
});
