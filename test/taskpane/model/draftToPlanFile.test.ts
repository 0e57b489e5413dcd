import { readFileSync } from "node:fs";
import * as path from "node:path";
import type { HistoryReadResult } from "../../../src/engine/history";
import { validatePlanFile } from "../../../src/engine/plan/validatePlanFile";
import { workedExampleRecords } from "../../../src/engine/plan/testing/workedExample";
import { checkDraft } from "../../../src/taskpane/model/checkDraft";
import { draftToPlanFile } from "../../../src/taskpane/model/draftToPlanFile";
import {
  askedReadMeasures,
  defaultDraft,
  draftReadOptions,
  NO_MEASURES,
  plansMeasures,
  suggestPlanYear,
  type PlanDraft,
} from "../../../src/taskpane/model/planDraft";
import { planFileToDraft } from "../../../src/taskpane/model/planFileToDraft";

function history(): HistoryReadResult {
  return {
    sheet: "Sales",
    layout: "long",
    headerRow: 0,
    columns: {
      date: { column: 0, header: "Date", overridden: false },
      amount: { column: 3, header: "Amount", overridden: false },
      region: { column: 1, header: "Region", overridden: false },
      rep: { column: 2, header: "Rep", overridden: false },
    },
    otherColumns: [],
    monthColumns: [],
    records: workedExampleRecords(),
    skipped: [],
    notes: [],
  };
}

function validated(input: unknown) {
  const v = validatePlanFile(input);
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return v.plan;
}

describe("the default draft", () => {
  it("plans the year after a full last year, by region then rep, 10% growth", () => {
    const draft = defaultDraft(history(), "en-US");
    expect(draft.planYear).toBe("2026");
    expect(draft.levels.map((l) => l.dimension)).toEqual(["region", "rep"]);
    const check = checkDraft(draft);
    expect(check.problems).toEqual([]);
    expect(check.plan).toMatchObject({
      version: 1,
      planYear: 2026,
      target: { growth: 0.1 },
      levels: [
        { dimension: "region", method: "lastYear" },
        { dimension: "rep", method: "lastYear" },
      ],
      time: { method: "seasonality", years: 3, profile: "company" },
      rounding: { unit: 1 },
      language: "en-US",
    });
  });

  it("plans the current year when the last year is under way", () => {
    expect(suggestPlanYear([{ year: 2026, month: 4 }, ...workedExampleRecords()])).toBe(2026);
    expect(suggestPlanYear([])).toBeNull();
  });

  it("has no levels and no plan year without a history, and says so on the fields", () => {
    const check = checkDraft(defaultDraft(null, "zh-CN"));
    expect(check.plan).toBeNull();
    expect(check.problems.map((p) => [p.field, p.code])).toEqual([["planYear", "plan-missing"]]);
  });
});

describe("draftToPlanFile", () => {
  const base = () => defaultDraft(history(), "en-US");

  it("reads numbers as either language types them", () => {
    const draft: PlanDraft = {
      ...base(),
      target: { kind: "amount", amount: "３０３,６００", growthPercent: "" },
      unit: "100",
    };
    expect(draftToPlanFile(draft).plan.target).toEqual({ amount: 303600 });
  });

  it("reports a mistyped number on its own field, once", () => {
    const draft: PlanDraft = {
      ...base(),
      planYear: "2026.5",
      target: { kind: "growth", growthPercent: "ten", amount: "" },
    };
    const check = checkDraft(draft);
    expect(check.plan).toBeNull();
    expect(check.problems.map((p) => [p.field, p.code])).toEqual([
      ["planYear", "ui-not-a-whole-number"],
      ["target.growth", "ui-not-a-number"],
    ]);
  });

  it("names a lock's level and every level above it", () => {
    const draft: PlanDraft = {
      ...base(),
      locks: [
        {
          key: "l1",
          dimension: "rep",
          where: { region: "East", rep: "Ann", product: "stale" },
          kind: "growth",
          value: "20",
          isNew: false,
        },
        {
          key: "l2",
          dimension: "rep",
          where: { region: "West", rep: "Dee" },
          kind: "amount",
          value: "5,000",
          isNew: true,
        },
      ],
    };
    expect(draftToPlanFile(draft).plan.locks).toEqual([
      { where: { region: "East", rep: "Ann" }, growth: 0.2 },
      { where: { region: "West", rep: "Dee" }, amount: 5000, new: true },
    ]);
  });

  it("puts an empty lock member and a missing value on their fields", () => {
    const draft: PlanDraft = {
      ...base(),
      locks: [
        {
          key: "l1",
          dimension: "rep",
          where: { region: "East" },
          kind: "share",
          value: "",
          isNew: false,
        },
      ],
    };
    const fields = checkDraft(draft).problems.map((p) => p.field);
    expect(fields).toContain("locks[0].where.rep");
    expect(fields).toContain("locks[0]");
  });

  it("turns caps, blends, manual weights and manual months into plan-file fields", () => {
    const draft = base();
    draft.levels[0] = {
      ...draft.levels[0],
      method: "manual",
      weights: { East: "60", West: "40", "a.b": "x" },
      max: { kind: "ofLastYear", value: "130" },
      min: { kind: "amount", value: "1000" },
    };
    draft.levels[1] = {
      ...draft.levels[1],
      method: "blend",
      parts: [
        { key: "p1", method: "lastYear", weight: "70", years: "3" },
        { key: "p2", method: "history", weight: "30", years: "2" },
      ],
    };
    draft.time = {
      ...draft.time,
      method: "manual",
      weights: ["1", "2", "", "4", "5", "6", "7", "8", "9", "10", "11", "x"],
    };
    const converted = draftToPlanFile(draft);
    expect(converted.plan.levels).toEqual([
      {
        dimension: "region",
        method: "manual",
        weights: { East: 60, West: 40 },
        min: { amount: 1000 },
        max: { ofLastYear: 1.3 },
      },
      {
        dimension: "rep",
        method: "blend",
        parts: [
          { method: "lastYear", weight: 70 },
          { method: "history", weight: 30, years: 2 },
        ],
      },
    ]);
    expect(converted.problems.map((p) => p.field)).toEqual([
      'levels[0].weights["a.b"]',
      "time.weights[11]",
    ]);
    expect((converted.plan.time as { weights: number[] }).weights).toHaveLength(12);
  });
});

describe("planFileToDraft", () => {
  const samples = ["plan-en.json", "plan-zh.json"].map((name) =>
    JSON.parse(readFileSync(path.join(__dirname, "..", "..", "..", "samples", name), "utf8")),
  );
  const rich = {
    version: 1,
    planYear: 2026,
    target: { amount: 303600 },
    columns: { region: "Territory" },
    levels: [
      {
        dimension: "region",
        method: "manual",
        weights: { East: 2, West: 1 },
        max: { amount: 250000 },
      },
      {
        dimension: "rep",
        method: "blend",
        parts: [
          { method: "lastYear", weight: 0.5 },
          { method: "history", weight: 0.5, years: 2 },
        ],
        min: { ofLastYear: 0.9 },
      },
    ],
    locks: [
      { where: { region: "East" }, share: 0.65 },
      { where: { region: "West", rep: "Dee" }, amount: 10000, new: true },
      { where: { region: "East", rep: "Ann" }, growth: 0.15 },
    ],
    time: {
      grain: "month",
      method: "manual",
      years: 2,
      profile: "leaf",
      weights: [1, 1, 2, 2, 3, 3, 3, 3, 2, 2, 1, 1],
    },
    rounding: { unit: 100 },
    asOf: "2026-04",
    language: "zh-CN",
  };

  it.each([...samples, rich].map((p, i) => [i, p] as const))(
    "gives the same plan back (plan %i)",
    (_i, input) => {
      const plan = validated(input);
      const draft = planFileToDraft(plan, "en-US");
      const check = checkDraft(draft);
      expect(check.problems).toEqual([]);
      expect(check.plan).toEqual({ ...plan, language: plan.language ?? "en-US" });
    },
  );

  it("knows which level a lock is on from the plan's level order", () => {
    const draft = planFileToDraft(validated(rich), "en-US");
    expect(draft.locks.map((l) => l.dimension)).toEqual(["region", "rep", "rep"]);
    expect(draft.locks.map((l) => l.value)).toEqual(["65", "10000", "15"]);
  });
});

describe("the measures in the draft", () => {
  const base = validated({
    version: 1,
    planYear: 2026,
    target: { growth: 0.1 },
    levels: [{ dimension: "region", method: "lastYear" }],
    rounding: { unit: 100 },
    language: "en-US",
  });
  const variants: Record<string, unknown>[] = [
    { quantity: { unit: 1 } },
    { quantity: { unit: 12 }, grossProfit: {} },
    { grossProfit: { target: { margin: 0.285 } }, expenses: { rate: 0.08 } },
    { grossProfit: { target: { amount: 3000000 } }, expenses: { amount: 450000 } },
    { quantity: { unit: 1 }, grossProfit: { target: { margin: 0.3 } }, expenses: { amount: 100 } },
    { expenses: { rate: 0 } },
  ];

  it.each(variants.map((m, i) => [i, m] as const))(
    "opens a plan file with measures and writes them back the same (%i)",
    (_i, measures) => {
      const plan = validated({ ...base, measures });
      const draft = planFileToDraft(plan, "en-US");
      const check = checkDraft(draft);
      expect(check.problems).toEqual([]);
      expect(check.plan).toEqual(plan);
      expect(check.plan?.measures).toEqual(measures);
    },
  );

  it("plans none by default and writes no measures key", () => {
    const draft = defaultDraft(history(), "en-US");
    expect(draft.measures).toEqual(NO_MEASURES);
    expect(plansMeasures(draft.measures)).toBe(false);
    expect(draftToPlanFile(draft).plan).not.toHaveProperty("measures");
    expect(planFileToDraft(base, "en-US").measures).toEqual(NO_MEASURES);
  });

  it("keeps the figure of an option not chosen, and writes only the chosen one", () => {
    const draft: PlanDraft = {
      ...defaultDraft(history(), "en-US"),
      measures: {
        quantity: { on: false, unit: "5" },
        grossProfit: { on: true, target: "amount", marginPercent: "30", amount: "1,200,000" },
        expenses: { kind: "rate", ratePercent: "7.5", amount: "9" },
      },
    };
    expect(draftToPlanFile(draft).plan.measures).toEqual({
      grossProfit: { target: { amount: 1200000 } },
      expenses: { rate: 0.075 },
    });
  });

  it("asks the reader for the columns of the measures planned only", () => {
    const draft = defaultDraft(history(), "en-US");
    expect(draftReadOptions(draft)).toEqual({
      columns: {},
      dimensions: ["region", "rep"],
    });
    const on: PlanDraft = {
      ...draft,
      measures: {
        ...NO_MEASURES,
        quantity: { on: true, unit: "1" },
        grossProfit: { ...NO_MEASURES.grossProfit, on: true },
        expenses: { kind: "rate", ratePercent: "8", amount: "" },
      },
    };
    expect(askedReadMeasures(on.measures)).toEqual(["quantity", "grossProfit"]);
    expect(draftReadOptions(on).measures).toEqual(["quantity", "grossProfit"]);
  });

  it("puts a missing or mistyped figure on its field", () => {
    const draft = defaultDraft(history(), "en-US");
    const problems = (measures: PlanDraft["measures"]) =>
      checkDraft({ ...draft, measures }).problems.map((p) => [p.field, p.code]);
    expect(
      problems({
        ...NO_MEASURES,
        grossProfit: { on: true, target: "margin", marginPercent: "", amount: "" },
      }),
    ).toEqual([["measures.grossProfit.target", "plan-wrong-shape"]]);
    expect(
      problems({
        ...NO_MEASURES,
        grossProfit: { on: true, target: "margin", marginPercent: "130", amount: "" },
      }),
    ).toEqual([["measures.grossProfit.target.margin", "plan-too-big"]]);
    expect(
      problems({ ...NO_MEASURES, expenses: { kind: "amount", ratePercent: "", amount: "x" } }),
    ).toEqual([["measures.expenses.amount", "ui-not-a-number"]]);
    expect(problems({ ...NO_MEASURES, quantity: { on: true, unit: "2.5" } })).toEqual([
      ["measures.quantity.unit", "ui-not-a-whole-number"],
    ]);
  });
});
