/** @jest-environment jsdom */
import "./support/jsdomSetup";
import { screen, waitFor, within } from "@testing-library/react";
import type { ExcelPort } from "../../src/excel/excelPort";
import { PLAN_STORE_SHEET } from "../../src/sheets/planStoreSheet";
import type { FakeWorkbook } from "../support/excelFake";
import { renderPane, sampleWorkbook, type PaneHarness } from "./support/paneHarness";

function snapshots(fake: FakeWorkbook) {
  return fake.workbook.order.map((name) => fake.workbook.snapshot(name));
}

async function write(h: PaneHarness): Promise<HTMLElement> {
  await h.goTo("generate");
  await h.user.click(screen.getByRole("button", { name: h.t.generate.write }));
  const done = await screen.findByText(/^Done: \d+ sheets written\.$/, {}, { timeout: 20000 });
  return done.closest<HTMLElement>(".fui-MessageBar")!;
}

/** The pane over a port whose write waits until `release` is called. */
async function paneWithHeldWrite() {
  let release: () => void = () => undefined;
  const h = await renderPane({
    port: (real): ExcelPort => ({
      ...real,
      writeSheets: (models, options) =>
        new Promise<void>((resolve) => (release = resolve)).then(() =>
          real.writeSheets(models, options),
        ),
    }),
  });
  return { h, release: () => release() };
}

describe("Generate step", () => {
  it("writes the plan sheets and the very hidden plan store, and links to each sheet", async () => {
    const h = await renderPane();
    const history = h.fake.workbook.snapshot("Sales");
    const summary = await write(h);
    const order = h.fake.workbook.order;
    expect(order.slice(0, 2)).toEqual(["Sales", "Notes"]);
    expect(order).toEqual(
      expect.arrayContaining(["Plan Summary", "Allocation", "Tracking", PLAN_STORE_SHEET]),
    );
    expect(h.fake.workbook.sheet(PLAN_STORE_SHEET).visibility).toBe("VeryHidden");
    expect(h.fake.workbook.snapshot("Sales")).toEqual(history);
    await h.user.click(
      within(summary).getByRole("button", { name: h.t.generate.openSheet("Tracking") }),
    );
    await waitFor(() => expect(h.fake.workbook.activeSheet).toBe("Tracking"));
  });

  it("restores the plan when the pane is opened again and regenerates identical sheets", async () => {
    const fake = sampleWorkbook();
    const first = await renderPane({ fake });
    await first.goTo("target");
    const growth = screen.getByRole("textbox", { name: first.t.target.growth });
    await first.user.clear(growth);
    await first.user.type(growth, "12.5");
    await first.goTo("breakdown");
    const unit = screen.getByRole("combobox", { name: first.t.breakdown.roundingUnit });
    await first.user.clear(unit);
    await first.user.type(unit, "100");
    await write(first);
    const written = snapshots(fake);
    first.unmount();

    const second = await renderPane({ fake });
    expect(screen.getByText(/^Plan restored from this workbook/)).toBeTruthy();
    await second.goTo("target");
    expect(
      (screen.getByRole("textbox", { name: second.t.target.growth }) as HTMLInputElement).value,
    ).toBe("12.5");
    await write(second);
    expect(snapshots(fake)).toEqual(written);
  });

  it("stops when cancelled, and says so", async () => {
    const { h, release } = await paneWithHeldWrite();
    await h.goTo("generate");
    await h.user.click(screen.getByRole("button", { name: h.t.generate.write }));
    expect(await screen.findByRole("progressbar")).toBeTruthy();
    await h.user.click(screen.getByRole("button", { name: h.t.generate.cancel }));
    release();
    expect(await screen.findByText(h.t.writeState.cancelledWrite(0))).toBeTruthy();
    expect(h.fake.workbook.hasSheet("Plan Summary")).toBe(false);
  });

  it("puts Write and Cancel in the bar with Back, after every control of the step, progress above", async () => {
    const { h, release } = await paneWithHeldWrite();
    await h.goTo("generate");
    const bar = screen.getByRole("navigation", { name: h.t.stepsLabel });
    const write = within(bar).getByRole("button", { name: h.t.generate.write });
    const back = within(bar).getByRole("button", { name: h.t.back });
    // The last step: no Next. In document (and Tab) order: the step's controls, Back, Write.
    expect(within(bar).queryByRole("button", { name: h.t.next })).toBeNull();
    const step = screen.getByRole("tabpanel");
    expect(step.contains(write)).toBe(false);
    const controls = [...document.querySelectorAll("button, input, [role='combobox']")];
    expect(controls.slice(-2)).toEqual([back, write]);
    expect(
      controls.indexOf(within(step).getByRole("button", { name: h.t.generate.refresh })),
    ).toBeLessThan(controls.indexOf(back));

    await h.user.click(write);
    const progress = within(bar).getByRole("progressbar");
    expect(progress.compareDocumentPosition(back) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await h.user.click(within(bar).getByRole("button", { name: h.t.generate.cancel }));
    release();
    expect(await screen.findByText(h.t.writeState.cancelledWrite(0))).toBeTruthy();
    expect(within(bar).queryByRole("progressbar")).toBeNull();

    // Another step: its own bar, Next back, the write gone from it.
    await h.goTo("preview");
    expect(within(bar).queryByRole("button", { name: h.t.generate.write })).toBeNull();
    expect(within(bar).getByRole("button", { name: h.t.next })).toBeTruthy();
  });

  it("tells what Excel refused when a write fails", async () => {
    const h = await renderPane();
    await h.goTo("generate");
    h.fake.failSync(1);
    await h.user.click(screen.getByRole("button", { name: h.t.generate.write }));
    expect(await screen.findByText(h.t.generate.failed, {}, { timeout: 20000 })).toBeTruthy();
  });

  it("refreshes only the tracking figures after new actuals are pasted into the history", async () => {
    const h = await renderPane();
    await write(h);
    const kept = h.fake.workbook.order.filter(
      (n) => n !== "Tracking" && n !== PLAN_STORE_SHEET && n !== "Sales",
    );
    const before = kept.map((n) => h.fake.workbook.snapshot(n));
    const tracking = h.fake.workbook.snapshot("Tracking");

    // A May sale pasted below the history (the sheet's own layout: date serial, …, amount).
    const rows = h.fake.workbook.values("Sales").length;
    await h.fake.host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sales");
      sheet.getRange(`A${rows + 1}:H${rows + 1}`).values = [
        [46150, "East", "Pumps", "Direct", "Ann Berg", "Customer 001 Ltd", 1, 12345],
      ];
      sheet.getRange(`A${rows + 1}`).numberFormat = [["yyyy-mm-dd"]];
      await context.sync();
    });

    await h.user.click(screen.getByRole("button", { name: h.t.generate.refresh }));
    expect(
      await screen.findByText("Tracking updated through May 2026.", {}, { timeout: 20000 }),
    ).toBeTruthy();
    expect(h.fake.workbook.snapshot("Tracking")).not.toEqual(tracking);
    expect(kept.map((n) => h.fake.workbook.snapshot(n))).toEqual(before);
    // New actuals leave the written plan as it was: not out of date.
    expect(screen.queryByText(h.t.writeState.outOfDateTitle)).toBeNull();
  });

  it("says there is nothing to refresh before a plan has been written", async () => {
    const h = await renderPane();
    await h.goTo("generate");
    await h.user.click(screen.getByRole("button", { name: h.t.generate.refresh }));
    expect(await screen.findByText(h.t.generate.noStoredPlan)).toBeTruthy();
    expect(h.fake.workbook.order).toEqual(["Sales", "Notes"]);
  });
});
