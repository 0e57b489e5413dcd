import type { SheetMark } from "../sheets/generatedMark";
import type { CellValue, Grid } from "../engine/grid";
import { readPlanStore, type GeneratedSheet, type PlanStore } from "../sheets/planStoreSheet";
import { sheetOf, type LazySheet, type SheetModel } from "../sheets/sheetModel";
import { TurnSlicer } from "./pageTurns";
import type { ExcelPort, ExcelWriteReport, RunOptions } from "./excelPort";
import { ExcelPortError } from "./excelPortError";
import type { CellDetails, SheetComment } from "../sheets/userEdits";
import {
  signedFormulaCells,
  typedOverOnSheet,
  type TypedOverCell,
} from "../sheets/sheetSignatures";

/** The workbook open in Excel as the planning workflow uses it (see `WorkbookPort`). */
export type ExcelWorkbook = {
  readPlanStore(): Promise<PlanStore | null>;
  sheetNames(): Promise<string[]>;
  sheetMarks(): Promise<{ name: string; mark: SheetMark | null }[]>;
  readSheetValues(name: string, options: RunOptions): Promise<CellValue[][] | null>;
  readTypedOver(name: string, signatures: number, options: RunOptions): Promise<TypedOverCell[]>;
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
  // The values of the sheet read last: its typed-over cells are asked right after.
  let last: { name: string; values: CellValue[][] | null } | null = null;
  const readSheetValues = async (name: string, options: RunOptions) => {
    if (options.signal?.aborted) throw new ExcelPortError("cancelled");
    try {
      return valuesFromA1(await port.readHistory({ kind: "sheet", name }, options));
    } catch (error) {
      // Deleted or renamed since the outline: nothing of it to carry, as if it had never been.
      if (error instanceof ExcelPortError && error.code === "source-not-found") return null;
      throw error;
    }
  };
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
      const values = await readSheetValues(name, options);
      last = { name, values };
      return values;
    },
    // Values alone cannot tell a formula from a number typed over it: the cells signatures say
    // hold formulas are asked about.
    readTypedOver: async (name, signatures, options) => {
      const values = last?.name === name ? last.values : await readSheetValues(name, options);
      last = null;
      if (!values) return [];
      const asked = signedFormulaCells(values, signatures);
      if (asked.length === 0) return typedOverOnSheet(values, signatures, () => false);
      // Cancelled between two reads, as every read of the workflow is.
      if (options.signal?.aborted) throw new ExcelPortError("cancelled");
      const details = await port.readCellDetails(name, asked);
      if (options.signal?.aborted) throw new ExcelPortError("cancelled");
      const formulas = new Set(
        asked.flatMap(({ row, column }, i) =>
          details[i]?.formula === undefined ? [] : [`${row}:${column}`],
        ),
      );
      return typedOverOnSheet(values, signatures, (row, column) =>
        formulas.has(`${row}:${column}`),
      );
    },
    readComments: (name) => port.readComments(name),
    readCellDetails: (name, cells) => port.readCellDetails(name, cells),
    // Excel takes the sheets whole (the write measures every request before sending it), built one
    // slice of the page's time after another.
    writeSheets: async (sheets, _previous, options) => {
      last = null;
      const slices = new TurnSlicer();
      const models: SheetModel[] = [];
      for (const sheet of sheets) {
        models.push(sheetOf(sheet));
        await slices.pause();
      }
      return port.writeSheets(models, options);
    },
  };
}
