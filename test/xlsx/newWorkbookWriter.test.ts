import { promises as fsp } from "node:fs";
import ExcelJS from "exceljs";
import fc from "fast-check";
import JSZip from "jszip";
import type { LazySheet, SheetModel } from "../../src/sheets/sheetModel";
import { xmlContent, xmlText } from "../../src/xlsx/spreadsheetMl";
import { newWorkbookBytes } from "../../src/xlsx/writeNewWorkbook";
import { writePlanWorkbook } from "../../src/xlsx/writeWorkbook";
import { runStp, tempFolder } from "../cli/runStp";
import { writeFixtureXlsx } from "../support/buildWorkbook";

/**
 * A new workbook is written as SpreadsheetML directly; an existing one is regenerated through
 * ExcelJS. Both must give the same sheets: these tests read both back and compare everything a
 * user sees and the regeneration relies on.
 */

let folder: Awaited<ReturnType<typeof tempFolder>>;

beforeAll(async () => {
  folder = await tempFolder();
});
afterAll(() => folder.remove());

type CellView = {
  value: unknown;
  formula?: string;
  result?: unknown;
  numFmt?: string;
  font: { bold: boolean; italic: boolean; size: number; color?: string };
  fill?: string;
  border: string[];
  alignment?: string;
  validation?: string;
};

/** What a sheet shows, read back by ExcelJS, in a form two writers' outputs can be compared by. */
function sheetView(sheet: ExcelJS.Worksheet): Record<string, unknown> {
  const cells: Record<string, CellView> = {};
  sheet.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      const model = cell.model as { formula?: string; result?: unknown; value?: unknown };
      const style = cell.style ?? {};
      const fill = style.fill as ExcelJS.FillPattern | undefined;
      const view: CellView = {
        value: model.formula ? null : (cell.value ?? null),
        font: {
          bold: Boolean(style.font?.bold),
          italic: Boolean(style.font?.italic),
          size: style.font?.size ?? 11,
          ...(style.font?.color?.argb ? { color: style.font.color.argb } : {}),
        },
        border: (["top", "bottom", "left", "right"] as const)
          .filter((side) => style.border?.[side]?.style)
          .map(
            (side) => `${side}:${style.border?.[side]?.style}:${style.border?.[side]?.color?.argb}`,
          ),
      };
      if (model.formula) {
        view.formula = model.formula;
        view.result = model.result ?? null;
      }
      if (style.numFmt && style.numFmt !== "General") view.numFmt = style.numFmt;
      if (fill?.pattern === "solid") view.fill = fill.fgColor?.argb;
      if (style.alignment && Object.keys(style.alignment).length > 0)
        view.alignment = JSON.stringify(style.alignment);
      if (cell.dataValidation) view.validation = JSON.stringify(cell.dataValidation.formulae);
      cells[cell.address] = view;
    }),
  );
  const hiddenRows: number[] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    if (row.hidden) hiddenRows.push(n);
  });
  const columns = (sheet.columns ?? []).map((column, i) => ({
    i,
    width: column.width ?? null,
    hidden: Boolean(column.hidden),
  }));
  const tables = Object.values(
    (sheet as unknown as { tables: Record<string, { table: Record<string, unknown> }> }).tables,
  ).map(({ table }) => ({
    name: table.name,
    ref: table.tableRef ?? table.ref,
    columns: (table.columns as { name: string }[]).map((c) => c.name),
    style: (table.style as { theme: string }).theme,
  }));
  const conditional = (
    sheet as unknown as {
      conditionalFormattings: {
        ref: string;
        rules: { type: string; operator?: string; formulae: string[]; style: ExcelJS.Style }[];
      }[];
    }
  ).conditionalFormattings.map(({ ref, rules }) =>
    rules.map((rule) => ({
      ref,
      type: rule.type,
      operator: rule.operator,
      formulae: rule.formulae,
      fill: (rule.style?.fill as ExcelJS.FillPattern | undefined)?.bgColor?.argb,
      font: rule.style?.font?.color?.argb,
    })),
  );
  const view = sheet.views?.[0] as Partial<ExcelJS.WorksheetViewFrozen> | undefined;
  const setup = sheet.pageSetup;
  const print = {
    orientation: setup.orientation ?? "portrait",
    fitToPage: Boolean(setup.fitToPage),
    fitToWidth: setup.fitToPage ? setup.fitToWidth : null,
    fitToHeight: setup.fitToPage ? setup.fitToHeight : null,
    printArea: setup.printArea ?? null,
    printTitlesRow: setup.printTitlesRow ?? null,
    footer: sheet.headerFooter?.oddFooter ?? null,
  };
  return {
    name: sheet.name,
    state: sheet.state ?? "visible",
    cells,
    hiddenRows,
    columns: columns.filter((c) => c.width !== null || c.hidden),
    tables,
    conditional,
    frozen: view?.state === "frozen" ? { x: view.xSplit ?? 0, y: view.ySplit ?? 0 } : null,
    print,
  };
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

describe.each([
  ["zh", "samples/sales-history-zh.xlsx", "samples/plan-zh.json"],
  ["en", "samples/sales-history-en.xlsx", "samples/plan-en.json"],
])("the %s sample plan", (name, history, plan) => {
  test("a new file and a regenerated file hold the same sheets", async () => {
    const fresh = folder.file(`${name}-new.xlsx`);
    const regenerated = folder.file(`${name}-regenerated.xlsx`);
    await writeFixtureXlsx(regenerated, [{ name: "My notes", rows: [["kept as typed"]] }]);
    for (const out of [fresh, regenerated]) {
      const run = await runStp(["plan", "--history", history, "--config", plan, "--out", out]);
      expect(run.err.filter((line) => /error|错误/i.test(line))).toEqual([]);
      expect(run.code).toBe(0);
    }
    const a = await load(fresh);
    const b = await load(regenerated);
    const generated = b.worksheets.filter((sheet) => sheet.name !== "My notes");
    expect(a.worksheets.map((s) => s.name)).toEqual(generated.map((s) => s.name));
    expect(a.worksheets.length).toBeGreaterThan(5);
    for (const sheet of a.worksheets) {
      const other = b.getWorksheet(sheet.name);
      expect(other).toBeDefined();
      expect(sheetView(sheet)).toEqual(sheetView(other as ExcelJS.Worksheet));
    }
    expect(b.getWorksheet("My notes")?.getCell("A1").value).toBe("kept as typed");
  });
});

describe("text in the directly written workbook", () => {
  test("any text comes back as written, never as a formula", async () => {
    // ExcelJS reads XML escapes but not Excel's `_xHHHH_` ones: printable text only here;
    // control characters are covered by the next test.
    const printable = fc
      .string({ unit: "grapheme", maxLength: 40 })
      .filter((s) => !/[\p{Cc}]/u.test(s));
    const texts = fc.sample(
      fc.oneof(printable, fc.constantFrom("=1+1", "+A1", "@x", "-1", " lead", "trail ", "a&b<c>")),
      { numRuns: 200, seed: 7 },
    );
    const model: SheetModel = {
      name: "Texts",
      kind: "test",
      rows: texts.map((value) => [{ value }]),
    };
    const file = folder.file("texts.xlsx");
    await writePlanWorkbook([model], file);
    const sheet = (await load(file)).getWorksheet("Texts") as ExcelJS.Worksheet;
    texts.forEach((text, i) => {
      const cell = sheet.getCell(i + 1, 1);
      expect(cell.formula).toBeUndefined();
      expect(cell.value ?? "").toBe(text);
    });
  });

  test("characters XML cannot hold are written as Excel's _xHHHH_ escapes", async () => {
    expect(xmlText("a\u0001b")).toBe("a_x0001_b");
    expect(xmlText("a_x0041_b")).toBe("a_x005F_x0041_b");
    expect(xmlText('<&">')).toBe("&lt;&amp;&quot;&gt;");
    expect(xmlText("😀")).toBe("😀");
    // Element content keeps its quotes, whatever else it escapes.
    expect(xmlContent('["East","Ann"]')).toBe('["East","Ann"]');
    expect(xmlContent('IF(F5>0,"&quot;",\u0001)')).toBe('IF(F5&gt;0,"&amp;quot;",_x0001_)');
    expect(xmlText("\ud800x")).toBe("_xD800_x");
    const file = folder.file("control.xlsx");
    await writePlanWorkbook([{ name: "S", kind: "test", rows: [[{ value: "bell\u0007" }]] }], file);
    const zip = await JSZip.loadAsync(await fsp.readFile(file));
    const strings = await zip.file("xl/sharedStrings.xml")?.async("string");
    expect(strings).toContain("<t>bell_x0007_</t>");
  });
});

describe("lazy sheets", () => {
  const model = (name: string, n: number): SheetModel => ({
    name,
    kind: "allocation",
    rows: Array.from({ length: n }, (_, r) => [
      { value: `${name} ${r}` },
      { value: r * 100, numFmt: "#,##0" },
      { value: r * 100, formula: `B${r + 1}`, numFmt: "#,##0", style: "total" },
    ]),
  });
  const options = {
    level: () => 6,
    check: () => undefined,
    creator: "Sales Target Planner",
    created: new Date(Date.UTC(2026, 0, 1)),
  };

  test("are built once each, in order, and give the bytes their models give", async () => {
    const models = [model("One", 3), model("Two", 40_000), model("Three", 5)];
    const built: string[] = [];
    const lazy: LazySheet[] = models.map((m) => ({
      name: m.name,
      kind: m.kind,
      build: () => {
        built.push(m.name);
        return m;
      },
    }));
    const fromLazy = await newWorkbookBytes(lazy, options);
    expect(built).toEqual(["One", "Two", "Three"]);
    expect(fromLazy.equals(await newWorkbookBytes(models, options))).toBe(true);
  });

  test("a lazy sheet that builds into another sheet stops the write", async () => {
    const lazy: LazySheet[] = [{ name: "One", kind: "allocation", build: () => model("Two", 1) }];
    await expect(newWorkbookBytes(lazy, options)).rejects.toThrow("sheet One: built with name Two");
  });
});
