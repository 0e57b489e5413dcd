import { chineseMessyHistory } from "../cli/fixtures";
import { runStp, tempFolder, writePlan } from "../cli/runStp";
import { writeFixtureXlsx } from "../support/buildWorkbook";
import { checkWrittenWorkbook } from "../support/libreoffice";
import { describeWithLibreOffice } from "../support/sofficeAvailable";

describeWithLibreOffice("a plan workbook written by stp, recalculated by LibreOffice", () => {
  let folder: Awaited<ReturnType<typeof tempFolder>>;

  beforeAll(async () => {
    folder = await tempFolder();
  });
  afterAll(() => folder.remove());

  test("every formula gives the engine's value, and no cell is an error", async () => {
    await writeFixtureXlsx(folder.file("history.xlsx"), [chineseMessyHistory().sheet]);
    await writePlan(folder.file("plan.json"), {
      version: 1,
      planYear: 2026,
      target: { growth: 0.1 },
      levels: [
        { dimension: "region", method: "lastYear" },
        { dimension: "rep", method: "lastYear" },
      ],
      rounding: { unit: 100 },
    });
    const run = await runStp([
      "plan",
      "--history",
      folder.file("history.xlsx"),
      "--config",
      folder.file("plan.json"),
      "--out",
      folder.file("plan.xlsx"),
    ]);
    // The fixture's deliberate mess is reported on stderr; the run still succeeds.
    expect(run.code).toBe(0);
    const { mismatches, formulaCount } = await checkWrittenWorkbook(folder.file("plan.xlsx"));
    expect(formulaCount).toBeGreaterThan(10);
    expect(mismatches).toEqual([]);
  });
});
