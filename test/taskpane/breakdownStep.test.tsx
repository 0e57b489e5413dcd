/** @jest-environment jsdom */
import "./support/jsdomSetup";
import { screen, waitFor, within } from "@testing-library/react";
import { createFakeWorkbook } from "../support/excelFake";
import { generateHistory } from "../../src/sample/generateHistory";
import { choose, openCard, renderPane } from "./support/paneHarness";

function level(name: RegExp) {
  return screen.getByRole("group", { name });
}

/** The sample history with a department column, which no built-in dimension names. */
function workbookWithDepartments() {
  const grid = generateHistory({
    language: "zh-CN",
    planYear: 2026,
    actualMonths: 2,
    rows: 300,
    seed: 7,
    messy: false,
  });
  const header = grid.values.findIndex((row) => row.includes("大区"));
  const region = grid.values[header].indexOf("大区");
  const values = grid.values.map((row, r) => {
    if (r < header) return row;
    if (r === header) return [...row, "部门", "订单编号"];
    return [...row, row[region] ? `${String(row[region])}部` : "", `SO${r}`];
  });
  return createFakeWorkbook({
    sheets: [
      {
        name: grid.sheet,
        values,
        numberFormats: grid.numberFormats?.map((f) => [...f, "General", "General"]),
      },
    ],
    activeSheet: grid.sheet,
  });
}

describe("Breakdown step", () => {
  it("offers any other column of the history as a level, and previews by it", async () => {
    const { user, t, goTo } = await renderPane({ fake: workbookWithDepartments() });
    await goTo("breakdown");
    await user.click(screen.getByRole("button", { name: t.breakdown.addLevel }));
    await user.click(await screen.findByRole("menuitem", { name: "部门" }));
    // A document number is a column too, but one member per row is no level to offer.
    await user.click(screen.getByRole("button", { name: t.breakdown.addLevel }));
    expect(await screen.findByRole("menuitem", { name: "Product" })).toBeTruthy();
    expect(screen.queryByRole("menuitem", { name: "订单编号" })).toBeNull();
    await user.keyboard("{Escape}");
    expect(level(/^Level 3: 部门$/)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: t.breakdown.moveUp("部门") }));
    await user.click(screen.getByRole("button", { name: t.breakdown.moveUp("部门") }));
    expect(level(/^Level 1: 部门$/)).toBeTruthy();
    await goTo("preview");
    const byDepartment = screen.getByRole("table", { name: "By 部门" });
    const members = within(byDepartment)
      .getAllByRole("rowheader")
      .map((h) => h.textContent);
    expect(members).toEqual(expect.arrayContaining(["华东部", "华南部"]));
  });

  it("orders, adds and removes levels", async () => {
    const { user, t, goTo } = await renderPane();
    await goTo("breakdown");
    expect(level(/^Level 1: Region$/)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: t.breakdown.moveUp("Sales rep") }));
    expect(level(/^Level 1: Sales rep$/)).toBeTruthy();
    expect(level(/^Level 2: Region$/)).toBeTruthy();

    await user.click(screen.getByRole("button", { name: t.breakdown.addLevel }));
    await user.click(await screen.findByRole("menuitem", { name: "Product" }));
    expect(level(/^Level 3: Product$/)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: t.breakdown.remove("Product") }));
    expect(screen.queryByRole("group", { name: /Product/ })).toBeNull();

    await goTo("preview");
    const tables = screen
      .getAllByRole("table")
      .map((tb) => tb.getAttribute("aria-label") ?? tb.querySelector("caption")?.textContent);
    expect(tables.slice(0, 2)).toEqual(["By Sales rep", "By Region"]);
  });

  it("edits manual weights in a grid whose shares follow the typing", async () => {
    const { user, t, goTo } = await renderPane();
    await goTo("breakdown");
    const region = await openCard(user, /^Level 1: Region$/);
    // The method is an option behind "More options" until one is used.
    expect(within(region).queryByRole("combobox", { name: t.breakdown.method })).toBeNull();
    await user.click(within(region).getByRole("button", { name: t.breakdown.moreOptions }));
    await user.click(within(region).getByRole("combobox", { name: t.breakdown.method }));
    await user.click(await screen.findByRole("option", { name: t.methods.manual }));
    const grid = within(region).getByRole("table", { name: t.breakdown.weights });
    const members = within(grid)
      .getAllByRole("rowheader")
      .map((h) => h.textContent);
    expect(members).toEqual(["East", "North", "South", "West", t.breakdown.weightsTotal]);
    for (const member of ["East", "North", "South", "West"]) {
      const input = within(grid).getByRole("textbox", { name: t.breakdown.weightFor(member) });
      await user.clear(input);
      await user.type(input, member === "East" ? "3" : "1");
    }
    const eastRow = within(grid).getByRole("rowheader", { name: "East" }).closest("tr")!;
    expect(eastRow.textContent).toContain("50.0%");
    const westRow = within(grid).getByRole("rowheader", { name: "West" }).closest("tr")!;
    expect(westRow.textContent).toContain("16.7%");

    await goTo("preview");
    const byRegion = screen.getByRole("table", { name: "By Region" });
    const east = within(byRegion).getByRole("rowheader", { name: "East" }).closest("tr")!;
    const target = Number(within(east).getAllByRole("cell")[0].textContent?.replace(/,/g, ""));
    const total = Number(
      screen.getByText(t.preview.target).nextSibling?.textContent?.replace(/,/g, ""),
    );
    expect(target).toBe(Math.round(total / 2));
  });

  it("shows a lock larger than its parent on the lock's amount", async () => {
    const { user, t, goTo } = await renderPane();
    await goTo("breakdown");
    await user.click(screen.getByRole("button", { name: t.breakdown.addLock }));
    const lock = screen.getByRole("group", { name: "Lock 1" });
    await user.type(within(lock).getByRole("combobox", { name: "Region" }), "East");
    const amount = within(lock).getByRole("textbox", { name: t.breakdown.lockValue("amount") });
    await user.type(amount, "999999999");
    await user.tab();
    await waitFor(() => expect(amount.getAttribute("aria-invalid")).toBe("true"));
    expect(
      within(lock).getByText(/lock|locked/i, {
        selector: "[id$='__validationMessage'] *, [id$='__validationMessage']",
      }),
    ).toBeTruthy();
  });

  it("adds a new rep with a lock, and Preview lists it as new", async () => {
    const { user, t, goTo } = await renderPane();
    await goTo("breakdown");
    await user.click(screen.getByRole("button", { name: t.breakdown.addLock }));
    const lock = screen.getByRole("group", { name: "Lock 1" });
    await choose(user, t.breakdown.lockLevel, "Sales rep");
    await user.type(within(lock).getByRole("combobox", { name: "Region" }), "East");
    await user.type(within(lock).getByRole("combobox", { name: "Sales rep" }), "Zed New");
    await user.type(
      within(lock).getByRole("textbox", { name: t.breakdown.lockValue("amount") }),
      "100000",
    );
    // The card's one-line summary names the segment and the amount.
    expect(await within(lock).findByText("East / Zed New · Amount 100,000")).toBeTruthy();
    await user.click(within(lock).getByRole("checkbox", { name: t.breakdown.lockNew }));
    await goTo("preview");
    const byRep = await screen.findByRole("table", { name: "By Sales rep" });
    const row = within(byRep)
      .getByRole("rowheader", { name: /East \/ Zed New/ })
      .closest("tr")!;
    expect(row.textContent).toContain("100,000");
    expect(row.textContent).toContain(t.preview.newMember);
  });

  it("shows caps that cannot all hold on the level's maximum", async () => {
    const { user, t, goTo } = await renderPane();
    await goTo("breakdown");
    const reps = await openCard(user, /^Level 2: Sales rep$/);
    await user.click(within(reps).getByRole("button", { name: t.breakdown.moreOptions }));
    await user.click(within(reps).getByRole("combobox", { name: t.breakdown.maxCap }));
    await user.click(
      await screen.findByRole("option", { name: t.breakdown.boundKinds.ofLastYear }),
    );
    const maximum = within(reps).getByRole("group", { name: t.breakdown.maxCap });
    const value = within(maximum).getByRole("textbox", {
      name: t.breakdown.boundValue("ofLastYear"),
    });
    await user.type(value, "50");
    await user.tab();
    const kind = within(reps).getByRole("combobox", { name: t.breakdown.maxCap });
    await waitFor(() => expect(kind.getAttribute("aria-invalid")).toBe("true"));
    // Only on the bound that collides: the Minimum is None.
    const minimum = within(reps).getByRole("combobox", { name: t.breakdown.minCap });
    expect(minimum.getAttribute("aria-invalid")).not.toBe("true");
  });

  it("spreads over the months by the chosen method, with the seasonality chart", async () => {
    const { user, t, goTo } = await renderPane();
    await goTo("breakdown");
    const chart = await screen.findByRole("img", { name: /Seasonality/ });
    expect(chart.querySelectorAll("polyline")).toHaveLength(4); // 2023, 2024, 2025 and the plan
    await choose(user, t.breakdown.timeMethod, t.timeMethods.manual);
    const months = screen.getByRole("group", { name: t.breakdown.monthWeights });
    expect(within(months).getAllByRole("textbox")).toHaveLength(12);
    const january = within(months).getByRole("textbox", { name: "Jan" });
    await user.clear(january);
    await user.type(january, "x");
    await user.tab();
    await waitFor(() => expect(january.getAttribute("aria-invalid")).toBe("true"));
  });
});
