import { promises as fsp } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { seededRandom } from "../../src/sample/random";
import { QUOTA_CHART_NAME } from "../../src/sheets/repTabs";
import { drawCharts, sheetPartNumber } from "../support/drawCharts";
import { planArgs, regionRepPlan, runStp, tempFolder, writePlan } from "./runStp";

const SAMPLES = path.join(__dirname, "..", "..", "samples");

type Folder = Awaited<ReturnType<typeof tempFolder>>;

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Header columns of the action plan sheet, by header text. */
function columnsOf(sheet: ExcelJS.Worksheet): Map<string, number> {
  for (let r = 1; r <= 10; r++) {
    // Row values are sparse: Array.from fills the holes.
    const texts = Array.from(sheet.getRow(r).values as unknown[], (v) =>
      typeof v === "string" ? v : "",
    );
    if (texts.includes("Period") && texts.includes("Notes"))
      return new Map(texts.map((t, c) => [t, c]));
  }
  throw new Error("no header row");
}

function rowsByRepMonth(sheet: ExcelJS.Worksheet, cols: Map<string, number>): Map<string, number> {
  const found = new Map<string, number>();
  sheet.eachRow((row, r) => {
    const rep = row.getCell(cols.get("Rep")!).value;
    const period = row.getCell(cols.get("Period")!).value;
    if (typeof rep === "string" && typeof period === "string" && /^\d{4}-\d{2}$/.test(period))
      found.set(`${rep}|${period}`, r);
  });
  return found;
}

async function sheetDump(file: string): Promise<string[]> {
  const wb = await load(file);
  return wb.worksheets.map((w) => `${w.name}|${w.state}|${JSON.stringify(w.getSheetValues())}`);
}

describe("regenerating onto an existing plan workbook keeps what people typed", () => {
  let folder: Folder;
  const out = () => folder.file("plan.xlsx");
  const args = () =>
    planArgs(
      path.join(SAMPLES, "sales-history-en.xlsx"),
      folder.file("plan.json"),
      out(),
      "--as-of",
      "2026-03",
    );
  const plan = (growth: number, method: string) => ({
    version: 1,
    planYear: 2026,
    target: { growth },
    levels: [
      { dimension: "region", method: "lastYear" },
      { dimension: "rep", method },
    ],
    rounding: { unit: 100 },
    language: "en-US",
  });

  beforeAll(async () => {
    folder = await tempFolder();
  });
  afterAll(() => folder.remove());

  it("carries 30 typed (rep, month) rows through a changed target and weights, and is stable", async () => {
    await writePlan(folder.file("plan.json"), plan(0.1, "lastYear"));
    expect((await runStp(args())).code).toBe(0);

    // People type notes and statuses into 30 random rows, and keep a sheet of their own.
    const wb = await load(out());
    const sheet = wb.getWorksheet("Action Plan")!;
    const cols = columnsOf(sheet);
    const rows = [...rowsByRepMonth(sheet, cols).entries()];
    expect(rows.length).toBe(12 * 12);
    const random = seededRandom(30);
    const picked = new Map<string, { note: string; status: string }>();
    while (picked.size < 30) {
      const [key, r] = rows[random.int(0, rows.length - 1)];
      if (picked.has(key)) continue;
      const typed = {
        note: `call back ${picked.size}`,
        status: random.pick(["In progress", "Done", "At risk"]),
      };
      sheet.getCell(r, cols.get("Notes")!).value = typed.note;
      sheet.getCell(r, cols.get("Status")!).value = typed.status;
      picked.set(key, typed);
    }
    const targetsBefore = new Map(
      rows.map(([key, r]) => [key, sheet.getCell(r, cols.get("Target")!).value]),
    );
    // Someone also types over a generated target.
    const [typedOverKey, typedOverRow] = rows[0];
    sheet.getCell(typedOverRow, cols.get("Target")!).value = 1;
    const mine = wb.addWorksheet("Regional notes");
    mine.getCell("A1").value = "do not touch";
    mine.getCell("C3").value = 3.5;
    await wb.xlsx.writeFile(out());

    // The plan changes: another target and other weights.
    await writePlan(folder.file("plan.json"), plan(0.2, "history"));
    const rerun = await runStp(args());
    expect(rerun.code).toBe(0);
    expect(rerun.out.join("\n")).toMatch(/Action Plan: kept 60 cell\(s\) you typed/);
    expect(rerun.err.join("\n")).toMatch(/Action Plan: 1 generated cell\(s\) had been typed over/);

    const after = await load(out());
    const sheetAfter = after.getWorksheet("Action Plan")!;
    const colsAfter = columnsOf(sheetAfter);
    const rowsAfter = rowsByRepMonth(sheetAfter, colsAfter);
    for (const [key, typed] of picked) {
      const r = rowsAfter.get(key)!;
      expect(sheetAfter.getCell(r, colsAfter.get("Notes")!).value).toBe(typed.note);
      expect(sheetAfter.getCell(r, colsAfter.get("Status")!).value).toBe(typed.status);
    }
    let changed = 0;
    for (const [key, r] of rowsAfter) {
      const target = sheetAfter.getCell(r, colsAfter.get("Target")!).value;
      if (target !== targetsBefore.get(key)) changed++;
    }
    expect(changed).toBeGreaterThan(100);
    expect(
      sheetAfter.getCell(rowsAfter.get(typedOverKey)!, colsAfter.get("Target")!).value,
    ).not.toBe(1);
    expect(after.getWorksheet("Regional notes")!.getCell("A1").value).toBe("do not touch");
    expect(after.getWorksheet("Regional notes")!.getCell("C3").value).toBe(3.5);

    // The same input again changes nothing.
    const first = await sheetDump(out());
    const again = await runStp(args());
    expect(again.code).toBe(0);
    expect(again.err.join("\n")).not.toMatch(/typed over/);
    expect(await sheetDump(out())).toEqual(first);
  });

  it("keeps notes on their (rep, month) after the Action Plan table was sorted", async () => {
    await fsp.rm(out(), { force: true });
    await writePlan(folder.file("plan.json"), plan(0.1, "lastYear"));
    expect((await runStp(args())).code).toBe(0);

    const wb = await load(out());
    const sheet = wb.getWorksheet("Action Plan")!;
    const cols = columnsOf(sheet);
    const rows = [...rowsByRepMonth(sheet, cols).entries()];
    const typed = new Map(rows.slice(0, 60).map(([key], i) => [key, `note ${i}`]));
    for (const [key, r] of rows)
      if (typed.has(key)) sheet.getCell(r, cols.get("Notes")!).value = typed.get(key)!;
    // Excel sorts a table by moving the cells of its own columns only: here by notes, descending,
    // formulas taken as their results (Excel keeps their references on their rows).
    const table = sheet.getTable("STP_ActionPlan") as unknown as {
      table: { ref?: string; tableRef?: string };
    };
    const ref = table.table.tableRef ?? table.table.ref ?? "";
    const [, firstLetter, lastLetter] = /^([A-Z]+)\d+:([A-Z]+)\d+$/.exec(ref)!;
    const first = sheet.getColumn(firstLetter).number;
    const last = sheet.getColumn(lastLetter).number;
    const dataRows = rows.map(([, r]) => r).sort((a, b) => a - b);
    const valueOf = (r: number, c: number): ExcelJS.CellValue => {
      const cell = sheet.getCell(r, c);
      return cell.type === ExcelJS.ValueType.Formula
        ? (cell.result as ExcelJS.CellValue)
        : cell.value;
    };
    const contents = dataRows.map((r) =>
      Array.from({ length: last - first + 1 }, (_, i) => valueOf(r, first + i)),
    );
    const notesAt = cols.get("Notes")! - first;
    const sorted = [...contents].sort((a, b) =>
      String(b[notesAt] ?? "").localeCompare(String(a[notesAt] ?? "")),
    );
    expect(sorted.map((row) => row[0])).not.toEqual(contents.map((row) => row[0]));
    dataRows.forEach((r, i) =>
      sorted[i].forEach((v, c) => (sheet.getCell(r, first + c).value = v)),
    );
    await wb.xlsx.writeFile(out());

    await writePlan(folder.file("plan.json"), plan(0.2, "history"));
    const rerun = await runStp(args());
    expect(rerun.code).toBe(0);
    expect(rerun.err.join("\n")).not.toMatch(/typed over/);
    const after = await load(out());
    const sheetAfter = after.getWorksheet("Action Plan")!;
    const colsAfter = columnsOf(sheetAfter);
    const notes = new Map<string, unknown>();
    for (const [key, r] of rowsByRepMonth(sheetAfter, colsAfter)) {
      const note = sheetAfter.getCell(r, colsAfter.get("Notes")!).value;
      if (note !== null) notes.set(key, note);
    }
    expect(notes).toEqual(typed);
  });

  it("lists only the generated cell typed over, also when formulas were saved without results", async () => {
    await fsp.rm(out(), { force: true });
    await writePlan(folder.file("plan.json"), plan(0.1, "lastYear"));
    expect((await runStp(args())).code).toBe(0);
    const twice = await runStp(args());
    expect(twice.code).toBe(0);
    expect(twice.err.join("\n")).not.toMatch(/typed over/);

    // Saved as openpyxl saves: every formula kept, none with its result; one target typed over.
    const wb = await load(out());
    for (const sheet of wb.worksheets)
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula)
            cell.value = { formula: cell.formula } as ExcelJS.CellFormulaValue;
        }),
      );
    const sheet = wb.getWorksheet("Action Plan")!;
    const cols = columnsOf(sheet);
    const [, r] = [...rowsByRepMonth(sheet, cols)][7];
    sheet.getCell(r, cols.get("Target")!).value = 1;
    await wb.xlsx.writeFile(out());

    const run = await runStp(args());
    expect(run.code).toBe(0);
    const address = sheet.getCell(r, cols.get("Target")!).address;
    expect(run.err.filter((line) => /typed over/.test(line))).toEqual([
      `warning: Action Plan: 1 generated cell(s) had been typed over and were rewritten: ${address}`,
    ]);
  });

  it("lists the generated cells typed over on sheets without keyed rows: a figure of the allocation, a summary total, a tracking formula", async () => {
    await fsp.rm(out(), { force: true });
    await writePlan(folder.file("plan.json"), plan(0.1, "lastYear"));
    expect((await runStp(args())).code).toBe(0);
    expect((await runStp(args())).err.join("\n")).not.toMatch(/typed over/);

    const wb = await load(out());
    // Allocation!E5 (the first rep's February), the summary's annual target typed over with the
    // number it showed, a number over Tracking's first variance; a note beside the matrix.
    wb.getWorksheet("Allocation")!.getCell("E5").value = 400000;
    const summary = wb.getWorksheet("Plan Summary")!;
    let annual = 0;
    summary.eachRow((row, r) => {
      if (row.getCell(1).value === "Annual") annual = r;
    });
    const total = summary.getCell(annual, 2);
    const shown = (total.value as ExcelJS.CellFormulaValue).result;
    expect(typeof shown).toBe("number");
    total.value = shown as number;
    const tracking = wb.getWorksheet("Tracking")!;
    expect(tracking.getCell("G5").formula).toBe("F5-E5");
    tracking.getCell("G5").value = -5;
    wb.getWorksheet("Allocation")!.getCell("AE2").value = "ask finance";
    await wb.xlsx.writeFile(out());

    const run = await runStp(args());
    expect(run.code).toBe(0);
    expect(run.err.filter((line) => /typed over/.test(line))).toEqual([
      `warning: Plan Summary: 1 generated cell(s) had been typed over and were rewritten: B${annual}`,
      "warning: Allocation: 1 generated cell(s) had been typed over and were rewritten: E5",
      "warning: Tracking: 1 generated cell(s) had been typed over and were rewritten: G5",
    ]);
    expect(run.out.join("\n")).toMatch(/Kept 1 cell\(s\) you typed beside the plan's cells/);
    const after = await load(out());
    expect(after.getWorksheet("Allocation")!.getCell("E5").value).not.toBe(400000);
    expect(after.getWorksheet("Tracking")!.getCell("G5").formula).toBe("F5-E5");
    expect(after.getWorksheet("Allocation")!.getCell("AE2").value).toBe("ask finance");
    // Rewritten: the next run finds nothing typed over.
    expect((await runStp(args())).err.join("\n")).not.toMatch(/typed over/);
  });

  it("regenerates by the sheets' marks: a lost plan store duplicates nothing, an edited one deletes no user sheet", async () => {
    await fsp.rm(out(), { force: true });
    await writePlan(folder.file("plan.json"), plan(0.1, "lastYear"));
    expect((await runStp(args())).code).toBe(0);
    const names = (await load(out())).worksheets.map((w) => w.name);

    // The plan store deleted.
    const lost = await load(out());
    lost.removeWorksheet(lost.getWorksheet("_stp_plan")!.id);
    await lost.xlsx.writeFile(out());
    expect((await runStp(args())).code).toBe(0);
    expect((await load(out())).worksheets.map((w) => w.name)).toEqual(names);

    // The store edited to list a user's sheet as a rep tab of a rep long gone.
    const edited = await load(out());
    edited.addWorksheet("Regional notes").getCell("A1").value = "do not touch";
    const store = edited.getWorksheet("_stp_plan")!;
    store.eachRow((row) => {
      if (row.getCell(1).value !== "sheets") return;
      const listed = JSON.parse(String(row.getCell(2).value)) as unknown[];
      listed.push({ name: "Regional notes", kind: "rep-tab", key: '["Nowhere","Gone"]' });
      row.getCell(2).value = JSON.stringify(listed);
    });
    await edited.xlsx.writeFile(out());
    expect((await runStp(args())).code).toBe(0);
    const after = await load(out());
    expect(after.getWorksheet("Regional notes")!.getCell("A1").value).toBe("do not touch");
    expect(after.worksheets.filter((w) => / \(2\)$/.test(w.name))).toEqual([]);
  });

  it("a user's own Tracking sheet in place of the deleted generated one is kept; a renamed Action Plan with the store lost is rewritten once, under its new name", async () => {
    await fsp.rm(out(), { force: true });
    await writePlan(folder.file("plan.json"), plan(0.1, "lastYear"));
    expect((await runStp(args())).code).toBe(0);

    const wb = await load(out());
    wb.removeWorksheet(wb.getWorksheet("Tracking")!.id);
    const mine = wb.addWorksheet("Tracking");
    mine.getCell("A1").value = "my own tracking";
    mine.getCell("B2").value = 42;
    wb.getWorksheet("Action Plan")!.name = "Plan of actions";
    wb.removeWorksheet(wb.getWorksheet("_stp_plan")!.id);
    await wb.xlsx.writeFile(out());

    const run = await runStp(args());
    expect(run.code).toBe(0);
    const after = await load(out());
    const names = after.worksheets.map((w) => w.name);
    expect(after.getWorksheet("Tracking")!.getCell("A1").value).toBe("my own tracking");
    expect(after.getWorksheet("Tracking")!.getCell("B2").value).toBe(42);
    // The plan's tracking takes another name; the renamed action plan keeps the user's name.
    expect(names).toContain("Tracking (2)");
    expect(names).toContain("Plan of actions");
    expect(names).not.toContain("Action Plan");
    expect(names.filter((n) => / \(\d\)$/.test(n))).toEqual(["Tracking (2)"]);
    const tables = after.worksheets.flatMap((w) =>
      Object.keys((w as unknown as { tables: Record<string, unknown> }).tables ?? {}),
    );
    expect(tables.filter((t) => t === "STP_ActionPlan")).toHaveLength(1);
  });

  it("keeps the tab of a rep who left the plan, marked, and never takes a user's sheet name", async () => {
    await fsp.rm(out(), { force: true });
    await writePlan(folder.file("plan.json"), plan(0.1, "lastYear"));
    expect((await runStp(args())).code).toBe(0);
    const wb = await load(out());
    const repTabs = wb.worksheets.filter(
      (w) =>
        ![
          "Plan Summary",
          "Allocation",
          "Allocation Table",
          "Action Plan",
          "Tracking",
          "_stp_plan",
        ].includes(w.name),
    );
    const leaving = repTabs[0].name;
    wb.getWorksheet(leaving)!.getCell("P1").value = "my own note";
    wb.addWorksheet("Tracking (2)").getCell("A1").value = "user sheet";
    await wb.xlsx.writeFile(out());

    const leavingRep = String(wb.getWorksheet(leaving)!.getCell("A1").value).split(" — ")[0];
    const history = await load(path.join(SAMPLES, "sales-history-en.xlsx"));
    const plan2 = {
      ...plan(0.1, "lastYear"),
      levels: [
        { dimension: "region", method: "lastYear" },
        {
          dimension: "rep",
          method: "manual",
          weights: Object.fromEntries(repTabs.slice(1).map((t) => [t.name, 1])),
        },
      ],
    };
    expect(history.worksheets.length).toBeGreaterThan(0);
    await writePlan(folder.file("plan.json"), plan2);
    const run = await runStp(args());
    expect(run.code).toBe(0);
    const after = await load(out());
    const kept = after.getWorksheet(leaving)!;
    expect(kept).toBeDefined();
    expect(kept.getCell("P1").value).toBe("my own note");
    expect(String(kept.getCell("A2").value)).toMatch(/Not in the current plan/);
    expect(String(kept.getCell("A1").value)).toContain(leavingRep);
    expect(after.getWorksheet("Tracking (2)")!.getCell("A1").value).toBe("user sheet");
  });
});

describe("regenerating onto a workbook holding charts and pivot tables", () => {
  let folder: Folder;
  const out = () => folder.file("plan.xlsx");
  const args = () =>
    planArgs(path.join(SAMPLES, "sales-history-en.xlsx"), folder.file("plan.json"), out());

  beforeAll(async () => {
    folder = await tempFolder();
    await writePlan(folder.file("plan.json"), regionRepPlan());
  });
  afterAll(() => folder.remove());

  /** A fresh plan workbook and the name of its first rep tab. */
  async function generate(): Promise<string> {
    await fsp.rm(out(), { force: true });
    expect((await runStp(args())).code).toBe(0);
    return (await load(out())).worksheets[5].name;
  }

  async function expectRefused(part: string): Promise<void> {
    const before = await fsp.readFile(out());
    const run = await runStp(args());
    expect(run.code).toBe(3);
    expect(run.err[0]).toBe(
      `${out()}: holds ${part}, which rewriting would lose: nothing was written; choose another --out`,
    );
    expect(await fsp.readFile(out())).toEqual(before);
  }

  it("pivot table parts of the user's: kept byte for byte, the plan regenerated", async () => {
    await generate();
    const zip = await JSZip.loadAsync(await fsp.readFile(out()));
    zip.file("xl/pivotTables/pivotTable1.xml", "<pivotTableDefinition/>");
    zip.file("xl/pivotCache/pivotCacheDefinition1.xml", "<pivotCacheDefinition/>");
    await fsp.writeFile(out(), await zip.generateAsync({ type: "nodebuffer" }));
    expect((await runStp(args())).code).toBe(0);
    const written = await JSZip.loadAsync(await fsp.readFile(out()));
    expect(await written.file("xl/pivotTables/pivotTable1.xml")!.async("string")).toBe(
      "<pivotTableDefinition/>",
    );
    expect(await written.file("xl/pivotCache/pivotCacheDefinition1.xml")!.async("string")).toBe(
      "<pivotCacheDefinition/>",
    );
  });

  it("a user's chart on a rep tab or on the summary, sheets stp rewrites: refused, named with its sheet, the file unchanged", async () => {
    const repTab = await generate();
    await drawCharts(out(), await sheetPartNumber(out(), repTab), ["Chart 1"]);
    await expectRefused(`charts (on "${repTab}")`);
    await generate();
    await drawCharts(out(), await sheetPartNumber(out(), "Plan Summary"), [QUOTA_CHART_NAME]);
    await expectRefused('charts (on "Plan Summary")');
  });

  it("the add-in's quota chart on a rep tab: regenerated with a warning, the chart left to Excel", async () => {
    const repTab = await generate();
    const first = await sheetDump(out());
    await drawCharts(out(), await sheetPartNumber(out(), repTab), [QUOTA_CHART_NAME]);
    const run = await runStp(args());
    expect(run.code).toBe(0);
    expect(run.err).toContain(
      `warning: ${out()}: the quota charts the add-in drew on rep tabs are not written by stp; Generate in Excel draws them again`,
    );
    const zip = await JSZip.loadAsync(await fsp.readFile(out()));
    expect(Object.keys(zip.files).filter((f) => /charts|drawings/.test(f))).toEqual([]);
    expect(await sheetDump(out())).toEqual(first);
  });
});
