/**
 * The year and month of a `yyyymm` number (202403), or `null` when it is not one.
 * @example yearMonthNumber(202403) → { year: 2024, month: 3 }; yearMonthNumber(202413) === null
 */
export function yearMonthNumber(value: number): { year: number; month: number } | null {
  if (!Number.isInteger(value) || value < 190001 || value > 999912) return null;
  const month = value % 100;
  return month >= 1 && month <= 12 ? { year: Math.floor(value / 100), month } : null;
}
