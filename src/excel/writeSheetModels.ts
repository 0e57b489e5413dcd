import { PLAN_STORE_SHEET } from "../sheets/planStoreSheet";
import type { SheetModel } from "../sheets/sheetModel";
import { blockSteps } from "./blockSteps";
import { chartSteps, readChartsToReplace } from "./chartWrites";
import { checkSheetModels } from "./checkSheetModels";
import type { ExcelFeatures } from "./excelFeatures";
import type { ExcelHost, ExcelWriteReport, RunOptions } from "./excelPort";
import { ExcelPortError, type ExcelPortErrorParams } from "./excelPortError";
import { toExcelPortError } from "./officeErrors";
import { ACTION_OVERHEAD_BYTES, REQUEST_BUDGET_BYTES } from "./payloadBytes";
import { folded, placeOrRefuse, type SheetWritePlan } from "../sheets/sheetPlacement";
import { EMPTYING_BYTES, setupStep, withEmptying } from "./setupStep";
import { SyncCounter } from "./syncCounter";
import { TurnSlicer } from "./pageTurns";
import { readWorkbookInventory, type WorkbookInventory } from "./workbookInventory";
import { packSteps, type WriteStep } from "./writeStep";

/** Room kept in every request for the two suspend calls. */
const SUSPEND_BYTES = 2 * ACTION_OVERHEAD_BYTES;

/** Calculation and screen updating wait for the request's end, once per request. */
function suspend(context: Excel.RequestContext, features: ExcelFeatures): void {
  if (features.suspendCalculation)
    context.workbook.application.suspendApiCalculationUntilNextSync();
  if (features.suspendScreenUpdating)
    context.workbook.application.suspendScreenUpdatingUntilNextSync();
}

/** The placement of the models, or Excel port's words for why the workbook cannot take them. */
function placedOrRefused(
  models: readonly SheetModel[],
  inventory: WorkbookInventory,
): SheetWritePlan {
  return placeOrRefuse(models, inventory, (problem) =>
    problem.code === "sheet-name-taken"
      ? new ExcelPortError("sheet-name-taken", { sheet: problem.sheet, kind: problem.kind })
      : new ExcelPortError("excel-error", {
          detail: `the table name "${problem.table}" is already used on the sheet "${problem.sheet}"`,
          table: problem.table,
          sheet: problem.sheet,
        }),
  );
}

/**
 * Writes sheet models into the workbook. First it looks (two round trips): the sheets, the
 * tables and the plan store's registry of generated sheets. A sheet with a model's name that the
 * add-in did not generate stops the write there (`sheet-name-taken`), before anything changes.
 * Then one request prepares every sheet (see `setupStep`; a rewritten sheet keeps its old cells
 * until the request of its first new ones, see `withEmptying`), and the models' cells follow in
 * row blocks packed into requests of at most 3.5 MB by their serialized size — the plan store
 * first, so that sheets added by a write that fails later are already registered as generated,
 * each sheet's blocks in one request when they fit — then
 * the marks on kept sheets (`keepExisting`: only their non-blank cells), then the models' charts
 * (those the add-in drew before on a rewritten sheet are replaced, a user's kept: one more round
 * trip finds them; see `chartSteps`). Each request suspends calculation and screen updating when
 * Excel supports it, and a last request recalculates (Excel leaves that to the add-in after a
 * suspension). Sheets the add-in did not generate — the history among them — are never written.
 * A cancelled run stops between requests with `cancelled`, listing the sheets completely written.
 * Progress is said before each request (the sheet it writes, see `Progress`), and once at the end;
 * the first is said before the first change to the workbook. With ExcelApi 1.20 the run is one
 * undo group (`mergeUndoGroup`): one Generate is one Ctrl+Z.
 */
export async function writeSheetModels(
  host: ExcelHost,
  features: ExcelFeatures,
  models: readonly SheetModel[],
  options: RunOptions = {},
): Promise<ExcelWriteReport> {
  checkSheetModels(models);
  // What the request in flight was doing, for the error if Excel refuses it.
  let stage: ExcelPortErrorParams = { phase: "write", stage: "inspect" };
  // Where Excel can, the whole write is one step of its undo.
  const runOptions = features.undoGroup ? { mergeUndoGroup: true } : undefined;
  try {
    return await host.run(async (context) => {
      const syncs = new SyncCounter(context, options.signal);
      const written: string[] = [];
      syncs.throwIfCancelled(() => ({ written: "", done: 0, total: 0 }));
      const inventory = await readWorkbookInventory(context, features, syncs);
      const plan = placedOrRefused(models, inventory);
      const oldCharts = await readChartsToReplace(context, features, plan, syncs);

      const rewritten = models.filter((m) => !m.keepExisting);
      const isStore = (m: SheetModel) => folded(m.name) === folded(PLAN_STORE_SHEET);
      // A mark writes its own cells only: no tables, rules or dropdowns over the kept sheet.
      const marks = plan.marked.map(({ model, existing }) => ({
        name: existing,
        kind: model.kind,
        rows: model.rows,
      }));
      const ordered = [
        ...rewritten.filter(isStore),
        ...rewritten.filter((m) => !isStore(m)),
        ...marks,
      ];
      const budget = REQUEST_BUDGET_BYTES - SUSPEND_BYTES;
      // Measuring and queueing a large write is sliced, so the page keeps its turns.
      const slices = new TurnSlicer();
      const blocks: WriteStep[] = [];
      for (const model of ordered) {
        blocks.push(
          ...withEmptying(
            blockSteps(model, features, budget - EMPTYING_BYTES),
            model,
            plan,
            inventory.tables,
            features,
          ),
        );
        await slices.pause();
      }
      const setup = setupStep(
        rewritten,
        plan,
        inventory.sheets.map((s) => s.name),
        inventory.tables,
        features,
      );
      const steps: WriteStep[] = [setup, ...blocks, ...chartSteps(rewritten, features, oldCharts)];
      const total = blocks.length;
      let done = 0;
      // The sheets a user sees written, in order; each request names the first it writes.
      const visible = rewritten.filter((m) => m.state !== "veryHidden").map((m) => m.name);
      const sheetAt = (name: string | undefined) => {
        const number = name === undefined ? -1 : visible.indexOf(name);
        return number < 0
          ? undefined
          : { name: visible[number], number: number + 1, count: visible.length };
      };
      let current = sheetAt(visible[0]);
      const report = () =>
        options.onProgress?.({
          phase: "write",
          done,
          total,
          ...(current ? { sheet: current } : {}),
        });
      const emptyModels = ordered.filter((m) => m.rows.length === 0).map((m) => m.name);

      for (const pack of packSteps(steps, budget)) {
        current =
          sheetAt(pack.find((s) => s.kind !== "setup" && visible.includes(s.sheet))?.sheet) ??
          current;
        // Said before each request: the first is said before anything in the workbook changes.
        report();
        syncs.throwIfCancelled(() => ({ written: written.join(", "), done, total }));
        suspend(context, features);
        for (const step of pack) {
          step.queue(context);
          await slices.pause();
        }
        const sheets = [...new Set(pack.filter((s) => s.kind !== "setup").map((s) => s.sheet))];
        stage = {
          phase: "write",
          stage: pack.some((s) => s.kind === "setup")
            ? "prepare"
            : pack.some((s) => s.kind === "block")
              ? "cells"
              : "charts",
          sheets: sheets.join(", "),
        };
        await syncs.sync();
        for (const step of pack) {
          if (step.kind === "setup") written.push(...emptyModels);
          if (step.completesSheet) written.push(step.completesSheet);
          if (step.kind === "block") done++;
        }
      }
      report();
      // Calculation was suspended while formulas were written: bring every formula up to date.
      if (features.suspendCalculation) {
        context.workbook.application.calculate("Recalculate");
        stage = { phase: "write", stage: "recalculate" };
        await syncs.sync();
      }
      return {
        replaced: plan.replaced.map((r) => r.model.name),
        added: plan.added.map((m) => m.name),
        removed: plan.removed,
        syncs: syncs.count,
      };
    }, runOptions);
  } catch (error) {
    throw toExcelPortError(error, stage);
  }
}
