import type { CellValue } from "../grid";
import { classifyTotalLabel } from "./classifyTotalLabel";
import { daysInMonth } from "./calendarDate";
import { excelSerialToDate, PLAUSIBLE_SERIAL_MAX, PLAUSIBLE_SERIAL_MIN } from "./excelSerialToDate";
import { isDateFormat } from "./isDateFormat";
import { parseDateText } from "./parseDateText";
import { yearMonthNumber } from "./yearMonthNumber";

/** Month headers are short; longer text is a title or a note. */
const MONTH_HEADER_LIMIT = 40;

/**
 * The year and month a header cell of a wide history names, or `null` when it is no month: a
 * date-formatted serial; a serial on the first or last day of a month when the grid gives no
 * format; a `yyyymm` number; or text such as `2023-01`, `2023/1`, `Jan 2023`, `January 2023`,
 * `2023年1月`. Totals (`Total`, `合计`, `总计`) are never months.
 * @example parseMonthHeader("2023年1月", undefined) → { year: 2023, month: 1 };
 *          parseMonthHeader(44927, "mmm-yy") → { year: 2023, month: 1 }
 */
export function parseMonthHeader(
  value: CellValue,
  numberFormat: string | undefined,
): { year: number; month: number } | null {
  if (typeof value === "number") {
    if (isDateFormat(numberFormat)) {
      const date = excelSerialToDate(value);
      return date && { year: date.year, month: date.month };
    }
    if (
      numberFormat === undefined &&
      Number.isInteger(value) &&
      value >= PLAUSIBLE_SERIAL_MIN &&
      value <= PLAUSIBLE_SERIAL_MAX
    ) {
      const date = excelSerialToDate(value);
      const edgeOfMonth =
        date && (date.day === 1 || date.day === daysInMonth(date.year, date.month));
      return date && edgeOfMonth ? { year: date.year, month: date.month } : null;
    }
    return yearMonthNumber(value);
  }
  if (typeof value !== "string" || value.length > MONTH_HEADER_LIMIT * 4) return null;
  const text = value.trim();
  if (text === "" || text.length > MONTH_HEADER_LIMIT || classifyTotalLabel(text)) return null;
  const date = parseDateText(text, "month-first");
  return date && { year: date.year, month: date.month };
}
