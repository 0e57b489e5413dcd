import { promises as fsp } from "node:fs";
import * as path from "node:path";
import { recalculate } from "../support/libreoffice";
import { describeWithTools, runPython } from "../support/openpyxl";
import type { CellValue } from "../../src/engine/grid";
import { KEY_COLUMN_ID, parseRowKey } from "../../src/sheets/rowSignature";
import { foldSheetName } from "../../src/sheets/sheetNames";
import { readGeneratedSheets } from "../../src/xlsx/readGeneratedSheets";
import { readHistoryFile } from "../../src/xlsx/readHistoryFile";
import {
  HISTORY,
  regeneratesAfter,
  typeWithExcelJs,
  typingFor,
  TYPE_WITH_OPENPYXL,
} from "../support/resavedPlans";
import { planArgs, regionRepPlan, runStp, tempFolder, writePlan } from "./runStp";

describeWithTools(
  "a plan re-saved by LibreOffice regenerates with every typed cell kept",
  ["openpyxl", "soffice"],
  () => {
    it(
      "30/30 notes and statuses typed with openpyxl then re-saved by LibreOffice, user sheets unchanged",
      regeneratesAfter(async (dir, plan, typing) => {
        const typingFile = path.join(dir, "typing.json");
        await fsp.writeFile(typingFile, JSON.stringify(typing));
        const typed = path.join(dir, "typed.xlsx");
        await runPython(dir, TYPE_WITH_OPENPYXL, [plan, typed, typingFile]);
        await fsp.copyFile(await recalculate(typed), plan);
      }),
      240_000,
    );
  },
);

describeWithTools(
  "a plan re-saved by ExcelJS regenerates with every typed cell kept",
  ["openpyxl"],
  () => {
    it(
      "30/30 notes and statuses typed and saved by ExcelJS, user sheets unchanged",
      regeneratesAfter(async (dir, plan, typing) => typeWithExcelJs(plan, plan, typing)),
      180_000,
    );
  },
);

/** Typed cells as the reader gives them to carrying: `rep|period` → notes and status by column id. */
function carriedCells(values: CellValue[][]): Map<string, { notes: CellValue; status: CellValue }> {
  const idRow = values.findIndex((row) => row.includes(KEY_COLUMN_ID));
  const ids = values[idRow];
  const found = new Map<string, { notes: CellValue; status: CellValue }>();
  for (const row of values.slice(idRow + 1)) {
    const key = parseRowKey(row[ids.indexOf(KEY_COLUMN_ID)] ?? null);
    if (!key) continue;
    found.set(`${key.path[key.path.length - 1]}|${key.period}`, {
      notes: row[ids.indexOf("notes")] ?? null,
      status: row[ids.indexOf("status")] ?? null,
    });
  }
  return found;
}

describeWithTools("reading what regeneration needs from re-saved plans", ["openpyxl"], () => {
  it("finds the store, the sheets in tab order and the 30 typed cells of a plan saved by openpyxl", async () => {
    const folder = await tempFolder();
    try {
      const out = folder.file("plan.xlsx");
      await writePlan(folder.file("plan.json"), regionRepPlan());
      const args = planArgs(HISTORY, folder.file("plan.json"), out);
      expect((await runStp(args)).code).toBe(0);
      const ours = await readGeneratedSheets(out);
      // Our own writer's file, read by ExcelJS: the streamed reader gives the same carried cells.
      const grids = await readHistoryFile(out);
      for (const g of ours.store!.sheets) {
        const streamed = ours.values.get(foldSheetName(g.name))!;
        const grid = grids.find((x) => x.sheet === g.name)!.values;
        if (!streamed.some((row) => row.includes(KEY_COLUMN_ID))) continue;
        expect(carriedCells(streamed)).toEqual(carriedCells(grid));
      }

      const keys = [...carriedCells(ours.values.get(foldSheetName("Action Plan"))!).keys()];
      const typing = typingFor(keys);
      const typingFile = folder.file("typing.json");
      await fsp.writeFile(typingFile, JSON.stringify(typing));
      await runPython(folder.dir, TYPE_WITH_OPENPYXL, [out, out, typingFile]);

      const read = await readGeneratedSheets(out);
      expect(read.store).toEqual(ours.store);
      expect(read.sheets).toEqual([
        ...ours.sheets,
        ...typing.userSheets.map((s) => ({ name: s.name, state: "visible" })),
      ]);
      const carried = carriedCells(read.values.get(foldSheetName("Action Plan"))!);
      const kept = typing.typed.filter((t) => {
        const cells = carried.get(t.key);
        return cells?.notes === t.note && cells.status === t.status;
      });
      expect(`${kept.length}/30`).toBe("30/30");
    } finally {
      await folder.remove();
    }
  }, 120_000);
});
