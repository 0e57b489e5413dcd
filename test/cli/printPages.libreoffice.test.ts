import * as path from "node:path";
import ExcelJS from "exceljs";
import { sheetLabels } from "../../src/sheets/labels";
import { printToPdf } from "../support/libreoffice";
import { pdfPages, type PdfPage } from "../support/pdfPages";
import { describeWithLibreOffice } from "../support/sofficeAvailable";
import { runStp, tempFolder } from "./runStp";

const SAMPLES = path.join(__dirname, "..", "..", "samples");
const LABELS = sheetLabels("zh-CN");

/** What a visible sheet of the written workbook says of its printing, read back from the file. */
type PrintedSheet = {
  name: string;
  orientation: string;
  /** The text of each title row that prints, whitespace removed, top to bottom. */
  titleLines: string[];
  /** Rows of the print area that print some text: each is one line of the PDF. */
  textRows: number;
};

/** Text without its spaces: pdftotext lays cells out with spaces between them. */
function compact(text: string): string {
  return text.replace(/\s+/g, "");
}

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return "";
  if (typeof value === "object" && "formula" in value) {
    const result = value.result;
    return result === null || result === undefined ? "" : String(result);
  }
  return String(value);
}

function rowSpan(ref: string): { first: number; last: number } {
  const [first, last] = ref.replace(/\$/g, "").split(":").map(Number);
  return { first, last: last ?? first };
}

async function printedSheets(file: string): Promise<PrintedSheet[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook.worksheets
    .filter((sheet) => (sheet.state ?? "visible") === "visible")
    .map((sheet) => {
      const setup = sheet.pageSetup;
      if (!setup.printArea || !setup.printTitlesRow) {
        throw new Error(`sheet ${sheet.name} has no print area or print titles`);
      }
      const [from, to] = setup.printArea.split(":").map((a) => sheet.getCell(a));
      const top = Number(from.row);
      const bottom = Number(to.row);
      const columns: number[] = [];
      for (let c = Number(from.col); c <= Number(to.col); c++) {
        if (!sheet.getColumn(c).hidden) columns.push(c);
      }
      const rowText = (r: number) =>
        sheet.getRow(r).hidden ? "" : columns.map((c) => cellText(sheet.getCell(r, c))).join("");
      const titles = rowSpan(setup.printTitlesRow);
      const titleLines: string[] = [];
      for (let r = titles.first; r <= titles.last; r++) {
        if (compact(rowText(r)) !== "") titleLines.push(compact(rowText(r)));
      }
      let textRows = 0;
      for (let r = top; r <= bottom; r++) if (compact(rowText(r)) !== "") textRows++;
      return {
        name: sheet.name,
        orientation: setup.orientation ?? "portrait",
        titleLines,
        textRows,
      };
    });
}

/** The footer every page ends with: the plan's name, the sheet, the page of the PDF's pages. */
function footerOf(page: PdfPage): { sheet: string; page: number; pages: number } {
  const footer = page.lines[page.lines.length - 1]?.trim() ?? "";
  const match = /^(.+) · (.+) · 第 (\d+) 页，共 (\d+) 页$/.exec(footer);
  if (!match || match[1] !== LABELS.planName(2026)) {
    throw new Error(`page ${page.number} ends with "${footer}", not the plan's footer`);
  }
  return { sheet: match[2], page: Number(match[3]), pages: Number(match[4]) };
}

describeWithLibreOffice(
  "the demo workbook as LibreOffice prints it",
  () => {
    let folder: Awaited<ReturnType<typeof tempFolder>>;
    let sheets: PrintedSheet[];
    let pages: PdfPage[];
    beforeAll(async () => {
      folder = await tempFolder();
      const out = folder.file("demo-plan.xlsx");
      const run = await runStp([
        "plan",
        ...["--history", path.join(SAMPLES, "sales-history-zh.xlsx")],
        ...["--config", path.join(SAMPLES, "plan-zh.json")],
        ...["--out", out, "--json", folder.file("demo-result.json")],
      ]);
      expect(run.code).toBe(0);
      sheets = await printedSheets(out);
      pages = await pdfPages(await printToPdf(out));
    });
    afterAll(() => folder.remove());

    /** The PDF's pages of each sheet, by the footer that names the sheet. */
    const pagesBySheet = () => {
      const bySheet = new Map<string, PdfPage[]>();
      for (const page of pages) {
        const { sheet } = footerOf(page);
        bySheet.set(sheet, [...(bySheet.get(sheet) ?? []), page]);
      }
      return bySheet;
    };

    it("prints every visible sheet in tab order, each page footed with the plan, the sheet and the page number", () => {
      expect(sheets.map((s) => s.name).slice(0, 5)).toEqual([
        "计划摘要",
        "目标分解",
        "分解明细表",
        "行动计划",
        "跟踪监控",
      ]);
      const order = pages.map((page) => footerOf(page).sheet);
      const runs = order.filter((sheet, i) => i === 0 || order[i - 1] !== sheet);
      expect(runs).toEqual(sheets.map((s) => s.name));
      for (const page of pages) {
        expect(footerOf(page)).toMatchObject({ page: page.number, pages: pages.length });
      }
    });

    it("repeats each sheet's header rows at the top of every page", () => {
      const bySheet = pagesBySheet();
      for (const sheet of sheets) {
        expect(sheet.titleLines.length).toBeGreaterThan(0);
        bySheet.get(sheet.name)!.forEach((page, k) => {
          const lines = page.lines.slice(0, -1).map(compact);
          const at = k === 0 ? lines.indexOf(sheet.titleLines[0]) : 0;
          expect({
            sheet: sheet.name,
            page: k + 1,
            top: lines.slice(at, at + sheet.titleLines.length),
          }).toEqual({
            sheet: sheet.name,
            page: k + 1,
            top: sheet.titleLines,
          });
        });
      }
      // The long sheets do run over several pages, so the repetition is really seen.
      expect(bySheet.get("分解明细表")!.length).toBeGreaterThan(1);
      expect(bySheet.get("行动计划")!.length).toBeGreaterThan(1);
    });

    it("fits every sheet to one page wide: each row prints once, on a page with the whole header row", () => {
      const bySheet = pagesBySheet();
      for (const sheet of sheets) {
        const sheetPages = bySheet.get(sheet.name)!;
        // A page holding only right-hand columns would print those rows a second time.
        const lines = sheetPages.reduce((n, page) => n + page.lines.length - 1, 0);
        const repeated = (sheetPages.length - 1) * sheet.titleLines.length;
        expect({ sheet: sheet.name, rows: lines - repeated }).toEqual({
          sheet: sheet.name,
          rows: sheet.textRows,
        });
      }
    });

    it("prints wide sheets landscape and narrow ones portrait", () => {
      const bySheet = pagesBySheet();
      for (const sheet of sheets) {
        for (const page of bySheet.get(sheet.name)!) {
          const landscape = page.width > page.height;
          expect({ sheet: sheet.name, landscape }).toEqual({
            sheet: sheet.name,
            landscape: sheet.orientation === "landscape",
          });
        }
      }
      const orientation = new Map(sheets.map((s) => [s.name, s.orientation]));
      expect(orientation.get("计划摘要")).toBe("portrait");
      expect(orientation.get("分解明细表")).toBe("portrait");
      for (const wide of ["目标分解", "行动计划", "跟踪监控"]) {
        expect(orientation.get(wide)).toBe("landscape");
      }
      const repTabs = sheets.slice(5);
      expect(repTabs.length).toBe(12);
      for (const tab of repTabs) expect(tab.orientation).toBe("landscape");
    });
  },
  ["pdftotext", "pdfinfo"],
);
