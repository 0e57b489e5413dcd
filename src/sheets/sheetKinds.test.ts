import { computePlan } from "../engine/plan/computePlan";
import { historyReadOptions } from "../engine/plan/historyReadOptions";
import { validPlan } from "../engine/plan/testing/validPlan";
import { readHistory } from "../engine/reader/readHistory";
import { generateHistory } from "../sample/generateHistory";
import { buildPlanSheets } from "./buildPlanSheets";
import { holdsUserRows, refreshRewrites } from "./sheetKinds";

function allSheets(measures?: { quantity: { unit: number }; expenses: { rate: number } }) {
  const grid = generateHistory({
    language: "en-US",
    planYear: 2026,
    actualMonths: 3,
    rows: 400,
    seed: 3,
    messy: false,
    shape: { regions: 2, products: 2, reps: 4, channels: 1 },
  });
  const plan = validPlan({
    version: 1,
    planYear: 2026,
    target: { growth: 0.1 },
    levels: [
      { dimension: "region", method: "lastYear" },
      { dimension: "rep", method: "lastYear" },
    ],
    rounding: { unit: 100 },
    language: "en-US",
    ...(measures ? { measures } : {}),
  });
  const history = readHistory(grid, historyReadOptions(plan));
  const result = computePlan(history, plan);
  return buildPlanSheets({ result, plan, language: "en-US", historySheet: grid.sheet });
}

describe("sheet kinds", () => {
  test("a refresh rewrites the tracking sheet and the plan store only", () => {
    const kinds = [...new Set(allSheets().map((m) => m.kind))];
    expect(kinds).toContain("tracking");
    expect(kinds.filter(refreshRewrites).sort()).toEqual(["plan-store", "tracking"]);
  });

  test("a refresh keeps the Profit Plan, whose figures are the plan's, and it holds no user rows", () => {
    const models = allSheets({ quantity: { unit: 1 }, expenses: { rate: 0.05 } });
    const profit = models.find((m) => m.kind === "profit-plan");
    expect(profit?.name).toBe("Profit Plan");
    expect(profit?.userRows).toBeUndefined();
    expect(refreshRewrites("profit-plan")).toBe(false);
    expect(holdsUserRows("profit-plan")).toBe(false);
  });

  test("every sheet built with user rows is of a kind regeneration reads back", () => {
    const models = allSheets();
    const withUserRows = models.filter((m) => m.userRows !== undefined);
    expect(withUserRows.length).toBeGreaterThan(1);
    for (const model of withUserRows) expect(holdsUserRows(model.kind)).toBe(true);
    for (const model of models.filter((m) => m.userRows === undefined && !m.keepExisting))
      expect(holdsUserRows(model.kind)).toBe(false);
  });
});
