import { blockAddress } from "../../src/excel/rangeAddress";
import { GENERATED_TAG } from "../../src/excel/workbookInventory";
import { PLAN_STORE_SHEET, planStoreSheet, readPlanStore } from "../../src/sheets/planStoreSheet";
import type { CellBlock, SheetModel } from "../../src/sheets/sheetModel";
import type { FakeSheetInit, FakeWorkbook } from "../support/excelFake";
import { open, portError } from "./support/openPort";
import { expectSheetWritten } from "./support/expectWritten";
import { planFixture } from "./support/planFixture";

const HYPERLINK = '=HYPERLINK("http://example.com","x")';

/** Every sheet's full contents as text, cheap to compare for large workbooks. */
function snapshots(fake: FakeWorkbook): string[] {
  return fake.workbook.order.map((name) => fingerprint(fake, name));
}

function fingerprint(fake: FakeWorkbook, sheet: string): string {
  const { cells, ...rest } = fake.workbook.sheet(sheet);
  const others = fake.workbook.snapshot(sheet, { withCells: false });
  return JSON.stringify([others, rest.name, [...cells].sort(([a], [b]) => a - b)]);
}

const ref = (block: CellBlock) =>
  blockAddress(block.firstRow, block.firstColumn, block.lastRow, block.lastColumn);

/** Small models: two generated sheets and the store naming them. */
function smallModels(names: string[], text = "Plan"): SheetModel[] {
  const sheets: SheetModel[] = names.map((name) => ({
    name,
    kind: `kind-${name}`,
    rows: [
      [{ value: `${text} ${name}`, style: "title" }],
      [
        { value: 100, numFmt: "#,##0" },
        { value: 200, numFmt: "#,##0" },
        { value: 300, formula: "SUM(A2:B2)", numFmt: "#,##0", style: "total" },
      ],
    ],
    columnWidths: [12, 12, 14],
  }));
  return [
    ...sheets,
    planStoreSheet({ plan: "{}", sheets: sheets.map((s) => ({ name: s.name, kind: s.kind })) }),
  ];
}

describe("writing a 12-rep plan", () => {
  const fixture = planFixture({ reps: 12, rows: 3000 });
  const names = fixture.models.map((m) => m.name);

  it("writes every model's cells, looks, tables, rules and settings, in order, the store very hidden", async () => {
    const { fake, port } = open([fixture.historySheet]);
    const history = fingerprint(fake, "Sales");
    const report = await port.writeSheets(fixture.models);

    expect(report).toMatchObject({ added: names, replaced: [], removed: [] });
    expect(fake.workbook.order).toEqual(["Sales", ...names]);
    expect(fake.workbook.sheet(PLAN_STORE_SHEET).visibility).toBe("VeryHidden");
    for (const model of fixture.models) expectSheetWritten(fake, model);
    expect(fingerprint(fake, "Sales")).toEqual(history);

    expect(fake.workbook.tables).toEqual(
      fixture.models.flatMap((m) =>
        (m.tables ?? []).map((t) => ({
          name: t.name,
          sheet: m.name,
          address: ref(t.block),
          style: t.style,
        })),
      ),
    );
    for (const model of fixture.models) {
      expect(fake.workbook.conditionalFormats(model.name)).toEqual(
        (model.conditionalFormats ?? []).map((spec) => ({
          address: ref(spec.block),
          type: spec.operator === "expression" ? "Custom" : "CellValue",
          rule:
            spec.operator === "expression"
              ? { formula: `=${spec.bounds[0]}` }
              : expect.objectContaining({ formula1: `=${spec.bounds[0]}` }),
          format: { fillColor: expect.any(String), fontColor: expect.any(String) },
        })),
      );
      expect(fake.workbook.validations(model.name)).toEqual(
        (model.validations ?? []).map((v) => ({
          address: ref(v.block),
          rule: { list: { inCellDropDown: true, source: v.values.join(",") } },
        })),
      );
      expect(fake.workbook.customProperties(model.name)).toEqual({ [GENERATED_TAG]: model.kind });
    }
    expect(fixture.models.some((m) => (m.conditionalFormats ?? []).length > 0)).toBe(true);
    expect(fixture.models.some((m) => (m.tables ?? []).length > 0)).toBe(true);

    const store = readPlanStore((await port.readPlanStore()) ?? []);
    expect(store?.sheets.map((s) => s.name)).toEqual(names.filter((n) => n !== PLAN_STORE_SHEET));
  });

  it("reads the workbook in two requests, suspends calculation and screen updating once per write request, then recalculates", async () => {
    const { fake, port } = open([fixture.historySheet]);
    const report = await port.writeSheets(fixture.models);
    expect(report.syncs).toBe(fake.stats.syncs);
    const writeSyncs = Array.from({ length: report.syncs - 3 }, (_, i) => i + 3);
    expect(fake.stats.calculations).toEqual([{ sync: report.syncs, type: "Recalculate" }]);
    const calls = (api: string) =>
      fake.stats.suspendCalls.filter((c) => c.api === api).map((c) => c.sync);
    expect(calls("calculation")).toEqual(writeSyncs);
    expect(calls("screenUpdating")).toEqual(writeSyncs);
  });

  it("writes the same cells on Excel with only ExcelApi 1.4, leaving out what needs more", async () => {
    const { fake, port } = open([fixture.historySheet], { requirementSets: ["ExcelApi 1.4"] });
    await port.writeSheets(fixture.models);
    for (const model of fixture.models) {
      expectSheetWritten(fake, { ...model, freeze: undefined });
      expect(fake.workbook.conditionalFormats(model.name)).toEqual([]);
      expect(fake.workbook.validations(model.name)).toEqual([]);
      expect(fake.workbook.customProperties(model.name)).toEqual({});
    }
    expect(fake.stats.suspendCalls).toEqual([]);
    expect(fake.stats.calculations).toEqual([]);
  });

  it("sets each sheet's page layout from ExcelApi 1.9 on, leaves Excel's defaults before, and never touches the user's", async () => {
    const allocation = fixture.models.find((m) => m.kind === "allocation")!;
    const { area } = allocation.print!;
    for (const version of ["1.8", "1.9"]) {
      const { fake, port } = open([fixture.historySheet], {
        requirementSets: [`ExcelApi ${version}`],
      });
      if (version === "1.9") {
        await fake.host.run(async (context) => {
          const layout = context.workbook.worksheets.getItem("Sales").pageLayout;
          layout.orientation = "Landscape";
          layout.headersFooters.defaultForAllPages.leftFooter = "Sales ledger";
          await context.sync();
        });
      }
      const sales = fake.workbook.pageLayout("Sales");
      await port.writeSheets(fixture.models);
      await port.writeSheets(fixture.models);
      for (const model of fixture.models) expectSheetWritten(fake, model);
      expect(fake.workbook.pageLayout("Sales")).toEqual(sales);
      const layout = fake.workbook.pageLayout(allocation.name);
      if (version === "1.8") {
        expect(layout).toMatchObject({ orientation: "Portrait", printArea: null });
        continue;
      }
      expect(layout).toEqual({
        orientation: "Landscape",
        zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
        printArea: ref(area),
        printTitleRows: "4:4",
        headersFooters: expect.objectContaining({
          centerFooter: `2026 Sales Plan · ${allocation.name} · Page &P of &N`,
        }),
      });
      expect(fake.workbook.pageLayout("Sales").headersFooters.leftFooter).toBe("Sales ledger");
    }
  });

  it("regenerates in place: the same sheets, cells and order; the user's sheets and cells untouched", async () => {
    const { fake, port } = open([
      fixture.historySheet,
      { name: "My notes", values: [["keep me", 42]] },
    ]);
    await port.writeSheets(fixture.models);
    const firstWrite = snapshots(fake);
    await fake.host.run(async (context) => {
      context.workbook.worksheets.getItem("Allocation").getRange("Z99").values = [["typed"]];
      context.workbook.worksheets.add("Later").getRange("B2").values = [["mine"]];
      await context.sync();
    });
    const userSheets = ["Sales", "My notes", "Later"].map((n) => fingerprint(fake, n));
    const order = fake.workbook.order;

    const report = await port.writeSheets(fixture.models);
    expect(report).toMatchObject({ added: [], replaced: names, removed: [] });
    expect(fake.workbook.order).toEqual(order);
    expect(["Sales", "My notes", "Later"].map((n) => fingerprint(fake, n))).toEqual(userSheets);
    for (const model of fixture.models) expectSheetWritten(fake, model);
    expect(snapshots(fake).filter((s) => !s.startsWith('[{"name":"Later"'))).toEqual(firstWrite);
  });

  it("refuses a user's sheet with a generated sheet's name before writing anything", async () => {
    const { fake, port } = open([
      fixture.historySheet,
      { name: "allocation", values: [["budget", 1]] },
    ]);
    const before = snapshots(fake);
    const error = await portError(port.writeSheets(fixture.models));
    expect(error.code).toBe("sheet-name-taken");
    expect(error.params).toMatchObject({ sheet: "allocation", kind: "allocation" });
    expect(snapshots(fake)).toEqual(before);
    expect(fake.stats.changingActions).toEqual([0, 0]);
  });

  it("refuses a user's sheet named like the plan store that holds no store", async () => {
    const { fake, port } = open([
      fixture.historySheet,
      { name: PLAN_STORE_SHEET, values: [["mine"]] },
    ]);
    const error = await portError(port.writeSheets(fixture.models));
    expect(error).toMatchObject({ code: "sheet-name-taken", params: { sheet: PLAN_STORE_SHEET } });
    expect(fake.workbook.order).toEqual(["Sales", PLAN_STORE_SHEET]);
  });
});

describe("text from the data stays text", () => {
  it("writes a rep called =HYPERLINK(…) as text in every sheet", async () => {
    const fixture = planFixture({ reps: 4, rows: 800, firstRepName: HYPERLINK });
    const { fake, port } = open([fixture.historySheet]);
    await port.writeSheets(fixture.models);
    let found = 0;
    for (const model of fixture.models) {
      expectSheetWritten(fake, model);
      for (const cell of fake.workbook.sheet(model.name).cells.values()) {
        if (cell.value === HYPERLINK) found++;
        expect(cell.formula ?? "").not.toContain("HYPERLINK");
      }
    }
    expect(found).toBeGreaterThan(3);
  });

  it("keeps +1, -2, @x, 2026-01, 0042, TRUE and =1+1 as text", async () => {
    const texts = ["+1", "-2", "@x", "2026-01", "0042", "TRUE", "=1+1", HYPERLINK];
    const model: SheetModel = {
      name: "Texts",
      kind: "texts",
      rows: [texts.map((value) => ({ value }))],
    };
    const { fake, port } = open([{ name: "Sales", values: [] }]);
    await port.writeSheets([model]);
    expect(fake.workbook.values("Texts")).toEqual([texts]);
    expect(
      [...fake.workbook.sheet("Texts").cells.values()].every((c) => c.formula === undefined),
    ).toBe(true);
  });

  it("is needed: a careless write through values turns the same text into formulas and numbers", async () => {
    const { fake } = open([{ name: "Sales", values: [] }]);
    await fake.host.run(async (context) => {
      context.workbook.worksheets.add("Careless").getRange("A1:C1").values = [
        [HYPERLINK, "+1", "2026-01"],
      ];
      await context.sync();
    });
    expect(fake.workbook.cell("Careless", "A1")).toMatchObject({ formula: HYPERLINK, value: "" });
    expect(fake.workbook.cell("Careless", "B1")?.value).toBe(1);
    expect(fake.workbook.cell("Careless", "C1")?.value).toBe(46023);
  });
});

describe("which sheets a write may touch", () => {
  it("removes generated sheets the new plan store no longer lists, and only then", async () => {
    const { fake, port } = open([{ name: "Sales", values: [["Date"]] }]);
    await port.writeSheets(smallModels(["Plan", "Old"]));
    expect(fake.workbook.order).toEqual(["Sales", "Plan", "Old", PLAN_STORE_SHEET]);

    // A write without the store (e.g. a refresh of some sheets) keeps the registry and the sheets.
    const partial = await port.writeSheets(smallModels(["Plan"], "Refreshed").slice(0, 1));
    expect(partial).toMatchObject({ replaced: ["Plan"], added: [], removed: [] });
    expect(fake.workbook.order).toEqual(["Sales", "Plan", "Old", PLAN_STORE_SHEET]);

    const report = await port.writeSheets(smallModels(["Plan"]));
    expect(report).toMatchObject({
      replaced: ["Plan", PLAN_STORE_SHEET],
      added: [],
      removed: ["Old"],
    });
    expect(fake.workbook.order).toEqual(["Sales", "Plan", PLAN_STORE_SHEET]);
  });

  it("writes only a mark's own cells into a kept sheet, and nothing when that sheet is gone", async () => {
    const { fake, port } = open([{ name: "Sales", values: [["Date"]] }]);
    await port.writeSheets(smallModels(["Plan", "Ann"]));
    const kept = fake.workbook.snapshot("Ann");
    const mark: SheetModel = {
      name: "Ann",
      kind: "kind-Ann",
      keepExisting: true,
      rows: [[null], [{ value: "No longer in the plan", style: "note" }]],
    };
    const store = planStoreSheet({
      plan: "{}",
      sheets: [
        { name: "Plan", kind: "kind-Plan" },
        { name: "Ann", kind: "kind-Ann" },
      ],
    });
    const report = await port.writeSheets([smallModels(["Plan"])[0], mark, store]);
    expect(report.removed).toEqual([]);
    expect(fake.workbook.order).toEqual(["Sales", "Plan", "Ann", PLAN_STORE_SHEET]);
    expect(fake.workbook.values("Ann")).toEqual(
      [
        ["Plan Ann", "", ""],
        [100, 200, "=SUM(A2:B2)"],
      ].map((row, r) => (r === 1 ? ["No longer in the plan", 200, "=SUM(A2:B2)"] : row)),
    );
    expect(fake.workbook.cell("Ann", "A2")?.format.italic).toBe(true);
    expect(fake.workbook.snapshot("Ann").columnWidths).toEqual(kept.columnWidths);

    const { fake: other, port: otherPort } = open([{ name: "Sales", values: [] }]);
    await otherPort.writeSheets([mark]);
    expect(other.workbook.order).toEqual(["Sales"]);
  });

  it("refuses a table name a user's table already has, before writing", async () => {
    const model: SheetModel = {
      name: "Actions",
      kind: "action-plan",
      rows: [
        [{ value: "Rep" }, { value: "Target" }],
        [{ value: "Ann" }, { value: 1 }],
      ],
      tables: [
        {
          name: "Budget",
          block: { firstRow: 0, firstColumn: 0, lastRow: 1, lastColumn: 1 },
          style: "TableStyleLight9",
        },
      ],
    };
    const { fake, port } = open(
      [
        {
          name: "Sales",
          values: [
            ["Region", "Amount"],
            ["East", 5],
          ],
        },
      ],
      { tables: [{ name: "BUDGET", sheet: "Sales", address: "A1:B2" }] },
    );
    const error = await portError(port.writeSheets([model]));
    expect(error).toMatchObject({
      code: "excel-error",
      params: { table: "BUDGET", sheet: "Sales" },
    });
    expect(fake.workbook.order).toEqual(["Sales"]);
  });
});

describe("a 200-rep plan", () => {
  const fixture = planFixture({ reps: 200, rows: 20_000, regions: 8 });

  it("is written in requests of less than 4 MB each, and completely", async () => {
    const { fake, port } = open([fixture.historySheet]);
    const history = fingerprint(fake, "Sales");
    const report = await port.writeSheets(fixture.models);
    expect(Math.max(...fake.stats.requestBytes)).toBeLessThan(4_000_000);
    expect(report.syncs).toBe(fake.stats.syncs);
    expect(report.added).toHaveLength(fixture.models.length);
    for (const model of fixture.models) expectSheetWritten(fake, model);
    expect(fingerprint(fake, "Sales")).toEqual(history);
  });

  it("leaves the user's sheets untouched when a request fails half-way, and a second write completes it", async () => {
    const mine: FakeSheetInit = { name: "My notes", values: [["keep me"]] };
    const { fake, port } = open([fixture.historySheet, mine]);
    const before = ["Sales", "My notes"].map((n) => fingerprint(fake, n));
    fake.failSync(4);
    const error = await portError(port.writeSheets(fixture.models));
    expect(error.code).toBe("excel-error");
    expect(error.params).toMatchObject({
      excelCode: "GeneralException",
      phase: "write",
      stage: "cells",
    });
    expect(String(error.params.sheets)).not.toBe("");
    expect(["Sales", "My notes"].map((n) => fingerprint(fake, n))).toEqual(before);

    const report = await port.writeSheets(fixture.models);
    expect(report.replaced.length).toBeGreaterThan(0);
    const { fake: clean, port: cleanPort } = open([fixture.historySheet, mine]);
    await cleanPort.writeSheets(fixture.models);
    expect(snapshots(fake)).toEqual(snapshots(clean));
  });

  it("stops between requests when cancelled, naming the sheets it completed", async () => {
    const { fake, port } = open([fixture.historySheet]);
    const abort = new AbortController();
    let syncsAtAbort = 0;
    const error = await portError(
      port.writeSheets(fixture.models, {
        signal: abort.signal,
        onProgress: ({ done }) => {
          if (done > 0 && !abort.signal.aborted) {
            abort.abort();
            syncsAtAbort = fake.stats.syncs;
          }
        },
      }),
    );
    expect(error.code).toBe("cancelled");
    expect(fake.stats.syncs).toBe(syncsAtAbort);
    expect(Number(error.params.done)).toBeLessThan(Number(error.params.total));
    const written = String(error.params.written).split(", ").filter(Boolean);
    expect(written.length).toBeGreaterThan(0);
    for (const name of written) expect(fake.workbook.hasSheet(name)).toBe(true);
  });
});

describe("large sheets", () => {
  it("split into several requests under 4 MB where one would pass Excel's 5 MB limit", async () => {
    const rows = Array.from({ length: 40_000 }, (_, r) =>
      Array.from({ length: 8 }, (_, c) => ({ value: `row ${r} column ${c} ${"·".repeat(12)}` })),
    );
    const model: SheetModel = { name: "Big", kind: "big", rows };
    const { fake, port } = open([{ name: "Sales", values: [] }]);
    const report = await port.writeSheets([model]);
    const sum = fake.stats.requestBytes.reduce((a, b) => a + b, 0);
    expect(sum).toBeGreaterThan(5 * 1024 * 1024);
    expect(Math.max(...fake.stats.requestBytes)).toBeLessThan(4_000_000);
    expect(report.syncs).toBeGreaterThan(4);
    expect(fake.workbook.cell("Big", "H40000")?.value).toBe(rows[39_999][7].value);
  });
});
