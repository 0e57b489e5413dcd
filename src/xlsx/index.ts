/** The file port: the only code that reads or writes files (.xlsx, .csv). */
export { decodeCsvBytes } from "./decodeCsvBytes";
export {
  FileAccessError,
  WorkbookWriteError,
  type FileAccessErrorCode,
  type UnkeepablePart,
  type WorkbookWriteErrorCode,
} from "./fileErrors";
export type { DroppedPart } from "./droppedParts";
export { parseCsv, detectDelimiter, type CsvDelimiter, type CsvRows } from "./parseCsv";
export { readHistoryFile, historyFileKind, type HistoryFileKind } from "./readHistoryFile";
export { readGeneratedSheets, type GeneratedSheetsRead } from "./readGeneratedSheets";
export { readSheetValues } from "./readSheetValues";
export type { SheetGrid, SheetState } from "./worksheetGrid";
export { writePlanWorkbook, type WritePlanOptions, type WritePlanReport } from "./writeWorkbook";
export { readTextFile, writeTextFileAtomic } from "./textFiles";
export { fileStamp, writeFileAtomic, type FileStamp } from "./writeFileAtomic";
export { openPlanWorkbookFile, type PlanWorkbookFile } from "./planWorkbookFile";
export { removeLeftoverTemporaries } from "./removeLeftoverTemporaries";
