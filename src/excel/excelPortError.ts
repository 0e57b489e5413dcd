import type { ExcelPortErrorCode } from "./excelPort";

/** Details of a port error: names, addresses, counts and Excel's own words. */
export type ExcelPortErrorParams = Record<string, string | number>;

/**
 * Why a port call failed: a code the task pane turns into words (English or Chinese) and the
 * params those words need. Excel's own failures arrive as `excel-error` with Excel's code and
 * message in params.
 * @example new ExcelPortError("sheet-name-taken", { sheet: "Allocation" }).code === "sheet-name-taken"
 */
export class ExcelPortError extends Error {
  override readonly name = "ExcelPortError";
  readonly code: ExcelPortErrorCode;
  readonly params: ExcelPortErrorParams;

  constructor(
    code: ExcelPortErrorCode,
    params: ExcelPortErrorParams = {},
    options?: { cause?: unknown },
  ) {
    const details = Object.entries(params)
      .map(([key, value]) => `${key}: ${value}`)
      .join("; ");
    super(details ? `${code} (${details})` : code, options);
    this.code = code;
    this.params = params;
  }
}
