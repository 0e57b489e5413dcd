import { promises as fsp } from "node:fs";
import { recalculate } from "../support/libreoffice";
import { describeWithTools, runPython } from "../support/openpyxl";
import { HISTORY } from "../support/resavedPlans";
import { planArgs, regionRepPlan, runStp, tempFolder, writePlan } from "./runStp";

/** openpyxl opens the plan and saves it, typing the cells given (sheet, address, value) first. */
const TYPE_AND_SAVE = `
import json, sys
import openpyxl
source, target, typing = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
wb = openpyxl.load_workbook(source)
for sheet, address, value in typing:
    wb[sheet][address].value = value
wb.save(target)
`;

/** The row of the summary's annual total, found by its label, and the total it shows. */
const ANNUAL_TOTAL = `
import json, sys
import openpyxl
ws = openpyxl.load_workbook(sys.argv[1], data_only=True)["Plan Summary"]
row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "Annual")
print(json.dumps([row, ws.cell(row, 2).value]))
`;

describeWithTools(
  "typed-over cells of a plan re-saved by LibreOffice or openpyxl",
  ["openpyxl", "soffice"],
  () => {
    let folder: Awaited<ReturnType<typeof tempFolder>>;
    const out = () => folder.file("plan.xlsx");
    const args = () => planArgs(HISTORY, folder.file("plan.json"), out(), "--as-of", "2026-03");
    const typedOverLines = (err: string[]) => err.filter((line) => /typed over/.test(line));

    beforeAll(async () => {
      folder = await tempFolder();
      await writePlan(folder.file("plan.json"), regionRepPlan());
    });
    afterAll(() => folder.remove());

    const fresh = async () => {
      await fsp.rm(out(), { force: true });
      expect((await runStp(args())).code).toBe(0);
    };

    it("nothing typed: re-saved by LibreOffice (every formula recalculated) or by openpyxl (formulas without results), nothing is listed", async () => {
      await fresh();
      await fsp.copyFile(await recalculate(out()), out());
      const afterLibreOffice = await runStp(args());
      expect(afterLibreOffice.code).toBe(0);
      expect(typedOverLines(afterLibreOffice.err)).toEqual([]);

      await runPython(folder.dir, TYPE_AND_SAVE, [out(), out(), "[]"]);
      const afterOpenpyxl = await runStp(args());
      expect(afterOpenpyxl.code).toBe(0);
      expect(typedOverLines(afterOpenpyxl.err)).toEqual([]);

      // Both in turn, then regenerated twice: still nothing.
      await runPython(folder.dir, TYPE_AND_SAVE, [out(), out(), "[]"]);
      await fsp.copyFile(await recalculate(out()), out());
      expect(typedOverLines((await runStp(args())).err)).toEqual([]);
      expect(typedOverLines((await runStp(args())).err)).toEqual([]);
    }, 240_000);

    it("typed with openpyxl, recalculated by LibreOffice: exactly the cells typed over, not the totals that follow them", async () => {
      await fresh();
      const [annual, shown] = JSON.parse(await runPython(folder.dir, ANNUAL_TOTAL, [out()])) as [
        number,
        number,
      ];
      expect(typeof shown).toBe("number");
      // The summary's total typed over with the very number it showed.
      const typing = [
        ["Allocation", "E5", 400000],
        ["Plan Summary", `B${annual}`, shown],
        ["Tracking", "G5", -5],
      ];
      await runPython(folder.dir, TYPE_AND_SAVE, [out(), out(), JSON.stringify(typing)]);
      await fsp.copyFile(await recalculate(out()), out());

      const run = await runStp(args());
      expect(run.code).toBe(0);
      expect(typedOverLines(run.err)).toEqual([
        `warning: Plan Summary: 1 generated cell(s) had been typed over and were rewritten: B${annual}`,
        "warning: Allocation: 1 generated cell(s) had been typed over and were rewritten: E5",
        "warning: Tracking: 1 generated cell(s) had been typed over and were rewritten: G5",
      ]);
      expect(typedOverLines((await runStp(args())).err)).toEqual([]);
    }, 240_000);
  },
);
