import type ExcelJS from "exceljs";
import type { CellValue } from "../../src/engine/grid";
import { dateToSerial } from "../../src/xlsx/excelSerial";

/**
 * A cell's value, as ExcelJS reads it, in the shape Excel's `range.values` gives it: dates as serial numbers, a formula's cached
 * result, rich text and hyperlinks as their plain text, error values as their text (`"#N/A"`).
 * Empty text and a formula without a cached result are blank (`null`).
 * @example toGridValue({ formula: "SUM(A1:A2)", result: 7 }) === 7
 */
export function toGridValue(
  value: ExcelJS.CellValue | ExcelJS.CellFormulaValue["result"],
): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string") return value === "" ? null : value;
  if (typeof value === "boolean") return value;
  if (value instanceof Date) return dateToSerial(value);
  if ("error" in value) return value.error;
  if ("richText" in value) return richTextToString(value.richText);
  if ("hyperlink" in value) return plainText(value.text as unknown);
  if ("formula" in value || "sharedFormula" in value) return toGridValue(value.result);
  return null;
}

/** True when a cell's value (or its formula's cached result) is a date. */
export function isDateValue(value: ExcelJS.CellValue): boolean {
  if (value instanceof Date) return true;
  return (
    typeof value === "object" &&
    value !== null &&
    ("formula" in value || "sharedFormula" in value) &&
    value.result instanceof Date
  );
}

/** The error text of an error value or of a formula whose cached result is an error. */
export function errorText(value: ExcelJS.CellValue): string | null {
  if (typeof value !== "object" || value === null || value instanceof Date) return null;
  if ("error" in value) return value.error;
  if ("formula" in value || "sharedFormula" in value) {
    const result = value.result;
    if (typeof result === "object" && result !== null && !(result instanceof Date)) {
      return "error" in result ? result.error : null;
    }
  }
  return null;
}

function richTextToString(runs: ExcelJS.RichText[]): string | null {
  const text = runs.map((run) => run.text ?? "").join("");
  return text === "" ? null : text;
}

// A hyperlink's text may itself be rich text when the file formats part of it.
function plainText(text: unknown): string | null {
  if (typeof text === "string") return text === "" ? null : text;
  if (typeof text === "object" && text !== null && "richText" in text) {
    return richTextToString((text as ExcelJS.CellRichTextValue).richText);
  }
  return text === null || text === undefined ? null : String(text);
}
