import type { SheetMark } from "../sheets/generatedMark";
import type { PlanStore } from "../sheets/planStoreSheet";
import type { CellValue } from "../engine/grid";
import type { GeneratedSheet } from "../sheets/planStoreSheet";
import type { LazySheet } from "../sheets/sheetModel";
import type { TypedOverCell } from "../sheets/sheetSignatures";
import type { CellDetails, SheetComment } from "../sheets/userEdits";

/** Progress of a long read or write, block by block. */
export type FlowProgress = { phase: "read" | "write"; done: number; total: number };

/** Cancelling and progress, for a port that works in blocks (the Excel port); a file ignores them. */
export type FlowOptions = {
  signal?: AbortSignal;
  onProgress?: (progress: FlowProgress) => void;
};

/**
 * A workbook as the planning workflow sees it, whichever holds it: a file (`src/xlsx`) or the
 * workbook open in Excel (`src/excel`). `Report` is what the port's write says it did.
 */
export type WorkbookPort<Report> = {
  /** The plan store (plan and registry of generated sheets), or null when the workbook has none. */
  readPlanStore(): Promise<PlanStore | null>;
  /** Every sheet's name, in tab order. */
  sheetNames(): Promise<string[]>;
  /** Every sheet's generated-sheet mark (kind, and member where the port knows it), or null. */
  sheetMarks(): Promise<{ name: string; mark: SheetMark | null }[]>;
  /** The comments (notes) on a sheet's cells; rewriting a generated sheet cannot keep them there. */
  readComments(name: string): Promise<SheetComment[]>;
  /**
   * The formula and number format of some cells of a sheet (cells users typed around the plan's),
   * in the order asked.
   */
  readCellDetails(
    name: string,
    cells: readonly { row: number; column: number }[],
  ): Promise<CellDetails[]>;
  /** A sheet's values placed from A1, as the workbook holds them now; null when it is gone. */
  readSheetValues(name: string, options: FlowOptions): Promise<CellValue[][] | null>;
  /**
   * The generated cells users typed over on a sheet whose rows carry signatures in column
   * `signatures` (`signRows`), with what each holds now, top to bottom; none when it is gone.
   * Asked right after `readSheetValues` of the same sheet.
   */
  readTypedOver(name: string, signatures: number, options: FlowOptions): Promise<TypedOverCell[]>;
  /**
   * Writes the sheets, in order (the plan store among them); `previous` is the registry of the
   * sheets an earlier generation wrote, which the write may rewrite or remove.
   */
  writeSheets(
    sheets: readonly LazySheet[],
    previous: readonly GeneratedSheet[],
    options: FlowOptions,
  ): Promise<Report>;
};
