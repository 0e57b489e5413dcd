import { createExcelPort, ExcelPortError, type ExcelPort } from "../../src/excel";
import { GENERATED_TAG } from "../../src/excel/workbookInventory";
import { PLAN_STORE_SHEET, planStoreSheet, readPlanStore } from "../../src/sheets/planStoreSheet";
import type { SheetModel } from "../../src/sheets/sheetModel";
import { createFakeWorkbook, type FakeWorkbook, type FakeWorkbookInit } from "../support/excelFake";

function open(init: FakeWorkbookInit): { fake: FakeWorkbook; port: ExcelPort } {
  const fake = createFakeWorkbook(init);
  return { fake, port: createExcelPort(fake.host, { isSetSupported: fake.isSetSupported }) };
}

async function portError(promise: Promise<unknown>): Promise<ExcelPortError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ExcelPortError) return error;
    throw error;
  }
  throw new Error("expected an ExcelPortError");
}

const summary: SheetModel = {
  name: "Plan Summary",
  kind: "summary",
  rows: [[{ value: "Plan 2026", style: "title" }]],
};
const store = planStoreSheet({
  plan: '{"version":1}',
  sheets: [{ name: "Plan Summary", kind: "summary" }],
});

describe("the workbook's outline", () => {
  it("lists sheets in tab order with their visibility, the tables and the active sheet", async () => {
    const { port } = open({
      sheets: [
        {
          name: "Sales",
          values: [
            ["Date", "Amount"],
            [45658, 1],
          ],
        },
        { name: "Lookup", values: [["x"]], visibility: "Hidden" },
        { name: "Notes", values: [] },
      ],
      tables: [{ name: "SalesTable", sheet: "Sales", address: "A1:B2" }],
      activeSheet: "Notes",
    });
    expect(await port.outline()).toEqual({
      activeSheet: "Notes",
      sheets: [
        { name: "Sales", visibility: "Visible" },
        { name: "Lookup", visibility: "Hidden" },
        { name: "Notes", visibility: "Visible" },
      ],
      tables: [{ name: "SalesTable", sheet: "Sales" }],
    });
  });

  it("names the kind of generated sheets, from the plan store's registry", async () => {
    const { port } = open({ sheets: [{ name: "Sales", values: [["Date"]] }] });
    await port.writeSheets([summary, store]);
    expect((await port.outline()).sheets).toEqual([
      { name: "Sales", visibility: "Visible" },
      { name: "Plan Summary", visibility: "Visible", generatedKind: "summary" },
      { name: PLAN_STORE_SHEET, visibility: "VeryHidden", generatedKind: "plan-store" },
    ]);
  });

  it("takes a sheet's tag as generated even without a store, and rewrites it", async () => {
    const { fake, port } = open({
      sheets: [
        { name: "Sales", values: [["Date"]] },
        {
          name: "Plan Summary",
          values: [["old"]],
          customProperties: { [GENERATED_TAG]: "summary" },
        },
      ],
    });
    expect((await port.outline()).sheets[1]).toEqual({
      name: "Plan Summary",
      visibility: "Visible",
      generatedKind: "summary",
    });
    const report = await port.writeSheets([summary]);
    expect(report.replaced).toEqual(["Plan Summary"]);
    expect(fake.workbook.values("Plan Summary")).toEqual([["Plan 2026"]]);
  });

  it("does not ask for tags where Excel has no custom properties (before ExcelApi 1.12)", async () => {
    const { fake, port } = open({
      sheets: [
        { name: "Sales", values: [["Date"]] },
        {
          name: "Plan Summary",
          values: [["old"]],
          customProperties: { [GENERATED_TAG]: "summary" },
        },
      ],
      requirementSets: ["ExcelApi 1.9"],
    });
    expect((await port.outline()).sheets[1]).toEqual({
      name: "Plan Summary",
      visibility: "Visible",
    });
    expect(await portError(port.writeSheets([summary]))).toMatchObject({
      code: "sheet-name-taken",
    });
    expect(fake.workbook.values("Plan Summary")).toEqual([["old"]]);
  });
});

describe("the plan store", () => {
  it("is null in a workbook without one, and the store's values after a write", async () => {
    const { fake, port } = open({ sheets: [{ name: "Sales", values: [["Date"]] }] });
    expect(await port.readPlanStore()).toBeNull();
    expect(fake.stats.changingActions).toEqual([0]);
    await port.writeSheets([summary, store]);
    const values = await port.readPlanStore();
    expect(readPlanStore(values ?? [])).toEqual({
      plan: '{"version":1}',
      sheets: [{ name: "Plan Summary", kind: "summary" }],
    });
  });
});

describe("selecting a cell", () => {
  it("activates the sheet and selects the cell", async () => {
    const { fake, port } = open({
      sheets: [
        { name: "Plan", values: [] },
        { name: "Sales", values: [["Date"]] },
      ],
    });
    await port.select("Sales", "G1043");
    expect(fake.workbook.activeSheet).toBe("Sales");
    expect(fake.workbook.selection).toEqual({ sheet: "Sales", address: "G1043" });
    await port.select("Plan");
    expect(fake.workbook.selection).toEqual({ sheet: "Plan", address: "A1" });
  });

  it("says when the sheet is not there, and passes on Excel's refusal otherwise", async () => {
    const { port } = open({
      sheets: [
        { name: "Sales", values: [] },
        { name: "Secret", values: [], visibility: "Hidden" },
      ],
    });
    expect(await portError(port.select("Gone", "A1"))).toMatchObject({
      code: "source-not-found",
      params: { kind: "sheet", name: "Gone" },
    });
    expect(await portError(port.select("Secret", "A1"))).toMatchObject({
      code: "excel-error",
      params: { excelCode: "InvalidOperation", phase: "select", sheet: "Secret" },
    });
  });
});
