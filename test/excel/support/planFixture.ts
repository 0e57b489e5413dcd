import type { Grid } from "../../../src/engine/grid";
import type { Language } from "../../../src/engine/language";
import { computePlan } from "../../../src/engine/plan/computePlan";
import type { PlanResult } from "../../../src/engine/plan/planResult";
import { historyReadOptions } from "../../../src/engine/plan/historyReadOptions";
import type { PlanFile, PlanFileInput } from "../../../src/engine/plan/planSchema";
import { validPlan } from "../../../src/engine/plan/testing/validPlan";
import { readHistory } from "../../../src/engine/reader/readHistory";
import { generateHistory } from "../../../src/sample/generateHistory";
import { buildPlanSheets } from "../../../src/sheets/buildPlanSheets";
import type { SheetModel } from "../../../src/sheets/sheetModel";
import type { FakeSheetInit } from "../../support/excelFake";

/** A history, the plan computed from it and the sheet models it writes. */
export type PlanFixture = {
  grid: Grid;
  plan: PlanFile;
  result: PlanResult;
  models: SheetModel[];
  /** The history as the fake workbook's sheet. */
  historySheet: FakeSheetInit;
};

export type PlanFixtureOptions = {
  reps: number;
  rows: number;
  regions?: number;
  seed?: number;
  language?: Language;
  /** Months of the plan year with actuals (a tracking sheet when > 0). */
  actualMonths?: number;
  /** The plan file's measures (the history has a quantity column, Qty or 数量, and no cost). */
  measures?: PlanFileInput["measures"];
  /** Gives the first rep another name (e.g. a hostile one), everywhere in the history. */
  firstRepName?: string;
};

/** Column of the rep in generated histories. */
const REP_COLUMN = 4;

/**
 * A realistic plan from a generated history: region → rep by last year, seasonality, unit 100,
 * with actuals for the first months of the plan year.
 */
export function planFixture(options: PlanFixtureOptions): PlanFixture {
  const language = options.language ?? "en-US";
  const grid = generateHistory({
    language,
    planYear: 2026,
    actualMonths: options.actualMonths ?? 4,
    rows: options.rows,
    seed: options.seed ?? 7,
    messy: false,
    shape: { regions: options.regions ?? 4, products: 3, reps: options.reps, channels: 2 },
  });
  if (options.firstRepName !== undefined) {
    const first = grid.values[1][REP_COLUMN];
    for (const row of grid.values)
      if (row[REP_COLUMN] === first) row[REP_COLUMN] = options.firstRepName;
  }
  const plan = validPlan({
    version: 1,
    planYear: 2026,
    target: { growth: 0.1 },
    levels: [
      { dimension: "region", method: "lastYear" },
      { dimension: "rep", method: "lastYear" },
    ],
    time: { grain: "month", method: "seasonality", years: 3, profile: "company" },
    rounding: { unit: 100 },
    language,
    ...(options.measures ? { measures: options.measures } : {}),
  });
  const history = readHistory(
    grid,
    options.measures ? historyReadOptions(plan) : { columns: plan.columns },
  );
  if (history.error) throw new Error(`history unreadable: ${history.error.code}`);
  const result = computePlan({ records: history.records, columns: history.columns }, plan);
  const models = buildPlanSheets({ result, plan, language, historySheet: grid.sheet });
  return {
    grid,
    plan,
    result,
    models,
    historySheet: { name: grid.sheet, values: grid.values, numberFormats: grid.numberFormats },
  };
}
