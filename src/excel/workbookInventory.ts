import { toA1 } from "../engine/address";
import { markOf } from "../sheets/generatedMark";
import { foldSheetName } from "../sheets/sheetNames";
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
  /**
   * The kind the sheet's generated-sheet tag names, else the kind its mark cell names; null for a
   * sheet with neither (a user's sheet).
   */
  tag: string | null;
  /**
   * The member a generated rep tab is for, from its mark; read only when the plan store is lost
   * (the store names it otherwise), so that the tab and what users typed on it stay its member's.
   */
  key?: string;
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
  // A sheet without a tag may still be one the plan generated (written by stp, or on a host
  // without custom properties): its mark, in its first row, says so. Only sheets the store lists
  // (every sheet, when there is no readable store) can be the plan's: no other is read.
  const store = storeValues ? readPlanStore(storeValues) : null;
  const listed = new Set((store?.sheets ?? []).map((s) => foldSheetName(s.name)));
  // Without a store, on a host that tags sheets and with none tagged, the workbook has no plan
  // this port wrote: a first write is not slowed by reading every sheet's first row.
  const tagged = tags.some((tag) => !tag.isNullObject);
  const lookForMarks = store !== null || !features.customProperties || tagged;
  // With the store lost, a tag names a rep tab's kind but not its rep: its mark does.
  const needsMark = (i: number) =>
    !(tags[i] && !tags[i].isNullObject) || (store === null && tags[i].value === "rep-tab");
  const untagged = sheets.flatMap((sheet, i) =>
    !lookForMarks ||
    !needsMark(i) ||
    foldSheetName(sheet.name) === foldSheetName(PLAN_STORE_SHEET) ||
    (store && !listed.has(foldSheetName(sheet.name)))
      ? []
      : [{ i, used: sheet.getUsedRangeOrNullObject(true) }],
  );
  if (untagged.length > 0) {
    untagged.forEach(({ used }) => used.load("rowIndex,columnIndex,columnCount"));
    await syncs.sync();
  }
  const firstRows = untagged.flatMap(({ i, used }) => {
    if (used.isNullObject || used.rowIndex > 0) return [];
    const row = sheets[i].getRange(`A1:${toA1(0, used.columnIndex + used.columnCount - 1)}`);
    row.load("values");
    return [{ i, row }];
  });
  if (firstRows.length > 0) await syncs.sync();
  const marks = new Map(firstRows.map(({ i, row }) => [i, markOf(row.values)]));

  return {
    sheets: sheets.map((sheet, i) => {
      const mark = marks.get(i) ?? null;
      const tag = tags[i] && !tags[i].isNullObject ? String(tags[i].value) : (mark?.kind ?? null);
      const key = mark && mark.kind === tag ? mark.key : undefined;
      return {
        name: sheet.name,
        visibility: sheet.visibility as SheetVisibility,
        tag,
        ...(key === undefined ? {} : { key }),
      };
    }),
    tables: tables.items.map((table, i) => ({ name: table.name, sheet: tableSheets[i].name })),
    activeSheet: active.name,
    store,
    storeValues,
  };
}
