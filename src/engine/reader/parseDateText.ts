import { calendarDate, type CalendarDate } from "./calendarDate";
import { monthFromName } from "./monthFromName";

/** How a `03/04/2024`-style date is read: month first (en-US) or day first. */
export type DayOrder = "month-first" | "day-first";

/** Texts longer than this are not dates. */
const DATE_TEXT_LIMIT = 60;

/** A trailing time of day, with optional seconds, fraction, AM/PM and time zone. */
const WITH_TIME =
  /^(.*?)(?:(?:\s*t\s*|\s+)\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:[ap]\.?m\.?)?\s*(?:z|utc|gmt|[+-]\d{2}(?::?\d{2})?)?)?$/i;

const AMBIGUOUS = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})$/;

/** A two-digit year as Excel reads it: 00–29 are 2000s, 30–99 are 1900s. */
function fullYear(digits: string): number {
  const year = Number(digits);
  if (digits.length > 2) return year;
  return year < 30 ? 2000 + year : 1900 + year;
}

/** The date part of a date text: normalised (full-width digits), trimmed, lower case, no time. */
function datePart(text: string): string | null {
  if (text.length > DATE_TEXT_LIMIT * 4) return null;
  const normalized = text.normalize("NFKC").trim().toLowerCase();
  if (normalized === "" || normalized.length > DATE_TEXT_LIMIT) return null;
  const match = WITH_TIME.exec(normalized);
  return match ? match[1].trim() : normalized;
}

/**
 * The two leading numbers of a `03/04/2024`-style date, whose order only the other values of
 * the column can tell; `null` for any other text.
 * @example ambiguousDateParts("03/04/2024") → { first: 3, second: 4 }; ambiguousDateParts("2024-03-04") === null
 */
export function ambiguousDateParts(text: string): { first: number; second: number } | null {
  const part = datePart(text);
  const match = part === null ? null : AMBIGUOUS.exec(part);
  return match ? { first: Number(match[1]), second: Number(match[3]) } : null;
}

function fromMonthName(year: number, name: string, day = 1): CalendarDate | null {
  const month = monthFromName(name);
  return month === null ? null : calendarDate(year, month, day);
}

/**
 * A date typed as text, in the forms sales sheets use: `2024-03-15`, `2024/3/15`, `2024.3.15`,
 * `2024年3月15日`, `2024-03`, `2024年3月`, `202403`, `Mar 2024`, `Mar-24`, `15-Mar-2024`,
 * `March 15, 2024`, ISO with a time, and `03/04/2024` read in `order`. Month-only forms give day 1.
 * @example parseDateText("2024年3月15日") → { year: 2024, month: 3, day: 15 };
 *          parseDateText("03/04/2024", "day-first")?.month === 4
 */
export function parseDateText(text: string, order: DayOrder = "month-first"): CalendarDate | null {
  const s = datePart(text);
  if (s === null) return null;
  let m: RegExpExecArray | null;

  if ((m = /^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})$/.exec(s))) {
    return calendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  if ((m = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/.exec(s))) {
    return calendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  if ((m = /^(\d{4})\s*年\s*(\d{1,2})\s*月份?$/.exec(s))) {
    return calendarDate(Number(m[1]), Number(m[2]), 1);
  }
  if ((m = /^(\d{4})\s*[-/.]\s*(\d{1,2})$/.exec(s))) {
    return calendarDate(Number(m[1]), Number(m[2]), 1);
  }
  if ((m = /^(\d{4})(\d{2})(\d{2})?$/.exec(s))) {
    return calendarDate(Number(m[1]), Number(m[2]), m[3] === undefined ? 1 : Number(m[3]));
  }
  if ((m = AMBIGUOUS.exec(s))) {
    const first = Number(m[1]);
    const second = Number(m[3]);
    const year = fullYear(m[4]);
    return order === "day-first"
      ? calendarDate(year, second, first)
      : calendarDate(year, first, second);
  }
  if ((m = /^([a-z]{3,9})\.?[\s,/-]*(\d{4})$/.exec(s))) {
    return fromMonthName(Number(m[2]), m[1]);
  }
  if ((m = /^([a-z]{3,9})\.?[\s/'’-]+(\d{2})$/.exec(s))) {
    return fromMonthName(fullYear(m[2]), m[1]);
  }
  if ((m = /^(\d{4})[\s/.-]*([a-z]{3,9})\.?$/.exec(s))) {
    return fromMonthName(Number(m[1]), m[2]);
  }
  if ((m = /^(\d{1,2})[\s/.-]*([a-z]{3,9})\.?[\s/.,-]*(\d{4}|\d{2})$/.exec(s))) {
    return fromMonthName(fullYear(m[3]), m[2], Number(m[1]));
  }
  if ((m = /^([a-z]{3,9})\.?\s*(\d{1,2})(?:st|nd|rd|th)?\s*,?\s+(\d{4})$/.exec(s))) {
    return fromMonthName(Number(m[3]), m[1], Number(m[2]));
  }
  if ((m = /^(\d{4})[\s/.-]*([a-z]{3,9})\.?[\s/.-]*(\d{1,2})$/.exec(s))) {
    return fromMonthName(Number(m[1]), m[2], Number(m[3]));
  }
  return null;
}
