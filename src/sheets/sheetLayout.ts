import type { SheetModel } from "./sheetModel";

/**
 * Consecutive rows that hold generated cells in the same columns: `rows` rows from `row`, each
 * with cells in the inclusive column ranges `columns`. A sheet's layout is its runs, top to bottom.
 */
export type LayoutRun = { row: number; rows: number; columns: [number, number][] };

/**
 * Which cells a generation wrote on a sheet, remembered in the plan store so the next one can tell
 * the plan's cells from what users typed beside, below or between them. A plan of a million rows
 * takes a handful of runs: rows of the same shape share one.
 */
export type SheetLayout = LayoutRun[];

/** The column ranges a row's written cells fall into, gaps between them left out. */
function rangesOf(row: readonly unknown[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (let c = 0; c < row.length; c++) {
    if (row[c] === null || row[c] === undefined) continue;
    const last = ranges[ranges.length - 1];
    if (last && last[1] === c - 1) last[1] = c;
    else ranges.push([c, c]);
  }
  return ranges;
}

function sameRanges(a: readonly [number, number][], b: readonly [number, number][]): boolean {
  return a.length === b.length && a.every(([x, y], i) => x === b[i][0] && y === b[i][1]);
}

/**
 * The layout of a sheet model: every cell it writes (a cell with a value, a formula or only a look
 * — an empty input cell is the plan's too), except those `skip` names (cells a regeneration put
 * back for the user, which stay the user's).
 * @example layoutOf({ name: "S", kind: "summary", rows: [[{ value: "T" }], [], [{ value: 1 }, { value: 2 }]] })
 *   → [{ row: 0, rows: 1, columns: [[0, 0]] }, { row: 2, rows: 1, columns: [[0, 1]] }]
 */
export function layoutOf(
  model: Pick<SheetModel, "rows">,
  skip?: (row: number, column: number) => boolean,
): SheetLayout {
  const runs: SheetLayout = [];
  model.rows.forEach((cells, r) => {
    const row = skip ? cells.map((cell, c) => (cell && !skip(r, c) ? cell : null)) : cells;
    const columns = rangesOf(row);
    if (columns.length === 0) return;
    const last = runs[runs.length - 1];
    if (last && last.row + last.rows === r && sameRanges(last.columns, columns)) last.rows++;
    else runs.push({ row: r, rows: 1, columns });
  });
  return runs;
}

/**
 * A layout as the plan store read it back, or null when it is not one (a store edited by hand):
 * runs in row order that do not overlap, with column ranges in order.
 * @example parseLayout([{ row: 0, rows: 2, columns: [[0, 3]] }])?.length === 1
 */
export function parseLayout(value: unknown): SheetLayout | null {
  if (!Array.isArray(value)) return null;
  let next = 0;
  const runs: SheetLayout = [];
  for (const run of value as unknown[]) {
    if (typeof run !== "object" || run === null) return null;
    const { row, rows, columns } = run as Record<string, unknown>;
    if (!isIndex(row) || !isIndex(rows) || rows < 1 || row < next) return null;
    if (!Array.isArray(columns)) return null;
    let after = 0;
    const ranges: [number, number][] = [];
    for (const range of columns as unknown[]) {
      if (!Array.isArray(range) || range.length !== 2) return null;
      const [first, last] = range as unknown[];
      if (!isIndex(first) || !isIndex(last) || first < after || last < first) return null;
      ranges.push([first, last]);
      after = last + 1;
    }
    runs.push({ row, rows, columns: ranges });
    next = row + rows;
  }
  return runs;
}

function isIndex(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0;
}

/**
 * A test of whether a cell is one a layout wrote, for cells asked in any order (a binary search
 * over the runs).
 * @example insideLayout([{ row: 2, rows: 10, columns: [[0, 4]] }])(5, 4) === true
 */
export function insideLayout(layout: SheetLayout): (row: number, column: number) => boolean {
  return (row, column) => {
    let low = 0;
    let high = layout.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const run = layout[middle];
      if (row < run.row) high = middle - 1;
      else if (row >= run.row + run.rows) low = middle + 1;
      else return run.columns.some(([first, last]) => column >= first && column <= last);
    }
    return false;
  };
}
