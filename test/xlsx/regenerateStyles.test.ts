import { promises as fsp } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { SheetModel } from "../../src/sheets/sheetModel";
import { writePlanWorkbook } from "../../src/xlsx/writeWorkbook";

let dir: string;

beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), "stp-regen-styles-"));
});

afterAll(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

function planModel(annual: number): SheetModel {
  return {
    name: "Plan",
    kind: "allocation",
    rows: [
      [{ value: "Plan 2026", style: "title" }],
      [
        { value: "Rep", style: "header" },
        { value: "Annual", style: "header" },
      ],
      [{ value: "Ann" }, { value: annual, numFmt: "#,##0.0", style: "total" }],
    ],
    conditionalFormats: [
      {
        block: { firstRow: 2, lastRow: 2, firstColumn: 1, lastColumn: 1 },
        operator: "lessThan",
        bounds: ["0"],
        tone: "bad",
      },
    ],
  };
}

const store: SheetModel = {
  name: "_stp_plan",
  kind: "planStore",
  rows: [[{ value: "store" }]],
  state: "veryHidden",
};

async function load(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** A cell's look as ExcelJS reads it: font, fill, number format. */
function lookOf(cell: ExcelJS.Cell): string {
  return JSON.stringify({ font: cell.font, fill: cell.fill, numFmt: cell.numFmt });
}

describe("regeneration appends the generated sheets' styles to the file's own", () => {
  test("the user's cell formats keep their indices and looks; generated cells look as in a new file", async () => {
    const fresh = path.join(dir, "fresh.xlsx");
    await writePlanWorkbook([planModel(900), store], fresh);
    const file = path.join(dir, "plan.xlsx");
    await writePlanWorkbook([planModel(700), store], file);
    // The user adds a sheet of their own, styled, and saves the workbook with another program.
    const workbook = await load(file);
    const mine = workbook.addWorksheet("Mine");
    mine.getCell("A1").value = "red and bold";
    mine.getCell("A1").font = { bold: true, color: { argb: "FFFF0000" } };
    mine.getCell("B2").value = 0.5;
    mine.getCell("B2").numFmt = "0.000%";
    mine.getCell("C3").value = "filled";
    mine.getCell("C3").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF00FF00" } };
    await workbook.xlsx.writeFile(file);
    const before = await load(file);
    const stylesBefore = await (
      await JSZip.loadAsync(await fsp.readFile(file))
    )
      .file("xl/styles.xml")!
      .async("string");
    const xfsBefore = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesBefore)![1];
    const sheetBefore = await sheetXmlOf(file, "Mine");

    const report = await writePlanWorkbook([planModel(900), store], file, {
      replaceSheets: ["Plan", "_stp_plan"],
    });
    expect(report).toMatchObject({ replaced: ["Plan", "_stp_plan"], kept: ["Mine"] });

    const stylesAfter = await (
      await JSZip.loadAsync(await fsp.readFile(file))
    )
      .file("xl/styles.xml")!
      .async("string");
    // The existing cell formats come first, unchanged: the kept sheet's s= indices still hold.
    const xfsAfter = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesAfter)![1];
    expect(xfsAfter.startsWith(xfsBefore)).toBe(true);
    expect(xfsAfter.length).toBeGreaterThan(xfsBefore.length);
    expect(await sheetXmlOf(file, "Mine")).toBe(sheetBefore);

    const after = await load(file);
    for (const address of ["A1", "B2", "C3"]) {
      expect(lookOf(after.getWorksheet("Mine")!.getCell(address))).toBe(
        lookOf(before.getWorksheet("Mine")!.getCell(address)),
      );
    }
    const reference = (await load(fresh)).getWorksheet("Plan")!;
    const plan = after.getWorksheet("Plan")!;
    for (const address of ["A1", "A2", "B2", "B3"]) {
      expect(lookOf(plan.getCell(address))).toBe(lookOf(reference.getCell(address)));
      expect(plan.getCell(address).value).toEqual(reference.getCell(address).value);
    }
    // The conditional format's differential format is one the styles part now holds.
    const sheetXml = await sheetXmlOf(file, "Plan");
    const dxfId = Number(/dxfId="(\d+)"/.exec(sheetXml)![1]);
    const dxfs = /<dxfs count="(\d+)"/.exec(stylesAfter);
    expect(dxfs).not.toBeNull();
    expect(dxfId).toBeLessThan(Number(dxfs![1]));
  });
});

/** A sheet's part, found through the workbook part and its relationships. */
async function sheetXmlOf(file: string, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(await fsp.readFile(file));
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const tag = [...workbook.matchAll(/<sheet\b[^>]*>/g)]
    .map((m) => m[0])
    .find((t) => t.includes(` name="${name}"`))!;
  const id = /r:id="([^"]+)"/.exec(tag)![1];
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const target =
    new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
    new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1];
  return zip.file(`xl/${target.replace(/^\/?xl\//, "")}`)!.async("string");
}
