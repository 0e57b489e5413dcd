import type { HistoryRecord } from "../../history";
import { formatNotice } from "../../messages";
import { PlanError } from "../../planError";
import { computePlan } from "../computePlan";
import type { PlanFileInput } from "../planSchema";
import { toResultJson } from "../resultJson";
import { measureProblems } from "../testing/measureChecks";
import { validPlan } from "../testing/validPlan";

/**
 * The tiny history of the worked example below: region → rep, three leaves, one row a month.
 *
 *   leaf       year  each month: amount  quantity  cost     year: amount  quantity  cost
 *   East/Ann   2025               1,000        10    700           12,000       120  8,400
 *   East/Bo    2024                 500         2    450            6,000        24  5,400
 *   East/Bo    2025                 500         —    450            6,000         0  5,400
 *   West/Cy    2025               1,000        20  1,100           12,000       240 13,200
 *
 * Plan: growth 0.1 over 2025 (30,000) → 33,000; unit 100; region and rep by last year; months
 * equal. East 19,800 (Ann 13,200, Bo 6,600), West 13,200 (Cy). Ann and Cy: 1,100 every month;
 * Bo's 66 units: 5.5 a month, the six leftover units to Jan–Jun (ties go by month key) → 600 in
 * Jan–Jun, 500 in Jul–Dec.
 */
function tinyHistory(): HistoryRecord[] {
  const records: HistoryRecord[] = [];
  const add = (
    year: number,
    region: string,
    rep: string,
    amount: number,
    quantity: number | undefined,
    cost: number,
  ) => {
    for (let month = 1; month <= 12; month++) {
      records.push({
        year,
        month,
        amount,
        ...(quantity !== undefined ? { quantity } : {}),
        cost,
        dims: { region, rep },
        cell: `E${records.length + 2}`,
        transaction: true,
      });
    }
  };
  add(2025, "East", "Ann", 1000, 10, 700);
  add(2024, "East", "Bo", 500, 2, 450);
  add(2025, "East", "Bo", 500, undefined, 450);
  add(2025, "West", "Cy", 1000, 20, 1100);
  return records;
}

function tinyPlan(measures: PlanFileInput["measures"], more: Partial<PlanFileInput> = {}) {
  return validPlan({
    version: 1,
    planYear: 2026,
    target: { growth: 0.1 },
    levels: [
      { dimension: "region", method: "lastYear" },
      { dimension: "rep", method: "lastYear" },
    ],
    time: { method: "equal", years: 3 },
    rounding: { unit: 100 },
    measures,
    ...more,
  });
}

const rowOf = (result: ReturnType<typeof computePlan>, path: string) => {
  const row = result.rows.find((r) => r.path.join("/") === path);
  if (!row) throw new Error(`no row ${path}`);
  return row;
};
const repeat = (value: number, times: number) => new Array<number>(times).fill(value);

function planError(fn: () => unknown): PlanError {
  try {
    fn();
  } catch (e) {
    if (e instanceof PlanError) return e;
    throw e;
  }
  throw new Error("expected a PlanError");
}

describe("measures — the tiny worked example, by hand", () => {
  const result = computePlan(
    { records: tinyHistory() },
    tinyPlan({ quantity: { unit: 1 }, grossProfit: {}, expenses: { rate: 0.05 } }),
  );

  it("plans the amount as without measures", () => {
    expect(result.target).toBe(33000);
    expect(result.rows.map((r) => [r.path.join("/"), r.annual])).toEqual([
      ["East/Ann", 13200],
      ["East/Bo", 6600],
      ["West/Cy", 13200],
    ]);
    expect(rowOf(result, "East/Bo").months).toEqual([...repeat(600, 6), ...repeat(500, 6)]);
  });

  it("prices each leaf from its base year, else its window", () => {
    // Ann: 12,000 / 120 = 100. Cy: 12,000 / 240 = 50. Bo sold no counted unit in 2025, so his
    // window 2023–2025 gives it: 12,000 / 24 = 500.
    expect(rowOf(result, "East/Ann").ratios?.quantity).toEqual({
      value: 100,
      source: "baseYear",
      from: ["East", "Ann"],
    });
    expect(rowOf(result, "East/Bo").ratios?.quantity).toEqual({
      value: 500,
      source: "window",
      from: ["East", "Bo"],
    });
    expect(rowOf(result, "West/Cy").ratios?.quantity?.value).toBe(50);
  });

  it("plans each leaf's quantity: annual / price rounded half up, months on its amount targets", () => {
    // Ann: 13,200 / 100 = 132, 11 a month. Cy: 13,200 / 50 = 264, 22 a month.
    expect(rowOf(result, "East/Ann").measures?.quantity).toEqual({
      annual: 132,
      months: repeat(11, 12),
    });
    expect(rowOf(result, "West/Cy").measures?.quantity).toEqual({
      annual: 264,
      months: repeat(22, 12),
    });
    // Bo: 6,600 / 500 = 13.2 → 13. Quotas 13 × 6/66 = 1.18 (Jan–Jun), 13 × 5/66 = 0.98
    // (Jul–Dec): floors 6 × 1, leftover 7 — six to Jul–Dec (0.98), the last to Jan (0.18, first key).
    expect(rowOf(result, "East/Bo").measures?.quantity).toEqual({
      annual: 13,
      months: [2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
    });
    expect(result.root.children[0].measures?.quantity?.annual).toBe(145);
    expect(result.measures?.quantity).toEqual({ unit: 1, total: 409 });
  });

  it("plans gross profit at each leaf's margin, a loss-making leaf named in a warning", () => {
    // Ann: margin 0.3, 13,200 × 0.3 = 3,960 → 40 units; 40 / 12 = 3.33: Jan–Apr 400, May–Dec 300.
    expect(rowOf(result, "East/Ann").ratios?.grossProfit?.value).toBeCloseTo(0.3, 12);
    expect(rowOf(result, "East/Ann").measures?.grossProfit).toEqual({
      annual: 4000,
      months: [...repeat(400, 4), ...repeat(300, 8)],
    });
    // Bo: margin 0.1, 660 → 7 units; quotas 0.64 (Jan–Jun), 0.53 (Jul–Dec): Jan–Jul 100.
    expect(rowOf(result, "East/Bo").measures?.grossProfit).toEqual({
      annual: 700,
      months: [...repeat(100, 7), ...repeat(0, 5)],
    });
    // Cy: margin (12,000 − 13,200) / 12,000 = −0.1; −1,320 → −13.2 → −13 (half up); 13 split
    // 1.08 a month, the leftover unit to Jan, negated: Jan −200, Feb–Dec −100.
    expect(rowOf(result, "West/Cy").ratios?.grossProfit?.value).toBeCloseTo(-0.1, 12);
    expect(rowOf(result, "West/Cy").measures?.grossProfit).toEqual({
      annual: -1300,
      months: [-200, ...repeat(-100, 11)],
    });
    expect(result.warnings).toContainEqual({
      code: "gross-profit-loss-leaf",
      params: { member: "West / Cy", margin: "-10.0", amount: -1300 },
    });
    expect(result.measures?.grossProfit).toEqual({ total: 3400, target: null });
  });

  it("makes cost the amount less gross profit, cell by cell", () => {
    expect(rowOf(result, "East/Ann").measures?.cost).toEqual({
      annual: 9200,
      months: [...repeat(700, 4), ...repeat(800, 8)],
    });
    expect(rowOf(result, "East/Bo").measures?.cost).toEqual({
      annual: 5900,
      months: [...repeat(500, 6), 400, ...repeat(500, 5)],
    });
    expect(rowOf(result, "West/Cy").measures?.cost).toEqual({
      annual: 14500,
      months: [1300, ...repeat(1200, 11)],
    });
    expect(result.measures?.cost).toEqual({ total: 29600 });
  });

  it("splits expenses over regions and their months, and nets them from gross profit", () => {
    // 33,000 × 0.05 = 1,650 → 17 units. East 17 × 198/330 = 10.2, West 6.8: the leftover unit to
    // West → 1,000 and 700. East's months weigh 17 (Jan–Jun) and 16 (Jul–Dec): 10 units, all
    // quotas below 1, six to Jan–Jun then four to Jul–Oct. West's 7 go to Jan–Jul.
    expect(result.measures?.expenses).toEqual({
      total: 1700,
      lines: [
        { path: ["East"], plan: { annual: 1000, months: [...repeat(100, 10), 0, 0] } },
        { path: ["West"], plan: { annual: 700, months: [...repeat(100, 7), ...repeat(0, 5)] } },
      ],
    });
    const [east, west] = result.measures?.profit.lines ?? [];
    // East gross profit 4,700: Jan–Apr 500, May–Jul 400, Aug–Dec 300; less expenses.
    expect(east.netProfit).toEqual({
      annual: 3700,
      months: [400, 400, 400, 400, 300, 300, 300, 200, 200, 200, 300, 300],
    });
    expect(west.netProfit).toEqual({
      annual: -2000,
      months: [-300, ...repeat(-200, 6), ...repeat(-100, 5)],
    });
    expect(result.measures?.profit.total.netProfit?.annual).toBe(1700);
    expect(east.margin?.annual).toBeCloseTo(4700 / 19800, 12);
  });

  it("keeps every measure exact: months to annuals, children to parents", () => {
    expect(measureProblems(result)).toEqual([]);
  });

  it("writes the result JSON fields of DESIGN, each only when asked", () => {
    const json = toResultJson(result, { skipped: [], notes: [] }, (n) => n.code);
    expect(json.rows[0]).toEqual({
      region: "East",
      rep: "Ann",
      annual: 13200,
      months: repeat(1100, 12),
      lastYear: 12000,
      quantity: { annual: 132, months: repeat(11, 12) },
      price: 100,
      grossProfit: { annual: 4000, months: [...repeat(400, 4), ...repeat(300, 8)] },
      margin: rowOf(result, "East/Ann").ratios?.grossProfit?.value,
    });
    expect(json.measures).toEqual({
      quantity: 409,
      grossProfit: 3400,
      expenses: {
        total: 1700,
        rows: [
          { region: "East", annual: 1000, months: [...repeat(100, 10), 0, 0] },
          { region: "West", annual: 700, months: [...repeat(100, 7), ...repeat(0, 5)] },
        ],
      },
    });
    const keys = Object.keys(json);
    expect(keys.indexOf("measures")).toBe(keys.indexOf("tracking") - 1);

    const quantityOnly = toResultJson(
      computePlan({ records: tinyHistory() }, tinyPlan({ quantity: {} })),
      { skipped: [], notes: [] },
      (n) => n.code,
    );
    expect(Object.keys(quantityOnly.rows[0])).toEqual([
      "region",
      "rep",
      "annual",
      "months",
      "lastYear",
      "quantity",
      "price",
    ]);
    expect(quantityOnly.measures).toEqual({ quantity: 409 });
  });
});

describe("measures — a gross profit target", () => {
  it("splits an amount by each segment's positive gross profit; the loss-making leaf gets 0", () => {
    // Weights Σ max(0, annual × m): East 3,960 + 660 = 4,620, West 0 → East all 50 units. In East:
    // Ann 50 × 3,960/4,620 = 42.86, Bo 7.14 → 42 and 7, the leftover to Ann (0.86).
    const result = computePlan(
      { records: tinyHistory() },
      tinyPlan({ grossProfit: { target: { amount: 5000 } } }),
    );
    expect(result.rows.map((r) => r.measures?.grossProfit?.annual)).toEqual([4300, 700, 0]);
    expect(rowOf(result, "East/Ann").measures?.grossProfit?.months).toEqual([
      ...repeat(400, 7),
      ...repeat(300, 5),
    ]);
    expect(rowOf(result, "West/Cy").measures?.cost?.annual).toBe(13200);
    expect(result.measures?.grossProfit).toEqual({ total: 5000, target: 5000 });
    expect(result.warnings).toContainEqual({
      code: "gross-profit-loss-leaf-zero",
      params: { member: "West / Cy", margin: "-10.0", amount: 0 },
    });
    expect(measureProblems(result)).toEqual([]);
  });

  it("takes a margin of the plan target: G = round half up(target × margin)", () => {
    // 330 units × 0.2 = 66 → Ann 56.57, Bo 9.43 → 56 and 9, the leftover to Ann.
    const result = computePlan(
      { records: tinyHistory() },
      tinyPlan({ grossProfit: { target: { margin: 0.2 } } }),
    );
    expect(result.rows.map((r) => r.measures?.grossProfit?.annual)).toEqual([5700, 900, 0]);
    expect(result.measures?.grossProfit?.total).toBe(6600);
    expect(measureProblems(result)).toEqual([]);
  });

  it("splits by amount targets, and says so, where no segment has a positive gross profit", () => {
    const lossOnly = tinyHistory().filter((r) => r.dims.region === "West");
    const result = computePlan(
      { records: lossOnly },
      tinyPlan(
        { grossProfit: { target: { amount: 1000 } } },
        { levels: [{ dimension: "region" }, { dimension: "rep" }] },
      ),
    );
    expect(result.measures?.grossProfit?.total).toBe(1000);
    expect(result.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(["gross-profit-split-by-amount", "gross-profit-loss-leaf-share"]),
    );
    expect(measureProblems(result)).toEqual([]);
  });

  it("refuses a gross profit amount or expenses that are not multiples of the unit", () => {
    const gross = planError(() =>
      computePlan(
        { records: tinyHistory() },
        tinyPlan({ grossProfit: { target: { amount: 5050 } } }),
      ),
    );
    expect([gross.code, gross.where]).toEqual([
      "gross-profit-target-not-multiple-of-unit",
      "measures.grossProfit.target.amount",
    ]);
    expect(formatNotice(gross.toNotice(), "zh-CN")).toBe(
      "毛利目标 5,050 不是取整单位 100 的整数倍",
    );
    const expenses = planError(() =>
      computePlan({ records: tinyHistory() }, tinyPlan({ expenses: { amount: 10 } })),
    );
    expect([expenses.code, expenses.where]).toEqual([
      "expenses-not-multiple-of-unit",
      "measures.expenses.amount",
    ]);
  });
});

describe("measures — planning ratios fall back to the level above", () => {
  it("gives a new rep the region's pooled price and margin, and a new region the company's", () => {
    const result = computePlan(
      { records: tinyHistory() },
      tinyPlan(
        { quantity: {}, grossProfit: {} },
        {
          target: { amount: 40000 },
          locks: [
            { where: { region: "East", rep: "Dee" }, amount: 3000, new: true },
            { where: { region: "North" }, amount: 2000, new: true },
          ],
        },
      ),
    );
    const dee = rowOf(result, "East/Dee");
    // East 2025 pooled: 18,000 / 120 units = 150; margin (18,000 − 13,800) / 18,000.
    expect(dee.ratios?.quantity).toEqual({ value: 150, source: "inherited", from: ["East"] });
    expect(dee.ratios?.grossProfit?.value).toBeCloseTo(4200 / 18000, 12);
    expect(dee.measures?.quantity?.annual).toBe(20); // 3,000 / 150
    const north = rowOf(result, "North");
    // The company's 2025: 30,000 / 360 units; margin (30,000 − 27,000) / 30,000 = 0.1.
    expect(north.ratios?.quantity).toEqual({ value: 30000 / 360, source: "inherited", from: [] });
    expect(north.measures?.quantity?.annual).toBe(24); // 2,000 / 83.33 = 24
    expect(north.ratios?.grossProfit?.value).toBeCloseTo(0.1, 12);
    expect(result.warnings).toContainEqual({
      code: "measure-ratio-inherited",
      params: { measure: "quantity", count: 2, members: "East / Dee; North", years: 3 },
    });
    expect(measureProblems(result)).toEqual([]);
  });

  it("is an error naming the measure when no level up to the company has a price", () => {
    const noUnits = tinyHistory().map((r) => ({ ...r, quantity: 0 }));
    const error = planError(() => computePlan({ records: noUnits }, tinyPlan({ quantity: {} })));
    expect([error.code, error.where]).toEqual(["measure-no-ratio", "measures.quantity"]);
    expect(formatNotice(error.toNotice(), "en-US")).toMatch(
      /^East \/ Ann has no planning price: neither it nor any level above it/,
    );
    expect(formatNotice(error.toNotice(), "zh-CN")).toMatch(/^East \/ Ann 无法确定计划单价：/);
  });
});

describe("measures — the history's columns", () => {
  const columns = {
    date: { column: 0, header: "Date", overridden: false },
    amount: { column: 1, header: "Amount", overridden: false },
    region: { column: 2, header: "Region", overridden: false },
    rep: { column: 3, header: "Rep", overridden: false },
  };

  it("is an error naming the missing role, in both languages", () => {
    const error = planError(() =>
      computePlan({ records: tinyHistory(), columns }, tinyPlan({ grossProfit: {} })),
    );
    expect([error.code, error.where]).toEqual(["measure-column-missing", "measures.grossProfit"]);
    expect(formatNotice(error.toNotice(), "en-US")).toBe(
      'planning the gross profit needs a cost or gross profit column in the history, and none was found: name its header under "columns" (e.g. "columns": { "cost": "<header>" }) or leave gross profit out of "measures"',
    );
    expect(formatNotice(error.toNotice(), "zh-CN")).toBe(
      '计划毛利需要历史数据中的成本或毛利列，但未找到：请在 "columns" 中指定其表头（如 "columns": { "cost": "<表头>" }），或从 "measures" 中去掉毛利',
    );
    const quantity = planError(() =>
      computePlan({ records: tinyHistory(), columns }, tinyPlan({ quantity: { unit: 1 } })),
    );
    expect(formatNotice(quantity.toNotice(), "en-US")).toMatch(
      /^planning the quantity needs a quantity column/,
    );
  });

  it("needs no column for expenses alone", () => {
    const result = computePlan(
      { records: tinyHistory(), columns },
      tinyPlan({ expenses: { amount: 1000 } }),
    );
    expect(result.measures?.expenses?.total).toBe(1000);
    expect(result.measures?.profit.total.netProfit).toBeUndefined();
    expect(measureProblems(result)).toEqual([]);
  });
});

describe("measures — tracking", () => {
  it("gives each closed month's actual quantity and gross profit, null when open", () => {
    const records = tinyHistory();
    records.push({
      year: 2026,
      month: 1,
      amount: 1200,
      quantity: 12,
      cost: 800,
      dims: { region: "East", rep: "Ann" },
      cell: "E99",
      transaction: true,
    });
    const result = computePlan(
      { records },
      tinyPlan({ quantity: {}, grossProfit: {} }, { asOf: "2026-01" }),
    );
    const ann = result.tracking.filter((t) => t.path.join("/") === "East/Ann");
    expect(ann[0].measureActuals).toEqual({ quantity: 12, grossProfit: 400 });
    expect(ann[1].measureActuals).toEqual({ quantity: null, grossProfit: null });
    const bo = result.tracking.find((t) => t.path.join("/") === "East/Bo");
    expect(bo?.measureActuals).toEqual({ quantity: 0, grossProfit: 0 });
    const json = toResultJson(result, { skipped: [], notes: [] }, (n) => n.code);
    expect(json.tracking[0]).toMatchObject({ actualQuantity: 12, actualGrossProfit: 400 });
    expect(json.tracking[1]).toMatchObject({ actualQuantity: null, actualGrossProfit: null });
  });

  it("adds nothing to tracking without measures", () => {
    const result = computePlan(
      { records: tinyHistory() },
      tinyPlan(undefined, { asOf: "2026-01" }),
    );
    expect(result.tracking[0]).not.toHaveProperty("measureActuals");
    expect(result).not.toHaveProperty("measures");
  });
});
