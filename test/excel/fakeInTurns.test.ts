import { readFileSync } from "node:fs";
import * as path from "node:path";
import { computePlan } from "../../src/engine/plan/computePlan";
import { historyReadOptions } from "../../src/engine/plan/historyReadOptions";
import { parsePlanFileText } from "../../src/engine/plan/validatePlanFile";
import { readHistory } from "../../src/engine/reader/readHistory";
import { createExcelPort } from "../../src/excel/createExcelPort";
import { excelWorkbook } from "../../src/excel/excelWorkbookPort";
import { generateHistory } from "../../src/sample/generateHistory";
import { writePlan } from "../../src/workflow/writePlan";
import { createFakeWorkbook, type FakeWorkbook } from "../support/excelFake";

const grid = generateHistory({
  language: "en-US",
  planYear: 2026,
  actualMonths: 4,
  rows: 3000,
  seed: 11,
  messy: true,
});
const parsed = parsePlanFileText(
  readFileSync(path.join(__dirname, "..", "..", "samples", "plan-en.json"), "utf8"),
);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
const plan = parsed.plan;

/** Reads the history and writes the plan through the port, as the pane does. */
async function readAndWrite(fake: FakeWorkbook) {
  const port = createExcelPort(fake.host, { isSetSupported: fake.isSetSupported });
  const read = await port.readHistory({ kind: "sheet", name: grid.sheet });
  const history = readHistory(read, historyReadOptions(plan));
  const result = computePlan(history, plan);
  await writePlan(excelWorkbook(port), {
    result,
    plan,
    language: "en-US",
    historySheet: history.sheet,
  });
  return read;
}

describe("the in-memory workbook working in turns (the test host's round trips)", () => {
  it("measures, applies and answers every request exactly as it does at once", async () => {
    const sheets = [{ name: grid.sheet, values: grid.values, numberFormats: grid.numberFormats }];
    const atOnce = createFakeWorkbook({ sheets });
    const inTurns = createFakeWorkbook({ sheets });
    inTurns.setLatency(0);
    const [readAtOnce, readInTurns] = [await readAndWrite(atOnce), await readAndWrite(inTurns)];
    expect(readInTurns).toEqual(readAtOnce);
    expect(inTurns.stats.syncs).toBe(atOnce.stats.syncs);
    expect(inTurns.stats.requestBytes).toEqual(atOnce.stats.requestBytes);
    expect(inTurns.stats.responseBytes).toEqual(atOnce.stats.responseBytes);
    expect(inTurns.workbook.order).toEqual(atOnce.workbook.order);
    for (const name of atOnce.workbook.order)
      expect(inTurns.workbook.snapshot(name)).toEqual(atOnce.workbook.snapshot(name));
  });
});
