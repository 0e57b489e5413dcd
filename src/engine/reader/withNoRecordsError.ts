import { fromA1 } from "../address";
import type { HistoryReadResult, SkippedRow } from "../history";

/**
 * Sheet rows the skipped entries stand for: a run of blank rows (one entry) counts each of its
 * rows, and a row skipped for two reasons once.
 * @example skippedRowCount([{ sheet: "S", cell: "A5", code: "blank-row", params: { rows: 2 } }]) === 2
 */
export function skippedRowCount(skipped: readonly SkippedRow[]): number {
  const rows = new Set<number>();
  for (const skip of skipped) {
    const first = fromA1(skip.cell)?.row;
    if (first === undefined) continue;
    const run =
      skip.code === "blank-row" && typeof skip.params.rows === "number" ? skip.params.rows : 1;
    for (let row = first; row < first + run; row++) rows.add(row);
  }
  return rows.size;
}

/**
 * A history read as it is when it holds a record or already has an error; else the same read
 * with the error `no-records`, so that no plan is ever made from nothing: it counts the rows
 * skipped and carries the first one's cell and reason (`first.*` its parameters), or says the
 * header has no rows below it. The skipped rows and notes stay, for the user to go through.
 * @example withNoRecordsError(readOfHeaderOnlyCsv).error?.code === "no-records"
 */
export function withNoRecordsError(read: HistoryReadResult): HistoryReadResult {
  if (read.error || read.records.length > 0) return read;
  const params: Record<string, string | number> = {
    sheet: read.sheet,
    layout: read.layout,
    skipped: skippedRowCount(read.skipped),
  };
  const first = read.skipped[0];
  if (first) {
    params.firstCell = first.cell;
    params.firstCode = first.code;
    for (const [key, value] of Object.entries(first.params)) params[`first.${key}`] = value;
  }
  return { ...read, error: { code: "no-records", params } };
}
