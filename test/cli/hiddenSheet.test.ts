import { writeFixtureXlsx } from "../support/buildWorkbook";
import { plainHistory } from "./fixtures";
import { runStp, tempFolder, writePlan } from "./runStp";

// Without --sheet, stp takes the first sheet that reads as a history, visible sheets first: a
// hidden sheet (an old copy, a lookup) is used only when no visible sheet holds a history.

let folder: Awaited<ReturnType<typeof tempFolder>>;
beforeAll(async () => {
  folder = await tempFolder();
});
afterAll(() => folder.remove());

describe("stp plan: a hidden sheet is never chosen before a visible one", () => {
  const old = plainHistory([{ region: "East", rep: "Ann", monthly: { 2024: 5, 2025: 7 } }]);
  const current = plainHistory([
    { region: "East", rep: "Ann", monthly: { 2024: 1000, 2025: 1200 } },
    { region: "East", rep: "Bo", monthly: { 2024: 800, 2025: 900 } },
    { region: "West", rep: "Cy", monthly: { 2024: 700, 2025: 750 } },
    { region: "West", rep: "Dee", monthly: { 2024: 300, 2025: 350 } },
  ]);

  async function planOn(file: string, lang = "en_US.UTF-8") {
    await writePlan(folder.file("hidden-plan.json"), {
      version: 1,
      planYear: 2026,
      target: { growth: 0.1 },
    });
    return runStp(
      [
        "plan",
        "--history",
        folder.file(file),
        "--config",
        folder.file("hidden-plan.json"),
        "--out",
        folder.file("hidden-out.xlsx"),
      ],
      lang,
    );
  }

  it("takes the visible history after a hidden one, and says nothing of the hidden one", async () => {
    await writeFixtureXlsx(folder.file("hidden-first.xlsx"), [
      { name: "Old ledger", rows: old, state: "hidden" },
      { name: "Sales", rows: current },
    ]);
    const run = await planOn("hidden-first.xlsx");
    expect(run.code).toBe(0);
    expect(run.out).toContain(
      'History: sheet "Sales", long layout, 96 record(s), 0 row(s) skipped',
    );
    expect(run.err.join("\n")).not.toContain("hidden");
  });

  it("takes a hidden history when no visible sheet holds one, and says so", async () => {
    await writeFixtureXlsx(folder.file("hidden-only.xlsx"), [
      { name: "Old ledger", rows: old, state: "hidden" },
      { name: "Notes", rows: [["Read me"], ["Figures in USD"]] },
    ]);
    const run = await planOn("hidden-only.xlsx");
    expect(run.code).toBe(0);
    expect(run.out).toContain(
      'History: sheet "Old ledger", long layout, 24 record(s), 0 row(s) skipped',
    );
    expect(run.err).toContain(
      'warning: the history was read from the hidden sheet "Old ledger": no visible sheet holds a history; name another with --sheet',
    );
    const zh = await planOn("hidden-only.xlsx", "zh_CN.UTF-8");
    expect(zh.err).toContain(
      "警告：历史数据读自隐藏的工作表 “Old ledger”：没有可见的工作表包含历史数据；如需其他工作表，请用 --sheet 指定",
    );
  });
});

describe("stp plan: a history sheet that cannot be planned says why", () => {
  it("names the sheet's own problem, not that no sheet holds a history", async () => {
    await writeFixtureXlsx(folder.file("header-only.xlsx"), [
      { name: "Notes", rows: [["Read me"], ["Figures in USD"]] },
      { name: "Sales", rows: [["Date", "Region", "Amount"]] },
    ]);
    await writePlan(folder.file("header-only.json"), {
      version: 1,
      planYear: 2026,
      target: { amount: 1000 },
    });
    const run = await runStp([
      "plan",
      "--history",
      folder.file("header-only.xlsx"),
      "--config",
      folder.file("header-only.json"),
      "--out",
      folder.file("header-only-out.xlsx"),
    ]);
    expect(run.code).toBe(1);
    expect(run.err[0]).toBe("Sales: the sheet has a header but no rows below it");
  });
});
