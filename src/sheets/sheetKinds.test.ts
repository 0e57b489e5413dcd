import { computePlan } from "../engine/plan/computePlan";
import { validPlan } from "../engine/plan/testing/validPlan";
import { readHistory } from "../engine/reader/readHistory";
import { generateHistory } from "../sample/generateHistory";
import { buildPlanSheets } from "./buildPlanSheets";
import { holdsUserRows, refreshRewrites } from "./sheetKinds";

function allSheets() {
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
  });
  const history = readHistory(grid, { columns: plan.columns });
  const result = computePlan(history, plan);
  return buildPlanSheets({ result, plan, language: "en-US", historySheet: grid.sheet });
}

describe("sheet kinds", () => {
  test("a refresh rewrites the tracking sheet and the plan store only", () => {
    const kinds = [...new Set(allSheets().map((m) => m.kind))];
    expect(kinds).toContain("tracking");
    expect(kinds.filter(refreshRewrites).sort()).toEqual(["plan-store", "tracking"]);
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
