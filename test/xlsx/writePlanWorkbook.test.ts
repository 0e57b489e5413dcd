import { promises as fsp } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { QUOTA_CHART_NAME } from "../../src/sheets/repTabs";
import type { SheetModel } from "../../src/sheets/sheetModel";
import { FileAccessError, WorkbookWriteError } from "../../src/xlsx/fileErrors";
import { readSheetValues } from "../../src/xlsx/readSheetValues";
import { sheetNameProblem } from "../../src/sheets/sheetNameProblem";
import { writePlanWorkbook } from "../../src/xlsx/writeWorkbook";
import { fixtureWorkbook, writeFixtureXlsx } from "../support/buildWorkbook";
import { drawCharts } from "../support/drawCharts";

let dir: string;

beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), "stp-write-"));
});

afterAll(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

const HYPERLINK_TEXT = '=HYPERLINK("http://example.com","x")';

function planModel(name = "Plan", annual = 700): SheetModel {
  return {
    name,
    kind: "allocation",
    rows: [
      [{ value: "Plan 2026", style: "title" }],
      [
        { value: "Rep", style: "header" },
        { value: "Jan", style: "header" },
        { value: "Feb", style: "header" },
        { value: "Annual", style: "header" },
      ],
      [
        { value: "Ann" },
        { value: 300, numFmt: "#,##0" },
        { value: 400, numFmt: "#,##0" },
        { value: annual, formula: "SUM(B3:C3)", numFmt: "#,##0", style: "total" },
      ],
      [
        { value: HYPERLINK_TEXT, style: "note" },
        null,
        { value: true },
        { value: "", style: "input" },
      ],
      [{ value: "=1+1" }, { value: "0042" }],
    ],
    columnWidths: [18, 10, 10, 12],
    freeze: { rows: 2, columns: 1 },
  };
}

const storeModel = (text: string): SheetModel => ({
  name: "_stp_plan",
  kind: "planStore",
  rows: [[{ value: text }]],
  state: "veryHidden",
});

async function load(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

async function folderEntries(): Promise<string[]> {
  return (await fsp.readdir(dir)).sort();
}

async function expectWriteError(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkbookWriteError);
  expect((error as WorkbookWriteError).code).toBe(code);
  return error as WorkbookWriteError;
}

describe("writePlanWorkbook: a new file", () => {
  let file: string;
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    file = path.join(dir, "new.xlsx");
    const report = await writePlanWorkbook([planModel(), storeModel('{"v":1}')], file);
    expect(report).toEqual({
      replaced: [],
      added: ["Plan", "_stp_plan"],
      removed: [],
      kept: [],
      dropped: [],
    });
    workbook = await load(file);
  });

  test("strings stay text, even when they look like formulas or numbers", () => {
    const sheet = workbook.getWorksheet("Plan")!;
    for (const [address, text] of [
      ["A4", HYPERLINK_TEXT],
      ["A5", "=1+1"],
      ["B5", "0042"],
    ]) {
      const cell = sheet.getCell(address);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(text);
      expect(cell.formula).toBeFalsy();
    }
  });

  test("formulas carry the engine's value as their cached result", () => {
    const cell = workbook.getWorksheet("Plan")!.getCell("D3");
    expect(cell.type).toBe(ExcelJS.ValueType.Formula);
    expect(cell.formula).toBe("SUM(B3:C3)");
    expect(cell.result).toBe(700);
    expect(cell.numFmt).toBe("#,##0");
  });

  test("values, formats, styles, widths, freeze panes and visibility", () => {
    const sheet = workbook.getWorksheet("Plan")!;
    expect(sheet.getCell("B3").value).toBe(300);
    expect(sheet.getCell("C4").value).toBe(true);
    expect(sheet.getCell("A1").font).toMatchObject({ bold: true, size: 14 });
    expect(sheet.getCell("B2").font).toMatchObject({ bold: true });
    expect(sheet.getCell("B2").fill).toMatchObject({ type: "pattern", pattern: "solid" });
    expect(sheet.getCell("B2").border.bottom).toMatchObject({ style: "thin" });
    expect(sheet.getCell("D3").border.top).toMatchObject({ style: "thin" });
    expect(sheet.getCell("A4").font).toMatchObject({ italic: true });
    expect(sheet.getCell("D4").fill).toMatchObject({ fgColor: { argb: "FFFFF2CC" } });
    // Styles are not shared: the title's font is not the header's.
    expect(sheet.getCell("A3").font?.bold).toBeFalsy();
    expect(sheet.getColumn(1).width).toBe(18);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 2 });
    expect(sheet.state).toBe("visible");
    expect(workbook.getWorksheet("_stp_plan")!.state).toBe("veryHidden");
    expect(workbook.views[0].activeTab).toBe(0);
  });

  test("readSheetValues reads a very hidden sheet; null when absent", async () => {
    expect(await readSheetValues(file, "_stp_plan")).toEqual([['{"v":1}']]);
    expect(await readSheetValues(file, "_STP_PLAN")).toEqual([['{"v":1}']]);
    expect(await readSheetValues(file, "Nope")).toBeNull();
    expect(await readSheetValues(path.join(dir, "absent.xlsx"), "_stp_plan")).toBeNull();
  });

  test("no temporary file is left beside it", async () => {
    expect((await folderEntries()).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });
});

describe("writePlanWorkbook: regeneration in place", () => {
  let file: string;

  beforeEach(async () => {
    file = path.join(dir, "regen.xlsx");
    await fsp.rm(file, { force: true });
    await writePlanWorkbook([planModel("Plan", 700), planModel("Old rep"), storeModel("1")], file);
    // The user adds sheets of their own before and after the generated ones.
    const workbook = await load(file);
    const notes = workbook.addWorksheet("Notes");
    notes.getCell("A1").value = "My notes";
    notes.getCell("A1").font = { color: { argb: "FFFF0000" } };
    notes.getCell("B2").value = new Date(Date.UTC(2026, 2, 1));
    notes.getCell("B2").numFmt = "d mmm yyyy";
    notes.getCell("C3").value = { formula: "Plan!D3*2", result: 1400 };
    notes.getCell("D4").value = "=not a formula";
    notes.mergeCells("A6:C6");
    notes.getCell("A6").value = "merged";
    const cover = workbook.addWorksheet("Cover");
    cover.getCell("A1").value = "Cover page";
    (cover as ExcelJS.Worksheet & { orderNo: number }).orderNo = -1;
    await workbook.xlsx.writeFile(file);
  });

  test("rewrites its own sheets in place, keeps the user's, removes stale ones", async () => {
    const report = await writePlanWorkbook(
      [planModel("Plan", 777), storeModel("2"), planModel("New rep")],
      file,
      { replaceSheets: ["Plan", "Old rep", "_stp_plan"] },
    );
    expect(report).toEqual({
      replaced: ["Plan", "_stp_plan"],
      added: ["New rep"],
      removed: ["Old rep"],
      kept: ["Cover", "Notes"],
      dropped: [],
    });
    const workbook = await load(file);
    // The generated sheets stand together where the first of them stood (planSheetWrites).
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      "Cover",
      "Plan",
      "_stp_plan",
      "New rep",
      "Notes",
    ]);
    expect(workbook.getWorksheet("Plan")!.getCell("D3").result).toBe(777);
    expect(await readSheetValues(file, "_stp_plan")).toEqual([["2"]]);
    expect(workbook.getWorksheet("_stp_plan")!.state).toBe("veryHidden");

    const notes = workbook.getWorksheet("Notes")!;
    expect(notes.getCell("A1").value).toBe("My notes");
    expect(notes.getCell("A1").font).toMatchObject({ color: { argb: "FFFF0000" } });
    expect(notes.getCell("B2").value).toEqual(new Date(Date.UTC(2026, 2, 1)));
    expect(notes.getCell("B2").numFmt).toBe("d mmm yyyy");
    expect(notes.getCell("C3").formula).toBe("Plan!D3*2");
    expect(notes.getCell("D4").value).toBe("=not a formula");
    expect(notes.getCell("D4").type).toBe(ExcelJS.ValueType.String);
    expect(notes.getCell("C6").isMerged).toBe(true);
    expect(workbook.getWorksheet("Cover")!.getCell("A1").value).toBe("Cover page");
    expect(workbook.views[0].activeTab).toBe(0);
  });

  test("refuses to overwrite a user's sheet with a plan sheet's name", async () => {
    const before = await fsp.readFile(file);
    const error = await expectWriteError(
      writePlanWorkbook([planModel("Plan"), planModel("notes")], file, {
        replaceSheets: ["Plan"],
      }),
      "sheet-name-taken",
    );
    expect(error.params.sheet).toBe("Notes");
    expect(error.params.path).toBe(file);
    expect(await fsp.readFile(file)).toEqual(before);
  });

  test("without replaceSheets even its own earlier sheet is not overwritten", async () => {
    await expectWriteError(writePlanWorkbook([planModel("Plan")], file), "sheet-name-taken");
  });
});

describe("writePlanWorkbook: atomic writes", () => {
  let file: string;
  let before: Buffer;

  beforeEach(async () => {
    file = path.join(dir, "atomic.xlsx");
    await writePlanWorkbook([planModel()], file, { replaceSheets: ["Plan"] });
    before = await fsp.readFile(file);
  });

  afterEach(() => jest.restoreAllMocks());

  test("a model the writer cannot store leaves the old file as it was", async () => {
    const broken = planModel();
    broken.rows[2][1] = { value: Number.NaN };
    const error = await expectWriteError(
      writePlanWorkbook([broken], file, { replaceSheets: ["Plan"] }),
      "cell-value-invalid",
    );
    expect(error.params.cell).toBe("Plan!B3");
    expect(await fsp.readFile(file)).toEqual(before);
    expect((await folderEntries()).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  test("a failure after the temporary file is written removes it and keeps the old file", async () => {
    const rename = jest
      .spyOn(fsp, "rename")
      .mockRejectedValue(Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" }));
    const error = await writePlanWorkbook([planModel("Plan", 1)], file, {
      replaceSheets: ["Plan"],
    }).catch((e: unknown) => e);
    expect(rename).toHaveBeenCalledTimes(1);
    const [temporary] = rename.mock.calls[0];
    expect(path.dirname(String(temporary))).toBe(dir);
    expect(error).toBeInstanceOf(FileAccessError);
    expect((error as FileAccessError).code).toBe("file-unwritable");
    expect((error as FileAccessError).params.reason).toBe("EACCES");
    expect(await fsp.readFile(file)).toEqual(before);
    expect((await folderEntries()).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  test("a folder that does not exist", async () => {
    const error = await writePlanWorkbook([planModel()], path.join(dir, "no", "such.xlsx")).catch(
      (e: unknown) => e,
    );
    expect((error as FileAccessError).code).toBe("file-unwritable");
  });
});

describe("writePlanWorkbook: workbooks it cannot rewrite safely", () => {
  // A 1×1 PNG, built in memory.
  const PNG = Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==",
    "base64",
  );

  test("an image on a sheet to rewrite: refused and named with its sheet, file untouched", async () => {
    const file = path.join(dir, "picture.xlsx");
    const workbook = fixtureWorkbook([{ name: "Plan", rows: [["x"]] }]);
    const image = workbook.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: "png" });
    workbook.getWorksheet("Plan")!.addImage(image, "B2:C3");
    await workbook.xlsx.writeFile(file);
    const before = await fsp.readFile(file);
    const error = await expectWriteError(
      writePlanWorkbook([planModel()], file, { replaceSheets: ["Plan"] }),
      "workbook-has-unkeepable-parts",
    );
    expect(error.parts).toEqual(["images"]);
    expect(error.params.parts).toBe('images (on "Plan")');
    expect(await fsp.readFile(file)).toEqual(before);
  });

  test("charts, pivot tables and custom XML parts beside the plan are kept byte for byte", async () => {
    const file = path.join(dir, "chart.xlsx");
    await writeFixtureXlsx(file, [{ name: "Data", rows: [["a", 1]] }]);
    const zip = await JSZip.loadAsync(await fsp.readFile(file));
    const extra: Record<string, string> = {
      "xl/charts/chart1.xml": "<c:chartSpace/>",
      "xl/drawings/drawing1.xml": "<xdr:wsDr/>",
      "xl/pivotTables/pivotTable1.xml": "<pivotTableDefinition/>",
      "xl/pivotCache/pivotCacheDefinition1.xml": "<pivotCacheDefinition/>",
      "customXml/item1.xml": "<x/>",
    };
    for (const [name, xml] of Object.entries(extra)) zip.file(name, xml);
    await fsp.writeFile(file, await zip.generateAsync({ type: "nodebuffer" }));
    const report = await writePlanWorkbook([planModel()], file);
    expect(report).toMatchObject({ added: ["Plan"], kept: ["Data"], dropped: [] });
    const written = await JSZip.loadAsync(await fsp.readFile(file));
    for (const [name, xml] of Object.entries(extra)) {
      expect(await written.file(name)!.async("string")).toBe(xml);
    }
  });

  test("an Office add-in's task-pane settings are kept as they were", async () => {
    const file = path.join(dir, "addin.xlsx");
    await writePlanWorkbook([planModel()], file);
    const zip = await JSZip.loadAsync(await fsp.readFile(file));
    zip.file("xl/webextensions/taskpanes.xml", "<wetp:taskpanes/>");
    zip.file("xl/webextensions/webextension1.xml", "<we:webextension/>");
    await fsp.writeFile(file, await zip.generateAsync({ type: "nodebuffer" }));
    const report = await writePlanWorkbook([planModel()], file, { replaceSheets: ["Plan"] });
    expect(report.dropped).toEqual([]);
    expect(report.replaced).toEqual(["Plan"]);
    const written = await JSZip.loadAsync(await fsp.readFile(file));
    expect(await written.file("xl/webextensions/taskpanes.xml")!.async("string")).toBe(
      "<wetp:taskpanes/>",
    );
  });

  describe("the add-in's quota charts", () => {
    /** A generated workbook: Plan, the rep tab Ann (sheet2.xml) and the user's own Mine. */
    async function generatedWorkbook(name: string): Promise<string> {
      const file = path.join(dir, name);
      await writePlanWorkbook(
        [planModel(), planModel("Ann"), planModel("Mine"), storeModel("{}")],
        file,
      );
      return file;
    }
    const generated = ["Plan", "Ann", "_stp_plan"];

    test("on a generated sheet: dropped with a report, the sheets rewritten", async () => {
      const file = await generatedWorkbook("own-chart.xlsx");
      await drawCharts(file, 2, [QUOTA_CHART_NAME]);
      const report = await writePlanWorkbook(
        [planModel("Plan", 900), planModel("Ann", 800), storeModel("{}")],
        file,
        { replaceSheets: generated, quotaChartSheets: ["Ann"] },
      );
      expect(report.dropped).toEqual(["add-in-charts"]);
      expect(report.kept).toEqual(["Mine"]);
      const rewritten = await JSZip.loadAsync(await fsp.readFile(file));
      expect(Object.keys(rewritten.files).filter((f) => /charts|drawings/.test(f))).toEqual([]);
      expect((await load(file)).getWorksheet("Ann")!.getCell("D3").value).toMatchObject({
        result: 800,
      });
    });

    test("a chart on the user's sheet is kept, even one named as the quota chart", async () => {
      const onUserSheet = await generatedWorkbook("user-sheet-chart.xlsx");
      await drawCharts(onUserSheet, 3, [QUOTA_CHART_NAME]);
      const before = await JSZip.loadAsync(await fsp.readFile(onUserSheet));
      const report = await writePlanWorkbook(
        [planModel(), planModel("Ann"), storeModel("{}")],
        onUserSheet,
        { replaceSheets: generated, quotaChartSheets: ["Ann"] },
      );
      expect(report).toMatchObject({ replaced: ["Plan", "Ann", "_stp_plan"], kept: ["Mine"] });
      expect(report.dropped).toEqual([]);
      const after = await JSZip.loadAsync(await fsp.readFile(onUserSheet));
      const userParts = Object.keys(before.files).filter(
        (f) => /charts|drawings/.test(f) && !before.files[f].dir,
      );
      expect(userParts.length).toBeGreaterThan(0);
      for (const part of [...userParts, "xl/worksheets/sheet3.xml"]) {
        expect(await after.file(part)!.async("string")).toBe(
          await before.file(part)!.async("string"),
        );
      }
    });

    test("a chart of another name beside it on a rep tab: refused, file unchanged", async () => {
      const beside = await generatedWorkbook("user-chart-beside.xlsx");
      await drawCharts(beside, 2, [QUOTA_CHART_NAME, "My chart"]);
      const withShape = await generatedWorkbook("chart-and-shape.xlsx");
      await drawCharts(
        withShape,
        2,
        [QUOTA_CHART_NAME],
        '<xdr:oneCellAnchor><xdr:sp><xdr:nvSpPr><xdr:cNvPr id="9" name="Arrow"/></xdr:nvSpPr></xdr:sp><xdr:clientData/></xdr:oneCellAnchor>',
      );
      for (const file of [beside, withShape]) {
        const before = await fsp.readFile(file);
        const error = await expectWriteError(
          writePlanWorkbook([planModel(), planModel("Ann"), storeModel("{}")], file, {
            replaceSheets: generated,
            quotaChartSheets: ["Ann"],
          }),
          "workbook-has-unkeepable-parts",
        );
        expect(error.parts).toEqual(["charts"]);
        expect(error.params.parts).toBe('charts (on "Ann")');
        expect(await fsp.readFile(file)).toEqual(before);
      }
    });
  });

  test("a damaged existing file is unreadable, not overwritten", async () => {
    const file = path.join(dir, "damaged.xlsx");
    await fsp.writeFile(file, "not a workbook");
    const error = await writePlanWorkbook([planModel()], file).catch((e: unknown) => e);
    expect((error as FileAccessError).code).toBe("file-unreadable");
    expect(await fsp.readFile(file, "utf8")).toBe("not a workbook");
  });
});

describe("writePlanWorkbook: models it refuses", () => {
  test("invalid and duplicate sheet names", async () => {
    const file = path.join(dir, "names.xlsx");
    await expectWriteError(writePlanWorkbook([planModel("Q1/Q2")], file), "sheet-name-invalid");
    await expectWriteError(
      writePlanWorkbook([planModel("Plan"), planModel("PLAN")], file),
      "sheet-name-invalid",
    );
    await expectWriteError(writePlanWorkbook([planModel("history")], file), "sheet-name-invalid");
    await expectWriteError(writePlanWorkbook([storeModel("x")], file), "no-visible-sheet");
    await expect(fsp.access(file)).rejects.toThrow();
  });

  test("sheetNameProblem follows Excel's rules", () => {
    expect(sheetNameProblem("华东 2026")).toBeNull();
    expect(sheetNameProblem("")).toBe("empty");
    expect(sheetNameProblem("x".repeat(32))).toMatch(/31/);
    expect(sheetNameProblem("'quoted'")).toMatch(/apostrophe/);
    expect(sheetNameProblem("a[1]")).toMatch(/contains/);
  });

  test("only .xlsx output", async () => {
    const error = await writePlanWorkbook([planModel()], path.join(dir, "plan.xlsm")).catch(
      (e: unknown) => e,
    );
    expect((error as FileAccessError).code).toBe("unsupported-file-type");
  });
});

describe("writePlanWorkbook: a departed rep's tab", () => {
  test("is kept as it was, with only the mark's cells written into it", async () => {
    const file = path.join(dir, "departed.xlsx");
    await writePlanWorkbook([planModel("Plan"), planModel("Ann"), storeModel("1")], file);
    const before = await load(file);
    const mark: SheetModel = {
      name: "Ann",
      kind: "rep-tab",
      keepExisting: true,
      rows: [[null], [{ value: "Not in this plan", style: "note" }]],
    };
    const report = await writePlanWorkbook([planModel("Plan", 900), mark, storeModel("2")], file, {
      replaceSheets: ["Plan", "Ann", "_stp_plan"],
    });
    expect(report).toMatchObject({ replaced: ["Plan", "_stp_plan"], kept: ["Ann"], removed: [] });
    const after = await load(file);
    const ann = after.getWorksheet("Ann")!;
    expect(ann.getCell("A2").value).toBe("Not in this plan");
    expect(ann.getCell("A2").font?.italic).toBe(true);
    // Every other cell is as it was.
    const values = (sheet: ExcelJS.Worksheet) =>
      JSON.stringify(sheet.getSheetValues().filter((_, r) => r !== 2));
    expect(values(ann)).toBe(values(before.getWorksheet("Ann")!));
    expect(after.getWorksheet("Plan")!.getCell("D3").value).toMatchObject({ result: 900 });
  });
});
