import type { SheetModel } from "./sheetModel";

/**
 * Consecutive rows that hold generated cells in the same columns: `rows` rows from `row`, each
 * with cells in the inclusive column ranges `columns`.
 */
export type LayoutRun = { row: number; rows: number; columns: [number, number][] };

/**
 * Runs that repeat: `runs` (their rows counted from `row`) written `times` times, `every` rows
 * apart — a tracking sheet's block of rows per rep, a thousand reps long, is one block.
 */
export type LayoutBlock = { row: number; every: number; times: number; runs: LayoutRun[] };

/**
 * Which cells a generation wrote on a sheet, remembered in the plan store so the next one can tell
 * the plan's cells from what users typed beside, below or between them: blocks top to bottom. A
 * plan of a million rows takes a handful: rows of the same shape share a run, and a pattern of
 * runs that repeats shares a block.
 */
export type SheetLayout = LayoutBlock[];

/** Most runs one repeating pattern may hold. */
const MAX_PATTERN = 8;

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

function sameRun(a: LayoutRun, b: LayoutRun, shift: number): boolean {
  return a.row + shift === b.row && a.rows === b.rows && sameRanges(a.columns, b.columns);
}

/** Runs folded into blocks wherever a pattern of up to `MAX_PATTERN` runs repeats. */
function intoBlocks(runs: readonly LayoutRun[]): SheetLayout {
  const blocks: SheetLayout = [];
  let i = 0;
  while (i < runs.length) {
    let best = { size: 1, times: 1, every: 0 };
    for (let size = 1; size <= MAX_PATTERN && i + size < runs.length; size++) {
      const every = runs[i + size].row - runs[i].row;
      let times = 1;
      while (
        i + (times + 1) * size <= runs.length &&
        runs
          .slice(i, i + size)
          .every((run, k) => sameRun(run, runs[i + times * size + k], times * every))
      ) {
        times++;
      }
      if (times > 1 && times * size > best.times * best.size) best = { size, times, every };
    }
    const first = runs[i].row;
    blocks.push({
      row: first,
      every: best.every,
      times: best.times,
      runs: runs.slice(i, i + best.size).map((run) => ({ ...run, row: run.row - first })),
    });
    i += best.size * best.times;
  }
  return blocks;
}

/**
 * The layout of a sheet model: every cell it writes (a cell with a value, a formula or only a look
 * — an empty input cell is the plan's too), except those `skip` names (cells a regeneration put
 * back for the user, which stay the user's).
 * @example layoutOf({ name: "S", kind: "summary", rows: [[{ value: "T" }], [], [{ value: 1 }, { value: 2 }]] })
 *   → [{ row: 0, every: 0, times: 1, runs: [{ row: 0, rows: 1, columns: [[0, 0]] }] },
 *      { row: 2, every: 0, times: 1, runs: [{ row: 0, rows: 1, columns: [[0, 1]] }] }]
 */
export function layoutOf(
  model: Pick<SheetModel, "rows">,
  skip?: (row: number, column: number) => boolean,
): SheetLayout {
  const runs: LayoutRun[] = [];
  model.rows.forEach((cells, r) => {
    const row = skip ? cells.map((cell, c) => (cell && !skip(r, c) ? cell : null)) : cells;
    const columns = rangesOf(row);
    if (columns.length === 0) return;
    const last = runs[runs.length - 1];
    if (last && last.row + last.rows === r && sameRanges(last.columns, columns)) last.rows++;
    else runs.push({ row: r, rows: 1, columns });
  });
  return intoBlocks(runs);
}

/** The first row after a block. */
function blockEnd(block: LayoutBlock): number {
  const last = block.runs[block.runs.length - 1];
  return block.row + block.every * (block.times - 1) + last.row + last.rows;
}

/**
 * A layout as the plan store read it back, or null when it is not one (a store edited by hand):
 * blocks in row order that do not overlap, each with runs in order within one repetition.
 * @example parseLayout([{ row: 0, every: 0, times: 1, runs: [{ row: 0, rows: 2, columns: [[0, 3]] }] }])?.length === 1
 */
export function parseLayout(value: unknown): SheetLayout | null {
  if (!Array.isArray(value)) return null;
  let next = 0;
  const blocks: SheetLayout = [];
  for (const item of value as unknown[]) {
    if (typeof item !== "object" || item === null) return null;
    const { row, every, times, runs } = item as Record<string, unknown>;
    if (!isIndex(row) || row < next || !isIndex(every) || !isIndex(times) || times < 1) return null;
    if (!Array.isArray(runs) || runs.length === 0) return null;
    const parsed = parseRuns(runs as unknown[]);
    if (!parsed) return null;
    const block = { row, every, times, runs: parsed };
    const span = blockEnd({ ...block, row: 0, times: 1 });
    if (times > 1 && every < span) return null;
    blocks.push(block);
    next = blockEnd(block);
  }
  return blocks;
}

function parseRuns(value: readonly unknown[]): LayoutRun[] | null {
  let next = 0;
  const runs: LayoutRun[] = [];
  for (const run of value) {
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
 * over the blocks, then the repetition the row falls in).
 * @example insideLayout(layoutOf(model))(5, 4) === (model.rows[5]?.[4] != null)
 */
export function insideLayout(layout: SheetLayout): (row: number, column: number) => boolean {
  const ends = layout.map(blockEnd);
  return (row, column) => {
    let low = 0;
    let high = layout.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const block = layout[middle];
      if (row < block.row) high = middle - 1;
      else if (row >= ends[middle]) low = middle + 1;
      else {
        const offset = row - block.row;
        const repetition =
          block.times > 1 ? Math.min(Math.floor(offset / block.every), block.times - 1) : 0;
        const r = offset - repetition * block.every;
        const run = block.runs.find(
          (candidate) => r >= candidate.row && r < candidate.row + candidate.rows,
        );
        return (
          run !== undefined &&
          run.columns.some(([first, last]) => column >= first && column <= last)
        );
      }
    }
    return false;
  };
}
