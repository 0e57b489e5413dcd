import { detectExcelFeatures, type IsSetSupported, officeIsSetSupported } from "./excelFeatures";
import type { ExcelHost, ExcelPort } from "./excelPort";
import { outlineWorkbook } from "./outlineWorkbook";
import { readHistoryInBlocks } from "./readHistoryInBlocks";
import { readCellDetails } from "./readCellDetails";
import { readPlanStoreValues } from "./readPlanStoreValues";
import { readSheetComments } from "./readSheetComments";
import { selectCell } from "./selectCell";
import { writeSheetModels } from "./writeSheetModels";

export type ExcelPortOptions = {
  /**
   * Which requirement sets the running Excel supports; default `Office.context.requirements
   * .isSetSupported` (only ExcelApi 1.4, the declared minimum, outside Office).
   */
  isSetSupported?: IsSetSupported;
};

/**
 * The Excel port over a host (`{ run: Excel.run }` in the add-in, the strict in-memory workbook
 * in tests). Every failure is an `ExcelPortError`. Optional features are checked on each call.
 * @example const port = createExcelPort({ run: (batch) => Excel.run(batch) });
 */
export function createExcelPort(host: ExcelHost, options: ExcelPortOptions = {}): ExcelPort {
  const features = () => detectExcelFeatures(options.isSetSupported ?? officeIsSetSupported());
  return {
    outline: () => outlineWorkbook(host, features()),
    readHistory: (source, runOptions) => readHistoryInBlocks(host, source, runOptions, features()),
    writeSheets: (models, runOptions) => writeSheetModels(host, features(), models, runOptions),
    readPlanStore: () => readPlanStoreValues(host),
    readComments: (sheet) => readSheetComments(host, features(), sheet),
    readCellDetails: (sheet, cells) => readCellDetails(host, sheet, cells),
    select: (sheet, address) => selectCell(host, sheet, address),
    writeIsOneUndoStep: () => features().undoGroup,
  };
}
