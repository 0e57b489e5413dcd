/** @jest-environment jsdom */
import "./support/jsdomSetup";
import { screen, waitFor } from "@testing-library/react";
import { computePlan } from "../../src/engine/plan/computePlan";
import { historyReadOptions } from "../../src/engine/plan/historyReadOptions";
import { parsePlanFileText } from "../../src/engine/plan/validatePlanFile";
import type { PlanFile } from "../../src/engine/plan/planSchema";
import { readHistory } from "../../src/engine/reader/readHistory";
import type { Progress } from "../../src/excel/excelPort";
import { PLAN_STORE_SHEET, readPlanStore } from "../../src/sheets/planStoreSheet";
import { makeFormatters } from "../../src/taskpane/i18n/formatters";
import { barProgress, type BarProgress } from "../../src/taskpane/state/writeProgress";
import type { FakeWorkbook } from "../support/excelFake";
import { createFakeWorkbook } from "../support/excelFake";
import { renderPane, sampleWorkbook, type PaneHarness } from "./support/paneHarness";

const DONE = /^Done: \d+ sheets written\.$/;

function snapshots(fake: FakeWorkbook) {
  return fake.workbook.order.map((name) => [name, fake.workbook.snapshot(name)]);
}

async function write(h: PaneHarness): Promise<void> {
  await h.goTo("generate");
  await h.user.click(screen.getByRole("button", { name: h.t.generate.write }));
  await screen.findByText(DONE, {}, { timeout: 20000 });
}

/** The plan the workbook's store holds. */
function storedPlan(fake: FakeWorkbook): PlanFile {
  const store = readPlanStore(fake.workbook.values(PLAN_STORE_SHEET) as (string | null)[][]);
  const parsed = parsePlanFileText(store?.plan ?? "");
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.plan;
}

/** A plan's annual target on the workbook's history, as the engine computes it. */
async function totalOf(h: PaneHarness, plan: PlanFile): Promise<number> {
  const grid = await h.port.readHistory({ kind: "sheet", name: "Sales" });
  return computePlan(readHistory(grid, historyReadOptions(plan)), plan).target;
}

/** Visible sheets of the plan stored in the workbook. */
function planSheets(fake: FakeWorkbook): number {
  const store = readPlanStore(fake.workbook.values(PLAN_STORE_SHEET) as (string | null)[][]);
  return store!.sheets.filter((s) => s.kind !== "plan-store").length;
}

describe("the write's state", () => {
  it("marks the written plan out of date after a change, with its total and the new one", async () => {
    const h = await renderPane();
    await write(h);
    const written = storedPlan(h.fake);
    await h.goTo("target");
    const growth = screen.getByRole("textbox", { name: h.t.target.growth });
    await h.user.clear(growth);
    await h.user.type(growth, "40");
    await h.goTo("generate");
    const changed: PlanFile = { ...written, target: { growth: 0.4 } };
    const format = makeFormatters("en-US");
    const message = h.t.writeState.outOfDate(
      format.amount(await totalOf(h, written)),
      format.amount(await totalOf(h, changed)),
    );
    expect(await screen.findByText(message, {}, { timeout: 10000 })).toBeTruthy();
    expect(screen.getByText(h.t.writeState.outOfDateTitle)).toBeTruthy();
    // The stale success is gone.
    expect(screen.queryByText(DONE)).toBeNull();

    // Back to what was written: up to date again.
    await h.goTo("target");
    await h.user.clear(screen.getByRole("textbox", { name: h.t.target.growth }));
    await h.user.type(screen.getByRole("textbox", { name: h.t.target.growth }), "10");
    await h.goTo("generate");
    await waitFor(() => expect(screen.queryByText(h.t.writeState.outOfDateTitle)).toBeNull());
    expect(screen.getByText(DONE)).toBeTruthy();
  });

  it("shows one bar for the whole write that never goes back, naming the sheet it writes", async () => {
    const seen: Progress[] = [];
    const h = await renderPane({
      port: (real) => ({
        ...real,
        writeSheets: (models, options) =>
          real.writeSheets(models, {
            ...options,
            onProgress: (p) => {
              seen.push(p);
              options?.onProgress?.(p);
            },
          }),
      }),
    });
    await h.goTo("generate");
    h.fake.setLatency(5);
    const values: number[] = [];
    const labels = new Set<string>();
    const sampler = setInterval(() => {
      const bar = screen.queryByRole("progressbar");
      if (bar) values.push(Number(bar.getAttribute("aria-valuenow") ?? "0"));
      for (const text of screen.queryAllByText(/^Sheet \d+ of \d+: /))
        labels.add(text.textContent!);
    }, 2);
    await h.user.click(screen.getByRole("button", { name: h.t.generate.write }));
    await screen.findByText(DONE, {}, { timeout: 30000 });
    clearInterval(sampler);

    expect(values.length).toBeGreaterThan(3);
    values.forEach((value, i) => expect(value).toBeGreaterThanOrEqual(values[i - 1] ?? 0));
    // Every word of the port names a visible sheet among as many as were written.
    const count = planSheets(h.fake);
    const named = seen.filter((p) => p.sheet);
    expect(named.length).toBe(seen.length);
    for (const p of named) {
      expect(p.sheet!.count).toBe(count);
      expect(h.fake.workbook.order).toContain(p.sheet!.name);
    }
    expect(named.at(-1)!.done).toBe(named.at(-1)!.total);
    expect([...labels].length).toBeGreaterThan(0);
    for (const label of labels) expect(label).toMatch(new RegExp(`^Sheet \\d+ of ${count}: `));
  });

  it("cancels only before the first change, then says the workbook holds the previous plan", async () => {
    const fake = sampleWorkbook();
    const h = await renderPane({ fake });
    await write(h);
    const before = snapshots(fake);
    const previous = planSheets(fake);
    await h.goTo("target");
    await h.user.clear(screen.getByRole("textbox", { name: h.t.target.growth }));
    await h.user.type(screen.getByRole("textbox", { name: h.t.target.growth }), "25");
    await h.goTo("generate");

    // Cancelled while the workbook is read: nothing written, and the message says so.
    fake.setLatency(40);
    await h.user.click(screen.getByRole("button", { name: h.t.generate.write }));
    await h.user.click(screen.getByRole("button", { name: h.t.generate.cancel }));
    expect(
      await screen.findByText(h.t.writeState.cancelledWrite(previous), {}, { timeout: 20000 }),
    ).toBeTruthy();
    expect(snapshots(fake)).toEqual(before);

    // Once the write has begun, Cancel is off and the write completes: the new plan, whole.
    await h.user.click(screen.getByRole("button", { name: h.t.generate.write }));
    await screen.findByText(/^Sheet \d+ of \d+: /, {}, { timeout: 20000 });
    const cancel = screen.getByRole("button", { name: h.t.generate.cancel });
    expect(cancel.hasAttribute("disabled") || cancel.getAttribute("aria-disabled") === "true").toBe(
      true,
    );
    expect(screen.getByText(new RegExp(h.t.writeState.committed))).toBeTruthy();
    await h.user.click(cancel);
    await screen.findByText(DONE, {}, { timeout: 30000 });
    expect(storedPlan(fake).target).toEqual({ growth: 0.25 });
    expect(snapshots(fake)).not.toEqual(before);
  });

  it("makes one Generate one undo step where ExcelApi 1.20 is there, and says so", async () => {
    const h = await renderPane();
    await h.goTo("generate");
    expect(screen.getByText(h.t.writeState.undoOne)).toBeTruthy();
    expect(screen.queryByText(h.t.writeState.undoNone)).toBeNull();
    const runs = h.fake.stats.runs;
    await write(h);
    expect(h.fake.stats.undoGroups).toBe(1);
    expect(h.fake.stats.runs).toBeGreaterThan(runs + 1);
  });

  it("says before writing that Ctrl+Z cannot undo it where ExcelApi 1.20 is missing", async () => {
    const sample = sampleWorkbook();
    const fake = createFakeWorkbook({
      sheets: [{ name: "Sales", values: sample.workbook.values("Sales") }],
      requirementSets: ["ExcelApi 1.19"],
    });
    // The sample's dates: the fake keeps number formats, so copy the sheet whole.
    fake.workbook.state.sheets[0] = sample.workbook.state.sheets[0];
    const h = await renderPane({ fake });
    await h.goTo("generate");
    expect(screen.getByText(h.t.writeState.undoNone)).toBeTruthy();
    expect(screen.queryByText(h.t.writeState.undoOne)).toBeNull();
    await write(h);
    expect(fake.stats.undoGroups).toBe(0);
  });
});

describe("the progress bar", () => {
  const start: BarProgress = { value: 0, stage: "preparing" };
  it("stays at its start while a Generate reads, then follows the write", () => {
    let bar = barProgress("write", "write", { phase: "read", done: 5, total: 10 }, start);
    expect(bar).toEqual({ value: 0, stage: "preparing" });
    const sheet = { name: "Ann Berg", number: 7, count: 17 };
    bar = barProgress("write", "write", { phase: "write", done: 3, total: 12, sheet }, bar);
    expect(bar).toEqual({ value: 0.25, stage: "writing", sheet });
    // Another read's word (a sheet read back) never takes it back.
    bar = barProgress("write", "write", { phase: "read", done: 0, total: 10 }, bar);
    expect(bar).toEqual({ value: 0.25, stage: "writing", sheet });
  });

  it("fills half with a Refresh's read and half with its write, never going back", () => {
    let bar = barProgress("refresh", "read", { phase: "read", done: 50, total: 100 }, start);
    expect(bar.value).toBe(0.25);
    bar = barProgress("refresh", "write", { phase: "write", done: 0, total: 4 }, bar);
    expect(bar.value).toBe(0.5);
    bar = barProgress("refresh", "write", { phase: "write", done: 4, total: 4 }, bar);
    expect(bar.value).toBe(1);
    bar = barProgress("refresh", "write", { phase: "write", done: 1, total: 4 }, bar);
    expect(bar.value).toBe(1);
  });
});
