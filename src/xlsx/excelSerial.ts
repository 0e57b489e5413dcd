/** Milliseconds in a day. */
const DAY_MS = 86_400_000;
/** Days from Excel's 1899-12-30 epoch to the Unix epoch. */
const UNIX_EPOCH_SERIAL = 25_569;

/**
 * The Excel serial number (1900 date system, 1899-12-30 epoch) of a date read by ExcelJS, which
 * builds dates in UTC. Whole days stay whole; times keep their fraction.
 * @example dateToSerial(new Date(Date.UTC(2026, 0, 1))) === 46023
 */
export function dateToSerial(date: Date): number {
  return date.getTime() / DAY_MS + UNIX_EPOCH_SERIAL;
}
