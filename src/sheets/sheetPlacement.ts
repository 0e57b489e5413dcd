import { PLAN_STORE_SHEET, type PlanStore } from "./planStoreSheet";
import type { SheetModel } from "./sheetModel";
import { foldSheetName } from "./sheetNames";

/**
 * What a writer knows of a workbook before it writes a plan into it, whatever the port: its
 * sheets in tab order (with the generated-sheet tag a port can read, or null), its tables and
 * the plan store.
 */
export type SheetInventory = {
  sheets: { name: string; tag: string | null }[];
  tables: { name: string; sheet: string }[];
  store: PlanStore | null;
};

/** Why a plan cannot be written into a workbook as it stands: a name a user's sheet or table has. */
export type PlacementProblem =
  | { code: "sheet-name-taken"; sheet: string; kind: string }
  | { code: "table-name-taken"; table: string; sheet: string };

/** A placement that cannot be made, with its problem: each port words it in its own error. */
export class PlacementError extends Error {
  constructor(readonly problem: PlacementProblem) {
    super(
      `${problem.code}: ${problem.code === "sheet-name-taken" ? problem.sheet : problem.table}`,
    );
    this.name = "PlacementError";
  }
}

/** What a write will do, decided before anything is written. */
export type SheetWritePlan = {
  /** Models whose sheet exists and was generated: cleared and rewritten in place. */
  replaced: { model: SheetModel; existing: string }[];
  /** Models whose sheet does not exist yet. */
  added: SheetModel[];
  /** Generated sheets the new plan store no longer lists: deleted. */
  removed: string[];
  /** Tables on rewritten or removed sheets, deleted before the rewrite. */
  tablesToDelete: string[];
  /**
   * Marks (`keepExisting`, a departed rep's tab) on generated sheets that are still there: the
   * sheet keeps its cells and only the mark's non-blank cells are written. A mark whose sheet is
   * gone, or is not a generated sheet, writes nothing.
   */
  marked: { model: SheetModel; existing: string }[];
  /** Every sheet name in tab order once the write is done. */
  finalOrder: string[];
};

/** Excel compares sheet and table names without regard to case. */
export const folded = foldSheetName;

/**
 * The sheets the add-in may rewrite or remove: those that carry its mark (`tag`, the kind the
 * port read from the sheet's mark) and that the plan store lists under that kind — or every
 * marked sheet when the store is missing or unreadable — and the store itself (only when it holds
 * a store). A list alone never hands a user's sheet to the plan.
 * @example generatedSheets({ sheets: [{ name: "Tracking", tag: null }], tables: [], store }).has("TRACKING") === false
 */
export function generatedSheets(inventory: SheetInventory): Set<string> {
  const ours = new Set<string>();
  const listed = new Map((inventory.store?.sheets ?? []).map((s) => [folded(s.name), s.kind]));
  for (const sheet of inventory.sheets) {
    if (sheet.tag === null) continue;
    if (!inventory.store || listed.get(folded(sheet.name)) === sheet.tag)
      ours.add(folded(sheet.name));
  }
  if (inventory.store) ours.add(folded(PLAN_STORE_SHEET));
  return ours;
}

/**
 * Tab order after the write: the other sheets keep their order; the models' sheets stand
 * together, in model order, where the first of them already stood (at the end when none did).
 * @example arrangeSheets(["Sales", "Plan"], ["Plan", "Tracking"]) → ["Sales", "Plan", "Tracking"]
 */
export function arrangeSheets(current: readonly string[], models: readonly string[]): string[] {
  const modelKeys = new Set(models.map(folded));
  const firstModel = current.findIndex((name) => modelKeys.has(folded(name)));
  const others = current.filter((name) => !modelKeys.has(folded(name)));
  const anchor =
    firstModel < 0
      ? others.length
      : current.slice(0, firstModel).filter((name) => !modelKeys.has(folded(name))).length;
  return [...others.slice(0, anchor), ...models, ...others.slice(anchor)];
}

/**
 * Decides, for every port alike, which sheets are added, rewritten, marked and removed, and the tab
 * order after the write. A sheet with a model's name that the plan did not generate stops the
 * write (`PlacementError` `sheet-name-taken`), as does a model's table name used by a table the
 * write would not remove (`table-name-taken`) — before anything is written.
 * @example planSheetWrites(models, { sheets: [{ name: "Sales", tag: null }], tables: [], store: null }).finalOrder
 *   → ["Sales", "Plan Summary", …]
 */
export function planSheetWrites(
  models: readonly SheetModel[],
  inventory: SheetInventory,
): SheetWritePlan {
  const ours = generatedSheets(inventory);
  const byName = new Map(inventory.sheets.map((sheet) => [folded(sheet.name), sheet]));
  const modelKeys = new Set(models.map((model) => folded(model.name)));
  const rewritten = models.filter((model) => !model.keepExisting);
  const plan: SheetWritePlan = {
    replaced: [],
    added: [],
    removed: [],
    tablesToDelete: [],
    marked: [],
    finalOrder: [],
  };
  for (const mark of models.filter((model) => model.keepExisting)) {
    const existing = byName.get(folded(mark.name));
    if (existing && ours.has(folded(existing.name)))
      plan.marked.push({ model: mark, existing: existing.name });
  }
  for (const model of rewritten) {
    const existing = byName.get(folded(model.name));
    if (!existing) plan.added.push(model);
    else if (ours.has(folded(existing.name)))
      plan.replaced.push({ model, existing: existing.name });
    else {
      throw new PlacementError({
        code: "sheet-name-taken",
        sheet: existing.name,
        kind: model.kind,
      });
    }
  }
  // With a new plan store, generated sheets the old one lists and the new one does not are
  // removed; a write without one (a refresh of some sheets) leaves the registry as it is, and so
  // those sheets. A tagged sheet the registry does not list under its name is one the user
  // renamed or copied to keep: it stays.
  const writesStore = rewritten.some((m) => folded(m.name) === folded(PLAN_STORE_SHEET));
  const registered = new Set((inventory.store?.sheets ?? []).map((s) => folded(s.name)));
  for (const sheet of inventory.sheets) {
    const key = folded(sheet.name);
    if (writesStore && registered.has(key) && ours.has(key) && !modelKeys.has(key))
      plan.removed.push(sheet.name);
  }
  const cleared = new Set([
    ...plan.replaced.map((r) => folded(r.existing)),
    ...plan.removed.map(folded),
  ]);
  const tablesByName = new Map(inventory.tables.map((t) => [folded(t.name), t]));
  for (const table of inventory.tables)
    if (cleared.has(folded(table.sheet))) plan.tablesToDelete.push(table.name);
  for (const model of rewritten) {
    for (const spec of model.tables ?? []) {
      const other = tablesByName.get(folded(spec.name));
      if (other && !cleared.has(folded(other.sheet))) {
        throw new PlacementError({
          code: "table-name-taken",
          table: other.name,
          sheet: other.sheet,
        });
      }
    }
  }
  const removed = new Set(plan.removed.map(folded));
  const remaining = inventory.sheets
    .map((s) => s.name)
    .filter((name) => !removed.has(folded(name)));
  const renamed = remaining.map(
    (name) => rewritten.find((m) => folded(m.name) === folded(name))?.name ?? name,
  );
  // Marks on kept sheets stay among the models, in model order.
  const markNames = new Map(plan.marked.map((m) => [m.model, m.existing]));
  const arranged = models.flatMap((m) => {
    if (!m.keepExisting) return [m.name];
    const existing = markNames.get(m);
    return existing === undefined ? [] : [existing];
  });
  plan.finalOrder = arrangeSheets([...renamed, ...plan.added.map((m) => m.name)], arranged);
  return plan;
}

/**
 * `planSheetWrites`, with a placement that cannot be made thrown as the port's own error: each port
 * words a `PlacementProblem` its way, the decision stays here.
 * @example placeOrRefuse(models, inventory, (problem) => new WorkbookWriteError(problem.code, out, {}))
 */
export function placeOrRefuse(
  models: readonly SheetModel[],
  inventory: SheetInventory,
  refuse: (problem: PlacementProblem) => Error,
): SheetWritePlan {
  try {
    return planSheetWrites(models, inventory);
  } catch (error) {
    if (error instanceof PlacementError) throw refuse(error.problem);
    throw error;
  }
}
