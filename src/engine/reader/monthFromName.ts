const MONTH_NAMES = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
] as const;

/**
 * The month (1…12) an English month name or its abbreviation of three letters or more names.
 * @example monthFromName("Sept") === 9; monthFromName("mar.") === 3; monthFromName("Ma") === null
 */
export function monthFromName(name: string): number | null {
  const text = name.toLowerCase().replace(/\.$/, "");
  if (text.length < 3 || text.length > 9) return null;
  const index = MONTH_NAMES.findIndex((full) => full.startsWith(text));
  return index >= 0 ? index + 1 : null;
}
