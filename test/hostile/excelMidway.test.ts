import type { Notice } from "../../src/engine/history";
import type { Language } from "../../src/engine/language";
import { formatNotice } from "../../src/engine/messages";
import { computePlan } from "../../src/engine/plan/computePlan";
import { validPlan } from "../../src/engine/plan/testing/validPlan";
import { readHistory } from "../../src/engine/reader/readHistory";
import type { ExcelPort, ExcelPortError } from "../../src/excel";
import { GENERATED_TAG } from "../../src/excel/workbookInventory";
import { PLAN_STORE_SHEET, readPlanStore } from "../../src/sheets/planStoreSheet";
import { PANE_NOTICES } from "../../src/taskpane/i18n/paneNotices";
import { portFailure } from "../../src/taskpane/model/portFailure";
import { excelWorkbook } from "../../src/excel/excelWorkbookPort";
import { writePlan } from "../../src/workflow/writePlan";
import type { FakeSheetInit, FakeWorkbook } from "../support/excelFake";
import { beforeEachSync } from "../support/excelFake/requestContext";
import { addSheet, deleteSheet, renameSheet } from "../support/excelFake/sheetOperations";
import { cellForWrite, findSheet } from "../support/excelFake/workbookState";
import { open, portError } from "../excel/support/openPort";
import { planFixture } from "../excel/support/planFixture";

// The workbook under a Generate write that fails half-way, or that the user changes while the
// add-in reads and writes: the user's sheets stay as they were, and the error says what to do.

// Requests far smaller than Excel's limit, so that a small plan is written in several of them and
// a failure can fall between any two.
jest.mock("../../src/excel/payloadBytes", () => ({
  ...jest.requireActual<object>("../../src/excel/payloadBytes"),
  REQUEST_BUDGET_BYTES: 60_000,
}));

const fixture = planFixture({ reps: 2, rows: 150, regions: 1, actualMonths: 2 });
const HISTORY = fixture.historySheet.name;
const MINE = "My notes";

/** A sheet of the user's: text that looks like formulas, numbers, formats and a table. */
const USER_SHEET: FakeSheetInit = {
  name: MINE,
  values: [
    ["keep me", 42, "=SUM(A1)"],
    ["+1", "@x", 3.5],
    ["Budget", "Amount", null],
    ["East", 1000, null],
  ],
  numberFormats: [["@", "0.00"], [], [], [null, "#,##0"]],
};

function openWorkbook(): { fake: FakeWorkbook; port: ExcelPort } {
  return open([fixture.historySheet, USER_SHEET], {
    tables: [{ name: "Budget", sheet: MINE, address: "A3:B4" }],
  });
}

/** Everything on a sheet, cells and their looks included, as text. */
function sheetText(fake: FakeWorkbook, name: string): string {
  return JSON.stringify(fake.workbook.snapshot(name));
}

/** The history and the user's sheet, as text: what no write may change. */
function usersText(fake: FakeWorkbook): string[] {
  return [HISTORY, MINE].map((name) => sheetText(fake, name));
}

/** Every sheet of the workbook in tab order, as text. */
function workbookText(fake: FakeWorkbook): string[] {
  return fake.workbook.order.map((name) => sheetText(fake, name));
}

/** The whole Generate of the task pane: read the history, plan it, build the sheets, write them. */
async function generate(port: ExcelPort, growth = 0.1, language: Language = "en-US") {
  const grid = await port.readHistory({ kind: "sheet", name: HISTORY });
  const plan = validPlan({ ...fixture.plan, target: { growth }, language });
  const read = readHistory(grid, { columns: plan.columns });
  const result = computePlan(read, plan);
  const outcome = await writePlan(excelWorkbook(port), {
    result,
    plan,
    language,
    historySheet: grid.sheet,
  });
  return outcome.written;
}

/** The words the task pane shows for a failure, in both languages. */
function paneWords(failure: unknown): Record<Language, string> {
  const notice: Notice = portFailure(failure);
  return {
    "en-US": formatNotice(notice, "en-US", PANE_NOTICES),
    "zh-CN": formatNotice(notice, "zh-CN", PANE_NOTICES),
  };
}

/** Syncs of a complete Generate on a fresh workbook (after `prepare`). */
async function syncsOfGenerate(prepare?: (fake: FakeWorkbook, port: ExcelPort) => Promise<void>) {
  const { fake, port } = openWorkbook();
  await prepare?.(fake, port);
  const before = fake.stats.syncs;
  await generate(port, 0.2);
  return fake.stats.syncs - before;
}

/** Types a note into a generated sheet's user column (the Action Plan's Notes), as a user would. */
function typeNotes(fake: FakeWorkbook, count: number): Map<string, string> {
  const values = fake.workbook.values("Action Plan");
  const header = values.findIndex((row) => row.includes("Period") && row.includes("Notes"));
  const rep = values[header].indexOf("Rep");
  const period = values[header].indexOf("Period");
  const notes = values[header].indexOf("Notes");
  const sheet = fake.workbook.sheet("Action Plan");
  const typed = new Map<string, string>();
  for (let r = header + 1; r < values.length && typed.size < count; r += 3) {
    if (!/^\d{4}-\d{2}$/.test(String(values[r][period]))) continue;
    const note = `call back ${typed.size}`;
    cellForWrite(sheet, r, notes).value = note;
    typed.set(`${values[r][rep]}|${values[r][period]}`, note);
  }
  return typed;
}

/** A rep tab of the plan written in the workbook. */
function repTab(fake: FakeWorkbook): string {
  const name = fake.workbook.order.find(
    (sheet) => fake.workbook.customProperties(sheet)[GENERATED_TAG] === "rep-tab",
  );
  if (!name) throw new Error("no rep tab in the workbook");
  return name;
}

function notesOf(fake: FakeWorkbook): Map<string, string> {
  const values = fake.workbook.values("Action Plan");
  const header = values.findIndex((row) => row.includes("Period") && row.includes("Notes"));
  const found = new Map<string, string>();
  if (header < 0) return found;
  const [rep, period, notes] = ["Rep", "Period", "Notes"].map((h) => values[header].indexOf(h));
  for (const row of values.slice(header + 1)) {
    if (row[notes] !== "") found.set(`${row[rep]}|${row[period]}`, String(row[notes]));
  }
  return found;
}

/** The port with its writeSheets reporting the number of the write's first request. */
function watched(fake: FakeWorkbook, port: ExcelPort, seen: (first: number) => void): ExcelPort {
  return {
    ...port,
    writeSheets: (models, options) => {
      seen(fake.stats.syncs + 1);
      return port.writeSheets(models, options);
    },
  };
}

/** Requests a Generate sends before its write, and in it, on a workbook made by `setup`. */
async function requestsOf(setup: (port: ExcelPort) => Promise<unknown>) {
  const { fake, port } = openWorkbook();
  await setup(port);
  const start = fake.stats.syncs;
  let first = 0;
  await generate(
    watched(fake, port, (n) => (first = n)),
    0.2,
  );
  return { before: first - 1 - start, write: fake.stats.syncs - first + 1 };
}

/**
 * Requests of a Generate by their offset from the write's first one (negative: reading the
 * history and the sheets): the first and last of reading, and of the write its first requests
 * (looking, preparing), one in the middle and its last two (the last cells, recalculating).
 */
function offsets({ before, write }: { before: number; write: number }): number[] {
  const picks = [-before, -1, 0, 2, 3, Math.floor(write / 2), write - 1];
  return [...new Set(picks)].filter((o) => o >= -before && o < write).sort((x, y) => x - y);
}

/** Every request of a write that can change the workbook (after its two looks), by offset. */
function writeOffsets({ write }: { write: number }): number[] {
  return Array.from({ length: write - 2 }, (_, i) => i + 2);
}

const firstWrite = async () => undefined;
const regeneration = (port: ExcelPort) => generate(port, 0.1);

describe("a Generate write that fails at any request", () => {
  it("leaves the history and the user's sheet as they were, says what to do, and a second Generate completes it", async () => {
    const total = await syncsOfGenerate();
    expect(total).toBeGreaterThan(5);
    const { fake: clean, port: cleanPort } = openWorkbook();
    await generate(cleanPort, 0.2);
    const complete = workbookText(clean);

    for (let n = 1; n <= total; n++) {
      const { fake, port } = openWorkbook();
      const before = usersText(fake);
      fake.failSync(n);
      const error = await portError(generate(port, 0.2));
      expect({ n, code: error.code }).toEqual({ n, code: "excel-error" });
      expect(usersText(fake)).toEqual(before);
      expect(fake.workbook.tables.filter((t) => t.sheet === MINE)).toEqual([
        { name: "Budget", sheet: MINE, address: "A3:B4", style: "TableStyleMedium2" },
      ]);

      const words = paneWords(error);
      expect(words["en-US"]).toMatch(/^Excel refused the request \(.+\)\. /);
      expect(words["en-US"]).toMatch(/(write (them|the plan sheets) again|try again)\.$/);
      expect(words["zh-CN"]).toMatch(/^Excel 拒绝了请求(.+)。/);
      expect(words["zh-CN"]).toMatch(/(重新写入|请再试一次)。$/);

      await generate(port, 0.2);
      expect({ n, sheets: workbookText(fake) }).toEqual({ n, sheets: complete });
    }
  });

  it("says the user's sheets are safe and the plan sheets may be incomplete once the write has begun", async () => {
    let error: ExcelPortError | null = null;
    for (let n = 1; !error; n++) {
      const { fake, port } = openWorkbook();
      fake.failSync(n);
      const failure = await portError(generate(port));
      if (failure.params.stage === "prepare") error = failure;
    }
    expect(error.params).toMatchObject({ phase: "write", stage: "prepare" });
    const words = paneWords(error);
    expect(words["en-US"]).toContain(
      "Your history and your own sheets were not changed, but the plan sheets may be incomplete: write them again.",
    );
    expect(words["zh-CN"]).toContain(
      "您的历史数据和您自己的工作表没有改动，但计划工作表可能不完整：请重新写入。",
    );
  });

  it("keeps the notes typed into a generated sheet through a regeneration that fails at any request", async () => {
    const prepare = async (fake: FakeWorkbook, port: ExcelPort) => {
      await regeneration(port);
      typeNotes(fake, 10);
    };
    const requests = await requestsOf(regeneration);
    expect(requests.write).toBeGreaterThan(6);
    for (const offset of writeOffsets(requests)) {
      const { fake, port } = openWorkbook();
      await prepare(fake, port);
      const typed = notesOf(fake);
      expect(typed.size).toBeGreaterThan(5);
      const before = usersText(fake);
      fake.failSync(requests.before + 1 + offset);
      const error = await portError(generate(port, 0.2));
      expect(usersText(fake)).toEqual(before);
      await generate(port, 0.2);
      expect({ offset, stage: error.params.stage, notes: notesOf(fake) }).toEqual({
        offset,
        stage: error.params.stage,
        notes: typed,
      });
    }
  });
});

describe("a workbook the user changes between reading the history and writing the plan", () => {
  /**
   * A Generate during which the user changes the workbook just before request `offset` of the
   * write (0: its first; negative: while the history and the sheets were being read). `change`
   * says whether it could change anything then (a sheet name already taken cannot be taken).
   */
  async function generateChanging(
    fake: FakeWorkbook,
    port: ExcelPort,
    before: number,
    offset: number,
    change: () => boolean,
  ): Promise<{ failure: unknown; changed: boolean }> {
    const when = fake.stats.syncs + before + 1 + offset;
    let changed = false;
    let reached = false;
    beforeEachSync(fake.workbook.state, (sync) => {
      if (sync !== when) return;
      reached = true;
      changed = change();
    });
    try {
      await generate(port, 0.2);
      return { failure: null, changed };
    } catch (error) {
      return { failure: error, changed };
    } finally {
      beforeEachSync(fake.workbook.state, null);
      expect({ offset, reached }).toEqual({ offset, reached: true });
    }
  }

  it("never writes over a sheet the user added with a name the plan wants, whenever it appears", async () => {
    const requests = await requestsOf(firstWrite);
    const addedAt: number[] = [];
    for (const offset of offsets(requests)) {
      const { fake, port } = openWorkbook();
      const users = usersText(fake);
      let theirs = "";
      const { failure, changed } = await generateChanging(
        fake,
        port,
        requests.before,
        offset,
        () => {
          if (fake.workbook.hasSheet("Allocation")) return false;
          const sheet = addSheet(fake.workbook.state, "Allocation");
          cellForWrite(sheet, 0, 0).value = "mine, not the planner's";
          theirs = sheetText(fake, "Allocation");
          return true;
        },
      );
      expect(usersText(fake)).toEqual(users);
      if (!changed) continue;
      addedAt.push(offset);
      expect({ offset, same: sheetText(fake, "Allocation") === theirs }).toEqual({
        offset,
        same: true,
      });
      if (failure) {
        const words = paneWords(failure);
        expect(words["en-US"]).toMatch(/again\.?$/);
        expect(words["zh-CN"]).toMatch(/(重新写入|再试一次)。?$/);
        // The next Generate sees the user's sheet and writes around it.
        await generate(port, 0.2);
        expect(sheetText(fake, "Allocation")).toBe(theirs);
      }
      const store = readPlanStore(fake.workbook.values(PLAN_STORE_SHEET));
      expect(store?.sheets.map((s) => s.name)).not.toContain("Allocation");
      expect(store?.sheets.map((s) => s.kind)).toContain("allocation");
    }
    // Added while the add-in read the workbook, and while it wrote, until it wrote that sheet.
    expect(addedAt.some((offset) => offset < 0)).toBe(true);
    expect(addedAt.some((offset) => offset > 0)).toBe(true);
  });

  it("stops with sheet-name-taken, changing nothing, when the user's sheet is there as the write looks", async () => {
    const requests = await requestsOf(firstWrite);
    const { fake, port } = openWorkbook();
    const { failure } = await generateChanging(fake, port, requests.before, 0, () => {
      addSheet(fake.workbook.state, "Plan Summary");
      return true;
    });
    expect(portFailure(failure).code).toBe("sheet-name-taken");
    const words = paneWords(failure);
    expect(words["en-US"]).toBe(
      'a sheet named "Plan Summary" already exists and was not written by the planner: rename it, then write again',
    );
    expect(words["zh-CN"]).toBe(
      "已存在名为“Plan Summary”的工作表，且不是规划写入的：请先重命名它，再重新写入。",
    );
    expect(fake.workbook.order).toEqual([HISTORY, MINE, "Plan Summary"]);
    expect(fake.workbook.values("Plan Summary")).toEqual([]);
  });

  it("writes a generated sheet the user deleted afresh, whenever it disappears", async () => {
    const requests = await requestsOf(regeneration);
    for (const offset of offsets(requests)) {
      const { fake, port } = openWorkbook();
      await regeneration(port);
      const rep = repTab(fake);
      const users = usersText(fake);
      const { failure } = await generateChanging(fake, port, requests.before, offset, () => {
        deleteSheet(fake.workbook.state, findSheet(fake.workbook.state, rep)!);
        return true;
      });
      expect(usersText(fake)).toEqual(users);
      if (failure) expect(paneWords(failure)["en-US"]).toMatch(/again\.$/);
      // The next Generate writes it again, whether it went before or after this one wrote it.
      await generate(port, 0.2);
      expect({ offset, rows: fake.workbook.values(rep).length > 3 }).toEqual({
        offset,
        rows: true,
      });
    }
  });

  it("never deletes a generated sheet the user renamed to keep it", async () => {
    const requests = await requestsOf(regeneration);
    for (const offset of offsets(requests)) {
      const { fake, port } = openWorkbook();
      await regeneration(port);
      const rep = repTab(fake);
      const kept = `${rep.slice(0, 20)} 2025`;
      let theirs = "";
      const { failure } = await generateChanging(fake, port, requests.before, offset, () => {
        renameSheet(fake.workbook.state, findSheet(fake.workbook.state, rep)!, kept);
        theirs = JSON.stringify(fake.workbook.values(kept));
        return true;
      });
      if (failure) expect(paneWords(failure)["en-US"]).toMatch(/again\.$/);
      await generate(port, 0.2);
      expect({ offset, kept: fake.workbook.hasSheet(kept) }).toEqual({ offset, kept: true });
      expect(JSON.stringify(fake.workbook.values(kept)) === theirs).toBe(true);
      expect(fake.workbook.values(rep).length).toBeGreaterThan(3);
    }
  });

  it("never deletes the user's copy of a generated sheet", async () => {
    const { fake, port } = openWorkbook();
    await regeneration(port);
    const rep = repTab(fake);
    // Excel copies a sheet with its custom properties, the planner's tag among them.
    const copy = addSheet(fake.workbook.state, "My copy");
    const original = fake.workbook.sheet(rep);
    for (const [key, cell] of original.cells) copy.cells.set(key, { ...cell });
    for (const [key, entry] of original.customProperties)
      copy.customProperties.set(key, { ...entry });
    const theirs = sheetText(fake, "My copy");
    await generate(port, 0.2);
    expect(sheetText(fake, "My copy") === theirs).toBe(true);
  });

  it("leaves the history as the user edited it, whenever the edit comes", async () => {
    const requests = await requestsOf(firstWrite);
    for (const offset of offsets(requests)) {
      const { fake, port } = openWorkbook();
      let edited = "";
      const { failure } = await generateChanging(fake, port, requests.before, offset, () => {
        const sheet = fake.workbook.sheet(HISTORY);
        cellForWrite(sheet, 1, 7).value = 999_999;
        cellForWrite(sheet, 5000, 0).value = "pasted below";
        edited = sheetText(fake, HISTORY);
        return true;
      });
      expect(failure).toBeNull();
      expect(sheetText(fake, HISTORY) === edited).toBe(true);
      expect(fake.workbook.hasSheet("Plan Summary")).toBe(true);
    }
  });
});
