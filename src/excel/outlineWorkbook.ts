import { PLAN_STORE_SHEET } from "../sheets/planStoreSheet";
import type { ExcelFeatures } from "./excelFeatures";
import type { ExcelHost, WorkbookOutline } from "./excelPort";
import { toExcelPortError } from "./officeErrors";
import { folded } from "../sheets/sheetPlacement";
import { SyncCounter } from "./syncCounter";
import { readWorkbookInventory } from "./workbookInventory";

/**
 * The workbook as the pane lists it: sheets in tab order with their visibility and, for generated
 * ones, their kind (the kind their tag or mark names, and the plan store's registry too when there
 * is a store), tables with their
 * sheets, and the active sheet. Two round trips at most.
 */
export async function outlineWorkbook(
  host: ExcelHost,
  features: ExcelFeatures,
): Promise<WorkbookOutline> {
  try {
    return await host.run(async (context) => {
      const inventory = await readWorkbookInventory(context, features, new SyncCounter(context));
      const kinds = new Map((inventory.store?.sheets ?? []).map((s) => [folded(s.name), s.kind]));
      if (inventory.store) kinds.set(folded(PLAN_STORE_SHEET), "plan-store");
      return {
        activeSheet: inventory.activeSheet,
        sheets: inventory.sheets.map((sheet) => {
          // A sheet is the plan's only when it carries the mark the store names for it.
          const listed = kinds.get(folded(sheet.name));
          const kind = folded(sheet.name) === folded(PLAN_STORE_SHEET) ? listed : sheet.tag;
          if (inventory.store && kind !== listed)
            return { name: sheet.name, visibility: sheet.visibility };
          if (!kind) return { name: sheet.name, visibility: sheet.visibility };
          return {
            name: sheet.name,
            visibility: sheet.visibility,
            generatedKind: kind,
            ...(sheet.key === undefined ? {} : { generatedKey: sheet.key }),
          };
        }),
        tables: inventory.tables,
      };
    });
  } catch (error) {
    throw toExcelPortError(error, { phase: "outline" });
  }
}
