/** @jest-environment jsdom */
import "./support/jsdomSetup";
import { screen, waitFor, within } from "@testing-library/react";
import { workedExampleRecords } from "../../src/engine/plan/testing/workedExample";
import { createFakeWorkbook } from "../support/excelFake";
import { choose, renderPane } from "./support/paneHarness";

describe("Data step", () => {
  it("reads the active sheet, shows the detected columns and reports the skipped rows", async () => {
    const { t } = await renderPane();
    expect(screen.getByRole("combobox", { name: t.data.source }).textContent).toContain("Sales");
    expect(
      screen.getByText(/rows read from Sales; header in row 3; one row per sale/),
    ).toBeTruthy();
    expect(screen.getByRole("combobox", { name: t.roles.region }).textContent).toContain("Region");
    expect(screen.getByRole("combobox", { name: t.roles.rep }).textContent).toContain("Sales Rep");
    expect(screen.getByRole("combobox", { name: t.roles.amount }).textContent).toContain(
      "Net Sales",
    );
    const skipped = screen.getByRole("region", { name: /^Skipped rows \(\d+\)$/ });
    expect(within(skipped).getByText(/amount is not a number: "N\/A"/)).toBeTruthy();
  });

  it("selects a skipped row's cell in the workbook when it is clicked", async () => {
    const { fake, user } = await renderPane();
    const skipped = screen.getByRole("region", { name: /^Skipped rows/ });
    const link = within(skipped).getAllByRole("button", {
      name: /^Select [A-Z]+\d+ in the workbook: amount is not a number/,
    })[0];
    const cell = /Select ([A-Z]+\d+)/.exec(link.getAttribute("aria-label") ?? "")?.[1];
    await user.click(link);
    await waitFor(() => expect(fake.workbook.selection).toEqual({ sheet: "Sales", address: cell }));
    expect(fake.workbook.activeSheet).toBe("Sales");
  });

  it("lets a wrong column guess be corrected, and the plan uses the column chosen", async () => {
    const { user, t, goTo } = await renderPane();
    await choose(user, t.roles.region, /Channel$/);
    expect(screen.getByRole("combobox", { name: t.roles.region }).textContent).toContain("Channel");
    await goTo("preview");
    const byRegion = await screen.findByRole("table", { name: "By Region" });
    expect(within(byRegion).getByRole("rowheader", { name: "Direct" })).toBeTruthy();
    await goTo("data");
    await user.click(screen.getByRole("button", { name: t.data.resetColumns }));
    expect(screen.getByRole("combobox", { name: t.roles.region }).textContent).toContain("Region");
  });

  it("reads another sheet when the user picks it, and says why it is no history", async () => {
    const { user, t } = await renderPane();
    await choose(user, t.data.source, "Notes");
    expect(await screen.findByText(/^sheet "Notes" has no header row/)).toBeTruthy();
    await choose(user, t.data.source, "Sales");
    expect(await screen.findByText(/rows read from Sales/)).toBeTruthy();
  });

  it("says why no row of a sheet could be read, and lists the rows it skipped", async () => {
    const rows = Array.from({ length: 12 }, (_, i) => [
      `2025-${String(i + 1).padStart(2, "0")}-15`,
      "East",
      "x",
    ]);
    const fake = createFakeWorkbook({
      sheets: [{ name: "sales", values: [["Date", "Region", "Amount"], ...rows] }],
      activeSheet: "sales",
    });
    const { user } = await renderPane({ fake });
    expect(
      screen.getByText(
        'no sales rows could be read (12 rows skipped; the first: C2: amount is not a number: "x")',
      ),
    ).toBeTruthy();
    expect(screen.queryByText(/rows read from sales/)).toBeNull();
    const skipped = screen.getByRole("region", { name: "Skipped rows (12)" });
    await user.click(within(skipped).getByRole("button", { name: /^Select C3 in the workbook/ }));
    await waitFor(() => expect(fake.workbook.selection).toEqual({ sheet: "sales", address: "C3" }));
  });

  it("counts each row of a run of blank rows among the rows it skipped", async () => {
    const row = (month: number, amount: string | number) => [
      `2025-${String(month).padStart(2, "0")}-15`,
      "East",
      amount,
    ];
    const fake = createFakeWorkbook({
      sheets: [
        {
          name: "sales",
          values: [
            ["Date", "Region", "Amount"],
            row(1, 100),
            ["", "", ""],
            ["", "", ""],
            ["", "", ""],
            row(2, "x"),
            row(3, 300),
          ],
        },
      ],
      activeSheet: "sales",
    });
    await renderPane({ fake });
    expect(await screen.findByText(/rows read from sales/)).toBeTruthy();
    // Two entries: the run of three blank rows, and C6.
    const skipped = screen.getByRole("region", { name: "Skipped rows (4)" });
    expect(within(skipped).getAllByRole("listitem")).toHaveLength(2);
  });

  it("says a sheet holding only its header has no rows, in Chinese too", async () => {
    const fake = createFakeWorkbook({
      sheets: [{ name: "销售", values: [["日期", "大区", "销售额"]] }],
      activeSheet: "销售",
    });
    await renderPane({ fake, language: "zh-CN" });
    expect(screen.getByText("工作表有标题行，但其下没有数据行")).toBeTruthy();
    expect(screen.queryByRole("region", { name: /^跳过/ })).toBeNull();
  });

  it("reads an Excel table as the history", async () => {
    // The worked example's months as a table beside a title, on a sheet that is not active.
    const rows = workedExampleRecords().map((r) => [
      `${r.year}-${String(r.month).padStart(2, "0")}`,
      r.dims.region ?? "",
      r.dims.rep ?? "",
      r.amount,
    ]);
    const fake = createFakeWorkbook({
      sheets: [
        { name: "Cover", values: [["Budget 2026"]] },
        {
          name: "Data",
          values: [["Monthly sales"], [], ["Month", "Region", "Rep", "Sales"], ...rows],
        },
      ],
      tables: [{ name: "SalesTable", sheet: "Data", address: `A3:D${rows.length + 3}` }],
      activeSheet: "Cover",
    });
    const { user, t, goTo } = await renderPane({ fake });
    await choose(user, t.data.source, t.data.tableOption("SalesTable", "Data"));
    expect(await screen.findByText(/^108 rows read from Data/)).toBeTruthy();
    await goTo("preview");
    const byRegion = await screen.findByRole("table", { name: "By Region" });
    expect(
      within(byRegion)
        .getAllByRole("rowheader")
        .map((h) => h.textContent),
    ).toEqual(["East", "West"]);
    expect(screen.getByText("303,600")).toBeTruthy();
  });
});
