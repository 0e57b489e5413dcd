import { computePlan } from "../engine/plan/computePlan";
import { validPlan } from "../engine/plan/testing/validPlan";
import { workedExampleRecords } from "../engine/plan/testing/workedExample";
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
