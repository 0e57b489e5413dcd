import type { PrintSetup, SheetModel } from "../sheets/sheetModel";
import { columnWidthPoints, STANDARD_WIDTH_POINTS } from "./columnWidthPoints";
import type { ExcelFeatures } from "./excelFeatures";
import { folded, type SheetWritePlan } from "../sheets/sheetPlacement";
import { blockAddress, columnsAddress, consecutiveRuns, rowsAddress } from "./rangeAddress";
import { ACTION_OVERHEAD_BYTES } from "./payloadBytes";
import { StepBuilder, type WriteStep } from "./writeStep";
import { GENERATED_TAG } from "./workbookInventory";

const VISIBILITY = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" } as const;

/** Column widths in points grouped by runs of equal width: [first, last, points]. */
function widthRuns(widths: readonly number[] | undefined): [number, number, number][] {
  const runs: [number, number, number][] = [];
  (widths ?? []).forEach((width, column) => {
    if (typeof width !== "number" || !(width > 0)) return;
    const points = columnWidthPoints(width);
    const last = runs[runs.length - 1];
    if (last && last[1] === column - 1 && last[2] === points) last[1] = column;
    else runs.push([column, column, points]);
  });
  return runs;
}

/** Empties a generated sheet for its rewrite: contents, formats, rules, hidden rows, widths, panes. */
function queueClearing(step: StepBuilder, name: string, features: ExcelFeatures): void {
  const sheet = (context: Excel.RequestContext) => context.workbook.worksheets.getItem(name);
  const actions =
    5 +
    (features.conditionalFormats ? 1 : 0) +
    (features.dataValidation ? 1 : 0) +
    (features.freezePanes ? 1 : 0);
  step.add(actions, name, (context) => {
    const all = sheet(context).getRange();
    all.clear("All");
    if (features.conditionalFormats) all.conditionalFormats.clearAll();
    if (features.dataValidation) all.dataValidation.clear();
    all.rowHidden = false;
    all.columnHidden = false;
    all.format.columnWidth = STANDARD_WIDTH_POINTS;
    if (features.freezePanes) sheet(context).freezePanes.unfreeze();
  });
}

/** What a model says of its sheet as a whole: visibility and the generated-sheet tag. */
function queueSheetLabels(step: StepBuilder, model: SheetModel, features: ExcelFeatures): void {
  const name = model.name;
  const sheet = (context: Excel.RequestContext) => context.workbook.worksheets.getItem(name);
  const visibility = VISIBILITY[model.state ?? "visible"];
  step.add(1, [name, visibility], (context) => {
    sheet(context).visibility = visibility;
  });
  if (features.customProperties) {
    step.add(1, [name, GENERATED_TAG, model.kind], (context) => {
      sheet(context).customProperties.add(GENERATED_TAG, model.kind);
    });
  }
}

const ORIENTATION = { portrait: "Portrait", landscape: "Landscape" } as const;

/**
 * How a model's sheet prints (ExcelApi 1.9): orientation, one page wide and as many tall as it
 * takes, the header rows on every page, the print area and the footer.
 */
function queuePageLayout(step: StepBuilder, name: string, print: PrintSetup): void {
  const layout = (context: Excel.RequestContext) =>
    context.workbook.worksheets.getItem(name).pageLayout;
  const orientation = ORIENTATION[print.orientation];
  const zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  const titleRows = rowsAddress(print.titleRows.first, print.titleRows.last);
  const { firstRow, firstColumn, lastRow, lastColumn } = print.area;
  const area = blockAddress(firstRow, firstColumn, lastRow, lastColumn);
  step.add(5, [name, orientation, zoom, titleRows, area, print.footer], (context) => {
    layout(context).orientation = orientation;
    layout(context).zoom = zoom;
    layout(context).setPrintTitleRows(titleRows);
    layout(context).setPrintArea(area);
    layout(context).headersFooters.defaultForAllPages.centerFooter = print.footer;
  });
}

/**
 * A model's sheet layout, which emptying resets: column widths, panes, hidden rows and columns;
 * then its page layout, where Excel has one.
 */
function queueSheetLayout(step: StepBuilder, model: SheetModel, features: ExcelFeatures): void {
  const name = model.name;
  const sheet = (context: Excel.RequestContext) => context.workbook.worksheets.getItem(name);
  for (const [first, last, points] of widthRuns(model.columnWidths)) {
    step.add(1, [name, points], (context) => {
      sheet(context).getRange(columnsAddress(first, last)).format.columnWidth = points;
    });
  }
  const freeze = model.freeze;
  if (features.freezePanes && freeze && (freeze.rows > 0 || freeze.columns > 0)) {
    step.add(1, [name, freeze], (context) => {
      const panes = sheet(context).freezePanes;
      if (freeze.rows > 0 && freeze.columns > 0) {
        panes.freezeAt(
          sheet(context).getRange(blockAddress(0, 0, freeze.rows - 1, freeze.columns - 1)),
        );
      } else if (freeze.rows > 0) panes.freezeRows(freeze.rows);
      else panes.freezeColumns(freeze.columns);
    });
  }
  for (const [first, last] of consecutiveRuns(model.hiddenRows ?? [])) {
    step.add(1, [name, first, last], (context) => {
      sheet(context).getRange(rowsAddress(first, last)).rowHidden = true;
    });
  }
  for (const [first, last] of consecutiveRuns(model.hiddenColumns ?? [])) {
    step.add(1, [name, first, last], (context) => {
      sheet(context).getRange(columnsAddress(first, last)).columnHidden = true;
    });
  }
  if (features.pageLayout && model.print) queuePageLayout(step, name, model.print);
}

/** Moves the models' sheets into their final places, only those not already there. */
function queuePositions(
  step: StepBuilder,
  plan: SheetWritePlan,
  current: string[],
  models: readonly SheetModel[],
): void {
  const order = [...current];
  const modelKeys = new Set(models.map((m) => folded(m.name)));
  plan.finalOrder.forEach((name, position) => {
    if (folded(order[position] ?? "") === folded(name)) return;
    if (!modelKeys.has(folded(name))) return;
    order.splice(
      order.findIndex((n) => folded(n) === folded(name)),
      1,
    );
    order.splice(position, 0, name);
    step.add(1, [name, position], (context) => {
      context.workbook.worksheets.getItem(name).position = position;
    });
  });
}

/** A table as the workbook inventory lists it. */
type TableOnSheet = { name: string; sheet: string };

/**
 * Rewritten sheets that keep their old cells until the request of their first new cells, by
 * folded name: those with rows to write. A write that fails in between leaves such a sheet as it
 * was — with the notes people typed there, which the next write carries over — never blank.
 */
function emptiedWithFirstBlock(plan: SheetWritePlan): Map<string, SheetWritePlan["replaced"][0]> {
  return new Map(
    plan.replaced.filter((r) => r.model.rows.length > 0).map((r) => [folded(r.model.name), r]),
  );
}

/**
 * Bytes `withEmptying` may add to a first block; blocks are cut this much smaller. Room for the
 * clearing, a table or two, the layout's widths, panes and hidden runs, and the page layout's
 * five actions with their texts.
 */
export const EMPTYING_BYTES = 24 * ACTION_OVERHEAD_BYTES;

/**
 * A rewritten sheet's blocks, its emptying put at the head of the first one: its old tables
 * deleted (with their cells), its cells, rules and layout cleared, then its layout set. The
 * sheet thus goes from old to new in the requests of its cells, starting with one that empties
 * and fills it (see `packSteps`, which keeps a sheet's blocks together when they fit).
 * Other blocks pass as they are.
 */
export function withEmptying(
  blocks: WriteStep[],
  model: SheetModel,
  plan: SheetWritePlan,
  tables: readonly TableOnSheet[],
  features: ExcelFeatures,
): WriteStep[] {
  const replaced = emptiedWithFirstBlock(plan).get(folded(model.name));
  const [first, ...rest] = blocks;
  if (!replaced || replaced.model !== model || !first) return blocks;
  const emptying = new StepBuilder();
  for (const table of tables) {
    if (folded(table.sheet) !== folded(replaced.existing)) continue;
    emptying.add(1, table.name, (context) => context.workbook.tables.getItem(table.name).delete());
  }
  queueClearing(emptying, model.name, features);
  queueSheetLayout(emptying, model, features);
  const prelude = emptying.build(model.name, "block");
  return [
    {
      ...first,
      bytes: prelude.bytes + first.bytes,
      queue: (context) => {
        prelude.queue(context);
        first.queue(context);
      },
    },
    ...rest,
  ];
}

/**
 * The one request that prepares every sheet before any cell is written: adds all missing sheets
 * (Excel has no bulk add, so every `worksheets.add` is queued here, in one batch), deletes
 * generated sheets no longer wanted and their tables, renames and clears the generated sheets to
 * rewrite (ranges are cleared, sheets are not deleted: deleting clears Excel's undo stack) —
 * except those with rows, emptied with their first cells (see `withEmptying`) — and sets
 * visibility, tags, column widths, panes, hidden rows and columns, page layout and tab order.
 */
export function setupStep(
  models: readonly SheetModel[],
  plan: SheetWritePlan,
  sheetsBefore: readonly string[],
  tables: readonly TableOnSheet[],
  features: ExcelFeatures,
): WriteStep {
  const step = new StepBuilder();
  const later = emptiedWithFirstBlock(plan);
  const laterSheets = new Set([...later.values()].map((r) => folded(r.existing)));
  for (const model of plan.added) {
    step.add(1, model.name, (context) => {
      context.workbook.worksheets.add(model.name);
    });
  }
  const sheetOf = new Map(tables.map((t) => [folded(t.name), folded(t.sheet)]));
  for (const table of plan.tablesToDelete) {
    if (laterSheets.has(sheetOf.get(folded(table)) ?? "")) continue;
    step.add(1, table, (context) => context.workbook.tables.getItem(table).delete());
  }
  for (const name of plan.removed) {
    step.add(1, name, (context) => context.workbook.worksheets.getItem(name).delete());
  }
  for (const { model, existing } of plan.replaced) {
    if (existing !== model.name) {
      step.add(1, [existing, model.name], (context) => {
        context.workbook.worksheets.getItem(existing).name = model.name;
      });
    }
    if (!later.has(folded(model.name))) queueClearing(step, model.name, features);
  }
  for (const model of models) {
    queueSheetLabels(step, model, features);
    if (!later.has(folded(model.name))) queueSheetLayout(step, model, features);
  }
  const removed = new Set(plan.removed.map(folded));
  const renamed = new Map(plan.replaced.map((r) => [folded(r.existing), r.model.name]));
  const current = [
    ...sheetsBefore.filter((n) => !removed.has(folded(n))).map((n) => renamed.get(folded(n)) ?? n),
    ...plan.added.map((m) => m.name),
  ];
  queuePositions(step, plan, current, [
    ...models,
    ...plan.marked.map((m) => ({ ...m.model, name: m.existing })),
  ]);
  return step.build(models[0]?.name ?? "", "setup");
}
