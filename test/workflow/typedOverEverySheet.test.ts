import ExcelJS from "exceljs";
import { toA1 } from "../../src/engine/address";
import type { CellValue } from "../../src/engine/grid";
import { excelWorkbook } from "../../src/excel/excelWorkbookPort";
import {
  previewPlanWrite,
  writePlan,
  type PlanWriteInput,
  type PlanWritePreview,
} from "../../src/workflow/writePlan";
import { openPlanWorkbookFile } from "../../src/xlsx/planWorkbookFile";
import { tempFolder } from "../cli/runStp";
import { open } from "../excel/support/openPort";
import { planFixture } from "../excel/support/planFixture";

/** A plan with tracking: region → rep, four months of actuals. */
function fixture() {
  return planFixture({ reps: 4, rows: 600, actualMonths: 4 });
}

function inputOf(f: ReturnType<typeof fixture>): PlanWriteInput {
  return { result: f.result, plan: f.plan, language: "en-US", historySheet: f.grid.sheet };
}

/** The address of the Plan Summary's annual target, found by its label. */
function annualTarget(values: readonly (readonly CellValue[])[]): { row: number; column: number } {
  const row = values.findIndex((cells) => cells[0] === "Annual");
  if (row < 0) throw new Error("no Annual row on the summary");
  return { row, column: 1 };
}

/**
 * What is typed over, on three sheets without keyed rows: a new figure over a target of the
 * allocation matrix (Allocation!E5, Ann's February in the issue), the summary's annual total (a
 * formula) typed over with the very number it showed, and a number over a formula of Tracking.
 */
const TYPED = {
  allocation: { sheet: "Allocation", row: 4, column: 4, value: 400000 },
  tracking: { sheet: "Tracking", row: 4, column: 6, value: -5 },
};

/** The typed-over cells a preview lists, each with the number format the cell shows it in. */
function expectedTypedOver(summaryTotal: { row: number; column: number }, total: number) {
  const looks = { numFmt: "#,##0", reason: "typed-over" };
  return [
    { sheet: "Plan Summary", ...summaryTotal, value: total, ...looks },
    { ...TYPED.allocation, ...looks },
    { ...TYPED.tracking, ...looks },
  ];
}

/** The rows of the sheet of edits that list typed-over cells: sheet, address, value. */
function editsRows(values: readonly (readonly unknown[])[]): unknown[][] {
  return values
    .filter((row) => row[5] === "A plan figure you had typed over")
    .map((row) => row.slice(0, 3));
}

describe("generated cells typed over on every generated sheet", () => {
  it("the Excel port lists a value typed over Allocation!E5, a summary total and a Tracking formula, and keeps them when asked", async () => {
    const f = fixture();
    const { fake, port } = open([f.historySheet]);
    const workbook = excelWorkbook(port);
    await writePlan(workbook, inputOf(f));
    // A plan written again with nothing typed lists nothing.
    expect((await previewPlanWrite(workbook, inputOf(f))).typedOver).toEqual([]);
    await writePlan(workbook, inputOf(f));
    expect((await previewPlanWrite(workbook, inputOf(f))).typedOver).toEqual([]);

    const total = annualTarget(fake.workbook.values("Plan Summary"));
    expect(fake.workbook.values("Plan Summary")[total.row][total.column]).toMatch(/^=SUM\(/);
    // The total as Excel shows it: the formula's result, which the engine computed with it (the
    // in-memory workbook does not calculate).
    const summaryModel = f.models.find((m) => m.kind === "summary")!;
    const totalValue = summaryModel.rows[total.row][total.column]!.value as number;
    expect(typeof totalValue).toBe("number");
    await fake.host.run(async (context) => {
      const type = (sheet: string, row: number, column: number, value: CellValue) => {
        context.workbook.worksheets.getItem(sheet).getRange(toA1(row, column)).values = [[value]];
      };
      type("Plan Summary", total.row, total.column, totalValue);
      for (const cell of Object.values(TYPED)) type(cell.sheet, cell.row, cell.column, cell.value);
      // A note beside the allocation matrix is the user's own, not a typed-over cell.
      type("Allocation", 1, 30, "ask finance");
      await context.sync();
    });

    const preview: PlanWritePreview = await previewPlanWrite(workbook, inputOf(f));
    expect(preview.typedOver).toEqual(expectedTypedOver(total, totalValue));
    expect(preview.edits.keptCells).toEqual([
      { sheet: "Allocation", row: 1, column: 30, value: "ask finance" },
    ]);

    const outcome = await writePlan(workbook, inputOf(f), { keepTypedOver: true });
    expect(outcome.typedOver).toEqual(expectedTypedOver(total, totalValue));
    expect(outcome.edits.sheet).toBe("Your edits");
    expect(editsRows(fake.workbook.values("Your edits"))).toEqual([
      ["Plan Summary", toA1(total.row, total.column), totalValue],
      ["Allocation", "E5", 400000],
      ["Tracking", "G5", -5],
    ]);
    // Rewritten: the plan's figure and formulas are back, and nothing is typed over any more.
    expect(fake.workbook.values("Allocation")[4][4]).not.toBe(400000);
    expect(fake.workbook.values("Allocation")[1][30]).toBe("ask finance");
    expect((await previewPlanWrite(workbook, inputOf(f))).typedOver).toEqual([]);
  });

  it("the file port lists the same cells typed over in a saved workbook, and keeps them when asked", async () => {
    const f = fixture();
    const folder = await tempFolder();
    try {
      const file = folder.file("plan.xlsx");
      await writePlan(await openPlanWorkbookFile(file), inputOf(f));
      await writePlan(await openPlanWorkbookFile(file), inputOf(f));
      expect(
        (await previewPlanWrite(await openPlanWorkbookFile(file), inputOf(f))).typedOver,
      ).toEqual([]);

      // Typed and saved as a Node script would, with ExcelJS (which also rewrites every part).
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const summary = wb.getWorksheet("Plan Summary")!;
      const values: CellValue[][] = [];
      summary.eachRow((row, r) => {
        values[r - 1] = [row.getCell(1).value as CellValue];
      });
      const total = annualTarget(Array.from(values, (row) => row ?? []));
      const totalCell = summary.getCell(total.row + 1, total.column + 1);
      const totalValue = (totalCell.value as ExcelJS.CellFormulaValue).result as number;
      expect(typeof totalValue).toBe("number");
      totalCell.value = totalValue;
      for (const cell of Object.values(TYPED))
        wb.getWorksheet(cell.sheet)!.getCell(cell.row + 1, cell.column + 1).value = cell.value;
      wb.getWorksheet("Allocation")!.getCell(2, 31).value = "ask finance";
      await wb.xlsx.writeFile(file);

      const preview = await previewPlanWrite(await openPlanWorkbookFile(file), inputOf(f));
      expect(preview.typedOver).toEqual(expectedTypedOver(total, totalValue));
      expect(preview.edits.keptCells).toEqual([
        { sheet: "Allocation", row: 1, column: 30, value: "ask finance" },
      ]);

      const outcome = await writePlan(await openPlanWorkbookFile(file), inputOf(f), {
        keepTypedOver: true,
      });
      expect(outcome.typedOver).toEqual(expectedTypedOver(total, totalValue));
      const after = new ExcelJS.Workbook();
      await after.xlsx.readFile(file);
      const edits: unknown[][] = [];
      after.getWorksheet("Your edits")!.eachRow((row) => {
        edits.push(Array.from({ length: 6 }, (_, c) => row.getCell(c + 1).value));
      });
      expect(editsRows(edits)).toEqual([
        ["Plan Summary", toA1(total.row, total.column), totalValue],
        ["Allocation", "E5", 400000],
        ["Tracking", "G5", -5],
      ]);
      expect(after.getWorksheet("Allocation")!.getCell("E5").value).not.toBe(400000);
      expect(after.getWorksheet("Allocation")!.getCell(2, 31).value).toBe("ask finance");
      expect(
        (await previewPlanWrite(await openPlanWorkbookFile(file), inputOf(f))).typedOver,
      ).toEqual([]);
    } finally {
      await folder.remove();
    }
  });
  it("finds a cell typed over deep in a long generated sheet, past the rows read whole", async () => {
    // 60 reps: Tracking holds 4 months of each, 240 rows, the allocation table 60 × 12 months.
    const f = planFixture({ reps: 60, rows: 6000, actualMonths: 4 });
    const folder = await tempFolder();
    try {
      const file = folder.file("plan.xlsx");
      await writePlan(await openPlanWorkbookFile(file), inputOf(f));
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const table = wb.getWorksheet("Allocation Table")!;
      const last = table.rowCount;
      expect(last).toBeGreaterThan(600);
      const deep = table.getCell(last - 3, 5);
      expect(typeof deep.value).toBe("number");
      deep.value = 12345;
      // Below and beside the table: the user's own, kept where they are.
      table.getCell(last + 3, 1).value = "checked by Ann";
      await wb.xlsx.writeFile(file);

      const preview = await previewPlanWrite(await openPlanWorkbookFile(file), inputOf(f));
      expect(
        preview.typedOver.map(({ sheet, row, column, value }) => ({ sheet, row, column, value })),
      ).toEqual([{ sheet: "Allocation Table", row: last - 4, column: 4, value: 12345 }]);
      expect(preview.edits.keptCells.map((c) => [c.sheet, c.row, c.value])).toEqual([
        ["Allocation Table", last + 2, "checked by Ann"],
      ]);
    } finally {
      await folder.remove();
    }
  });
});
