/** A calendar date; only year and month matter downstream, the day is kept for checks. */
export type CalendarDate = { year: number; month: number; day: number };

/** Earliest and latest years a history date may have (Excel's own range). */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 9999;

/**
 * Days in a month of the Gregorian calendar.
 * @example daysInMonth(2024, 2) === 29; daysInMonth(1900, 2) === 28
 */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The date for a year, month and day when all three make a real date in Excel's range.
 * @example calendarDate(2024, 2, 30) === null; calendarDate(2024, 3, 15)?.month === 3
 */
export function calendarDate(year: number, month: number, day: number): CalendarDate | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}
