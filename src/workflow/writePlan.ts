import { checkedRegistry } from "../sheets/generatedMark";
import type { CellValue } from "../engine/grid";
import { planSheets, type PlanSheetsInput } from "../sheets/buildPlanSheets";
import { carryIntoSheet, type CarryReport } from "../sheets/carryUserCells";
import { sheetLabels } from "../sheets/labels";
import { PLAN_STORE_SHEET } from "../sheets/planStoreSheet";
import { holdsUserRows, refreshRewrites } from "../sheets/sheetKinds";
import type { LazySheet, SheetModel } from "../sheets/sheetModel";
import { foldSheetName } from "../sheets/sheetNames";
import type { FlowOptions, WorkbookPort } from "./workbookPort";

/** What the plan's sheets are made of: the plan, its result and the history it was read from. */
export type PlanWriteInput = Omit<PlanSheetsInput, "existing">;

export type PlanWriteOptions = FlowOptions & {
  /** Rewrite only what a refresh of actuals rewrites; every other generated sheet is kept. */
  refresh?: boolean;
  /** Run once the workbook has been read and the sheets named, before anything is written. */
  beforeWrite?: () => Promise<void>;
};

export type PlanWriteOutcome<Report> = {
  /** The port's own report of the write. */
  written: Report;
  /** Visible sheets written (kept sheets left out), in workbook order. */
  sheets: string[];
  /** What was carried into each sheet users had typed into. */
  carried: CarryReport[];
};

/** A generated sheet left exactly as it is by a write: a mark with nothing to write. */
function keptAsIs(sheet: LazySheet): LazySheet {
  const mark: SheetModel = {
    name: sheet.name,
    kind: sheet.kind,
    ...(sheet.key === undefined ? {} : { key: sheet.key }),
    rows: [],
    keepExisting: true,
  };
  return {
    name: mark.name,
    kind: mark.kind,
    key: sheet.key,
    keepExisting: true,
    build: () => mark,
  };
}

/**
 * The planning flow, once for every workbook: reads the plan store and what users typed into the
 * generated sheets, builds the plan's sheets (earlier names kept, users' names never taken),
 * carries the typed cells into them by row key and writes them through the port.
 * @example const { sheets } = await writePlan(port, { result, plan, language: "en-US", historySheet: "Sales" });
 */
export async function writePlan<Report>(
  port: WorkbookPort<Report>,
  input: PlanWriteInput,
  options: PlanWriteOptions = {},
): Promise<PlanWriteOutcome<Report>> {
  // The registry as the workbook bears it out: only sheets with the plan's mark are the plan's.
  const generated = checkedRegistry(await port.readPlanStore(), await port.sheetMarks());
  const generatedNames = new Set([
    ...generated.map((g) => foldSheetName(g.name)),
    foldSheetName(PLAN_STORE_SHEET),
  ]);
  const present = await port.sheetNames();
  const presentNames = new Set(present.map(foldSheetName));
  const userSheets = present.filter((name) => !generatedNames.has(foldSheetName(name)));
  const rewritten = (kind: string) => !options.refresh || refreshRewrites(kind);
  const lazy = planSheets({ ...input, existing: { generated, userSheets } }).map((sheet) =>
    sheet.keepExisting || rewritten(sheet.kind) ? sheet : keptAsIs(sheet),
  );

  // Only sheets users type into are read back: the rest is rewritten whatever it holds.
  const previous = new Map<string, CellValue[][]>();
  for (const sheet of lazy) {
    if (sheet.keepExisting || !holdsUserRows(sheet.kind)) continue;
    const before = generated.find((g) => g.kind === sheet.kind && g.key === sheet.key);
    if (!before || !presentNames.has(foldSheetName(before.name))) continue;
    const values = await port.readSheetValues(before.name, options);
    if (values) previous.set(foldSheetName(before.name), values);
  }

  const orphanNote = sheetLabels(input.language).notInPlanRows;
  const carried: CarryReport[] = [];
  const sheets: LazySheet[] = lazy.map((sheet) => ({
    ...sheet,
    build: () => {
      const model = carryIntoSheet(
        sheet.build(),
        generated,
        (name) => previous.get(foldSheetName(name)) ?? null,
        orphanNote,
      );
      // Once carried, what was read of the sheet can be let go.
      for (const g of generated)
        if (g.kind === sheet.kind && g.key === sheet.key) previous.delete(foldSheetName(g.name));
      if (model.report) carried.push(model.report);
      return model.model;
    },
  }));

  await options.beforeWrite?.();
  const written = await port.writeSheets(sheets, generated, options);
  return {
    written,
    sheets: sheets.filter((s) => !s.keepExisting && s.state !== "veryHidden").map((s) => s.name),
    carried,
  };
}
