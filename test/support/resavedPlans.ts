import { promises as fsp } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { seededRandom } from "../../src/sample/random";
import { runPython } from "./openpyxl";
import { planArgs, runStp, tempFolder, writePlan } from "../cli/runStp";

export const HISTORY = path.join(__dirname, "..", "..", "samples", "sales-history-en.xlsx");

export type Typed = { key: string; note: string; status: string };
export type UserSheet = { name: string; rows: (string | number | null)[][] };
export type DumpedSheet = { name: string; state: string; rows: unknown[][] };

/** The cells people type: into the action plan, and two sheets of their own. */
export type Typing = { typed: Typed[]; userSheets: UserSheet[] };

/** Types notes and statuses into their (rep, month) rows and adds the user sheets, with openpyxl. */
export const TYPE_WITH_OPENPYXL = `
import json, sys
import openpyxl
source, target, typing_file = sys.argv[1:4]
with open(typing_file, encoding="utf-8") as f:
    typing = json.load(f)
wb = openpyxl.load_workbook(source)
ws = wb["Action Plan"]
cols = None
for r in range(1, 11):
    texts = [c.value for c in ws[r]]
    if "Period" in texts and "Notes" in texts:
        header, cols = r, {t: i + 1 for i, t in enumerate(texts) if isinstance(t, str)}
        break
rows = {}
for r in range(header + 1, ws.max_row + 1):
    rep, period = ws.cell(r, cols["Rep"]).value, ws.cell(r, cols["Period"]).value
    if isinstance(rep, str) and isinstance(period, str):
        rows[rep + "|" + period] = r
for t in typing["typed"]:
    ws.cell(rows[t["key"]], cols["Notes"]).value = t["note"]
    ws.cell(rows[t["key"]], cols["Status"]).value = t["status"]
for sheet in typing["userSheets"]:
    mine = wb.create_sheet(sheet["name"])
    for row in sheet["rows"]:
        mine.append(row)
wb.save(target)
`;

/** Every sheet's name, state and cell values (saved results of formulas), as openpyxl reads them. */
export const DUMP_WITH_OPENPYXL = `
import datetime, json, sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1], data_only=True)
def plain(v):
    return v.isoformat() if isinstance(v, (datetime.datetime, datetime.date, datetime.time)) else v
print(json.dumps([
    {"name": ws.title, "state": ws.sheet_state,
     "rows": [[plain(v) for v in row] for row in ws.iter_rows(values_only=True)]}
    for ws in wb.worksheets
], ensure_ascii=False))
`;

/** The action plan's rows by `rep|period`, with the columns by header. */
export function actionRows(sheets: DumpedSheet[]): {
  cols: Map<string, number>;
  rows: Map<string, unknown[]>;
} {
  const sheet = sheets.find((s) => s.name === "Action Plan");
  if (!sheet) throw new Error(`no Action Plan among ${sheets.map((s) => s.name).join(", ")}`);
  const header = sheet.rows.findIndex((r) => r.includes("Period") && r.includes("Notes"));
  const cols = new Map(sheet.rows[header].map((t, c) => [String(t), c]));
  const rows = new Map<string, unknown[]>();
  for (const row of sheet.rows.slice(header + 1)) {
    const rep = row[cols.get("Rep")!];
    const period = row[cols.get("Period")!];
    if (typeof rep === "string" && typeof period === "string" && /^\d{4}-\d{2}$/.test(period))
      rows.set(`${rep}|${period}`, row);
  }
  return { cols, rows };
}

/** 30 random (rep, month) rows with a note and a status each, and two sheets of the user's own. */
export function typingFor(keys: string[]): Typing {
  const random = seededRandom(30);
  const typed = new Map<string, Typed>();
  while (typed.size < 30) {
    const key = keys[random.int(0, keys.length - 1)];
    if (typed.has(key)) continue;
    typed.set(key, {
      key,
      note: `call back ${typed.size} — 回访`,
      status: random.pick(["In progress", "Done", "At risk"]),
    });
  }
  return {
    typed: [...typed.values()],
    userSheets: [
      {
        name: "Regional notes",
        rows: [
          ["Region", "Comment", "Budget"],
          ["North", "check Q2 & Q3", 12.5],
          ["South", null, 40],
        ],
      },
      {
        name: "Sales data",
        rows: [
          ["Date", "Rep", "Amount"],
          ["2025-01-05", "Ann", 1200],
          ["2025-02-11", "Bo", 860.25],
        ],
      },
    ],
  };
}

/** Types with ExcelJS, as a Node script fills a workbook, and saves it with ExcelJS. */
export async function typeWithExcelJs(
  source: string,
  target: string,
  typing: Typing,
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(source);
  const sheet = wb.getWorksheet("Action Plan")!;
  let cols = new Map<string, number>();
  let header = 0;
  for (let r = 1; r <= 10 && header === 0; r++) {
    const texts = Array.from(sheet.getRow(r).values as unknown[], (v) =>
      typeof v === "string" ? v : "",
    );
    if (texts.includes("Period") && texts.includes("Notes")) {
      cols = new Map(texts.map((t, c) => [t, c]));
      header = r;
    }
  }
  const rows = new Map<string, number>();
  sheet.eachRow((row, r) => {
    if (r <= header) return;
    const rep = row.getCell(cols.get("Rep")!).value;
    const period = row.getCell(cols.get("Period")!).value;
    if (typeof rep === "string" && typeof period === "string") rows.set(`${rep}|${period}`, r);
  });
  for (const t of typing.typed) {
    sheet.getCell(rows.get(t.key)!, cols.get("Notes")!).value = t.note;
    sheet.getCell(rows.get(t.key)!, cols.get("Status")!).value = t.status;
  }
  for (const user of typing.userSheets) {
    const mine = wb.addWorksheet(user.name);
    user.rows.forEach((row) => mine.addRow(row));
  }
  await wb.xlsx.writeFile(target);
}

export type Resave = (folder: string, plan: string, typing: Typing) => Promise<void>;

/**
 * A plan written by `stp`, re-saved by another tool with 30 typed (rep, month) rows and two user
 * sheets, then regenerated with another growth and method: every typed cell at its (rep, month),
 * the user sheets and the history as they were, the targets of the new plan.
 */
export function regeneratesAfter(resave: Resave): () => Promise<void> {
  return async () => {
    const folder = await tempFolder();
    try {
      const out = folder.file("plan.xlsx");
      const args = planArgs(HISTORY, folder.file("plan.json"), out);
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
      const historyBefore = await fsp.readFile(HISTORY);
      await writePlan(folder.file("plan.json"), plan(0.1, "lastYear"));
      const first = await runStp(args);
      // The sample history's skipped rows and the new plan's growth warnings are reported on
      // every run; nothing else may be (a typed-over or dropped-part warning would be).
      const problems = (err: string[]) =>
        err.filter((line) => !line.startsWith("skipped ") && !/target implies/.test(line));
      expect({ code: first.code, err: problems(first.err) }).toEqual({ code: 0, err: [] });

      const dump = async (file: string) =>
        JSON.parse(await runPython(folder.dir, DUMP_WITH_OPENPYXL, [file])) as DumpedSheet[];
      const written = actionRows(await dump(out));
      expect(written.rows.size).toBe(12 * 12);
      const typing = typingFor([...written.rows.keys()]);
      await resave(folder.dir, out, typing);
      const resaved = await dump(out);
      // The re-save holds what was typed, or the test would prove nothing.
      const typedBefore = actionRows(resaved);
      for (const t of typing.typed)
        expect(typedBefore.rows.get(t.key)![typedBefore.cols.get("Notes")!]).toBe(t.note);

      await writePlan(folder.file("plan.json"), plan(0.2, "history"));
      const rerun = await runStp(args);
      expect({ code: rerun.code, err: problems(rerun.err) }).toEqual({ code: 0, err: [] });
      expect(rerun.out.join("\n")).toMatch(/Action Plan: kept 60 cell\(s\) you typed/);

      const after = await dump(out);
      const regenerated = actionRows(after);
      const kept = typing.typed.filter((t) => {
        const row = regenerated.rows.get(t.key);
        return (
          row?.[regenerated.cols.get("Notes")!] === t.note &&
          row?.[regenerated.cols.get("Status")!] === t.status
        );
      });
      expect(`${kept.length}/30`).toBe("30/30");
      // The new plan is in: +20 % over the base year where it was +10 %.
      const total = (a: ReturnType<typeof actionRows>) =>
        [...a.rows.values()].reduce((sum, row) => sum + Number(row[a.cols.get("Target")!]), 0);
      expect(total(regenerated) / total(typedBefore)).toBeCloseTo(1.2 / 1.1, 2);
      for (const user of typing.userSheets) {
        const before = resaved.find((s) => s.name === user.name);
        expect(after.find((s) => s.name === user.name)).toEqual(before);
      }
      expect((await fsp.readFile(HISTORY)).equals(historyBefore)).toBe(true);
    } finally {
      await folder.remove();
    }
  };
}
