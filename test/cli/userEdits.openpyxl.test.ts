import { promises as fsp } from "node:fs";
import { recalculate } from "../support/libreoffice";
import { describeWithTools, runPython } from "../support/openpyxl";
import { DUMP_WITH_OPENPYXL, HISTORY, type DumpedSheet } from "../support/resavedPlans";
import { runStp, tempFolder, writePlan } from "./runStp";

/**
 * What a finance user does to a plan workbook between refreshes, with openpyxl as a script would:
 * notes beside the summary's and a rep tab's tables, a note and a total below the Action Plan
 * table, a "Priority" column inserted into that table and filled on some rows, a comment on an
 * allocation figure, and a sheet of their own.
 */
const EDIT = String.raw`
import json, sys
import openpyxl
from openpyxl.comments import Comment
from openpyxl.worksheet.table import TableColumn
from openpyxl.utils import get_column_letter, range_boundaries
path, out = sys.argv[1:3]
wb = openpyxl.load_workbook(path)
typed = {}
def note(ws, ref, value):
    ws[ref] = value
    typed.setdefault(ws.title, {})[ref] = value
summary = wb["Plan Summary"]
note(summary, "K3", "ask finance about Q3")
note(summary, "A%d" % (summary.max_row + 3), "signed off by Ann")
rep = wb["Ann Smith"]
note(rep, "Z2", "on leave in August")
ap = wb["Action Plan"]
table = ap.tables["STP_ActionPlan"]
min_col, min_row, max_col, max_row = range_boundaries(table.ref)
header = min_row
period_col = [c.value for c in ap[header]].index("Period") + 1
key_col = [c.value for c in ap[header]].index("__key") + 1
note(ap, "%s%d" % (get_column_letter(max_col + 3), header + 2), "beside the table")
note(ap, "B%d" % (max_row + 3), "below the table")
# A column inserted into the table left of Period, as Excel's Insert > Table Column does.
ap.insert_cols(period_col)
table.ref = "%s%d:%s%d" % (get_column_letter(min_col), min_row, get_column_letter(max_col + 1), max_row)
table.autoFilter.ref = table.ref
table.tableColumns.insert(period_col - min_col, TableColumn(id=max(c.id for c in table.tableColumns) + 1, name="Priority"))
ap.cell(header, period_col).value = "Priority"
priorities = {}
for r in range(header + 1, max_row + 1, 7):
    ap.cell(r, period_col).value = "P%d" % r
    priorities[ap.cell(r, key_col + 1).value] = "P%d" % r
allocation = wb["Allocation"]
allocation["C6"].comment = Comment("why so high?", "Ann")
mine = wb.create_sheet("My sheet")
mine.append(["Region", "Budget"])
mine.append(["North", 12.5])
wb.save(out)
print(json.dumps({"typed": typed, "priorities": priorities}, ensure_ascii=False))
`;

/** Every cell holding one of `texts`, as sheet!address. */
function whereIs(sheets: DumpedSheet[], texts: readonly string[]): string[] {
  const found: string[] = [];
  for (const sheet of sheets) {
    sheet.rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (typeof value === "string" && texts.includes(value)) {
          let letters = "";
          for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26))
            letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
          found.push(`${sheet.name}!${letters}${r + 1}=${value}`);
        }
      }),
    );
  }
  return found.sort();
}

describeWithTools("regeneration keeps what users put around the plan", ["openpyxl"], () => {
  it("keeps notes beside and below tables where they were, carries an inserted column by row key, moves a comment and what the new layout needs to a sheet of edits", async () => {
    const folder = await tempFolder();
    try {
      const out = folder.file("plan.xlsx");
      const config = folder.file("plan.json");
      const args = ["plan", "--history", HISTORY, "--config", config, "--out", out];
      const plan = (growth: number, levels: string[]) => ({
        version: 1,
        planYear: 2026,
        target: { growth },
        levels: levels.map((dimension) => ({ dimension, method: "lastYear" })),
        rounding: { unit: 100 },
        language: "en-US",
      });
      const dump = async () =>
        JSON.parse(await runPython(folder.dir, DUMP_WITH_OPENPYXL, [out])) as DumpedSheet[];

      await writePlan(config, plan(0.1, ["region", "rep"]));
      expect((await runStp(args)).code).toBe(0);
      const edited = JSON.parse(await runPython(folder.dir, EDIT, [out, out])) as {
        typed: Record<string, Record<string, string>>;
        priorities: Record<string, string>;
      };
      const before = await dump();
      const notes = Object.values(edited.typed).flatMap((cells) => Object.values(cells));
      const placesBefore = whereIs(before, notes);
      expect(placesBefore).toHaveLength(5);

      // A new growth: every note where it was, the column on its rows, the comment moved.
      await writePlan(config, plan(0.2, ["region", "rep"]));
      const second = await runStp(args);
      expect(second.code).toBe(0);
      expect(second.out).toContain(
        "Kept 5 cell(s) you typed beside the plan's cells where they were, and 1 column(s) you added to a table",
      );
      expect(second.err.filter((l) => l.startsWith("warning"))).toEqual([
        'warning: 1 cell(s) you had typed where the new plan writes (Allocation!C6) were moved, with their addresses, to the sheet "Your edits"',
      ]);
      const after = await dump();
      expect(whereIs(after, notes)).toEqual(placesBefore);
      const ap = after.find((s) => s.name === "Action Plan")!;
      const header = ap.rows.findIndex((r) => r.includes("Period") && r.includes("Notes"));
      const priority = ap.rows[header].indexOf("Priority");
      const keyColumn = ap.rows[header].indexOf("__key");
      expect(priority).toBeGreaterThan(ap.rows[header].indexOf("Notes"));
      const carried: Record<string, string> = {};
      for (const row of ap.rows.slice(header + 1)) {
        if (typeof row[priority] === "string") carried[String(row[keyColumn])] = row[priority];
      }
      expect(carried).toEqual(edited.priorities);
      const editsSheet = after.find((s) => s.name === "Your edits")!;
      expect(editsSheet.rows[4]).toEqual([
        "Allocation",
        "C6",
        before.find((s) => s.name === "Allocation")!.rows[5][2],
        null,
        "Ann: why so high?",
        "A comment on a sheet the plan rewrites",
      ]);
      expect(after.find((s) => s.name === "My sheet")).toEqual(
        before.find((s) => s.name === "My sheet"),
      );

      // The same plan again: nothing moves, nothing is added, the workbook reads the same.
      const third = await runStp(args);
      expect(third.code).toBe(0);
      expect(third.err.filter((l) => l.startsWith("warning"))).toEqual([]);
      expect(await dump()).toEqual(after);

      // Levels whose Action Plan is longer: the note below the table is in the way and moves.
      await writePlan(config, plan(0.2, ["region", "customer"]));
      const fourth = await runStp(args);
      expect(fourth.code).toBe(0);
      const moved = (await dump()).find((s) => s.name === "Your edits (2)")!;
      const rows = moved.rows.slice(4);
      expect(rows.map((r) => [r[0], r[2], r[5]])).toContainEqual([
        "Action Plan",
        "below the table",
        "The new plan writes this cell",
      ]);
      // The edits sheet of the first move is a user's sheet now: left exactly as it was.
      expect((await dump()).find((s) => s.name === "Your edits")).toEqual(editsSheet);
    } finally {
      await folder.remove();
    }
  }, 240_000);
});

/** A formula and a date typed beside the summary's tables, with openpyxl. */
const FORMULA_AND_DATE = String.raw`
import datetime, sys
import openpyxl
path, out = sys.argv[1:3]
wb = openpyxl.load_workbook(path)
summary = wb["Plan Summary"]
summary["K5"] = "=SUM(B5:B7)*2"
summary["K6"] = datetime.datetime(2026, 3, 31)
summary["K6"].number_format = "yyyy-mm-dd"
wb.save(out)
`;

/** Each cell's formula (or value) and number format, as openpyxl reads them. */
const CELLS = String.raw`
import json, sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb[sys.argv[2]]
print(json.dumps({ref: [str(ws[ref].value), ws[ref].number_format] for ref in sys.argv[3:]}))
`;

describeWithTools(
  "regeneration keeps what users typed around the plan as formulas and dates",
  ["openpyxl", "soffice"],
  () => {
    it("a formula stays a formula and a date a date, after LibreOffice re-saved the plan", async () => {
      const folder = await tempFolder();
      try {
        const out = folder.file("plan.xlsx");
        const config = folder.file("plan.json");
        const args = ["plan", "--history", HISTORY, "--config", config, "--out", out];
        const plan = (growth: number) => ({
          version: 1,
          planYear: 2026,
          target: { growth },
          levels: [
            { dimension: "region", method: "lastYear" },
            { dimension: "rep", method: "lastYear" },
          ],
          rounding: { unit: 100 },
          language: "en-US",
        });
        await writePlan(config, plan(0.1));
        expect((await runStp(args)).code).toBe(0);
        const typed = folder.file("typed.xlsx");
        await runPython(folder.dir, FORMULA_AND_DATE, [out, typed]);
        // LibreOffice calculates the formula and saves its result, as Excel would.
        await fsp.copyFile(await recalculate(typed), out);

        await writePlan(config, plan(0.2));
        const run = await runStp(args);
        expect(run.code).toBe(0);
        expect(run.out).toContain(
          "Kept 2 cell(s) you typed beside the plan's cells where they were",
        );
        const cells = JSON.parse(
          await runPython(folder.dir, CELLS, [out, "Plan Summary", "K5", "K6"]),
        ) as Record<string, [string, string]>;
        expect(cells.K5[0]).toBe("=SUM(B5:B7)*2");
        expect(cells.K6).toEqual(["2026-03-31 00:00:00", "yyyy-mm-dd"]);
      } finally {
        await folder.remove();
      }
    }, 240_000);
  },
);
