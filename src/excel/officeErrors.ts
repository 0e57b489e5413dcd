import { ExcelPortError, type ExcelPortErrorParams } from "./excelPortError";

/** The parts of an Office.js error (`OfficeExtension.Error`) the port reads. */
type OfficeErrorLike = { code: string; message: string; debugInfo?: { errorLocation?: string } };

function isOfficeError(error: unknown): error is OfficeErrorLike {
  return (
    typeof error === "object" &&
    error !== null &&
    typeof (error as { code?: unknown }).code === "string" &&
    typeof (error as { message?: unknown }).message === "string"
  );
}

/**
 * Excel's error code of an error, or null when it is not one of Excel's.
 * @example excelErrorCode({ code: "ItemNotFound", message: "…" }) === "ItemNotFound"
 */
export function excelErrorCode(error: unknown): string | null {
  return isOfficeError(error) ? error.code : null;
}

/** Whether Excel refused a request or a response for its size. */
export function isPayloadTooLarge(error: unknown): boolean {
  const code = excelErrorCode(error);
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

/**
 * Any failure of a port call as an ExcelPortError: port errors pass through; Excel's become
 * `excel-error` with Excel's code, message and location, plus what the port was doing.
 * @example toExcelPortError({ code: "GeneralException", message: "…" }, { phase: "write" }).params.excelCode === "GeneralException"
 */
export function toExcelPortError(error: unknown, context: ExcelPortErrorParams): ExcelPortError {
  if (error instanceof ExcelPortError) return error;
  const params: ExcelPortErrorParams = { ...context };
  if (isOfficeError(error)) {
    params.excelCode = error.code;
    params.detail = error.message;
    const location = error.debugInfo?.errorLocation;
    if (location) params.location = location;
  } else {
    params.detail = error instanceof Error ? error.message : String(error);
  }
  return new ExcelPortError("excel-error", params, { cause: error });
}
