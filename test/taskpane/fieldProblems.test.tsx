/** @jest-environment jsdom */
import "./support/jsdomSetup";
import { screen, waitFor, within } from "@testing-library/react";
import { choose, openCard, renderPane, stepFocused, tabName } from "./support/paneHarness";

/** The validation messages shown inside an element. */
function messagesIn(element: HTMLElement): string[] {
  return [...element.querySelectorAll("[id$='__validationMessage']")].map(
    (m) => m.textContent ?? "",
  );
}

describe("problems on the field, in plain words", () => {
  it("keeps a fresh lock quiet until a field or the step is left, then names the lock", async () => {
    const { user, t, goTo } = await renderPane();
    await goTo("breakdown");
    await user.click(screen.getByRole("button", { name: t.breakdown.addLock }));
    const lock = screen.getByRole("group", { name: "Lock 1" });
    // A new card opens at once, and says nothing before anything is typed.
    expect(within(lock).getByRole("combobox", { name: "Region" })).toBeTruthy();
    await waitFor(() => expect(screen.getByRole("tab", { name: /^3\. Breakdown$/ })).toBeTruthy());
    expect(messagesIn(lock)).toEqual([]);

    // Leaving the member box empty: its problem, in words.
    await user.click(within(lock).getByRole("combobox", { name: "Region" }));
    await user.tab();
    await waitFor(() => expect(messagesIn(lock)).toContain("Fill in the Region of lock 1."));
    expect(messagesIn(lock).join(" ")).not.toMatch(/"amount"|must be at least 1|locks\[0\]/);

    // Next: every problem of the step shows, Preview lists them without a field path, and the
    // Breakdown tab counts them.
    await user.click(screen.getByRole("button", { name: t.next }));
    await screen.findByRole("heading", { level: 2, name: /^Preview/ });
    const blocking = screen.getByText(t.preview.blocking).closest<HTMLElement>(".fui-MessageBar")!;
    const items = within(blocking)
      .getAllByRole("listitem")
      .map((li) => li.textContent ?? "");
    expect(items.some((i) => i.startsWith("Fill in the Region of lock 1."))).toBe(true);
    expect(items.some((i) => i.startsWith("Enter the amount of lock 1."))).toBe(true);
    expect(items.join(" ")).not.toMatch(/locks\[|\.where|"amount"|"growth"|"share"|:\s*must/);
    expect(screen.getByRole("tab", { name: "3. Breakdown, 2 problems" })).toBeTruthy();

    // Back on the card, once the member is chosen the lock is named by it.
    await user.click(screen.getByRole("button", { name: t.back }));
    await stepFocused(t.steps.breakdown);
    const again = await openCard(user, "Lock 1");
    await user.type(within(again).getByRole("combobox", { name: "Region" }), "East");
    await user.tab();
    await waitFor(() =>
      expect(messagesIn(again)).toContain("Enter the amount of the lock on East."),
    );
    expect(screen.getByRole("tab", { name: tabName(3, t.steps.breakdown) })).toBeTruthy();
  });

  it("outlines the weight of East and names it when it is -1", async () => {
    const { user, t, goTo } = await renderPane();
    await goTo("breakdown");
    const region = await openCard(user, /^Level 1: Region$/);
    await user.click(within(region).getByRole("button", { name: t.breakdown.moreOptions }));
    await choose(user, t.breakdown.method, t.methods.manual);
    const grid = within(region).getByRole("table", { name: t.breakdown.weights });
    const east = within(grid).getByRole("textbox", { name: t.breakdown.weightFor("East") });
    await user.clear(east);
    await user.type(east, "-1");
    await user.tab();
    await waitFor(() => expect(east.getAttribute("aria-invalid")).toBe("true"));
    // Only East's input is marked; the words above the table name East.
    const north = within(grid).getByRole("textbox", { name: t.breakdown.weightFor("North") });
    expect(north.getAttribute("aria-invalid")).not.toBe("true");
    const described = document.getElementById(east.getAttribute("aria-describedby") ?? "");
    expect(described?.textContent).toContain("The weight of East must be at least 0, not -1.");
    expect(east.closest(".fui-Field")?.className).toBeTruthy();
  });

  it("names the bound that collides, suggests the way out, and keeps the totals in Preview", async () => {
    const { user, t, goTo } = await renderPane();
    await goTo("breakdown");
    const reps = await openCard(user, /^Level 2: Sales rep$/);
    await user.click(within(reps).getByRole("button", { name: t.breakdown.moreOptions }));
    await user.click(within(reps).getByRole("combobox", { name: t.breakdown.maxCap }));
    await user.click(
      await screen.findByRole("option", { name: t.breakdown.boundKinds.ofLastYear }),
    );
    const maximum = within(reps).getByRole("group", { name: t.breakdown.maxCap });
    await user.type(
      within(maximum).getByRole("textbox", { name: t.breakdown.boundValue("ofLastYear") }),
      "50",
    );
    await user.tab();
    const kind = within(reps).getByRole("combobox", { name: t.breakdown.maxCap });
    await waitFor(() => expect(kind.getAttribute("aria-invalid")).toBe("true"));
    const words = messagesIn(maximum).join(" ");
    expect(words).toMatch(
      /^The Sales rep members under (East|North|South|West) can take at most [\d,]+ at their maximum, but [\d,]+ is to be split: raise the maximum per Sales rep to [\d.]+% of last year, or lock \1 at [\d,]+\.$/,
    );
    // Not on the Minimum, which is None.
    const minimum = within(reps).getByRole("group", { name: t.breakdown.minCap });
    expect(messagesIn(minimum)).toEqual([]);

    await goTo("preview");
    expect(screen.getByText(words, { exact: false })).toBeTruthy();
    // Beside the conflict: the annual target and the regions, which still plan.
    expect(screen.getByText(t.preview.target)).toBeTruthy();
    expect(screen.getByRole("table", { name: "By Region" })).toBeTruthy();
    expect(screen.queryByRole("table", { name: "By Sales rep" })).toBeNull();
    expect(screen.getByText(t.preview.partial("Region", "Sales rep"))).toBeTruthy();
  });

  it("names a lock by its member in Chinese, with full-width punctuation", async () => {
    const { user, t, goTo } = await renderPane({ language: "zh-CN" });
    await goTo("breakdown");
    await user.click(screen.getByRole("button", { name: t.breakdown.addLock }));
    const lock = screen.getByRole("group", { name: "锁定 1" });
    await user.type(within(lock).getByRole("combobox", { name: "区域" }), "华南");
    await user.tab();
    await user.click(within(lock).getByRole("textbox", { name: t.breakdown.lockValue("amount") }));
    await user.tab();
    await waitFor(() => expect(messagesIn(lock)).toContain("请填写对华南的锁定金额。"));
    for (const message of messagesIn(lock)) expect(message).not.toMatch(/[,:;()"]/);
  });

  it("explains each method on demand", async () => {
    const { user, t, goTo } = await renderPane();
    await goTo("breakdown");
    const region = await openCard(user, /^Level 1: Region$/);
    // Folded, the card still says how it splits.
    expect(within(region).getByText(t.methods.lastYear)).toBeTruthy();
    await user.click(within(region).getByRole("button", { name: t.breakdown.moreOptions }));
    await user.click(
      within(region).getByRole("button", { name: new RegExp(t.breakdown.aboutMethods) }),
    );
    expect(await screen.findByText(t.methodInfo.blend)).toBeTruthy();
    expect(screen.getByText(t.methodInfo.lastYear)).toBeTruthy();
  });
});
