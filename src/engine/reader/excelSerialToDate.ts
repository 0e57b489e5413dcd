import type { CalendarDate } from "./calendarDate";

/**
 * Serials of plausible sales dates (1954…2119): a number in this range in a date column is read
 * as a date even without a date format.
 * @example PLAUSIBLE_SERIAL_MIN <= 45366 && 45366 <= PLAUSIBLE_SERIAL_MAX
 */
export const PLAUSIBLE_SERIAL_MIN = 20000;
/**
 * Upper end of the plausible serial range (see `PLAUSIBLE_SERIAL_MIN`).
 * @example excelSerialToDate(PLAUSIBLE_SERIAL_MAX)?.year === 2119
 */
export const PLAUSIBLE_SERIAL_MAX = 80000;

/** Serial of 31 Dec 9999, the last date Excel shows. */
const LAST_SERIAL = 2958465;

/**
 * The calendar date of an Excel date serial (1900 date system); the time of day is dropped.
 * Serial 60 is Excel's nonexistent 29 Feb 1900; serials 1…59 count from 31 Dec 1899 and serials
 * from 61 on from 30 Dec 1899, which is how Excel shows them. `null` outside 1…31 Dec 9999.
 * @example excelSerialToDate(45366) → { year: 2024, month: 3, day: 15 };
 *          excelSerialToDate(60) → { year: 1900, month: 2, day: 29 }
 */
export function excelSerialToDate(serial: number): CalendarDate | null {
  if (!Number.isFinite(serial)) return null;
  const day = Math.floor(serial);
  if (day < 1 || day > LAST_SERIAL) return null;
  if (day === 60) return { year: 1900, month: 2, day: 29 };
  const date = new Date(Date.UTC(1899, 11, (day < 60 ? 31 : 30) + day));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}
