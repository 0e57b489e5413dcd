import { promises as fsp } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { sheetLabels } from "../../src/sheets/labels";
import { printSetup } from "../../src/sheets/printSetup";
import type { SheetCell, SheetModel } from "../../src/sheets/sheetModel";
import { absoluteRef, printNamesOf, printNamesXml } from "../../src/xlsx/printNames";
import { writePlanWorkbook } from "../../src/xlsx/writeWorkbook";
import { runStp, tempFolder } from "../cli/runStp";

const SAMPLES = path.join(__dirname, "..", "..", "samples");

let folder: Awaited<ReturnType<typeof tempFolder>>;
beforeAll(async () => {
  folder = await tempFolder();
});
afterAll(() => folder.remove());

async function zipOf(file: string): Promise<JSZip> {
  return JSZip.loadAsync(await fsp.readFile(file));
}

async function part(zip: JSZip, name: string): Promise<string> {
  const entry = zip.file(name);
  if (!entry) throw new Error(`no ${name} in the package`);
  return entry.async("string");
}

const ENTITIES: Record<string, string> = { amp: "&", apos: "'", quot: '"', lt: "<", gt: ">" };

function unescapeXml(text: string): string {
  return text.replace(/&(amp|apos|quot|lt|gt);/g, (_, name: string) => ENTITIES[name]);
}

/** The print names of a workbook part, each with the name of the sheet its `localSheetId` means. */
async function printNames(file: string): Promise<{ sheet: string; name: string; refs: string }[]> {
  const workbook = await part(await zipOf(file), "xl/workbook.xml");
  const sheets = [...workbook.matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) =>
    unescapeXml(m[1]),
  );
  return [
    ...workbook.matchAll(
      /<definedName name="(_xlnm\.Print_(?:Area|Titles))" localSheetId="(\d+)">([^<]*)<\/definedName>/g,
    ),
  ].map((m) => ({ sheet: sheets[Number(m[2])], name: m[1], refs: unescapeXml(m[3]) }));
}

/** How each sheet prints, as ExcelJS reads the file back. */
async function printViews(file: string): Promise<Record<string, unknown>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return Object.fromEntries(
    workbook.worksheets.map((sheet) => {
      const setup = sheet.pageSetup;
      return [
        sheet.name,
        {
          orientation: setup.orientation ?? "portrait",
          fitToPage: Boolean(setup.fitToPage),
          fitToWidth: setup.fitToPage ? setup.fitToWidth : null,
          fitToHeight: setup.fitToPage ? setup.fitToHeight : null,
          printArea: setup.printArea ?? null,
          printTitlesRow: setup.printTitlesRow ?? null,
          footer: sheet.headerFooter?.oddFooter ?? null,
          paperSize: setup.paperSize ?? null,
          leftMargin: setup.margins?.left ?? null,
        },
      ];
    }),
  );
}

function wideModel(name: string): SheetModel {
  const cell: SheetCell = { value: 1 };
  const model: SheetModel = {
    name,
    kind: "allocation",
    rows: [
      [{ value: "Title", style: "title" }],
      Array.from({ length: 24 }, (_, c) => ({ value: `H${c}`, style: "header" as const })),
      new Array<SheetCell>(24).fill(cell),
    ],
    columnWidths: new Array<number>(24).fill(11),
  };
  return { ...model, print: printSetup(model, { first: 1, last: 1 }, sheetLabels("en-US"), 2026) };
}

const store: SheetModel = {
  name: "_stp_store",
  kind: "plan-store",
  rows: [[{ value: "x" }]],
  state: "veryHidden",
};

describe("print names", () => {
  it("are absolute and quote the sheet's name, an apostrophe doubled", () => {
    expect(absoluteRef("a1:X99")).toBe("$A$1:$X$99");
    expect(absoluteRef("$4:4")).toBe("$4:$4");
    expect(absoluteRef("B:c")).toBe("$B:$C");
    expect(() => absoluteRef("A1:?")).toThrow(/not a cell, row or column reference/);
    const model = wideModel("O'Brien & Co");
    const names = printNamesOf(model.name, 2, model.print!);
    expect(names).toEqual({
      index: 2,
      area: "'O''Brien & Co'!$A$1:$X$3",
      titles: "'O''Brien & Co'!$2:$2",
    });
    expect(printNamesXml([names, { index: 3, titles: "'S'!$A:$A,'S'!$1:$1" }])).toBe(
      `<definedName name="_xlnm.Print_Area" localSheetId="2">'O''Brien &amp; Co'!$A$1:$X$3</definedName>` +
        `<definedName name="_xlnm.Print_Titles" localSheetId="2">'O''Brien &amp; Co'!$2:$2</definedName>` +
        `<definedName name="_xlnm.Print_Titles" localSheetId="3">'S'!$A:$A,'S'!$1:$1</definedName>`,
    );
  });
});

describe("page setup written by both .xlsx writers", () => {
  it("a new workbook: fitted to one page wide, landscape, header row on every page, the footer", async () => {
    const file = folder.file("new.xlsx");
    await writePlanWorkbook([wideModel("O'Brien & Co"), store], file);
    const zip = await zipOf(file);
    const sheet = await part(zip, "xl/worksheets/sheet1.xml");
    expect(sheet).toMatch(
      /<worksheet [^>]*><sheetPr><pageSetUpPr fitToPage="1"\/><\/sheetPr><dimension /,
    );
    expect(sheet).toContain(
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
        '<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
        "<headerFooter><oddFooter>&amp;C2026 Sales Plan · O'Brien &amp;&amp; Co · Page &amp;P of &amp;N</oddFooter></headerFooter>",
    );
    // The plan store has no page setup of its own.
    expect(await part(zip, "xl/worksheets/sheet2.xml")).not.toMatch(
      /pageSetup|headerFooter|sheetPr/,
    );
    expect(await printNames(file)).toEqual([
      { sheet: "O'Brien & Co", name: "_xlnm.Print_Area", refs: "'O''Brien & Co'!$A$1:$X$3" },
      { sheet: "O'Brien & Co", name: "_xlnm.Print_Titles", refs: "'O''Brien & Co'!$2:$2" },
    ]);
    expect((await printViews(file))["O'Brien & Co"]).toEqual({
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printArea: "A1:X3",
      printTitlesRow: "2:2",
      footer: "&C2026 Sales Plan · O'Brien && Co · Page &P of &N",
      paperSize: null,
      leftMargin: 0.7,
    });
  });

  it("a regenerated workbook: the same page setup, print names fixed for every sheet", async () => {
    const file = folder.file("regenerated.xlsx");
    await writePlanWorkbook([wideModel("O'Brien & Co"), store], file);
    const before = await printViews(file);
    // Regenerated with a new sheet, which stands before it (the models' order): names follow
    // their sheets.
    await writePlanWorkbook([wideModel("Plan"), wideModel("O'Brien & Co"), store], file, {
      replaceSheets: ["O'Brien & Co", "_stp_store"],
    });
    const after = await printViews(file);
    expect(after["O'Brien & Co"]).toEqual(before["O'Brien & Co"]);
    expect(after["Plan"]).toMatchObject({ orientation: "landscape", printTitlesRow: "2:2" });
    expect(await printNames(file)).toEqual([
      { sheet: "Plan", name: "_xlnm.Print_Area", refs: "'Plan'!$A$1:$X$3" },
      { sheet: "Plan", name: "_xlnm.Print_Titles", refs: "'Plan'!$2:$2" },
      { sheet: "O'Brien & Co", name: "_xlnm.Print_Area", refs: "'O''Brien & Co'!$A$1:$X$3" },
      { sheet: "O'Brien & Co", name: "_xlnm.Print_Titles", refs: "'O''Brien & Co'!$2:$2" },
    ]);
  });
});

/** The user's own sheet, as Excel saves one with its own page setup. */
const USER_SHEET = "Ann's notes";
const USER_SHEET_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
  '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:D20"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>' +
  '<sheetFormatPr defaultRowHeight="15"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>My own notes</t></is></c></row></sheetData>' +
  '<pageMargins left="0.25" right="0.25" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
  '<pageSetup paperSize="9" orientation="landscape" fitToWidth="2" fitToHeight="3"/>' +
  "<headerFooter><oddFooter>&amp;LMine &amp;&amp; only&amp;RPage &amp;P</oddFooter></headerFooter></worksheet>";

/** Adds the user's sheet to a workbook package, first in tab order, with its print names. */
async function addUserSheet(file: string): Promise<void> {
  const zip = await zipOf(file);
  zip.file("xl/worksheets/sheet99.xml", USER_SHEET_XML);
  const types = await part(zip, "[Content_Types].xml");
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      '<Override PartName="/xl/worksheets/sheet99.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
  );
  const rels = await part(zip, "xl/_rels/workbook.xml.rels");
  zip.file(
    "xl/_rels/workbook.xml.rels",
    rels.replace(
      "</Relationships>",
      '<Relationship Id="rIdUser" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet99.xml"/></Relationships>',
    ),
  );
  let workbook = await part(zip, "xl/workbook.xml");
  // Shift the generated sheets' names one place right: the user's sheet comes first.
  workbook = workbook.replace(
    /localSheetId="(\d+)"/g,
    (_, id) => `localSheetId="${Number(id) + 1}"`,
  );
  workbook = workbook
    .replace("<sheets>", `<sheets><sheet name="Ann&apos;s notes" sheetId="99" r:id="rIdUser"/>`)
    .replace(
      "<definedNames>",
      `<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">'Ann''s notes'!$A:$D</definedName><definedName name="_xlnm.Print_Titles" localSheetId="0">'Ann''s notes'!$1:$2</definedName>`,
    );
  zip.file("xl/workbook.xml", workbook);
  await fsp.writeFile(
    file,
    await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }),
  );
}

describe("a plan workbook written new, then regenerated by stp", () => {
  it("rewrites the page setup of generated sheets and keeps the user's sheet's own", async () => {
    const out = folder.file("plan.xlsx");
    const plan = () =>
      runStp([
        "plan",
        ...["--history", path.join(SAMPLES, "sales-history-en.xlsx")],
        ...["--config", path.join(SAMPLES, "plan-en.json"), "--out", out, "--as-of", "2026-03"],
      ]);
    expect((await plan()).code).toBe(0);
    const fresh = await printViews(out);
    const freshNames = await printNames(out);
    await addUserSheet(out);
    const userSheetBefore = await printViews(out);
    // ExcelJS garbles a whole-column print area as it reads it: the names are checked in the
    // workbook part below, as the file holds them.
    expect(userSheetBefore[USER_SHEET]).toMatchObject({
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 2,
      fitToHeight: 3,
      printTitlesRow: "1:2",
      footer: "&LMine && only&RPage &P",
      paperSize: 9,
      leftMargin: 0.25,
    });

    for (let run = 0; run < 2; run++) {
      const result = await plan();
      expect(result.err.filter((line) => /error/i.test(line))).toEqual([]);
      expect(result.code).toBe(0);
      const views = await printViews(out);
      const { [USER_SHEET]: user, ...generated } = views;
      expect(generated).toEqual(fresh);
      expect(user).toEqual(userSheetBefore[USER_SHEET]);
      // Every generated sheet's names, now one place right of where they were, and the user's.
      expect(await printNames(out)).toEqual(
        expect.arrayContaining([
          ...freshNames,
          { sheet: USER_SHEET, name: "_xlnm.Print_Area", refs: "'Ann''s notes'!$A:$D" },
          { sheet: USER_SHEET, name: "_xlnm.Print_Titles", refs: "'Ann''s notes'!$1:$2" },
        ]),
      );
      const xml = await part(await zipOf(out), "xl/workbook.xml");
      expect(xml.match(/_xlnm\.Print_Area/g)?.length).toBe(freshNames.length / 2 + 1);
    }
    expect(Object.values(fresh)).toContainEqual(
      expect.objectContaining({ orientation: "landscape", fitToPage: true, fitToHeight: 0 }),
    );
  });
});
