/** `Office.context.requirements.isSetSupported`, or a stand-in for tests. */
export type IsSetSupported = (name: string, version: string) => boolean;

/**
 * What the running Excel offers beyond the declared minimum, ExcelApi 1.4 — and charts, which the
 * minimum includes but are asked about all the same: without them the sheets are still written.
 */
export type ExcelFeatures = {
  /** ExcelApi 1.1: `worksheet.charts` (chart, title, name, position, series names). */
  charts: boolean;
  /** ExcelApi 1.7: `chartSeries.setValues` / `setXAxisValues`, a series tied to given cells. */
  chartSeriesRanges: boolean;
  /** ExcelApi 1.6: `range.conditionalFormats`. */
  conditionalFormats: boolean;
  /** ExcelApi 1.6: `application.suspendApiCalculationUntilNextSync`. */
  suspendCalculation: boolean;
  /** ExcelApi 1.7: `worksheet.freezePanes`. */
  freezePanes: boolean;
  /** ExcelApi 1.8: `range.dataValidation`. */
  dataValidation: boolean;
  /** ExcelApi 1.9: `application.suspendScreenUpdatingUntilNextSync`. */
  suspendScreenUpdating: boolean;
  /**
   * ExcelApi 1.9: `worksheet.pageLayout` — orientation, fit to pages, print area and titles,
   * headers and footers.
   */
  pageLayout: boolean;
  /** ExcelApi 1.10: `worksheet.comments`, moved to the sheet of the user's edits on a rewrite. */
  comments: boolean;
  /** ExcelApi 1.12: `worksheet.customProperties`, used to tag generated sheets. */
  customProperties: boolean;
  /** ExcelApi 1.13: `range.getMergedAreasOrNullObject`, the merged cells of a history. */
  mergedAreas: boolean;
  /** ExcelApi 1.20: `Excel.run({ mergeUndoGroup: true }, …)`, a whole run as one undo step. */
  undoGroup: boolean;
};

/**
 * The optional features, asked of the running Excel each time the port works.
 * @example detectExcelFeatures(() => false).freezePanes === false
 */
export function detectExcelFeatures(isSetSupported: IsSetSupported): ExcelFeatures {
  const has = (version: string) => isSetSupported("ExcelApi", version);
  return {
    charts: has("1.1"),
    chartSeriesRanges: has("1.7"),
    conditionalFormats: has("1.6"),
    suspendCalculation: has("1.6"),
    freezePanes: has("1.7"),
    dataValidation: has("1.8"),
    suspendScreenUpdating: has("1.9"),
    pageLayout: has("1.9"),
    comments: has("1.10"),
    customProperties: has("1.12"),
    mergedAreas: has("1.13"),
    undoGroup: has("1.20"),
  };
}

type OfficeRequirements = { isSetSupported(name: string, version?: string): boolean };

/**
 * Office's own requirement check when office.js is loaded; otherwise only the declared minimum
 * (ExcelApi 1.4) counts as supported.
 */
export function officeIsSetSupported(): IsSetSupported {
  const office = (globalThis as { Office?: { context?: { requirements?: OfficeRequirements } } })
    .Office;
  const requirements = office?.context?.requirements;
  if (requirements) return (name, version) => requirements.isSetSupported(name, version);
  return (name, version) => {
    const [major, minor] = version.split(".").map(Number);
    return name === "ExcelApi" && major === 1 && minor <= 4;
  };
}
