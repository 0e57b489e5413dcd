/**
 * True when an Excel number format shows a date (day, month or year), not a plain number or a
 * time of day. Quoted text, escapes, padding and `[...]` sections (colours, locales) are ignored;
 * elapsed-time formats (`[h]:mm`) are times; only the first section counts.
 * @example isDateFormat("yyyy-mm-dd") === true; isDateFormat("h:mm") === false;
 *          isDateFormat("#,##0.00") === false
 */
export function isDateFormat(format: string | undefined): boolean {
  if (!format || format.length > 200) return false;
  // A history's cells share a handful of formats: each is looked at once.
  let known = seen.get(format);
  if (known === undefined) {
    known = dateFormat(format);
    if (seen.size >= SEEN_FORMATS) seen.clear();
    seen.set(format, known);
  }
  return known;
}

/** Formats remembered by `isDateFormat`. */
const SEEN_FORMATS = 256;
const seen = new Map<string, boolean>();

function dateFormat(format: string): boolean {
  const firstSection = format
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/[_*]./g, "")
    .split(";")[0];
  if (/\[(?:h+|m+|s+)\]/i.test(firstSection)) return false;
  const tokens = firstSection.replace(/\[[^\]]*\]/g, "");
  if (/general/i.test(tokens)) return false;
  if (/[yd]/i.test(tokens)) return true;
  return /m/i.test(tokens.replace(/am\/pm|a\/p/gi, "")) && !/[hs]/i.test(tokens);
}
