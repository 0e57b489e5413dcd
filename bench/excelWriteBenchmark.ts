import { computePlan } from "../src/engine/plan/computePlan";
import { validatePlanFile } from "../src/engine/plan/validatePlanFile";
import { readHistory } from "../src/engine/reader/readHistory";
import { generateHistory } from "../src/sample/generateHistory";
import { buildPlanSheets } from "../src/sheets/buildPlanSheets";
import type { SheetModel } from "../src/sheets/sheetModel";
import type { FakeSheetInit, FakeWorkbook } from "../test/support/excelFake";
import { measured, openPort, type PortMeasure } from "./portMeasure";

/** A write of one plan's sheets. */
export type WriteMeasure = PortMeasure & {
  reps: number;
  /** Sheets written (summary, allocation, action plan, tracking, one tab per rep, plan store). */
  sheets: number;
  /** Non-blank cells written. */
  cells: number;
};

/** Transactions per rep in the generated history (three and a half years). */
const ROWS_PER_REP = 500;

/**
 * A plan for `reps` reps in 8 regions from a generated history: region → product → rep by last
 * year, seasonality, actuals through June (a tracking sheet), and the sheets it writes.
 */
export function planSheets(reps: number): { history: FakeSheetInit; models: SheetModel[] } {
  const grid = generateHistory({
    language: "en-US",
    planYear: 2026,
    actualMonths: 6,
    rows: reps * ROWS_PER_REP,
    seed: 2026,
    messy: false,
    shape: { regions: 8, products: 8, reps, channels: 4 },
  });
  const validation = validatePlanFile({
    version: 1,
    planYear: 2026,
    target: { growth: 0.1 },
    levels: [
      { dimension: "region", method: "lastYear" },
      { dimension: "product", method: "lastYear" },
      { dimension: "rep", method: "lastYear" },
    ],
    time: { grain: "month", method: "seasonality", years: 3, profile: "company" },
    rounding: { unit: 100 },
    language: "en-US",
  });
  if (!validation.ok) throw new Error(`invalid plan: ${JSON.stringify(validation.problems)}`);
  const plan = validation.plan;
  const history = readHistory(grid, { columns: plan.columns });
  if (history.error) throw new Error(`history unreadable: ${history.error.code}`);
  const result = computePlan({ records: history.records, columns: history.columns }, plan);
  const models = buildPlanSheets({ result, plan, language: "en-US", historySheet: grid.sheet });
  return {
    history: { name: grid.sheet, values: grid.values, numberFormats: grid.numberFormats },
    models,
  };
}

/** Throws unless every model cell holds its value or formula in the workbook; counts them. */
function checkWritten(fake: FakeWorkbook, models: readonly SheetModel[]): number {
  let cells = 0;
  for (const model of models) {
    const sheet = fake.workbook.sheet(model.name);
    model.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!cell || (cell.value === null && cell.formula === undefined)) return;
        const actual = sheet.cells.get(r * 16_384 + c);
        const ok =
          cell.formula !== undefined
            ? actual?.formula === `=${cell.formula}`
            : actual?.value === cell.value && actual.formula === undefined;
        if (!ok) {
          throw new Error(
            `${model.name} row ${r + 1}, column ${c + 1}: expected ${JSON.stringify(cell)}, ` +
              `got ${JSON.stringify(actual)}`,
          );
        }
        cells++;
      }),
    );
  }
  return cells;
}

/** Writes a plan for `reps` reps through the Excel port, checks it, and counts what it cost. */
export async function measureWrite(reps: number): Promise<WriteMeasure> {
  const { history, models } = planSheets(reps);
  const { fake, port } = openPort([history]);
  let blocks = 0;
  await port.writeSheets(models, { onProgress: ({ total }) => void (blocks = total) });
  const cells = checkWritten(fake, models);
  return { reps, sheets: models.length, cells, ...measured(fake, blocks) };
}
