import type { ExcelPort } from "../../src/excel";
import type { CellValue } from "../../src/engine/grid";
import { computePlan } from "../../src/engine/plan/computePlan";
import { validPlan } from "../../src/engine/plan/testing/validPlan";
import { readHistory } from "../../src/engine/reader/readHistory";
import { seededRandom } from "../../src/sample/random";
import { excelWorkbook } from "../../src/excel/excelWorkbookPort";
import { writePlan } from "../../src/workflow/writePlan";
import type { FakeWorkbook } from "../support/excelFake";
import { open } from "./support/openPort";
import { planFixture } from "./support/planFixture";

/** Everything a user could see in the workbook, sheet by sheet, as text. */
function workbookText(fake: FakeWorkbook): string[] {
  return fake.workbook.order.map((name) =>
    JSON.stringify([
      name,
      fake.workbook.snapshot(name, { withCells: false }),
      fake.workbook.values(name),
    ]),
  );
}

async function generate(
  port: ExcelPort,
  history: string,
  growth: number,
  method: "lastYear" | "history",
) {
  const grid = await port.readHistory({ kind: "sheet", name: history });
  const read = readHistory(grid);
  const plan = validPlan({
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
  const result = computePlan(read, plan);
  await writePlan(excelWorkbook(port), {
    result,
    plan,
    language: "en-US",
    historySheet: grid.sheet,
  });
}

async function setCell(
  fake: FakeWorkbook,
  sheet: string,
  address: string,
  value: CellValue,
): Promise<void> {
  await fake.host.run(async (context) => {
    context.workbook.worksheets.getItem(sheet).getRange(address).values = [[value]];
    await context.sync();
  });
}

describe("Generate in Excel keeps what people typed", () => {
  it("carries 30 typed (rep, month) rows through a changed target and weights, and a second run changes nothing", async () => {
    const fixture = planFixture({ reps: 12, rows: 3000 });
    const { fake, port } = open([
      fixture.historySheet,
      { name: "Regional notes", values: [["do not touch", null, 3.5]] },
    ]);
    const history = fixture.historySheet.name;
    const historyBefore = JSON.stringify(fake.workbook.values(history));
    await generate(port, history, 0.1, "lastYear");

    const values = fake.workbook.values("Action Plan");
    const header = values.findIndex((row) => row.includes("Period") && row.includes("Notes"));
    const col = (name: string) => values[header].indexOf(name);
    const rowsByKey = (grid: CellValue[][]) =>
      new Map(
        grid
          .map((row, r): [string, number] => [`${row[col("Rep")]}|${row[col("Period")]}`, r])
          .filter(([key], r) => r > header && /\|\d{4}-\d{2}$/.test(key)),
      );
    const rows = [...rowsByKey(values)];
    expect(rows).toHaveLength(12 * 12);
    const letter = (c: number) => String.fromCharCode(65 + c);
    const random = seededRandom(30);
    const typed = new Map<string, { note: string; status: string }>();
    while (typed.size < 30) {
      const [key, r] = rows[random.int(0, rows.length - 1)];
      if (typed.has(key)) continue;
      const entry = {
        note: `call back ${typed.size}`,
        status: random.pick(["In progress", "Done", "At risk"]),
      };
      await setCell(fake, "Action Plan", `${letter(col("Notes"))}${r + 1}`, entry.note);
      await setCell(fake, "Action Plan", `${letter(col("Status"))}${r + 1}`, entry.status);
      typed.set(key, entry);
    }
    const targetsBefore = new Map(rows.map(([key, r]) => [key, values[r][col("Target")]]));

    await generate(port, history, 0.2, "history");
    const after = fake.workbook.values("Action Plan");
    const afterRows = rowsByKey(after);
    for (const [key, entry] of typed) {
      const r = afterRows.get(key)!;
      expect([after[r][col("Notes")], after[r][col("Status")]]).toEqual([entry.note, entry.status]);
    }
    const changed = [...afterRows].filter(
      ([key, r]) => after[r][col("Target")] !== targetsBefore.get(key),
    ).length;
    expect(changed).toBeGreaterThan(100);
    expect(fake.workbook.values("Regional notes")[0]).toEqual(["do not touch", "", 3.5]);
    expect(JSON.stringify(fake.workbook.values(history))).toBe(historyBefore);

    const once = workbookText(fake);
    await generate(port, history, 0.2, "history");
    expect(workbookText(fake)).toEqual(once);
  });

  it("keeps notes on their (rep, month) after the Action Plan table was sorted", async () => {
    const fixture = planFixture({ reps: 5, rows: 1000 });
    const { fake, port } = open([fixture.historySheet]);
    const history = fixture.historySheet.name;
    await generate(port, history, 0.1, "lastYear");

    // Notes typed into the table, then the table sorted by them, descending: as Excel sorts a
    // table, only the cells of the table's own columns move (formulas taken as their results).
    const typed = new Map<string, string>();
    await fake.host.run(async (context) => {
      const table = context.workbook.tables.getItem("STP_ActionPlan");
      const header = table.getHeaderRowRange();
      const body = table.getDataBodyRange();
      header.load("values");
      body.load("values");
      await context.sync();
      const names = header.values[0] as string[];
      const [rep, period, notes] = ["Rep", "Period", "Notes"].map((n) => names.indexOf(n));
      const rows = body.values.map((row) => [...row]);
      rows.slice(0, 40).forEach((row, i) => {
        row[notes] = `note ${i}`;
        typed.set(`${row[rep]}|${row[period]}`, `note ${i}`);
      });
      const sorted = [...rows].sort((a, b) => String(b[notes]).localeCompare(String(a[notes])));
      expect(sorted.map((row) => row[rep])).not.toEqual(rows.map((row) => row[rep]));
      body.values = sorted;
      await context.sync();
    });

    await generate(port, history, 0.2, "history");
    const after = fake.workbook.values("Action Plan");
    const header = after.findIndex((row) => row.includes("Period") && row.includes("Notes"));
    const col = (name: string) => after[header].indexOf(name);
    const notes = new Map(
      after
        .slice(header + 1)
        .filter((row) => row[col("Notes")] !== "")
        .map((row) => [`${row[col("Rep")]}|${row[col("Period")]}`, row[col("Notes")]]),
    );
    expect(notes).toEqual(typed);
  });

  it("rewrites or removes only sheets that carry the plan's mark, whatever the plan store lists", async () => {
    const fixture = planFixture({ reps: 4, rows: 600 });
    const { fake, port } = open([
      fixture.historySheet,
      { name: "Regional notes", values: [["do not touch", null, 3.5]] },
    ]);
    const history = fixture.historySheet.name;
    await generate(port, history, 0.1, "lastYear");
    // The generated Allocation Table deleted and a user's own sheet added under its name; the
    // store edited to list the user's "Regional notes" as a rep tab of a rep long gone.
    await fake.host.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.getItem("Allocation Table").delete();
      sheets.add("Allocation Table").getRange("A1").values = [["my own table"]];
      const store = sheets.getItem("_stp_plan").getUsedRange(true);
      store.load("values");
      await context.sync();
      const values = store.values.map((row) => [...row]);
      const row = values.findIndex((r) => r[0] === "sheets");
      const listed = JSON.parse(String(values[row][1])) as unknown[];
      listed.push({ name: "Regional notes", kind: "rep-tab", key: '["Nowhere","Gone"]' });
      values[row][1] = JSON.stringify(listed);
      store.values = values;
      await context.sync();
    });

    await generate(port, history, 0.2, "history");
    expect(fake.workbook.values("Allocation Table")[0][0]).toBe("my own table");
    expect(fake.workbook.values("Regional notes")[0]).toEqual(["do not touch", "", 3.5]);
    expect(fake.workbook.hasSheet("Allocation Table (2)")).toBe(true);
    expect(fake.workbook.order.filter((name) => / \(2\)$/.test(name))).toEqual([
      "Allocation Table (2)",
    ]);
  });
  it("keeps notes typed beside the plan's tables where they were and moves comments on rewritten sheets to a sheet of edits", async () => {
    const fixture = planFixture({ reps: 4, rows: 600 });
    const { fake, port } = open([fixture.historySheet]);
    const history = fixture.historySheet.name;
    await generate(port, history, 0.1, "lastYear");
    const summaryWidth = Math.max(...fake.workbook.values("Plan Summary").map((r) => r.length));
    const beside = `${String.fromCharCode(65 + summaryWidth + 2)}3`;
    await setCell(fake, "Plan Summary", beside, "ask finance about Q3");
    const dateCell = `${String.fromCharCode(65 + summaryWidth + 2)}4`;
    await fake.host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Plan Summary").getRange(dateCell);
      range.values = [[46112]];
      range.numberFormat = [["yyyy-mm-dd"]];
      await context.sync();
    });
    const below = fake.workbook.values("Action Plan").length + 3;
    await setCell(fake, "Action Plan", `B${below}`, "below the table");
    await fake.host.run(async (context) => {
      context.workbook.worksheets.getItem("Allocation").comments.add("A6", "why so high?");
      await context.sync();
    });
    const allocationA6 = fake.workbook.values("Allocation")[5][0];
    expect(typeof allocationA6).toBe("string");

    await generate(port, history, 0.2, "history");
    expect(fake.workbook.values("Plan Summary")[2][summaryWidth + 2]).toBe("ask finance about Q3");
    const kept = await fake.host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Plan Summary").getRange(dateCell);
      range.load("values,numberFormat");
      await context.sync();
      return [range.values[0][0], range.numberFormat[0][0]];
    });
    expect(kept).toEqual([46112, "yyyy-mm-dd"]);
    expect(fake.workbook.values("Action Plan")[below - 1][1]).toBe("below the table");
    expect(fake.workbook.order).toContain("Your edits");
    expect(fake.workbook.values("Your edits")[4]).toEqual([
      "Allocation",
      "A6",
      allocationA6,
      "",
      "Fake User: why so high?",
      "A comment on a sheet the plan rewrites",
    ]);

    // Nothing left to move: a second regeneration changes nothing and adds no sheet.
    const settled = workbookText(fake);
    await generate(port, history, 0.2, "history");
    expect(workbookText(fake)).toEqual(settled);
  });
  it("with the plan store lost, a rep tab stays its rep's: what was typed on it is carried and no sheet is doubled", async () => {
    const fixture = planFixture({ reps: 4, rows: 600 });
    const { fake, port } = open([fixture.historySheet]);
    const history = fixture.historySheet.name;
    await generate(port, history, 0.1, "lastYear");
    const names = [...fake.workbook.order];
    const repTab = names.find(
      (n) =>
        !["Plan Summary", "Allocation", "Allocation Table", "Action Plan", "Tracking"].includes(
          n,
        ) &&
        n !== history &&
        n !== "_stp_plan",
    )!;
    const values = fake.workbook.values(repTab);
    const header = values.findIndex((row) => row.includes("Notes"));
    const notes = values[header].indexOf("Notes");
    const cell = `${String.fromCharCode(65 + notes)}${header + 2}`;
    await setCell(fake, repTab, cell, "met the buyer");
    await fake.host.run(async (context) => {
      const store = context.workbook.worksheets.getItem("_stp_plan");
      store.visibility = "Visible";
      store.delete();
      await context.sync();
    });

    await generate(port, history, 0.2, "history");
    expect(fake.workbook.order).toEqual(names);
    expect(fake.workbook.values(repTab)[header + 1][notes]).toBe("met the buyer");
  });
});
