/** @jest-environment jsdom */
import "./support/jsdomSetup";
import { screen, waitFor, within } from "@testing-library/react";
import { renderPane } from "./support/paneHarness";

describe("Target and Preview steps", () => {
  it("shows the base year's actual beside the target, and the target it gives", async () => {
    const { user, t, goTo } = await renderPane();
    await goTo("target");
    expect(
      (screen.getByRole("textbox", { name: t.target.planYear }) as HTMLInputElement).value,
    ).toBe("2026");
    expect(screen.getByText(t.target.baseActual(2025))).toBeTruthy();
    const growth = screen.getByRole("textbox", { name: t.target.growth });
    await user.clear(growth);
    await user.type(growth, "20");
    await waitFor(() => expect(screen.getByText("+20.0%")).toBeTruthy());
  });

  it("puts an error on the field that caused it and links to it from Preview", async () => {
    const { user, t, goTo } = await renderPane();
    await goTo("breakdown");
    const unit = screen.getByRole("combobox", { name: t.breakdown.roundingUnit });
    await user.clear(unit);
    await user.type(unit, "100");
    await goTo("target");
    await user.click(screen.getByRole("radio", { name: t.target.kindAmount }));
    const amount = screen.getByRole("textbox", { name: t.target.amount });
    await user.type(amount, "1,000,050");
    // Quiet while typing; said once the field is left.
    expect(amount.getAttribute("aria-invalid")).not.toBe("true");
    await user.tab();
    await waitFor(() => expect(amount.getAttribute("aria-invalid")).toBe("true"));
    const words =
      "The annual target 1,000,050 is not a multiple of the rounding unit 100: change the target or choose a smaller unit.";
    expect(screen.getByText(words)).toBeTruthy();

    await goTo("preview");
    const blocking = screen
      .getByText(t.preview.blocking)
      .closest<HTMLElement>("[role='group'], .fui-MessageBar")!;
    // The same words, never the field's path.
    expect(within(blocking).getByText(words, { exact: false })).toBeTruthy();
    expect(blocking.textContent).not.toMatch(/target\.amount|amount:/);
    await user.click(
      within(blocking).getByRole("button", { name: t.preview.goToField(t.steps.target) }),
    );
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole("textbox", { name: t.target.amount })),
    );

    await goTo("generate");
    expect(
      (screen.getByRole("button", { name: t.generate.write }) as HTMLButtonElement).disabled,
    ).toBe(true);
    expect(screen.getByText(t.generate.blocked)).toBeTruthy();
  });

  it("says on the plan year when the history has no row before it", async () => {
    const { user, t, goTo } = await renderPane();
    await goTo("target");
    await user.click(screen.getByRole("radio", { name: t.target.kindAmount }));
    await user.type(screen.getByRole("textbox", { name: t.target.amount }), "1,000,000");
    const planYear = screen.getByRole("textbox", { name: t.target.planYear });
    await user.clear(planYear);
    await user.type(planYear, "2023");
    await user.tab();
    // The preview is computed after the typing settles: on a busy machine that takes a while.
    await waitFor(() => expect(planYear.getAttribute("aria-invalid")).toBe("true"), {
      timeout: 5000,
    });
    expect(
      await screen.findByText(
        /^The history has no rows before 2023: there is nothing to plan from/,
      ),
    ).toBeTruthy();
  });

  it("shows totals per level and the months before anything is written", async () => {
    const { fake, t, goTo } = await renderPane();
    const before = fake.workbook.order;
    await goTo("preview");
    const byRegion = await screen.findByRole("table", { name: "By Region" });
    const regions = within(byRegion)
      .getAllByRole("rowheader")
      .map((h) => h.textContent);
    expect(regions).toEqual(["East", "North", "South", "West"]);
    expect(screen.getByRole("table", { name: "By Sales rep" })).toBeTruthy();
    expect(
      within(screen.getByRole("table", { name: t.preview.months })).getAllByRole("row"),
    ).toHaveLength(12);
    expect(fake.workbook.order).toEqual(before);
  });
});
