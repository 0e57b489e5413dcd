/** @jest-environment jsdom */
import "./support/jsdomSetup";
import { screen, waitFor } from "@testing-library/react";
import { axe, toHaveNoViolations } from "jest-axe";
import { OutsideOffice } from "../../src/taskpane/app/OutsideOffice";
import { STEPS } from "../../src/taskpane/i18n/uiStrings";
import { renderPane, renderUnstyled, stepFocused, tabName } from "./support/paneHarness";

expect.extend(toHaveNoViolations);

// jsdom does not lay out or paint: contrast is checked in the browser tests' screenshots.
const options = { rules: { "color-contrast": { enabled: false } } };

describe.each(["en-US", "zh-CN"] as const)("every step in %s", (language) => {
  it("has a name for every control and no axe violation", async () => {
    const h = await renderPane({ language });
    for (const step of STEPS) {
      await h.goTo(step);
      if (step === "breakdown") await screen.findByRole("img");
      const results = await axe(document.body, options);
      expect({
        step,
        violations: results.violations.map(
          (v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`,
        ),
      }).toEqual({ step, violations: [] });
    }
  });
});

describe("outside Excel", () => {
  it.each(["en-US", "zh-CN"] as const)(
    "explains how to open the pane in Excel (%s)",
    async (language) => {
      const { container } = renderUnstyled(<OutsideOffice language={language} theme="light" />);
      expect(screen.getByRole("heading", { level: 1 }).textContent).toMatch(
        language === "en-US" ? /Open this pane in Excel/ : /请在 Excel 中打开/,
      );
      expect(screen.getAllByText(/manifest\.xml/).length).toBeGreaterThan(1);
      expect(await axe(container, options)).toHaveNoViolations();
    },
  );
});

describe("keyboard", () => {
  // Arrow keys between the tabs need a browser's layout: the browser tests press them.
  it("moves between steps with Enter and Space, and puts focus on the new step's heading", async () => {
    const h = await renderPane();
    screen.getByRole("tab", { name: tabName(2, h.t.steps.target) }).focus();
    await h.user.keyboard("{Enter}");
    // The new step's heading takes the focus once painted: Next is pressed after that.
    expect(await stepFocused(h.t.steps.target)).toBeTruthy();
    screen.getByRole("button", { name: h.t.next }).focus();
    await h.user.keyboard(" ");
    const heading = await screen.findByRole("heading", {
      level: 2,
      name: new RegExp(`^${h.t.steps.breakdown}`),
    });
    // Once the step is painted.
    await waitFor(() => expect(document.activeElement).toBe(heading));
  });
});
