import { PLAN_STORE_SHEET, type PlanStore, readPlanStore } from "../sheets/planStoreSheet";
import type { ExcelFeatures } from "./excelFeatures";
import type { SyncCounter } from "./syncCounter";

/** The custom property that tags a generated sheet (ExcelApi 1.12); its value is the sheet's kind. */
export const GENERATED_TAG = "SalesTargetPlanner.kind";

export type SheetVisibility = "Visible" | "Hidden" | "VeryHidden";

/** A worksheet as the inventory lists it. */
export type InventorySheet = {
  name: string;
  visibility: SheetVisibility;
  /** The kind a generated-sheet tag names, or null (untagged, or tags not supported). */
  tag: string | null;
};

/** What the port knows of a workbook before it writes anything. */
export type WorkbookInventory = {
  /** In tab order. */
  sheets: InventorySheet[];
  tables: { name: string; sheet: string }[];
  activeSheet: string;
  /** The plan store's contents (plan and registry of generated sheets), when it has one. */
  store: PlanStore | null;
  /** The store sheet's cell values, from A1; null when there is no store sheet. */
  storeValues: (string | number | boolean | null)[][] | null;
};

/**
 * Values of a used range placed back at A1: rows above and columns left of it are blank.
 * @example fromA1([["x"]], 1, 1) → [[], ["", "x"]]
 */
export function fromUsedRange(
  values: (string | number | boolean | null)[][],
  rowIndex: number,
  columnIndex: number,
): (string | number | boolean | null)[][] {
  const padding = new Array<string>(columnIndex).fill("");
  return [
    ...Array.from({ length: rowIndex }, () => []),
    ...values.map((row) => [...padding, ...row]),
  ];
}

/**
 * Sheets (names, visibility, tags), tables (with their sheets), the active sheet and the plan
 * store, in two round trips: the second only when there is something to ask (the store's
 * values, the tables' sheets, the tags).
 */
export async function readWorkbookInventory(
  context: Excel.RequestContext,
  features: ExcelFeatures,
  syncs: SyncCounter,
): Promise<WorkbookInventory> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility,items/position");
  const tables = context.workbook.tables;
  tables.load("items/name");
  const active = worksheets.getActiveWorksheet();
  active.load("name");
  const storeSheet = worksheets.getItemOrNullObject(PLAN_STORE_SHEET);
  await syncs.sync();

  const sheets = [...worksheets.items].sort((a, b) => a.position - b.position);
  const tableSheets = tables.items.map((table) => {
    const sheet = table.worksheet;
    sheet.load("name");
    return sheet;
  });
  let storeRange: Excel.Range | null = null;
  if (!storeSheet.isNullObject) {
    storeRange = storeSheet.getUsedRangeOrNullObject(true);
    storeRange.load("values,rowIndex,columnIndex");
  }
  const tags = features.customProperties
    ? sheets.map((sheet) => {
        const tag = sheet.customProperties.getItemOrNullObject(GENERATED_TAG);
        tag.load("value");
        return tag;
      })
    : [];
  if (tableSheets.length > 0 || storeRange || tags.length > 0) await syncs.sync();

  let storeValues: WorkbookInventory["storeValues"] = null;
  if (storeRange) {
    storeValues = storeRange.isNullObject
      ? []
      : fromUsedRange(storeRange.values, storeRange.rowIndex, storeRange.columnIndex);
  }
  return {
    sheets: sheets.map((sheet, i) => ({
      name: sheet.name,
      visibility: sheet.visibility as SheetVisibility,
      tag: tags[i] && !tags[i].isNullObject ? String(tags[i].value) : null,
    })),
    tables: tables.items.map((table, i) => ({ name: table.name, sheet: tableSheets[i].name })),
    activeSheet: active.name,
    store: storeValues ? readPlanStore(storeValues) : null,
    storeValues,
  };
}
