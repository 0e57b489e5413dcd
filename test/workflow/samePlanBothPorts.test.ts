import { promises as fsp } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { excelWorkbook } from "../../src/excel/excelWorkbookPort";
import { computePlan } from "../../src/engine/plan/computePlan";
import type { PlanFile } from "../../src/engine/plan/planSchema";
import { validPlan } from "../../src/engine/plan/testing/validPlan";
import { readHistory } from "../../src/engine/reader/readHistory";
import { writePlan, type PlanWriteInput } from "../../src/workflow/writePlan";
import { openPlanWorkbookFile } from "../../src/xlsx/planWorkbookFile";
import { writeFixtureXlsx } from "../support/buildWorkbook";
import type { FakeWorkbook } from "../support/excelFake";
import { open } from "../excel/support/openPort";
import { planFixture } from "../excel/support/planFixture";

type Cell = string | number | boolean;

/** A grid with its blank cells as "" and no blank rows or columns at its ends, to compare. */
function trimmed(rows: Cell[][]): Cell[][] {
  const out = rows.map((row) => {
    const copy = [...row];
    while (copy.length > 0 && copy[copy.length - 1] === "") copy.pop();
    return copy;
  });
  while (out.length > 0 && out[out.length - 1].length === 0) out.pop();
  return out;
}

/** Every sheet of a saved .xlsx in tab order, with its values and formulas (`=…`) from A1. */
async function fileSheets(file: string): Promise<{ name: string; cells: Cell[][] }[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook.worksheets.map((sheet) => {
    const cells: Cell[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, r) => {
      const line: Cell[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const value = cell.value;
        let read: Cell = "";
        if (value !== null && typeof value === "object" && "formula" in value)
          read = `=${value.formula}`;
        else if (value !== null && typeof value === "object" && "sharedFormula" in value)
          read = `=${cell.formula}`;
        else if (value !== null && typeof value === "object" && "richText" in value)
          read = value.richText.map((t) => t.text).join("");
        else if (
          typeof value === "string" ||
          typeof value === "number" ||
          typeof value === "boolean"
        )
          read = value;
        line[c - 1] = read;
      });
      cells[r - 1] = Array.from(line, (v) => v ?? "");
    });
    return { name: sheet.name, cells: trimmed(Array.from(cells, (row) => row ?? [])) };
  });
}

/** Every sheet of the in-memory workbook in tab order, with its values and formulas. */
function excelSheets(fake: FakeWorkbook): { name: string; cells: Cell[][] }[] {
  return fake.workbook.order.map((name) => ({
    name,
    cells: trimmed(fake.workbook.values(name)),
  }));
}

describe("one plan through both ports", () => {
  const fixture = planFixture({ reps: 6, rows: 1500, regions: 3, actualMonths: 3 });
  let dir: string;
  beforeAll(async () => {
    dir = await fsp.mkdtemp(path.join(os.tmpdir(), "stp-workflow-"));
  });
  afterAll(() => fsp.rm(dir, { recursive: true, force: true }));

  function inputFor(plan: PlanFile): PlanWriteInput {
    const history = readHistory(fixture.grid, { columns: plan.columns });
    const result = computePlan(history, plan);
    return { result, plan, language: "en-US", historySheet: fixture.grid.sheet };
  }

  test("writes the same sheets, in the same order, with the same cells, new and regenerated", async () => {
    const file = path.join(dir, "plan.xlsx");
    await writeFixtureXlsx(file, [
      {
        name: fixture.grid.sheet,
        rows: fixture.grid.values.map((row) => row.map((v) => (v === undefined ? null : v))),
      },
    ]);
    const { fake, port } = open([fixture.historySheet]);

    const first = inputFor(fixture.plan);
    const fromFile = await writePlan(await openPlanWorkbookFile(file), first);
    const fromExcel = await writePlan(excelWorkbook(port), first);
    expect(fromFile.sheets).toEqual(fromExcel.sheets);
    const written = await fileSheets(file);
    expect(written.map((s) => s.name)).toEqual(fake.workbook.order);
    // Not two empty workbooks: plan rows and formulas were written and read back.
    const actionPlan = written.find((s) => s.name === "Action Plan");
    expect(actionPlan?.cells.length).toBeGreaterThan(6 * 12);
    const formulas = written
      .flatMap((s) => s.cells.flat())
      .filter((v) => String(v).startsWith("="));
    expect(formulas.length).toBeGreaterThan(50);
    expect(written).toEqual(excelSheets(fake));

    // A changed target and method regenerates both workbooks alike, sheet for sheet.
    const second = inputFor(
      validPlan({
        ...fixture.plan,
        target: { growth: 0.25 },
        levels: [
          { dimension: "region", method: "lastYear" },
          { dimension: "rep", method: "history" },
        ],
      }),
    );
    await writePlan(await openPlanWorkbookFile(file), second);
    await writePlan(excelWorkbook(port), second);
    const regenerated = await fileSheets(file);
    expect(regenerated).not.toEqual(written);
    expect(regenerated).toEqual(excelSheets(fake));
  });
});
