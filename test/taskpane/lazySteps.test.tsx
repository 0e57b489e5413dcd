/** @jest-environment jsdom */
import "./support/jsdomSetup";
import { screen } from "@testing-library/react";
import * as loadSteps from "../../src/taskpane/steps/loadSteps";
import { renderPane } from "./support/paneHarness";

describe("steps loaded from their own files", () => {
  it("says so when a step cannot be loaded, and the other steps keep working", async () => {
    jest.mocked(loadSteps.loadTargetStep).mockRejectedValue(new Error("Loading chunk failed"));
    // React reports the error the step's boundary caught.
    const consoleError = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const { t, goTo } = await renderPane();
      await goTo("target");
      expect((await screen.findByText(t.stepLoadFailed)).closest(".fui-MessageBar")).toBeTruthy();

      await goTo("preview");
      expect(screen.queryByText(t.stepLoadFailed)).toBeNull();
      expect(screen.getByText(t.preview.intro)).toBeTruthy();
      await goTo("data");
      expect(screen.getByRole("combobox", { name: t.data.source })).toBeTruthy();
    } finally {
      consoleError.mockRestore();
    }
  });
});
