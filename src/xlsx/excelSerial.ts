/** Milliseconds in a day. */
const DAY_MS = 86_400_000;
/** Days from Excel's 1899-12-30 epoch to the Unix epoch. */
const UNIX_EPOCH_SERIAL = 25_569;
/** Days from the 1900 date system's epoch to the 1904 one's. */
const DAYS_1904 = 1462;

/**
 * The Excel serial number (1900 date system, 1899-12-30 epoch) of a date, taken in UTC. Whole
 * days stay whole; times keep their fraction.
 * @example dateToSerial(new Date(Date.UTC(2026, 0, 1))) === 46023
 */
export function dateToSerial(date: Date): number {
  return timeToSerial(date.getTime());
}

/**
 * The Excel serial number of a time in milliseconds since 1970-01-01 UTC.
 * @example timeToSerial(Date.UTC(2026, 0, 1, 12)) === 46023.5
 */
export function timeToSerial(time: number): number {
  return time / DAY_MS + UNIX_EPOCH_SERIAL;
}

/**
 * The time in milliseconds since 1970-01-01 UTC of an Excel serial number, rounded to the
 * millisecond; from 1904-01-01 in a workbook using the 1904 date system.
 * @example serialToTime(46023.5, false) === Date.UTC(2026, 0, 1, 12)
 */
export function serialToTime(serial: number, date1904: boolean): number {
  // Multiplied step by step, as ExcelJS did: the same serial gives the same millisecond.
  return Math.round((serial - UNIX_EPOCH_SERIAL + (date1904 ? DAYS_1904 : 0)) * 24 * 3600 * 1000);
}
