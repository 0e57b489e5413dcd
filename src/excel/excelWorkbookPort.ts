import type { SheetMark } from "../sheets/generatedMark";
import type { CellValue, Grid } from "../engine/grid";
import { readPlanStore, type GeneratedSheet, type PlanStore } from "../sheets/planStoreSheet";
import { sheetOf, type LazySheet } from "../sheets/sheetModel";
import type { ExcelPort, ExcelWriteReport, RunOptions } from "./excelPort";
import { ExcelPortError } from "./excelPortError";
import type { CellDetails, SheetComment } from "../sheets/userEdits";

/** The workbook open in Excel as the planning workflow uses it (see `WorkbookPort`). */
export type ExcelWorkbook = {
  readPlanStore(): Promise<PlanStore | null>;
  sheetNames(): Promise<string[]>;
  sheetMarks(): Promise<{ name: string; mark: SheetMark | null }[]>;
  readSheetValues(name: string, options: RunOptions): Promise<CellValue[][] | null>;
  readComments(name: string): Promise<SheetComment[]>;
  readCellDetails(
    name: string,
    cells: readonly { row: number; column: number }[],
  ): Promise<CellDetails[]>;
  writeSheets(
    sheets: readonly LazySheet[],
    previous: readonly GeneratedSheet[],
    options: RunOptions,
  ): Promise<ExcelWriteReport>;
};

/** A grid's values placed from A1 (the port reads a sheet's used range, which may start later). */
function valuesFromA1(grid: Grid): CellValue[][] {
  const origin = grid.origin ?? { row: 0, column: 0 };
  const padding = new Array<CellValue>(origin.column).fill(null);
  const top = Array.from({ length: origin.row }, () => [] as CellValue[]);
  return [...top, ...grid.values.map((row) => [...padding, ...row])];
}

/**
 * The Excel port of the planning workflow: the workbook open in Excel read and written through
 * `ExcelPort` (in blocks, cancellable, with progress).
 * @example await writePlan(excelWorkbook(createExcelPort({ run: Excel.run })), input);
 */
export function excelWorkbook(port: ExcelPort): ExcelWorkbook {
  return {
    readPlanStore: async () => {
      const values = await port.readPlanStore();
      return values ? readPlanStore(values.map((row) => [...row])) : null;
    },
    sheetNames: async () => (await port.outline()).sheets.map((s) => s.name),
    // Excel's outline knows a sheet's kind (by its tag or mark), and a rep tab's member by its
    // mark when the plan store that names it is lost.
    sheetMarks: async () =>
      (await port.outline()).sheets.map((s) => ({
        name: s.name,
        mark: s.generatedKind
          ? {
              kind: s.generatedKind,
              ...(s.generatedKey === undefined ? {} : { key: s.generatedKey }),
            }
          : null,
      })),
    readSheetValues: async (name, options) => {
      if (options.signal?.aborted) throw new ExcelPortError("cancelled");
      try {
        return valuesFromA1(await port.readHistory({ kind: "sheet", name }, options));
      } catch (error) {
        // Deleted or renamed since the outline: nothing of it to carry, as if it had never been.
        if (error instanceof ExcelPortError && error.code === "source-not-found") return null;
        throw error;
      }
    },
    readComments: (name) => port.readComments(name),
    readCellDetails: (name, cells) => port.readCellDetails(name, cells),
    // Excel takes the sheets whole: the write measures every request before sending it.
    writeSheets: (sheets, _previous, options) => port.writeSheets(sheets.map(sheetOf), options),
  };
}
