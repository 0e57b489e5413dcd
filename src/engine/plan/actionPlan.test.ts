import type { HistoryRecord } from "../history";
import { tierCustomers } from "./actionPlan";
import { computePlan } from "./computePlan";
import { validPlan } from "./testing/validPlan";

describe("tierCustomers", () => {
  it("tiers by cumulative share: A to 70 %, B to 90 %, C the rest", () => {
    expect(
      tierCustomers(
        new Map([
          ["x", 80],
          ["y", 15],
          ["z", 5],
        ]),
      ),
    ).toEqual({ A: 1, B: 1, C: 1 });
    expect(
      tierCustomers(
        new Map([
          ["a", 30],
          ["b", 30],
          ["c", 20],
          ["d", 10],
          ["e", 10],
        ]),
      ),
    ).toEqual({ A: 3, B: 1, C: 1 });
    expect(tierCustomers(new Map([["only", 5]]))).toEqual({ A: 1, B: 0, C: 0 });
    expect(
      tierCustomers(
        new Map([
          ["gone", -5],
          ["kept", 10],
        ]),
      ),
    ).toEqual({ A: 1, B: 0, C: 1 });
    expect(tierCustomers(new Map())).toEqual({ A: 0, B: 0, C: 0 });
  });
});

describe("action plan units", () => {
  const rec = (
    rep: string,
    customer: string,
    month: number,
    amount: number,
    year = 2025,
  ): HistoryRecord => ({
    year,
    month,
    amount,
    dims: { region: "East", rep, customer },
    cell: "A1",
    transaction: true,
  });
  const records: HistoryRecord[] = [];
  for (let m = 1; m <= 12; m++) {
    records.push(rec("Ann", "Big", m, 800), rec("Ann", "Mid", m, 200), rec("Ann", "Small", m, 100));
    records.push(rec("Bo", "Solo", m, 500));
  }
  records.push(rec("Ann", "Big", 3, -50), rec("Ann", "Old", 5, 9999, 2020));
  const plan = validPlan({
    version: 1,
    planYear: 2026,
    target: { amount: 12000 },
    levels: [
      { dimension: "region", method: "lastYear" },
      { dimension: "rep", method: "lastYear" },
    ],
    time: { method: "equal" },
  });
  const result = computePlan({ records }, plan);

  it("has one unit per rep with the rep's months", () => {
    expect(result.actionPlans.map((u) => u.path)).toEqual([
      ["East", "Ann"],
      ["East", "Bo"],
    ]);
    const ann = result.actionPlans[0];
    expect(ann.months.reduce((a, b) => a + b, 0)).toBe(result.rows[0].annual);
  });

  it("gives each unit its base-year months", () => {
    const [ann, bo] = result.actionPlans;
    expect(ann.baseMonths).toEqual([
      1100, 1100, 1050, 1100, 1100, 1100, 1100, 1100, 1100, 1100, 1100, 1100,
    ]);
    expect(bo.baseMonths).toEqual(new Array(12).fill(500));
  });

  it("averages positive transactions of the window and counts deals needed", () => {
    const ann = result.actionPlans[0];
    expect(ann.dealSize).toBeCloseTo((800 + 200 + 100) / 3, 2);
    ann.months.forEach((m, i) => expect(ann.dealsNeeded[i]).toBe(Math.ceil(m / ann.dealSize!)));
  });

  it("tiers the rep's customers and counts the visits", () => {
    expect(result.actionPlans[0].customers).toEqual({ A: 1, B: 1, C: 1 });
    expect(result.actionPlans[0].visits).toBe(4 + 2 + 1);
    expect(result.actionPlans[1]).toMatchObject({ customers: { A: 1, B: 0, C: 0 }, visits: 4 });
  });
});
