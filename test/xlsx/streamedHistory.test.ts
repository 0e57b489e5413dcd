import { promises as fsp } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import JSZip from "jszip";
import { readHistoryFile } from "../../src/xlsx/readHistoryFile";
import { readSheetValues } from "../../src/xlsx/readSheetValues";
import { chineseMessyHistory, englishWideHistory, plainHistory } from "../cli/fixtures";
import { writeFixtureXlsx, type FixtureSheet } from "../support/buildWorkbook";
import { exceljsHistoryGrids } from "../support/exceljsGrid";
import { recalculate } from "../support/libreoffice";
import { describeWithTools, runPython } from "../support/openpyxl";
import { rawXlsx, rowXml } from "../support/rawWorkbook";

let dir: string;
beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), "stp-streamed-"));
});
afterAll(() => fsp.rm(dir, { recursive: true, force: true }));

/** The streamed grids of a file, checked to be those ExcelJS gives; returned for more checks. */
async function sameAsExcelJs(file: string) {
  const streamed = await readHistoryFile(file);
  expect(streamed).toEqual(await exceljsHistoryGrids(file));
  return streamed;
}

async function written(name: string, sheets: FixtureSheet[]): Promise<string> {
  const file = path.join(dir, name);
  await writeFixtureXlsx(file, sheets);
  return file;
}

async function raw(name: string, bytes: Buffer): Promise<string> {
  const file = path.join(dir, name);
  await fsp.writeFile(file, bytes);
  return file;
}

const SAMPLES = path.join(__dirname, "..", "..", "samples");

describe("the streamed .xlsx reader gives the grids ExcelJS gave", () => {
  it.each(["sales-history-en.xlsx", "sales-history-zh.xlsx"])("on samples/%s", async (name) => {
    const [grid] = await sameAsExcelJs(path.join(SAMPLES, name));
    expect(grid.values.length).toBeGreaterThan(100);
  });

  it("on the command-line fixtures: title rows, dates as cells and as text, merges, hidden sheets", async () => {
    const zh = chineseMessyHistory().sheet;
    const wide = englishWideHistory().sheet;
    const plain = plainHistory([
      { region: "East", rep: "Ann", monthly: { 2024: 100, 2025: 120 } },
      { region: "West", rep: "Bob", monthly: { 2025: 90 } },
    ]);
    const file = await written("fixtures.xlsx", [
      zh,
      { ...wide, state: "hidden" },
      { name: "Plain", rows: plain, state: "veryHidden" },
      {
        name: "Merged",
        rows: [
          ["2025 年销售", null, null],
          ["日期", "大区", "金额"],
          [new Date(Date.UTC(2025, 0, 5)), "华东", 100],
          [new Date(Date.UTC(2025, 0, 6)), null, 200],
        ],
        merges: ["A1:C1", "B3:B4"],
      },
    ]);
    const grids = await sameAsExcelJs(file);
    expect(grids.map((g) => [g.sheet, g.state])).toEqual([
      [zh.name, "visible"],
      [wide.name, "hidden"],
      ["Plain", "veryHidden"],
      ["Merged", "visible"],
    ]);
  });

  it("on formulas with and without saved results, shared ones, and far cells", async () => {
    const header = rowXml(1, ["日期", "单价", "数量", "金额"]);
    let far = rowXml(1, ["Date", "Amount"]);
    for (let r = 2; r <= 30; r++) far += rowXml(r, [`2025-01-${r}`, r]);
    far += '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>';
    const file = await raw(
      "formulas.xlsx",
      await rawXlsx([
        {
          name: "Formulas",
          rows:
            header +
            rowXml(2, ["2025-01-05", 2, 3, { xml: '<c r="{ref}"><f>B2*C2</f></c>' }]) +
            rowXml(3, [
              "2025-01-06",
              { xml: '<c r="{ref}"><f>0*1</f><v>0</v></c>' },
              { xml: '<c r="{ref}" t="b"><f>1=2</f><v>0</v></c>' },
              { xml: '<c r="{ref}" t="str"><f>IF(1,"","x")</f><v></v></c>' },
            ]) +
            rowXml(4, [
              "2025-01-07",
              { xml: '<c r="{ref}"><f t="shared" ref="B4:B5" si="0">C4*2</f><v>8</v></c>' },
              { xml: '<c r="{ref}" t="e"><f>1/0</f><v>#DIV/0!</v></c>' },
              { xml: '<c r="{ref}" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>' },
            ]) +
            rowXml(5, ["2025-01-08", { xml: '<c r="{ref}"><f t="shared" si="0"/></c>' }]) +
            '<row r="40"><c r="H40" t="str"><f>""</f><v/></c></row>',
        },
        { name: "Far", rows: far, dimension: "A1:XFD1048576" },
        {
          name: "Typed",
          rows: rowXml(1, [
            { xml: '<c r="{ref}" t="b"><v>1</v></c>' },
            { xml: '<c r="{ref}" t="e"><v>#N/A</v></c>' },
            {
              xml: '<c r="{ref}" t="inlineStr"><is><r><t>rich </t></r><r><t>text</t></r></is></c>',
            },
            { xml: '<c r="{ref}"><v>1.5E3</v></c>' },
            { xml: '<c r="{ref}"><v></v></c>' },
          ]),
          after: '<mergeCells count="1"><mergeCell ref="D3:E4"/></mergeCells>',
        },
      ]),
    );
    const [formulas, farGrid] = await sameAsExcelJs(file);
    expect(formulas.formulasWithoutValue).toEqual(["D2", "B5"]);
    expect(formulas.values).toHaveLength(40);
    expect(farGrid.cellsLeftOut).toEqual({ count: 1, first: ["XFD1048576"] });
  });

  it("on built-in number formats by id: dates, times and numbers", async () => {
    const ids = [0, 1, 2, 3, 4, 9, 10, 14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47, 49];
    const styles =
      '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd;@"/></numFmts>' +
      '<cellXfs count="' +
      (ids.length + 2) +
      '"><xf numFmtId="0"/>' +
      ids.map((id) => `<xf numFmtId="${id}" applyNumberFormat="1"/>`).join("") +
      '<xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>';
    const rows = [...ids, 164]
      .map(
        (_, i) =>
          `<row r="${i + 1}"><c r="A${i + 1}" s="${i + 1}"><v>45678.123456789</v></c></row>`,
      )
      .join("");
    const file = await raw("formats.xlsx", await withStyles([{ name: "Formats", rows }], styles));
    const [grid] = await sameAsExcelJs(file);
    expect(grid.numberFormats!.map((row) => row[0])).toContain("mm-dd-yy");
    expect(grid.numberFormats![ids.length][0]).toBe("yyyy-mm-dd;@");
  });

  it("on a workbook counting dates from 1904", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.properties.date1904 = true;
    const sheet = workbook.addWorksheet("Sales");
    sheet.addRow(["Date", "Amount"]);
    sheet.addRow([new Date(Date.UTC(2025, 0, 5)), 12]);
    sheet.getCell("A2").numFmt = "yyyy-mm-dd";
    const file = path.join(dir, "1904.xlsx");
    await workbook.xlsx.writeFile(file);
    const [grid] = await sameAsExcelJs(file);
    expect(grid.values[1][0]).toBe(45662);
  });

  it("reads one sheet by name, in any case, through the same reader", async () => {
    const file = await written("named.xlsx", [
      { name: "First", rows: [["a"]] },
      {
        name: "_stp_plan",
        rows: [
          ["key", "value"],
          ["year", 2026],
        ],
        state: "veryHidden",
      },
    ]);
    expect(await readSheetValues(file, "_STP_PLAN")).toEqual([
      ["key", "value"],
      ["year", 2026],
    ]);
    expect(await readSheetValues(file, "Missing")).toBeNull();
    expect(await readSheetValues(path.join(dir, "absent.xlsx"), "First")).toBeNull();
  });
});

/** A raw package with a style sheet of its own. */
async function withStyles(sheets: Parameters<typeof rawXlsx>[0], styles: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await rawXlsx(sheets));
  zip.file("xl/styles.xml", styles);
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  zip.file(
    "xl/_rels/workbook.xml.rels",
    rels.replace(
      "</Relationships>",
      '<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    ),
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

describe("the streamed reader where ExcelJS read the file wrongly", () => {
  it("reads East Asian built-in date formats (ids 27–36, 50–58) as dates", async () => {
    const ids = [27, 31, 57, 58];
    const styles =
      '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      `<cellXfs count="${ids.length + 1}"><xf numFmtId="0"/>` +
      ids.map((id) => `<xf numFmtId="${id}"/>`).join("") +
      "</cellXfs></styleSheet>";
    const rows = ids
      .map((_, i) => `<row r="${i + 1}"><c r="A${i + 1}" s="${i + 1}"><v>45678</v></c></row>`)
      .join("");
    const file = await raw("cjk.xlsx", await withStyles([{ name: "S", rows }], styles));
    const [grid] = await readHistoryFile(file);
    expect(grid.numberFormats!.map((row) => row[0])).toEqual([
      'yyyy"年"m"月"',
      'yyyy"年"m"月"d"日"',
      'yyyy"年"m"月"',
      'm"月"d"日"',
    ]);
    expect(grid.values.map((row) => row[0])).toEqual([45678, 45678, 45678, 45678]);
    // ExcelJS knew no code for these ids: the same serials came with "General".
    const [peer] = await exceljsHistoryGrids(file);
    expect(peer.numberFormats!.map((row) => row[0])).toEqual(Array(4).fill("General"));
  });

  it('reads ISO date cells (t="d") as dates, `false` as false, and escapes in inline strings', async () => {
    const file = await raw(
      "typed.xlsx",
      await rawXlsx([
        {
          name: "S",
          rows: rowXml(1, [
            { xml: '<c r="{ref}" t="d"><v>2025-01-05T00:00:00</v></c>' },
            { xml: '<c r="{ref}" t="b"><v>false</v></c>' },
            { xml: '<c r="{ref}" t="d"><v>2025-01-05T12:00:00Z</v></c>' },
            { xml: '<c r="{ref}" t="inlineStr"><is><t>a_x000D_b_x00e9_</t></is></c>' },
          ]),
        },
      ]),
    );
    const [grid] = await readHistoryFile(file);
    expect(grid.values).toEqual([[45662, false, 45662.5, "a\rbé"]]);
    expect(grid.numberFormats).toEqual([["yyyy-mm-dd", "General", "yyyy-mm-dd", "General"]]);
    // ExcelJS read the year of an ISO date as the number, any boolean text as true, and kept an
    // inline string's escapes as written.
    expect((await exceljsHistoryGrids(file))[0].values).toEqual([
      [2025, true, 2025, "a_x000D_b_x00e9_"],
    ]);
  });

  it("keeps a hyperlinked number a number, and leaves out a merged area overlapping another", async () => {
    const zip = await JSZip.loadAsync(
      await rawXlsx([
        {
          name: "S",
          rows: rowXml(1, ["Amount", 1250.5, "x", null]) + rowXml(2, [null, null, null, "y"]),
          after:
            '<mergeCells count="2"><mergeCell ref="C1:D1"/><mergeCell ref="D1:D2"/></mergeCells>' +
            '<hyperlinks><hyperlink ref="B1" r:id="rId1"/></hyperlinks>',
        },
      ]),
    );
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    zip.file(
      "xl/worksheets/sheet1.xml",
      sheet.replace(
        "<worksheet ",
        '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ',
      ),
    );
    zip.file(
      "xl/worksheets/_rels/sheet1.xml.rels",
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.com/" TargetMode="External"/></Relationships>',
    );
    const file = await raw("links.xlsx", await zip.generateAsync({ type: "nodebuffer" }));
    const [grid] = await readHistoryFile(file);
    expect(grid.values).toEqual([
      ["Amount", 1250.5, "x", null],
      [null, null, null, "y"],
    ]);
    expect(grid.merges).toEqual(["C1:D1"]);
    // ExcelJS refused the overlapping areas; without them it read the hyperlinked number as text.
    await expect(exceljsHistoryGrids(file)).rejects.toThrow(/merge/i);
    zip.file(
      "xl/worksheets/sheet1.xml",
      (await zip.file("xl/worksheets/sheet1.xml")!.async("string")).replace(
        /<mergeCells.*<\/mergeCells>/,
        "",
      ),
    );
    const linked = await raw("linked.xlsx", await zip.generateAsync({ type: "nodebuffer" }));
    expect((await exceljsHistoryGrids(linked))[0].values[0][1]).toBe("1250.5");
    expect((await readHistoryFile(linked))[0].values[0][1]).toBe(1250.5);
  });
});

describeWithTools("files re-saved by openpyxl and LibreOffice", ["openpyxl", "soffice"], () => {
  it("gives the grids ExcelJS gives", async () => {
    const source = path.join(SAMPLES, "sales-history-zh.xlsx");
    const byOpenpyxl = path.join(dir, "openpyxl.xlsx");
    await runPython(
      dir,
      `
import sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
ws["J1"] = "公式"
ws["J2"] = "=F2*2"
ws["K1"] = datetime.datetime(2025, 3, 4, 5, 6, 7)
ws["K1"].number_format = "yyyy-mm-dd hh:mm"
ws.merge_cells("L1:M2")
hidden = wb.create_sheet("隐藏")
hidden.sheet_state = "hidden"
hidden.append(["a", 1, True, None, 2.5])
wb.save(sys.argv[2])
`,
      [source, byOpenpyxl],
    );
    const [resaved] = await sameAsExcelJs(byOpenpyxl);
    expect(resaved.formulasWithoutValue).toEqual(["J2"]);
    await sameAsExcelJs(await recalculate(byOpenpyxl));
  });
});

/** A random cell ExcelJS writes, and the number format it gets, if any. */
type RandomCell = { value: ExcelJS.CellValue; numFmt?: string } | null;

const DATE_FORMATS = ["yyyy-mm-dd", "m/d/yyyy h:mm", 'yyyy"年"m"月"d"日"', "mmm-yy", "h:mm:ss"];
const NUMBER_FORMATS = ["#,##0.00", "0%", '0.0 "件"', "@", "[Red]0.00"];

const textArbitrary = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    "华东",
    "销售额",
    "日本語",
    "_x000D_ line",
    "a\nb",
    " padded ",
    "A&B <c>",
    "#N/A",
  ),
);

const cellArbitrary: fc.Arbitrary<RandomCell> = fc.oneof(
  fc.constant(null),
  fc.record({ value: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }) }),
  fc.record({
    value: fc.integer({ min: -1e6, max: 1e6 }),
    numFmt: fc.constantFrom(...NUMBER_FORMATS),
  }),
  fc.record({ value: textArbitrary }),
  fc.record({ value: fc.boolean() }),
  // Serials with more than a millisecond's precision under a date format: ExcelJS read them to
  // the millisecond.
  fc.record({
    value: fc.double({ noNaN: true, min: 0, max: 80000 }),
    numFmt: fc.constantFrom(...DATE_FORMATS),
  }),
  fc.record({
    value: fc.date({
      min: new Date(Date.UTC(1950, 0, 1)),
      max: new Date(Date.UTC(2080, 0, 1)),
      noInvalidDate: true,
    }),
    numFmt: fc.constantFrom(...DATE_FORMATS),
  }),
  fc.record({
    value: fc
      .array(textArbitrary, { minLength: 1, maxLength: 3 })
      .map((texts) => ({ richText: texts.map((text) => ({ text, font: { bold: true } })) })),
  }),
  fc.record({ value: fc.constant({ error: "#N/A" }) as fc.Arbitrary<ExcelJS.CellValue> }),
  fc.record({
    value: fc.oneof(
      fc.integer({ min: 0, max: 1000 }).map((n) => ({ formula: "A1*2", result: n })),
      fc.constant({ formula: "A1*2" }),
      fc.constantFrom("x", "").map((text) => ({ formula: 'IF(1,"","x")', result: text })),
    ) as fc.Arbitrary<ExcelJS.CellValue>,
  }),
);

type RandomSheet = {
  rows: RandomCell[][];
  merges: string[];
  state: "visible" | "hidden" | "veryHidden";
};

const sheetArbitrary: fc.Arbitrary<RandomSheet> = fc.record({
  rows: fc.array(fc.array(cellArbitrary, { maxLength: 8 }), { maxLength: 12 }),
  merges: fc.array(
    fc
      .tuple(fc.integer({ min: 1, max: 14 }), fc.integer({ min: 1, max: 9 }), fc.nat(2), fc.nat(2))
      .map(
        ([r, c, h, w]) =>
          `${String.fromCharCode(64 + c)}${r}:${String.fromCharCode(64 + c + w)}${r + h}`,
      ),
    { maxLength: 3 },
  ),
  state: fc.constantFrom("visible", "hidden", "veryHidden"),
});

describe("the streamed reader on random workbooks ExcelJS writes", () => {
  it("gives the grids ExcelJS gives", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(sheetArbitrary, { minLength: 1, maxLength: 3 }), async (sheets) => {
        const workbook = new ExcelJS.Workbook();
        sheets.forEach((random, i) => {
          const sheet = workbook.addWorksheet(`Sheet ${i + 1}`, { state: random.state });
          random.rows.forEach((row, r) =>
            row.forEach((cell, c) => {
              if (!cell) return;
              const target = sheet.getCell(r + 1, c + 1);
              target.value = cell.value;
              if (cell.numFmt) target.numFmt = cell.numFmt;
            }),
          );
          const taken = new Set<string>();
          for (const merge of random.merges) {
            // ExcelJS refuses overlapping areas: keep the first.
            const [from, to] = merge.split(":").map((a) => /([A-Z]+)(\d+)/.exec(a)!);
            const cells: string[] = [];
            for (let r = +from[2]; r <= +to[2]; r++)
              for (let c = from[1].charCodeAt(0); c <= to[1].charCodeAt(0); c++)
                cells.push(`${String.fromCharCode(c)}${r}`);
            if (cells.some((cell) => taken.has(cell))) continue;
            cells.forEach((cell) => taken.add(cell));
            sheet.mergeCells(merge);
          }
        });
        const file = path.join(dir, `random-${run++}.xlsx`);
        await workbook.xlsx.writeFile(file);
        expect(await readHistoryFile(file)).toEqual(await exceljsHistoryGrids(file));
      }),
      { numRuns: 60 },
    );
  });
});
