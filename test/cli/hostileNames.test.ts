import ExcelJS from "exceljs";
import { writeFixtureXlsx, type FixtureValue } from "../support/buildWorkbook";
import { compareWithEngine, modelsFromFile, recalculate } from "../support/libreoffice";
import { describeWithLibreOffice } from "../support/sofficeAvailable";
import { runStp, tempFolder, writePlan } from "./runStp";

const HOSTILE = '=HYPERLINK("http://example.com","x")';
const OTHERS = ["+1 Sales", "-Ann", "@Bo", "Cy"];

function history(reps: { region: string; rep: string }[]): FixtureValue[][] {
  const rows: FixtureValue[][] = [["Date", "Region", "Sales Rep", "Customer", "Amount"]];
  for (const year of [2024, 2025]) {
    for (let m = 1; m <= 12; m++) {
      reps.forEach((r, i) =>
        rows.push([
          `${year}-${String(m).padStart(2, "0")}-10`,
          r.region,
          r.rep,
          `${r.rep} client`,
          1000 + 37 * i + 11 * m,
        ]),
      );
    }
  }
  reps.forEach((r) => rows.push(["2026-01-15", r.region, r.rep, `${r.rep} client`, 1234]));
  return rows;
}

async function planOnto(folder: Awaited<ReturnType<typeof tempFolder>>, rows: FixtureValue[][]) {
  await writeFixtureXlsx(folder.file("h.xlsx"), [{ name: "Sales", rows }]);
  await writePlan(folder.file("p.json"), {
    version: 1,
    planYear: 2026,
    target: { growth: 0.1 },
    levels: [
      { dimension: "region", method: "lastYear" },
      { dimension: "rep", method: "lastYear" },
    ],
    language: "en-US",
  });
  return runStp([
    "plan",
    "--history",
    folder.file("h.xlsx"),
    "--config",
    folder.file("p.json"),
    "--out",
    folder.file("o.xlsx"),
  ]);
}

describeWithLibreOffice("hostile text from the data stays text", () => {
  it("a rep called =HYPERLINK(…) is that text in every sheet, before and after recalculation", async () => {
    const folder = await tempFolder();
    const reps = [HOSTILE, ...OTHERS].map((rep, i) => ({ region: i % 2 ? "East" : "=West", rep }));
    const run = await planOnto(folder, history(reps));
    expect(run.code).toBe(0);

    for (const file of [folder.file("o.xlsx"), await recalculate(folder.file("o.xlsx"))]) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const sheetsWithIt = new Set<string>();
      for (const sheet of wb.worksheets) {
        sheet.eachRow((row) =>
          row.eachCell((cell) => {
            const formula = (cell.value as { formula?: string } | null)?.formula;
            expect(formula ?? "").not.toMatch(/HYPERLINK|^\+1|^-Ann|^@Bo|West/);
            if (cell.value === HOSTILE) sheetsWithIt.add(sheet.name);
          }),
        );
      }
      expect([...sheetsWithIt].sort()).toEqual(
        expect.arrayContaining(["Action Plan", "Allocation", "Allocation Table", "Tracking"]),
      );
      const tab = wb.worksheets.find((w) =>
        String(w.getCell("A1").value).startsWith(`${HOSTILE} — quota`),
      );
      expect(tab).toBeDefined();
    }
    expect(
      await compareWithEngine(
        await modelsFromFile(folder.file("o.xlsx")),
        await recalculate(folder.file("o.xlsx")),
      ),
    ).toEqual([]);
    await folder.remove();
  });
});

describe("rep tabs for 200 reps with long, clashing and odd names", () => {
  it("gives every rep a valid, unique tab that Excel accepts", async () => {
    const folder = await tempFolder();
    const odd = [
      "Alexandra Konstantinopoulou-Vanderberg",
      "王".repeat(40),
      "Rep/North:[1]*?",
      "history",
      "'quoted'",
      "Ann",
      "ANN",
      "ann ",
    ];
    const reps = Array.from({ length: 200 }, (_, i) => ({
      region: `R${i % 4}`,
      rep: `${odd[i % odd.length]}${i < odd.length ? "" : ` ${Math.floor(i / odd.length)}`}`,
    }));
    const run = await planOnto(folder, history(reps));
    expect(run.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(folder.file("o.xlsx"));
    const tabs = wb.worksheets.filter((w) => String(w.getCell("A1").value).includes(" — quota"));
    expect(tabs).toHaveLength(200);
    const folded = new Set(wb.worksheets.map((w) => w.name.toUpperCase()));
    expect(folded.size).toBe(wb.worksheets.length);
    for (const tab of tabs) {
      expect(tab.name.length).toBeLessThanOrEqual(31);
      expect(tab.name).not.toMatch(/[:\\/?*[\]]|^'|'$/);
      expect(tab.name.toLowerCase()).not.toBe("history");
    }
    await folder.remove();
  });
});

describe("members named like the plan's own sheets", () => {
  it("get tabs of their own, renamed, and the plan store stays the plan's", async () => {
    const folder = await tempFolder();
    const reps = ["_stp_plan", "Plan Summary", "Allocation", "action plan", "Ann"].map((rep) => ({
      region: "East",
      rep,
    }));
    const run = await planOnto(folder, history(reps));
    expect(run.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(folder.file("o.xlsx"));
    const names = wb.worksheets.map((w) => w.name);
    expect(new Set(names.map((n) => n.toUpperCase())).size).toBe(names.length);
    const tabs = wb.worksheets.filter((w) => String(w.getCell("A1").value).includes(" — quota"));
    expect(tabs.map((t) => [t.name, String(t.getCell("A1").value).split(" — ")[0]])).toEqual([
      ["_stp_plan (2)", "_stp_plan"],
      ["action plan (2)", "action plan"],
      ["Allocation (2)", "Allocation"],
      ["Ann", "Ann"],
      ["Plan Summary (2)", "Plan Summary"],
    ]);
    expect(wb.getWorksheet("_stp_plan")!.state).toBe("veryHidden");
    expect(String(wb.getWorksheet("Plan Summary")!.getCell("A1").value)).not.toContain("quota");

    // Regenerated, every sheet keeps its name.
    const again = await planOnto(folder, history(reps));
    expect(again.code).toBe(0);
    const after = new ExcelJS.Workbook();
    await after.xlsx.readFile(folder.file("o.xlsx"));
    expect(after.worksheets.map((w) => w.name)).toEqual(names);
    await folder.remove();
  });
});
