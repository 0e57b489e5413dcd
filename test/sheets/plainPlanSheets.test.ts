import { createHash } from "node:crypto";
import { promises as fsp } from "node:fs";
import * as path from "node:path";
import type { Language } from "../../src/engine/language";
import { computePlan } from "../../src/engine/plan/computePlan";
import { historyReadOptions } from "../../src/engine/plan/historyReadOptions";
import { validPlan } from "../../src/engine/plan/testing/validPlan";
import { readHistory } from "../../src/engine/reader/readHistory";
import { generateHistory } from "../../src/sample/generateHistory";
import { buildPlanSheets } from "../../src/sheets/buildPlanSheets";

/**
 * The sheets of plans without `measures`, as written before measures existed (commit 4921a49):
 * each model's name and kind, and a SHA-256 of the whole model — cells with their values,
 * formulas, formats and looks, tables, print setup. A plan that does not ask for a measure writes
 * exactly these. After a deliberate change to the sheets,
 * `STP_UPDATE_GOLDEN=1 npx jest test/sheets/plainPlanSheets` rewrites them.
 */
const GOLDEN = path.join(__dirname, "plainPlanSheets.golden.json");

/** A small history in each language; it has a quantity column (Qty, 数量) no plan here asks for. */
function plainSheets(language: Language) {
  const grid = generateHistory({
    language,
    planYear: 2026,
    actualMonths: 3,
    rows: 500,
    seed: language === "zh-CN" ? 11 : 7,
    messy: false,
    shape: { regions: 2, products: 2, reps: 4, channels: 1 },
  });
  const plan = validPlan({
    version: 1,
    planYear: 2026,
    target: { growth: 0.1 },
    levels: [
      { dimension: "region", method: "lastYear" },
      { dimension: "product", method: "lastYear" },
      { dimension: "rep", method: "lastYear" },
    ],
    rounding: { unit: 100 },
    asOf: "2026-03",
    language,
  });
  const read = readHistory(grid, historyReadOptions(plan));
  const result = computePlan(read, plan);
  return buildPlanSheets({ result, plan, language, historySheet: read.sheet });
}

describe("a plan without measures", () => {
  it.each<Language>(["en-US", "zh-CN"])(
    "writes the same sheets as before measures existed (%s)",
    async (language) => {
      const models = plainSheets(language).map((model) => ({
        name: model.name,
        kind: model.kind,
        cells: model.rows.flat().filter((cell) => cell !== null).length,
        sha256: createHash("sha256").update(JSON.stringify(model)).digest("hex"),
      }));
      if (process.env.STP_UPDATE_GOLDEN === "1") {
        const all = await fsp.readFile(GOLDEN, "utf8").then(
          (t) => JSON.parse(t) as Record<string, unknown>,
          () => ({}),
        );
        await fsp.writeFile(GOLDEN, `${JSON.stringify({ ...all, [language]: models }, null, 2)}\n`);
      }
      const golden = JSON.parse(await fsp.readFile(GOLDEN, "utf8")) as Record<string, unknown>;
      expect(models.length).toBeGreaterThan(8);
      expect(models).toEqual(golden[language]);
    },
  );
});
