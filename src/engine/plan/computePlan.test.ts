import { computePlan } from "./computePlan";
import { validPlan } from "./testing/validPlan";
import type { PlanFile, PlanFileInput } from "./planSchema";
import { WORKED_EXAMPLE_SHARES, workedExampleRecords } from "./testing/workedExample";
import type { HistoryRecord } from "../history";
import { PlanError } from "../planError";
import { formatNotice } from "../messages";

function plan(input: Partial<PlanFileInput> = {}): PlanFile {
  return validPlan({
    version: 1,
    planYear: 2026,
    target: { growth: 0.1 },
    levels: [
      { dimension: "region", method: "lastYear" },
      { dimension: "rep", method: "lastYear" },
    ],
    time: { method: "seasonality", years: 3 },
    rounding: { unit: 100 },
    ...input,
  });
}

function rowOf(result: ReturnType<typeof computePlan>, ...path: string[]) {
  const row = result.rows.find((r) => r.path.join("/") === path.join("/"));
  if (!row) throw new Error(`no row ${path.join("/")}`);
  return row;
}

function errorOf(fn: () => unknown): PlanError {
  try {
    fn();
  } catch (e) {
    if (e instanceof PlanError) return e;
    throw e;
  }
  throw new Error("expected a PlanError");
}

describe("computePlan — DESIGN.md worked example", () => {
  const result = computePlan({ records: workedExampleRecords() }, plan());

  it("sets the target from growth over the base year", () => {
    expect(result.base).toBe(276000);
    expect(result.target).toBe(303600);
    expect(result.unit).toBe(100);
  });

  it("pools the monthly shares over the window", () => {
    result.shares.forEach((s, i) => expect(s).toBeCloseTo(WORKED_EXAMPLE_SHARES[i] / 100, 12));
  });

  it("splits region → rep by last year", () => {
    const [east, west] = result.root.children;
    expect([east.member, east.units * 100]).toEqual(["East", 198000]);
    expect([west.member, west.units * 100]).toEqual(["West", 105600]);
    expect(result.rows.map((r) => [r.path.join("/"), r.annual])).toEqual([
      ["East/Ann", 132000],
      ["East/Bo", 66000],
      ["West/Cy", 105600],
    ]);
  });

  it("gives Ann's months to the unit, Feb's 5,280 rounding up to 5,300", () => {
    expect(rowOf(result, "East", "Ann").months).toEqual([
      6600, 5300, 10600, 10600, 11900, 13200, 9200, 9200, 11900, 13200, 14500, 15800,
    ]);
  });

  it("keeps every split exact", () => {
    for (const row of result.rows) expect(row.months.reduce((a, b) => a + b, 0)).toBe(row.annual);
    expect(result.rows.reduce((s, r) => s + r.annual, 0)).toBe(result.target);
  });

  it("has no tracking without plan-year rows", () => {
    expect(result.closedMonths).toBe(0);
    expect(result.tracking).toEqual([]);
  });
});

describe("computePlan — targets", () => {
  it("takes an amount that is a multiple of the unit", () => {
    const r = computePlan(
      { records: workedExampleRecords() },
      plan({ target: { amount: 300000 } }),
    );
    expect(r.target).toBe(300000);
  });

  it("refuses an amount that is not a multiple of the unit", () => {
    const e = errorOf(() =>
      computePlan({ records: workedExampleRecords() }, plan({ target: { amount: 300050 } })),
    );
    expect(e.code).toBe("target-not-multiple-of-unit");
    expect(e.where).toBe("target.amount");
  });

  it("needs a full base year for growth and names the missing months", () => {
    const records = workedExampleRecords().filter(
      (r) => !(r.year === 2025 && (r.month === 3 || r.month === 11)),
    );
    const e = errorOf(() => computePlan({ records }, plan()));
    expect(e.code).toBe("growth-needs-full-base-year");
    expect(e.params.missing).toBe("3, 11");
    expect(formatNotice(e.toNotice(), "en-US")).toContain("missing: Mar, Nov");
    expect(formatNotice(e.toNotice(), "zh-CN")).toContain("缺少：3月、11月");
  });

  it("never lets plan-year or later rows feed weights or seasonality", () => {
    const noisy: HistoryRecord[] = [
      ...workedExampleRecords(),
      {
        year: 2026,
        month: 1,
        amount: 9e6,
        dims: { region: "West", rep: "Cy" },
        cell: "D999",
        transaction: true,
      },
      {
        year: 2027,
        month: 6,
        amount: 9e6,
        dims: { region: "West", rep: "Zed" },
        cell: "D1000",
        transaction: true,
      },
    ];
    const r = computePlan({ records: noisy }, plan());
    expect(rowOf(r, "East", "Ann").months[1]).toBe(5300);
    expect(r.root.children.map((c) => c.units * 100)).toEqual([198000, 105600]);
    expect(r.warnings.map((w) => w.code)).toContain("rows-after-plan-year");
  });
});

describe("computePlan — no plan from nothing", () => {
  const sale = (year: number, month: number, amount: number): HistoryRecord => ({
    year,
    month,
    amount,
    dims: { region: "East", rep: "Ann" },
    cell: "D2",
    transaction: true,
  });
  const equalTime = { method: "equal" as const, years: 3 };

  it("refuses an amount target over no history at all, on the plan year", () => {
    const e = errorOf(() =>
      computePlan({ records: [] }, plan({ target: { amount: 120000 }, time: equalTime })),
    );
    expect(e.code).toBe("no-history-before-plan-year");
    expect(e.where).toBe("planYear");
    expect(formatNotice(e.toNotice(), "en-US")).toBe(
      "the history has no rows before 2026: there is nothing to plan from",
    );
    expect(formatNotice(e.toNotice(), "zh-CN")).toBe(
      "历史数据中没有 2026 年之前的记录，无从制定计划",
    );
  });

  it("refuses a history that is all in the plan year, asking whether the plan year is right", () => {
    const records = [sale(2026, 1, 500), sale(2026, 2, 700), sale(2027, 1, 5)];
    for (const time of [equalTime, { method: "seasonality" as const, years: 3 }]) {
      const e = errorOf(() => computePlan({ records }, plan({ target: { amount: 120000 }, time })));
      expect(e.code).toBe("no-history-before-plan-year");
      expect(e.params).toEqual({ planYear: 2026, count: 3 });
      expect(formatNotice(e.toNotice(), "en-US")).toBe(
        "the history has no rows before 2026: there is nothing to plan from (its 3 rows are all dated 2026 or later; is the plan year right?)",
      );
      expect(formatNotice(e.toNotice(), "zh-CN")).toContain("计划年度是否正确");
    }
  });

  it("warns when the base year has no rows, naming the latest month the history has", () => {
    const r = computePlan(
      { records: [sale(2020, 3, 400), sale(2021, 5, 600)] },
      plan({ target: { amount: 120000 }, time: equalTime }),
    );
    expect(r.target).toBe(120000);
    expect(r.base).toBe(0);
    const warning = r.warnings.find((w) => w.code === "no-base-year-sales");
    expect(warning?.params).toEqual({ baseYear: 2025, latest: "2021-05" });
    expect(formatNotice(warning!, "en-US")).toBe(
      "the history has no rows in the base year 2025 (its latest month is 2021-05): the plan has no last year to compare with; is the plan year right?",
    );
  });

  it("does not warn when the base year has rows", () => {
    const r = computePlan(
      { records: workedExampleRecords() },
      plan({ target: { amount: 300000 } }),
    );
    expect(r.warnings.map((w) => w.code)).not.toContain("no-base-year-sales");
  });
});

describe("computePlan — growths above 100 %", () => {
  it("plans a growth of 15 as written, with a warning that it means +1,500 %", () => {
    const r = computePlan(
      { records: workedExampleRecords() },
      plan({ target: { growth: 15 }, levels: [{ dimension: "region", method: "lastYear" }] }),
    );
    expect(r.target).toBe(276000 * 16);
    const warning = r.warnings.find((w) => w.code === "growth-above-one");
    expect(warning?.params).toMatchObject({ field: "target.growth", growth: 15 });
    expect(formatNotice(warning!, "en-US")).toBe(
      "target.growth is 15, which means +1,500 %: for 15 % write 0.15",
    );
    expect(formatNotice(warning!, "zh-CN")).toBe(
      "target.growth 为 15，即增长 1,500 %；如果想要增长 15 %，请写 0.15",
    );
  });

  it("warns of a lock's growth above 1 too, and of nothing at 1 or below", () => {
    const r = computePlan(
      { records: workedExampleRecords() },
      plan({
        target: { growth: 1 },
        levels: [{ dimension: "region", method: "lastYear" }],
        locks: [{ where: { region: "West" }, growth: 1.25 }],
      }),
    );
    expect(r.warnings.filter((w) => w.code === "growth-above-one").map((w) => w.params)).toEqual([
      { field: "locks[0].growth", growth: 1.25, percent: "125", fraction: 0.0125 },
    ]);
  });
});

describe("computePlan — members a split leaves without a target", () => {
  /** The worked example plus Dee in East, whose 2025 returns outweigh her sales. */
  function withDee(net2025: number): HistoryRecord[] {
    return [
      ...workedExampleRecords(),
      ...[2024, 2025].map((year, i) => ({
        year,
        month: 6,
        amount: year === 2025 ? net2025 : 3000,
        dims: { region: "East", rep: "Dee" },
        cell: `D${900 + i}`,
        transaction: true,
      })),
    ];
  }
  const warningsOf = (r: ReturnType<typeof computePlan>, code: string) =>
    r.warnings.filter((w) => w.code === code);

  it("names a member whose net sales over the window are negative, with its net", () => {
    const r = computePlan({ records: withDee(-1250.5) }, plan());
    expect(r.rows.map((row) => row.path.join("/"))).not.toContain("East/Dee");
    const [warning] = warningsOf(r, "negative-net-members");
    expect(warning.params).toMatchObject({ parent: "East", members: "Dee (-1,250.50)", count: 1 });
    expect(formatNotice(warning, "en-US")).toBe(
      "rep Dee (-1,250.50) under East: negative net sales in 2025, so left out of the split with no target (a split goes to members with positive net sales)",
    );
    expect(formatNotice(warning, "zh-CN")).toBe(
      "East 下的销售代表 Dee (-1,250.50) 在 2025 年的净销售额为负，因此不参与分配，没有目标（只有净销售额为正的成员参与分配）",
    );
  });

  it("says nothing of a negative member that a lock gives a target, or of one with zero net", () => {
    const locked = computePlan(
      { records: withDee(-1250) },
      plan({ locks: [{ where: { region: "East", rep: "Dee" }, amount: 1000 }] }),
    );
    expect(warningsOf(locked, "negative-net-members")).toEqual([]);
    expect(
      warningsOf(computePlan({ records: withDee(0) }, plan()), "negative-net-members"),
    ).toEqual([]);
  });

  it("names the window of a history method", () => {
    const r = computePlan(
      { records: withDee(-5000) },
      plan({
        levels: [
          { dimension: "region", method: "lastYear" },
          { dimension: "rep", method: "history", years: 2 },
        ],
      }),
    );
    expect(warningsOf(r, "negative-net-members").map((w) => w.params.window)).toEqual([
      "2024–2025",
    ]);
  });

  it("names members with history that manual weights leave out, and gives them nothing", () => {
    const r = computePlan(
      { records: workedExampleRecords() },
      plan({
        levels: [
          { dimension: "region", method: "lastYear" },
          { dimension: "rep", method: "manual", weights: { Ann: 1, Cy: 1 } },
        ],
      }),
    );
    // Weights name members under every parent: Bo, with history in East, is not among them.
    expect(r.rows.map((row) => row.path.join("/"))).not.toContain("East/Bo");
    expect(warningsOf(r, "manual-weights-leave-out")).toHaveLength(1);
    const [warning] = warningsOf(r, "manual-weights-leave-out");
    expect(warning.params).toMatchObject({
      field: "levels[1].weights",
      parent: "East",
      members: "Bo",
    });
    expect(formatNotice(warning, "en-US")).toBe(
      "levels[1].weights leaves out rep Bo under East, which have history: they get no target",
    );
    expect(formatNotice(warning, "zh-CN")).toBe(
      "levels[1].weights 未列出 East 下有历史数据的销售代表 Bo：它们没有目标",
    );
  });

  it("names members a blend's manual part leaves out, which the other parts still weigh", () => {
    const r = computePlan(
      { records: workedExampleRecords() },
      plan({
        levels: [
          {
            dimension: "rep",
            method: "blend",
            parts: [
              { method: "lastYear", weight: 1 },
              { method: "manual", weight: 1, weights: { Ann: 1 } },
            ],
          },
        ],
      }),
    );
    expect(r.rows).toHaveLength(3);
    const [warning] = warningsOf(r, "blend-part-leaves-out");
    expect(warning.params).toMatchObject({
      field: "levels[0].parts[1].weights",
      parent: "",
      members: "Bo, Cy",
      count: 2,
    });
    expect(formatNotice(warning, "en-US")).toBe(
      "levels[0].parts[1].weights leaves out rep Bo, Cy, which have history: they get no share of that part of the blend",
    );
    expect(warningsOf(r, "manual-weights-leave-out")).toEqual([]);
  });
});

describe("computePlan — base-year months of the leaves", () => {
  /** The worked example with cents: every 2025 row gains 0.37 and Cy's a 12.05 return in May. */
  function recordsWithCents(): HistoryRecord[] {
    const records = workedExampleRecords().map((r) =>
      r.year === 2025 ? { ...r, amount: r.amount + 0.37 } : r,
    );
    records.push({
      year: 2025,
      month: 5,
      amount: -12.05,
      dims: { region: "West", rep: "Cy" },
      cell: "D999",
      transaction: true,
    });
    return records;
  }
  const result = computePlan({ records: recordsWithCents() }, plan());
  const cents = (x: number) => Math.round(x * 100);

  it("gives every leaf the net sales of each base-year month, summing to its base net", () => {
    for (const row of result.rows) {
      expect(row.baseMonths).toHaveLength(12);
      expect(Math.abs(row.baseMonths.reduce((a, b) => a + b, 0) - row.baseNet)).toBeLessThan(0.005);
    }
    const ann = rowOf(result, "East", "Ann");
    expect(ann.baseMonths).toEqual(WORKED_EXAMPLE_SHARES.map((pct) => 1200 * pct + 0.37));
    expect(rowOf(result, "West", "Cy").baseMonths[4]).toBe(8628.32);
  });

  it("adds up, month by month, to the company's base months across the leaves", () => {
    const summed = result.baseMonths.map((_, m) =>
      result.rows.reduce((s, r) => s + cents(r.baseMonths[m]), 0),
    );
    expect(summed).toEqual(result.baseMonths.map(cents));
    expect(result.baseMonths.reduce((a, b) => a + b, 0)).toBeCloseTo(result.base, 6);
  });

  it("gives a new leaf, which has no history, twelve zeros", () => {
    const r = computePlan(
      { records: recordsWithCents() },
      plan({ locks: [{ where: { region: "West", rep: "Dee" }, amount: 20000, new: true }] }),
    );
    expect(rowOf(r, "West", "Dee").baseMonths).toEqual(new Array(12).fill(0));
  });
});

describe("computePlan — locks and caps", () => {
  it("holds an amount lock and spreads the rest by weight", () => {
    const r = computePlan(
      { records: workedExampleRecords() },
      plan({ locks: [{ where: { region: "East", rep: "Bo" }, amount: 80000 }] }),
    );
    expect(rowOf(r, "East", "Bo").annual).toBe(80000);
    expect(rowOf(r, "East", "Ann").annual).toBe(118000);
  });

  it("adds a new rep from a `new` lock", () => {
    const r = computePlan(
      { records: workedExampleRecords() },
      plan({ locks: [{ where: { region: "West", rep: "Dee" }, amount: 20000, new: true }] }),
    );
    const dee = rowOf(r, "West", "Dee");
    expect([dee.annual, dee.isNew]).toEqual([20000, true]);
    expect(rowOf(r, "West", "Cy").annual).toBe(85600);
    expect(dee.months.reduce((a, b) => a + b, 0)).toBe(20000);
  });

  it("suggests the nearest name for a typo in a lock", () => {
    const e = errorOf(() =>
      computePlan(
        { records: workedExampleRecords() },
        plan({ locks: [{ where: { region: "Eats" }, share: 0.5 }] }),
      ),
    );
    expect(e.code).toBe("lock-unknown-node-suggest");
    expect(e.params.suggestion).toBe("East");
    expect(e.where).toBe("locks[0].where.region");
  });

  it("refuses a lock under a parent the plan lacks instead of dropping it, suggesting the nearest", () => {
    const e = errorOf(() =>
      computePlan(
        { records: workedExampleRecords() },
        plan({ locks: [{ where: { region: "Eats", rep: "Ann" }, amount: 50000 }] }),
      ),
    );
    expect(e.code).toBe("lock-parent-unknown-suggest");
    expect(e.where).toBe("locks[0].where.region");
    expect(e.params).toMatchObject({ member: "Eats", parent: "(total)", suggestion: "East" });
    expect(formatNotice(e.toNotice(), "zh-CN")).toBe(
      '历史数据中 整个计划 下没有区域 “Eats”，无法放置此锁定：是否应为 “East”？（如是新增，请先用 "new": true 单独锁定它）',
    );
  });

  it("matches a lock's parent names trimmed, as its member's", () => {
    const r = computePlan(
      { records: workedExampleRecords() },
      plan({ locks: [{ where: { region: " East ", rep: "Bo" }, amount: 80000 }] }),
    );
    expect(rowOf(r, "East", "Bo").annual).toBe(80000);
    expect(rowOf(r, "East", "Bo").lock).toBe("amount");
  });

  it("refuses locks larger than their parent, naming both", () => {
    const e = errorOf(() =>
      computePlan(
        { records: workedExampleRecords() },
        plan({ locks: [{ where: { region: "West", rep: "Cy" }, amount: 200000 }] }),
      ),
    );
    expect(e.code).toBe("locks-exceed-parent");
    expect(e.params.parent).toBe("West");
    expect(e.params.members).toBe("Cy");
  });

  it("caps a child at a multiple of last year and spreads the excess", () => {
    const r = computePlan(
      { records: workedExampleRecords() },
      plan({
        target: { amount: 350000 },
        levels: [{ dimension: "rep", method: "equal", max: { ofLastYear: 1.3 } }],
      }),
    );
    expect(rowOf(r, "Bo").annual).toBe(78000);
    expect(rowOf(r, "Cy").annual).toBe(124800);
    expect(rowOf(r, "Ann").annual).toBe(350000 - 78000 - 124800);
  });

  it("names segments whose implied growth is far from the plan's", () => {
    const r = computePlan(
      { records: workedExampleRecords() },
      plan({
        locks: [{ where: { region: "West" }, amount: 200000 }],
        target: { amount: 400000 },
      }),
    );
    const far = r.warnings
      .filter((w) => w.code === "segment-growth-far")
      .map((w) => w.params.segment);
    expect(far).toEqual(expect.arrayContaining(["West", "West / Cy"]));
    expect(
      computePlan({ records: workedExampleRecords() }, plan()).warnings.some(
        (w) => w.code === "segment-growth-far",
      ),
    ).toBe(false);
  });

  it("reports infeasible caps naming the parent", () => {
    const e = errorOf(() =>
      computePlan(
        { records: workedExampleRecords() },
        plan({
          target: { amount: 900000 },
          levels: [{ dimension: "rep", method: "lastYear", max: { ofLastYear: 1.3 } }],
        }),
      ),
    );
    expect(e.code).toBe("caps-infeasible");
    expect(e.params.parent).toBe("(total)");
    // The maximum collides: the reps at 130 % of last year take less than the target.
    expect(e.where).toBe("levels[0].max");
    expect(e.params).toMatchObject({ bound: "max", level: "rep", boundKind: "ofLastYear" });
    expect(e.params.parentTo).toBe(e.params.maxTotal);
    expect(Number(e.params.maxTotal)).toBeLessThan(900000);
    // The suggested maximum holds the target; a tenth of a percent less does not.
    const withMax = (ofLastYear: number) => () =>
      computePlan(
        { records: workedExampleRecords() },
        plan({
          target: { amount: 900000 },
          levels: [{ dimension: "rep", method: "lastYear", max: { ofLastYear } }],
        }),
      );
    expect(withMax(Number(e.params.boundTo))).not.toThrow();
    expect(withMax(Number(e.params.boundTo) - 0.001)).toThrow(PlanError);
    expect(formatNotice(e.toNotice(), "en-US")).toMatch(
      /^the caps under the whole plan cannot hold: 900,000 must fit between 0 and [\d,]+; a maximum of [\d.]+ % of last year per rep would hold$/,
    );
    expect(formatNotice(e.toNotice(), "zh-CN")).toMatch(
      /^整个计划 下的上下限无法同时满足：900,000 须在 0 与 [\d,]+ 之间；每个销售代表的上限不低于 上年的 [\d.]+ % 即可满足$/,
    );
  });

  it("names the child whose minimum is above its maximum", () => {
    const e = errorOf(() =>
      computePlan(
        { records: workedExampleRecords() },
        plan({
          levels: [
            {
              dimension: "rep",
              method: "lastYear",
              min: { ofLastYear: 1.2 },
              max: { ofLastYear: 1.1 },
            },
          ],
        }),
      ),
    );
    expect(e.code).toBe("caps-infeasible");
    expect(e.where).toBe("levels[0]");
    expect(e.params).toMatchObject({ bound: "crossed", level: "rep" });
    expect(["Ann", "Bo", "Cy", "Di"]).toContain(e.params.member);
  });
});

describe("computePlan — tracking and re-forecast", () => {
  const actuals: HistoryRecord[] = [
    {
      year: 2026,
      month: 1,
      amount: 7012.5,
      dims: { region: "East", rep: "Ann" },
      cell: "D900",
      transaction: true,
    },
    {
      year: 2026,
      month: 2,
      amount: 5000,
      dims: { region: "East", rep: "Ann" },
      cell: "D901",
      transaction: true,
    },
    {
      year: 2026,
      month: 2,
      amount: 1234,
      dims: { region: "East", rep: "Eve" },
      cell: "D902",
      transaction: true,
    },
  ];
  const r = computePlan({ records: [...workedExampleRecords(), ...actuals] }, plan());
  const ann = r.tracking.filter((t) => t.path.join("/") === "East/Ann");

  it("closes the months up to the last month with plan-year rows", () => {
    expect(r.closedMonths).toBe(2);
    expect(r.asOf).toBe("2026-02");
    expect(ann).toHaveLength(12);
  });

  it("computes actual, variance, attainment and YTD for closed months", () => {
    expect(ann[0]).toMatchObject({
      status: "closed",
      target: 6600,
      actual: 7012.5,
      variance: 412.5,
      ytdTarget: 6600,
      ytdActual: 7012.5,
      reforecast: null,
    });
    expect(ann[0].attainment).toBeCloseTo(7012.5 / 6600, 12);
    expect(ann[1]).toMatchObject({
      target: 5300,
      actual: 5000,
      variance: -300,
      ytdTarget: 11900,
      ytdActual: 12012.5,
    });
  });

  it("re-forecasts the open months to keep the annual target", () => {
    const open = ann.filter((t) => t.status === "open");
    expect(open).toHaveLength(10);
    // 132,000 − 12,012.5 = 119,987.5 → 1,200 units of 100, split on the open months' shares.
    expect(open.reduce((s, t) => s + (t.reforecast ?? 0), 0)).toBe(120000);
    for (const t of open) expect(t.reforecast! % 100).toBe(0);
  });

  it("shows actuals of a rep not in the plan as unplanned", () => {
    const eve = r.tracking.filter((t) => t.unplanned);
    expect(eve.map((t) => [t.path.join("/"), t.period, t.actual])).toEqual([
      ["East/Eve", "2026-01", 0],
      ["East/Eve", "2026-02", 1234],
    ]);
    expect(r.warnings.map((w) => w.code)).toContain("unplanned-actuals");
  });
});
