/** @jest-environment jsdom */
import "./support/jsdomSetup";
import { screen, waitFor, within } from "@testing-library/react";
import type { CellValue } from "../../src/engine/grid";
import { PLAN_STORE_SHEET, readPlanStore } from "../../src/sheets/planStoreSheet";
import { makeI18n } from "../../src/taskpane/i18n/I18nContext";
import type { FakeWorkbook } from "../support/excelFake";
import { renderPane, sampleWorkbook, type PaneHarness } from "./support/paneHarness";

const DONE = /^Done: \d+ sheets written\.$/;

async function write(h: PaneHarness): Promise<HTMLElement> {
  await h.user.click(screen.getByRole("button", { name: h.t.generate.write }));
  const done = await screen.findByText(DONE, {}, { timeout: 20000 });
  return done.closest<HTMLElement>(".fui-MessageBar")!;
}

/** Waits until the step has read the workbook, and returns the count line. */
async function checked(h: PaneHarness): Promise<HTMLElement> {
  return waitFor(
    () => {
      expect(screen.queryByText(h.t.writePreview.checking)).toBeNull();
      return screen.getByText(/^Writing touches \d+ sheets: /);
    },
    { timeout: 20000 },
  );
}

async function setCell(fake: FakeWorkbook, sheet: string, address: string, value: CellValue) {
  await fake.host.run(async (context) => {
    context.workbook.worksheets.getItem(sheet).getRange(address).values = [[value]];
    await context.sync();
  });
}

const letter = (column: number) => String.fromCharCode(65 + column);

/** The rep tabs of the plan the workbook stores. */
function repTabs(fake: FakeWorkbook): string[] {
  const store = readPlanStore(fake.workbook.values(PLAN_STORE_SHEET) as (string | null)[][]);
  return store!.sheets.filter((s) => s.kind === "rep-tab").map((s) => s.name);
}

/**
 * After a first write: a plan figure typed over on the Action Plan, a note typed beside the table
 * of a rep tab and a comment on the Allocation (a sheet that is rewritten). Returns their places.
 */
async function typeIntoPlan(fake: FakeWorkbook) {
  const plan = fake.workbook.values("Action Plan");
  const header = plan.findIndex((row) => row.includes("Period") && row.includes("Target"));
  const target = plan[header].indexOf("Target");
  const typedOver = `${letter(target)}${header + 3}`;
  await setCell(fake, "Action Plan", typedOver, 99999);

  const rep = repTabs(fake)[0];
  const width = Math.max(...fake.workbook.values(rep).map((r) => r.length));
  const note = `${letter(width + 1)}4`;
  await setCell(fake, rep, note, "call the buyer on Monday");

  await fake.host.run(async (context) => {
    context.workbook.worksheets.getItem("Allocation").comments.add("A6", "why so high?");
    await context.sync();
  });
  const allocationA6 = fake.workbook.values("Allocation")[5][0];
  return { typedOver, rep, note, noteRow: 3, noteColumn: width + 1, allocationA6 };
}

describe("Generate tells what it will write before writing", () => {
  it("lists the sheets, the typed-over figure, the note beside a table and the comment that moves; kept, the typed value is on the sheet of edits with its address", async () => {
    const fake = sampleWorkbook();
    const h = await renderPane({ fake });
    await h.goTo("generate");

    // Nothing written yet: every sheet is new, and nothing typed to tell.
    const first = await checked(h);
    const count = Number(/touches (\d+) sheets/.exec(first.textContent!)![1]);
    expect(first.textContent).toBe(`Writing touches ${count} sheets: ${count} new`);
    expect(screen.queryByText(/You typed over/)).toBeNull();
    await write(h);
    const written = fake.workbook.order.filter((n) => n !== "Sales" && n !== "Notes");
    expect(written.length).toBe(count + 1); // and the very hidden plan store

    const typed = await typeIntoPlan(fake);
    await h.user.click(screen.getByRole("button", { name: h.t.writePreview.checkAgain }));
    const line = await checked(h);
    expect(line.textContent).toBe(`Writing touches ${count + 1} sheets: 1 new, ${count} rewritten`);

    // The list, folded at first: every sheet with its status, rep tabs grouped.
    const toggle = screen.getByRole("button", { name: h.t.writePreview.showSheets });
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    await h.user.click(toggle);
    const list = document.getElementById(toggle.getAttribute("aria-controls")!)!;
    expect(list.hidden).toBe(false);
    const reps = repTabs(fake);
    const rows = within(list)
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(rows).toContain("Plan Summary — rewritten");
    expect(rows).toContain("Your edits — new");
    expect(rows).toContain(`${reps.length} rep tabs — rewritten${reps.join(", ")}`);

    // The typed-over figure, the choice (keep by default), the note and the comment.
    expect(screen.getByText(h.t.writePreview.typedOverTitle(1))).toBeTruthy();
    expect(screen.getByText(`Action Plan!${typed.typedOver}: 99,999`)).toBeTruthy();
    const keep = screen.getByRole("radio", { name: h.t.writePreview.keep("Your edits") });
    expect((keep as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole("radiogroup", { name: h.t.writePreview.choiceLabel })).toBeTruthy();
    expect(screen.getByText(h.t.writePreview.keptBeside(1))).toBeTruthy();
    expect(screen.getByText(`${typed.rep}!${typed.note}: call the buyer on Monday`)).toBeTruthy();
    expect(screen.getByText(h.t.writePreview.movedTitle(1, "Your edits"))).toBeTruthy();
    expect(
      screen.getByText(
        `Allocation!A6: ${String(typed.allocationA6)} (${h.t.writePreview.movedReason.comment})`,
      ),
    ).toBeTruthy();
    // Checking wrote nothing.
    expect(fake.workbook.hasSheet("Your edits")).toBe(false);

    const done = await write(h);
    expect(
      within(done).getByText(h.t.writePreview.doneTypedOverKept(1, "Your edits")),
    ).toBeTruthy();
    expect(within(done).getByText(h.t.writePreview.doneMoved(1, "Your edits"))).toBeTruthy();
    expect(within(done).getByText(h.t.writePreview.doneKept(1))).toBeTruthy();
    const edits = fake.workbook.values("Your edits");
    expect(edits).toContainEqual([
      "Action Plan",
      typed.typedOver,
      99999,
      "",
      "",
      "A plan figure you had typed over",
    ]);
    expect(edits.map((r) => r.slice(0, 2))).toContainEqual(["Allocation", "A6"]);
    expect(fake.workbook.values(typed.rep)[typed.noteRow][typed.noteColumn]).toBe(
      "call the buyer on Monday",
    );
    await h.user.click(
      within(done).getByRole("button", { name: h.t.writePreview.openEdits("Your edits") }),
    );
    await waitFor(() => expect(fake.workbook.activeSheet).toBe("Your edits"));

    // Checked again after the write: nothing typed over is left to tell.
    await checked(h);
    expect(screen.queryByText(/You typed over/)).toBeNull();
  }, 60000);

  it("overwrites the typed-over figures when told to, and says so", async () => {
    const fake = sampleWorkbook();
    const h = await renderPane({ fake });
    await h.goTo("generate");
    await checked(h);
    await write(h);
    const plan = fake.workbook.values("Action Plan");
    const header = plan.findIndex((row) => row.includes("Period") && row.includes("Target"));
    const target = plan[header].indexOf("Target");
    const figure = plan[header + 2][target];
    await setCell(fake, "Action Plan", `${letter(target)}${header + 3}`, 12345);
    // And a figure of a sheet without keyed rows: told by its row's signature.
    const allocation = fake.workbook.values("Allocation");
    const numberRow = allocation.findIndex((row) => row.some((v) => typeof v === "number"));
    const numberColumn = allocation[numberRow].findIndex((v) => typeof v === "number");
    await setCell(fake, "Allocation", `${letter(numberColumn)}${numberRow + 1}`, 4242);

    // The plan changes (the growth): the step checks the workbook again by itself.
    await h.goTo("target");
    const growth = screen.getByRole("textbox", { name: h.t.target.growth });
    await h.user.clear(growth);
    await h.user.type(growth, "10");
    await h.goTo("generate");
    await checked(h);
    expect(
      await screen.findByText(`Action Plan!${letter(target)}${header + 3}: 12,345`),
    ).toBeTruthy();
    // Kept (the default), the figure goes to a new sheet of edits; overwritten, no sheet is added.
    const sheetsNow = fake.workbook.order.length - 3; // the history, Notes and the plan store
    expect(screen.getByText(/^Writing touches/).textContent).toBe(
      `Writing touches ${sheetsNow + 1} sheets: 1 new, ${sheetsNow} rewritten`,
    );
    await h.user.click(screen.getByRole("radio", { name: h.t.writePreview.overwrite }));
    expect(screen.getByText(/^Writing touches/).textContent).toBe(
      `Writing touches ${sheetsNow} sheets: ${sheetsNow} rewritten`,
    );
    const done = await write(h);
    // Both figures, on keyed rows or not, are said to be rewritten.
    expect(within(done).getByText(h.t.writePreview.doneTypedOverRewritten(2))).toBeTruthy();
    expect(within(done).queryByText(/Your edits/)).toBeNull();
    expect(fake.workbook.hasSheet("Your edits")).toBe(false);
    expect(fake.workbook.values("Action Plan")[header + 2][target]).toBe(figure);
  }, 60000);

  it("in Chinese, with the sheet of edits named in Chinese", async () => {
    const fake = sampleWorkbook("zh-CN");
    const h = await renderPane({ fake, language: "zh-CN" });
    await h.goTo("generate");
    await waitFor(() => expect(screen.queryByText(h.t.writePreview.checking)).toBeNull(), {
      timeout: 20000,
    });
    await h.user.click(screen.getByRole("button", { name: h.t.generate.write }));
    await screen.findByText(/^完成/, {}, { timeout: 20000 });
    const plan = fake.workbook.values("行动计划");
    const header = plan.findIndex((row) => row.includes("目标") && row.includes("期间"));
    const target = plan[header].indexOf("目标");
    await setCell(fake, "行动计划", `${letter(target)}${header + 3}`, 777);
    await h.user.click(screen.getByRole("button", { name: h.t.writePreview.checkAgain }));
    expect(await screen.findByText(h.t.writePreview.typedOverTitle(1))).toBeTruthy();
    expect(screen.getByText(`行动计划!${letter(target)}${header + 3}：777`)).toBeTruthy();
    expect(
      screen.getByRole("radio", { name: "保留我填写的值（复制到工作表“您的编辑”）" }),
    ).toBeTruthy();
    await h.user.click(screen.getByRole("button", { name: h.t.generate.write }));
    expect(
      await screen.findByText(
        h.t.writePreview.doneTypedOverKept(1, "您的编辑"),
        {},
        { timeout: 20000 },
      ),
    ).toBeTruthy();
    expect(fake.workbook.values("您的编辑").map((r) => r.slice(0, 3))).toContainEqual([
      "行动计划",
      `${letter(target)}${header + 3}`,
      777,
    ]);
  }, 60000);

  it("says when the workbook could not be checked, and checks again when asked", async () => {
    let failNext = false;
    const h = await renderPane({
      port: (real) => ({
        ...real,
        readPlanStore: () => {
          if (!failNext) return real.readPlanStore();
          failNext = false;
          return Promise.reject(new Error("The workbook is busy"));
        },
      }),
    });
    failNext = true;
    await h.goTo("generate");
    const words = h.t.writePreview.checkFailed(
      makeI18n("en-US").notice({ code: "excel-error", params: { detail: "The workbook is busy" } }),
    );
    const reason = await screen.findByText(words, { exact: false }, { timeout: 20000 });
    expect(reason.closest(".fui-MessageBar")).not.toBeNull();
    // Writing stays possible: it reads the workbook again itself.
    expect(screen.getByRole("button", { name: h.t.generate.write }).hasAttribute("disabled")).toBe(
      false,
    );
    await h.user.click(screen.getByRole("button", { name: h.t.writePreview.checkAgain }));
    const line = await checked(h);
    expect(line.textContent).toMatch(/^Writing touches \d+ sheets: \d+ new$/);
    expect(screen.queryByText(words, { exact: false })).toBeNull();
  }, 60000);
});
