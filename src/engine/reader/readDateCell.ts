import type { CellValue } from "../grid";
import { calendarDate } from "./calendarDate";
import { isBlankCell } from "./cellText";
import { excelSerialToDate, PLAUSIBLE_SERIAL_MAX, PLAUSIBLE_SERIAL_MIN } from "./excelSerialToDate";
import { isDateFormat } from "./isDateFormat";
import { parseDateText, type DayOrder } from "./parseDateText";
import { yearMonthNumber } from "./yearMonthNumber";

/** How a number without a date format was read as a date. */
export type DateNumberKind = "serial" | "yyyymm" | "yyyymmdd";

/** The year and month of a date cell, or why there is none. */
export type DateCellReading =
  | { ok: true; year: number; month: number; assumed?: DateNumberKind }
  | { ok: false; reason: "missing" | "unreadable" };

const UNREADABLE: DateCellReading = { ok: false, reason: "unreadable" };

function fromNumber(value: number, numberFormat: string | undefined): DateCellReading {
  if (isDateFormat(numberFormat)) {
    const date = excelSerialToDate(value);
    return date ? { ok: true, year: date.year, month: date.month } : UNREADABLE;
  }
  if (value >= PLAUSIBLE_SERIAL_MIN && value <= PLAUSIBLE_SERIAL_MAX) {
    const date = excelSerialToDate(value);
    return date ? { ok: true, year: date.year, month: date.month, assumed: "serial" } : UNREADABLE;
  }
  const yearMonth = yearMonthNumber(value);
  if (yearMonth) return { ok: true, ...yearMonth, assumed: "yyyymm" };
  if (Number.isInteger(value) && value >= 19000101 && value <= 99991231) {
    const date = calendarDate(
      Math.floor(value / 10000),
      Math.floor(value / 100) % 100,
      value % 100,
    );
    if (date) return { ok: true, year: date.year, month: date.month, assumed: "yyyymmdd" };
  }
  return UNREADABLE;
}

/**
 * The year and month in a date cell of a long history: a date-formatted serial; a number in the
 * plausible serial range, `yyyymm` or `yyyymmdd` without a date format (flagged `assumed`); or
 * date text, `03/04/2024`-style read in `order`.
 * @example readDateCell(45366, "yyyy-mm-dd", "month-first") → { ok: true, year: 2024, month: 3 };
 *          readDateCell("", undefined, "month-first") → { ok: false, reason: "missing" }
 */
export function readDateCell(
  value: CellValue,
  numberFormat: string | undefined,
  order: DayOrder,
): DateCellReading {
  if (isBlankCell(value)) return { ok: false, reason: "missing" };
  if (typeof value === "number") return fromNumber(value, numberFormat);
  if (typeof value !== "string") return UNREADABLE;
  const date = parseDateText(value, order);
  return date ? { ok: true, year: date.year, month: date.month } : UNREADABLE;
}
