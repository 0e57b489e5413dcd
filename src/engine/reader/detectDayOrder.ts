import { ambiguousDateParts, type DayOrder } from "./parseDateText";

/** Distinct texts remembered while counting. */
const MAX_DISTINCT = 100_000;

/** The order chosen for a column's `03/04/2024`-style dates and what it rests on. */
export type DayOrderDecision = {
  order: DayOrder;
  /** `values` when some value shows the order (a part above 12); `default` when none does. */
  basis: "values" | "default";
  /** A value of the column that shows the order, or the first ambiguous one. */
  example: string;
};

/**
 * Decides whether a column's `03/04/2024`-style dates are day first or month first: a first part
 * above 12 means day first, a second part above 12 month first, the majority wins when both
 * occur; when nothing tells, month first (en-US). `null` when no value has that form.
 * @example detectDayOrder(["03/04/2024", "25/04/2024"])?.order === "day-first"
 */
export function detectDayOrder(texts: Iterable<string>): DayOrderDecision | null {
  let firstAmbiguous: string | undefined;
  let dayFirst = 0;
  let monthFirst = 0;
  let dayFirstExample = "";
  let monthFirstExample = "";
  // Columns repeat their dates: each distinct text is looked at once, counted every time.
  const seen = new Map<string, ReturnType<typeof ambiguousDateParts>>();
  for (const text of texts) {
    let parts = seen.get(text);
    if (parts === undefined) {
      parts = ambiguousDateParts(text);
      if (seen.size < MAX_DISTINCT) seen.set(text, parts);
    }
    if (!parts) continue;
    firstAmbiguous ??= text.trim();
    if (parts.first > 12 && parts.second <= 12) {
      if (dayFirst++ === 0) dayFirstExample = text.trim();
    } else if (parts.second > 12 && parts.first <= 12) {
      if (monthFirst++ === 0) monthFirstExample = text.trim();
    }
  }
  if (firstAmbiguous === undefined) return null;
  if (dayFirst > monthFirst)
    return { order: "day-first", basis: "values", example: dayFirstExample };
  if (monthFirst > 0) return { order: "month-first", basis: "values", example: monthFirstExample };
  return { order: "month-first", basis: "default", example: firstAmbiguous };
}
