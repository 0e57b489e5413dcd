import { execFile } from "node:child_process";
import { promises as fsp } from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readZipDirectory } from "../../src/xlsx/zipDirectory";
import { runStp, tempFolder, writePlan } from "../cli/runStp";
import { checkWrittenWorkbook } from "../support/libreoffice";
import { describeWithLibreOffice, findOnPath } from "../support/sofficeAvailable";

const SAMPLES = path.join(__dirname, "..", "..", "samples");
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const CT = "application/vnd.openxmlformats-officedocument";
// A 1×1 PNG.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==",
  "base64",
);

type Folder = Awaited<ReturnType<typeof tempFolder>>;

const plan = (growth: number) => ({
  version: 1,
  planYear: 2026,
  target: { growth },
  levels: [
    { dimension: "region", method: "lastYear" },
    { dimension: "rep", method: "lastYear" },
  ],
});

/** The user's analysis sheet: a small table of regions, its chart, a picture and a pivot table. */
function analysisParts(chartSheet: string): Record<string, string | Buffer> {
  const rows = [
    ["Region", "Sales"],
    ["East", 120],
    ["West", 80],
    ["North", 50],
  ];
  const sheetData = rows
    .map(
      (row, r) =>
        `<row r="${r + 1}">${row
          .map((v, c) => {
            const ref = `${"AB"[c]}${r + 1}`;
            return typeof v === "number"
              ? `<c r="${ref}"><v>${v}</v></c>`
              : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
          })
          .join("")}</row>`,
    )
    .join("");
  const quoted = `'${chartSheet.replace(/'/g, "''")}'`;
  return {
    "xl/worksheets/sheet90.xml": `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><dimension ref="A1:B4"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData>${sheetData}<row r="6"><c r="A6"><f>SUM(B2:B4)</f><v>250</v></c></row></sheetData><sheetProtection sheet="1" objects="1" scenarios="1"/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId1"/></worksheet>`,
    "xl/worksheets/_rels/sheet90.xml.rels": `${HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/drawing" Target="../drawings/drawing90.xml"/><Relationship Id="rId2" Type="${REL}/pivotTable" Target="../pivotTables/pivotTable90.xml"/></Relationships>`,
    "xl/drawings/drawing90.xml": `${HEAD}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Sales chart"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor><xdr:oneCellAnchor><xdr:from><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="952500" cy="952500"/><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="3" name="Logo"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr><xdr:blipFill><a:blip xmlns:r="${REL}" r:embed="rId2"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="952500" cy="952500"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>`,
    "xl/drawings/_rels/drawing90.xml.rels": `${HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart90.xml"/><Relationship Id="rId2" Type="${REL}/image" Target="../media/image90.png"/></Relationships>`,
    // The chart shows the user's own sales and, beside them, a column of a generated sheet.
    "xl/charts/chart90.xml": `${HEAD}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>Sales</c:v></c:tx><c:cat><c:strRef><c:f>Analysis!$A$2:$A$4</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>Analysis!$B$2:$B$4</c:f></c:numRef></c:val></c:ser><c:ser><c:idx val="1"/><c:order val="1"/><c:tx><c:v>Plan</c:v></c:tx><c:val><c:numRef><c:f>${quoted}!$B$2:$B$4</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`,
    "xl/media/image90.png": PNG,
    "xl/pivotTables/pivotTable90.xml": `${HEAD}<pivotTableDefinition xmlns="${MAIN}" name="RegionPivot" cacheId="7" dataCaption="Values" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" updatedVersion="6" minRefreshableVersion="3" createdVersion="6" useAutoFormatting="1" itemPrintTitles="1" indent="0" outline="1" outlineData="1"><location ref="A9:B13" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="2"><pivotField axis="axisRow" showAll="0"><items count="4"><item x="0"/><item x="1"/><item x="2"/><item t="default"/></items></pivotField><pivotField dataField="1" showAll="0"/></pivotFields><rowFields count="1"><field x="0"/></rowFields><rowItems count="4"><i><x/></i><i><x v="1"/></i><i><x v="2"/></i><i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems><dataFields count="1"><dataField name="Sum of Sales" fld="1" baseField="0" baseItem="0"/></dataFields></pivotTableDefinition>`,
    "xl/pivotTables/_rels/pivotTable90.xml.rels": `${HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/pivotCacheDefinition" Target="../pivotCache/pivotCacheDefinition90.xml"/></Relationships>`,
    "xl/pivotCache/pivotCacheDefinition90.xml": `${HEAD}<pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${REL}" r:id="rId1" refreshOnLoad="1" createdVersion="6" refreshedVersion="6" minRefreshableVersion="3" recordCount="3"><cacheSource type="worksheet"><worksheetSource ref="A1:B4" sheet="Analysis"/></cacheSource><cacheFields count="2"><cacheField name="Region" numFmtId="0"><sharedItems count="3"><s v="East"/><s v="West"/><s v="North"/></sharedItems></cacheField><cacheField name="Sales" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="50" maxValue="120"/></cacheField></cacheFields></pivotCacheDefinition>`,
    "xl/pivotCache/_rels/pivotCacheDefinition90.xml.rels": `${HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/pivotCacheRecords" Target="pivotCacheRecords90.xml"/></Relationships>`,
    "xl/pivotCache/pivotCacheRecords90.xml": `${HEAD}<pivotCacheRecords xmlns="${MAIN}" count="3"><r><x v="0"/><n v="120"/></r><r><x v="1"/><n v="80"/></r><r><x v="2"/><n v="50"/></r></pivotCacheRecords>`,
  };
}

/**
 * A plan workbook `stp` wrote, with the user's "Analysis" sheet added after its first sheet: the
 * sheet protected, holding a chart, a picture and a pivot table (with its cache); the workbook
 * with its structure locked, a named constant and print titles on Analysis.
 */
async function addAnalysisSheet(file: string): Promise<void> {
  const zip = await JSZip.loadAsync(await fsp.readFile(file));
  let workbook = await zip.file("xl/workbook.xml")!.async("string");
  const firstSheet = /<sheet\b[^>]*name="([^"]*)"/.exec(workbook)![1];
  for (const [name, content] of Object.entries(analysisParts(firstSheet))) zip.file(name, content);
  // After the first tab: the print titles are local to the sheet's index, 1.
  workbook = workbook.replace(
    /(<sheet\b[^>]*\/>)/,
    `$1<sheet name="Analysis" sheetId="90" r:id="rIdUserAnalysis"/>`,
  );
  // Local names follow the sheet they belong to: those after Analysis move up one.
  workbook = workbook.replace(
    /localSheetId="(\d+)"/g,
    (_, n: string) => `localSheetId="${Number(n) >= 1 ? Number(n) + 1 : Number(n)}"`,
  );
  workbook = workbook
    .replace("<bookViews>", '<workbookProtection lockStructure="1"/><bookViews>')
    .replace(
      "</sheets>",
      '</sheets><definedNames><definedName name="GrowthRate">0.1</definedName><definedName name="_xlnm.Print_Titles" localSheetId="1">Analysis!$1:$1</definedName></definedNames>',
    )
    .replace(/<\/definedNames><definedNames>/, "");
  workbook = workbook.replace(
    "</workbook>",
    '<pivotCaches><pivotCache cacheId="7" r:id="rIdUserCache"/></pivotCaches></workbook>',
  );
  zip.file("xl/workbook.xml", workbook);
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  zip.file(
    "xl/_rels/workbook.xml.rels",
    rels.replace(
      "</Relationships>",
      `<Relationship Id="rIdUserAnalysis" Type="${REL}/worksheet" Target="worksheets/sheet90.xml"/><Relationship Id="rIdUserCache" Type="${REL}/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition90.xml"/></Relationships>`,
    ),
  );
  const types = await zip.file("[Content_Types].xml")!.async("string");
  const override = (part: string, type: string) =>
    `<Override PartName="/${part}" ContentType="${type}"/>`;
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      [
        '<Default Extension="png" ContentType="image/png"/>',
        override("xl/worksheets/sheet90.xml", `${CT}.spreadsheetml.worksheet+xml`),
        override("xl/drawings/drawing90.xml", `${CT}.drawing+xml`),
        override("xl/charts/chart90.xml", `${CT}.drawingml.chart+xml`),
        override("xl/pivotTables/pivotTable90.xml", `${CT}.spreadsheetml.pivotTable+xml`),
        override(
          "xl/pivotCache/pivotCacheDefinition90.xml",
          `${CT}.spreadsheetml.pivotCacheDefinition+xml`,
        ),
        override(
          "xl/pivotCache/pivotCacheRecords90.xml",
          `${CT}.spreadsheetml.pivotCacheRecords+xml`,
        ),
        "</Types>",
      ].join(""),
    ),
  );
  await fsp.writeFile(
    file,
    await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }),
  );
}

/** Every entry of the user's sheet: its part, relationships, drawing, chart, picture and pivot. */
const USER_ENTRIES = Object.keys(analysisParts("x"));

/** Each entry's compressed bytes, CRC and method as the archive holds them. */
async function rawEntries(file: string): Promise<Map<string, string>> {
  const bytes = await fsp.readFile(file);
  return new Map(
    readZipDirectory(bytes).map((e) => [
      e.name,
      `${e.method}:${e.crc}:${e.size}:${Buffer.from(bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize)).toString("base64")}`,
    ]),
  );
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

describe("regenerating a plan beside a user's chart, pivot table and picture", () => {
  let folder: Folder;
  let before: Map<string, string>;
  let targets: { first: number; second: number };
  const out = () => folder.file("plan.xlsx");
  const args = () => [
    "plan",
    "--history",
    path.join(SAMPLES, "sales-history-en.xlsx"),
    "--config",
    folder.file("plan.json"),
    "--out",
    out(),
  ];

  beforeAll(async () => {
    folder = await tempFolder();
    await writePlan(folder.file("plan.json"), plan(0.1));
    const first = await runStp(args());
    // The sample's messy rows are reported as skipped: warnings, not failures.
    expect(first.code).toBe(0);
    const targetOf = (out: string[]) =>
      Number(/target ([\d,]+)/.exec(out.join("\n"))![1].replace(/,/g, ""));
    const firstTarget = targetOf(first.out);
    await addAnalysisSheet(out());
    // The workbook as built opens in ExcelJS: the parts are well formed.
    expect((await load(out())).getWorksheet("Analysis")).toBeDefined();
    before = await rawEntries(out());
    await writePlan(folder.file("plan.json"), plan(0.25));
    const second = await runStp(args());
    expect(second.err.filter((line) => !line.startsWith("skipped "))).toEqual([]);
    expect(second.code).toBe(0);
    targets = { first: firstTarget, second: targetOf(second.out) };
  }, 120_000);
  afterAll(() => folder.remove());

  test("every zip entry of the user's sheet is byte-identical, compressed bytes included", async () => {
    const after = await rawEntries(out());
    for (const name of USER_ENTRIES) {
      expect(after.get(name)).toBeDefined();
      expect(after.get(name)).toBe(before.get(name));
    }
  });

  test("the generated sheets hold the new plan", async () => {
    expect(targets.second).toBeGreaterThan(targets.first);
    const workbook = await load(out());
    const numbers: number[] = [];
    workbook.worksheets[0].eachRow((row) =>
      row.eachCell((cell) => {
        const value = cell.value;
        if (typeof value === "number") numbers.push(value);
        else if (value && typeof value === "object" && "result" in value)
          numbers.push(Number(value.result));
      }),
    );
    // The summary shows the second run's target, and not the first's any more.
    expect(numbers.some((n) => Math.round(n) === targets.second)).toBe(true);
    expect(numbers.some((n) => Math.round(n) === targets.first)).toBe(false);
    expect(workbook.worksheets.map((s) => s.name)).toContain("Analysis");
    expect(workbook.getWorksheet("Analysis")!.getCell("A2").value).toBe("East");
  });

  test("defined names, the sheet's protection and the structure lock survive; the names follow their sheet", async () => {
    const zip = await JSZip.loadAsync(await fsp.readFile(out()));
    const workbook = await zip.file("xl/workbook.xml")!.async("string");
    expect(workbook).toContain('<workbookProtection lockStructure="1"/>');
    expect(workbook).toContain('<definedName name="GrowthRate">0.1</definedName>');
    const sheets = [...workbook.matchAll(/<sheet\b[^>]*name="([^"]*)"/g)].map((m) => m[1]);
    const titles =
      /<definedName name="_xlnm\.Print_Titles" localSheetId="(\d+)">Analysis!\$1:\$1</.exec(
        workbook,
      );
    expect(titles).not.toBeNull();
    expect(sheets[Number(titles![1])]).toBe("Analysis");
    expect(workbook).toContain('<pivotCache cacheId="7" r:id="rIdUserCache"/>');
    expect(workbook).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
    const sheetXml = await zip.file("xl/worksheets/sheet90.xml")!.async("string");
    expect(sheetXml).toContain('<sheetProtection sheet="1"');
  });

  test("table names are unique across the workbook and every part the package lists exists", async () => {
    const zip = await JSZip.loadAsync(await fsp.readFile(out()));
    const tableParts = Object.keys(zip.files).filter((f) => /^xl\/tables\/[^/]+\.xml$/.test(f));
    const names = await Promise.all(
      tableParts.map(async (f) => /\bname="([^"]*)"/.exec(await zip.file(f)!.async("string"))![1]),
    );
    expect(names.length).toBeGreaterThan(0);
    expect(new Set(names.map((n) => n.toUpperCase())).size).toBe(names.length);
    const types = await zip.file("[Content_Types].xml")!.async("string");
    for (const [, part] of types.matchAll(/PartName="\/([^"]*)"/g)) {
      expect(zip.file(part)).not.toBeNull();
    }
    for (const part of tableParts) expect(types).toContain(`PartName="/${part}"`);
  });

  const unzip = findOnPath("unzip");
  (unzip ? test : test.skip)("unzip -t finds no error", async () => {
    const { stdout } = await promisify(execFile)(unzip!, ["-t", out()]);
    expect(stdout).toMatch(/No errors detected/);
  });

  describeWithLibreOffice("in LibreOffice", () => {
    test("opens with no error cell; every formula equals the engine", async () => {
      const { mismatches, formulaCount } = await checkWrittenWorkbook(out());
      expect(mismatches).toEqual([]);
      expect(formulaCount).toBeGreaterThan(100);
    }, 180_000);
  });
});
