export { createExcelPort, type ExcelPortOptions } from "./createExcelPort";
export type {
  ExcelHost,
  ExcelPort,
  ExcelPortErrorCode,
  ExcelWriteReport,
  HistorySource,
  Progress,
  RunOptions,
  WorkbookOutline,
} from "./excelPort";
export { ExcelPortError, type ExcelPortErrorParams } from "./excelPortError";
export { detectExcelFeatures, type ExcelFeatures, type IsSetSupported } from "./excelFeatures";
export { CELL_LOOKS, type CellLook } from "./cellLooks";
export { GENERATED_TAG } from "./workbookInventory";
