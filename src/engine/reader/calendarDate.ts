/** A calendar date; only year and month matter downstream, the day is kept for checks. */
export type CalendarDate = { year: number; month: number; day: number };

/**
 * Earliest year a history date may have (Excel's own range starts in 1900).
 * @example calendarDate(FIRST_YEAR - 1, 12, 31) === null
 */
export const FIRST_YEAR = 1900;
/**
 * Latest year a history date may have (Excel's own range ends in 9999).
 * @example calendarDate(LAST_YEAR, 12, 31)?.year === 9999
 */
export const LAST_YEAR = 9999;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Days in a month of the Gregorian calendar.
 * @example daysInMonth(2024, 2) === 29; daysInMonth(1900, 2) === 28
 */
export function daysInMonth(year: number, month: number): number {
  if (month !== 2) return MONTH_DAYS[month - 1];
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
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
