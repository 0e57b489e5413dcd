import type { CellValue } from "../../src/engine/grid";
import { computePlan } from "../../src/engine/plan/computePlan";
import { validPlan } from "../../src/engine/plan/testing/validPlan";
import { readHistory } from "../../src/engine/reader/readHistory";
import { excelWorkbook } from "../../src/excel/excelWorkbookPort";
import type { ExcelPort } from "../../src/excel";
import { previewPlanWrite, writePlan, type PlanWriteInput } from "../../src/workflow/writePlan";
import type { FakeWorkbook } from "../support/excelFake";
import { open } from "../excel/support/openPort";
import { planFixture } from "../excel/support/planFixture";

async function planInput(
  port: ExcelPort,
  history: string,
  growth: number,
): Promise<PlanWriteInput> {
  const grid = await port.readHistory({ kind: "sheet", name: history });
  const plan = validPlan({
    version: 1,
    planYear: 2026,
    target: { growth },
    levels: [
      { dimension: "region", method: "lastYear" },
      { dimension: "rep", method: "lastYear" },
    ],
    rounding: { unit: 100 },
    language: "en-US",
  });
  return {
    result: computePlan(readHistory(grid), plan),
    plan,
    language: "en-US",
    historySheet: grid.sheet,
  };
}

async function setCell(fake: FakeWorkbook, sheet: string, address: string, value: CellValue) {
  await fake.host.run(async (context) => {
    context.workbook.worksheets.getItem(sheet).getRange(address).values = [[value]];
    await context.sync();
  });
}

describe("what a write will do, told before writing", () => {
  it("lists every sheet, the generated cells typed over with what was typed, and the cells kept around the plan; keeping typed-over cells copies them to the sheet of edits", async () => {
    const fixture = planFixture({ reps: 3, rows: 400 });
    const { fake, port } = open([fixture.historySheet]);
    const history = fixture.historySheet.name;
    const workbook = excelWorkbook(port);

    const first = await previewPlanWrite(workbook, await planInput(port, history, 0.1));
    expect(first.sheets.every((s) => s.status === "new")).toBe(true);
    expect(first.sheets.map((s) => s.kind).slice(0, 4)).toEqual([
      "summary",
      "allocation",
      "allocation-table",
      "action-plan",
    ]);
    expect(first.typedOver).toEqual([]);
    // A preview writes nothing.
    expect(fake.workbook.order).toEqual([history]);

    await writePlan(workbook, await planInput(port, history, 0.1));
    const values = fake.workbook.values("Action Plan");
    const header = values.findIndex((row) => row.includes("Period") && row.includes("Notes"));
    const target = values[header].indexOf("Target");
    const letter = (c: number) => String.fromCharCode(65 + c);
    await setCell(fake, "Action Plan", `${letter(target)}${header + 3}`, 99999);
    await setCell(fake, "Plan Summary", "Z3", "ask finance");

    const input = await planInput(port, history, 0.2);
    const preview = await previewPlanWrite(workbook, input);
    expect(preview.sheets.filter((s) => s.status !== "rewritten")).toEqual([]);
    expect(preview.editsSheet).toBe("Your edits");
    expect(preview.typedOver).toEqual([
      {
        sheet: "Action Plan",
        row: header + 2,
        column: target,
        value: 99999,
        reason: "typed-over",
      },
    ]);
    expect(preview.edits).toMatchObject({ kept: 1, moved: [] });
    expect(preview.edits.keptCells).toEqual([
      { sheet: "Plan Summary", row: 2, column: 25, value: "ask finance" },
    ]);
    const before = JSON.stringify(fake.workbook.order.map((n) => fake.workbook.values(n)));
    expect(JSON.stringify(fake.workbook.order.map((n) => fake.workbook.values(n)))).toBe(before);

    const outcome = await writePlan(workbook, input, { keepTypedOver: true });
    expect(outcome.edits.sheet).toBe("Your edits");
    expect(fake.workbook.values("Your edits")[4]).toEqual([
      "Action Plan",
      `${letter(target)}${header + 3}`,
      99999,
      "",
      "",
      "A plan figure you had typed over",
    ]);
    expect(fake.workbook.values("Plan Summary")[2][25]).toBe("ask finance");
    expect(fake.workbook.values("Action Plan")[header + 2][target]).not.toBe(99999);

    // Told without keeping: the typed-over cell is rewritten and no sheet of edits is added.
    await setCell(fake, "Action Plan", `${letter(target)}${header + 4}`, 12345);
    const again = await previewPlanWrite(workbook, input);
    expect(again.typedOver.map((c) => c.value)).toEqual([12345]);
    const order = [...fake.workbook.order];
    await writePlan(workbook, input);
    expect(fake.workbook.order).toEqual(order);
  });
});
