import type { CellValue } from "../grid";
import { FIRST_YEAR, LAST_YEAR } from "./calendarDate";
import { isDateFormat } from "./isDateFormat";
import { monthFromName } from "./monthFromName";

const CHINESE_MONTHS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];

/**
 * The month (1…12) in a month-of-year cell of a history that keeps year and month in two
 * columns: `3`, `"03"`, `"3月"`, `"三月"`, `"Mar"`, `"March"`; `null` otherwise (and for
 * date-formatted numbers, which are whole dates).
 * @example monthOfYearCell("3月", undefined) === 3; monthOfYearCell(13, undefined) === null
 */
export function monthOfYearCell(value: CellValue, numberFormat: string | undefined): number | null {
  if (typeof value === "number") {
    if (isDateFormat(numberFormat)) return null;
    return Number.isInteger(value) && value >= 1 && value <= 12 ? value : null;
  }
  if (typeof value !== "string" || value.length > 40) return null;
  const text = value.normalize("NFKC").trim().toLowerCase();
  const digits = /^(\d{1,2})\s*月?份?$/.exec(text);
  if (digits) {
    const month = Number(digits[1]);
    return month >= 1 && month <= 12 ? month : null;
  }
  const chinese = /^(.{1,2})月份?$/.exec(text);
  if (chinese) {
    const index = CHINESE_MONTHS.indexOf(chinese[1]);
    return index >= 0 ? index + 1 : null;
  }
  return /^[a-z]{3,9}\.?$/.test(text) ? monthFromName(text) : null;
}

/**
 * The year in a year cell: `2024`, `"2024"`, `"2024年"`, `"FY2024"`; `null` otherwise.
 * @example yearCell("2024年") === 2024; yearCell(24) === null
 */
export function yearCell(value: CellValue): number | null {
  let year: number | null = null;
  if (typeof value === "number") year = value;
  else if (typeof value === "string" && value.length <= 40) {
    const match = /^(?:fy\s*)?(\d{4})\s*年?度?$/i.exec(value.normalize("NFKC").trim());
    year = match ? Number(match[1]) : null;
  }
  return year !== null && Number.isInteger(year) && year >= FIRST_YEAR && year <= LAST_YEAR
    ? year
    : null;
}
