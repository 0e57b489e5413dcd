import { columnLetters } from "../engine/address";

/**
 * A1 address of a block by zero-based corners (inclusive); a single cell is `B3`.
 * @example blockAddress(0, 0, 4999, 7) === "A1:H5000"
 */
export function blockAddress(top: number, left: number, bottom: number, right: number): string {
  const first = `${columnLetters(left)}${top + 1}`;
  const last = `${columnLetters(right)}${bottom + 1}`;
  return first === last ? first : `${first}:${last}`;
}

/**
 * Whole columns `first…last` (zero-based), e.g. for column widths.
 * @example columnsAddress(1, 12) === "B:M"
 */
export function columnsAddress(first: number, last: number): string {
  return `${columnLetters(first)}:${columnLetters(last)}`;
}

/**
 * Whole rows `first…last` (zero-based).
 * @example rowsAddress(4, 6) === "5:7"
 */
export function rowsAddress(first: number, last: number): string {
  return `${first + 1}:${last + 1}`;
}

/**
 * Runs of consecutive indexes, e.g. hidden rows, as [first, last] pairs.
 * @example consecutiveRuns([5, 1, 2, 3]) → [[1, 3], [5, 5]]
 */
export function consecutiveRuns(indexes: readonly number[]): [number, number][] {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const index of sorted) {
    const last = runs[runs.length - 1];
    if (last && index === last[1] + 1) last[1] = index;
    else runs.push([index, index]);
  }
  return runs;
}
