/**
 * Grids of up to this many cells are kept whole however sparse: their values and number formats
 * take about 64 MB.
 */
export const WHOLE_GRID_CELLS = 4_000_000;
/** A larger grid is kept whole while it has at most this many cells per cell holding something. */
export const CELLS_PER_DATA_CELL = 4;
/** Past this many empty columns after the data, what lies further right is not the data. */
export const COLUMN_GAP = 256;
/** Past this many empty rows after the data, what lies further down is not the data. */
export const ROW_GAP = 10_000;

/**
 * Where a sheet's cells holding something are (zero-based): each row holding one, with its
 * leftmost such column, in row order; the distinct columns, in order; and how many cells.
 */
export type CellSurvey = {
  rows: readonly { row: number; first: number }[];
  columns: readonly number[];
  cells: number;
};

/** The grid kept from A1, in rows and columns. */
export type Extent = { height: number; width: number };

/** The end (exclusive) of the first run of indexes whose gaps stay within `gap` empty ones. */
function firstRunEnd(sorted: readonly number[], gap: number): number {
  let end = sorted[0] + 1;
  for (let i = 1; i < sorted.length && sorted[i] - end <= gap; i++) end = sorted[i] + 1;
  return end;
}

/**
 * How much of a sheet, from A1, is its data. The whole used range, unless that would be far
 * larger than what it holds — one stray cell at XFD1048576 makes a 17-billion-cell rectangle —:
 * then the data ends where more than 256 empty columns or 10,000 empty rows follow it, and if the
 * grid is still too large for what it holds, after as many rows as fit. Memory is then bounded by
 * the cells holding something, not by the sheet's extent; the caller says what was left out.
 * @example dataExtent({ rows: [{ row: 0, first: 0 }, { row: 1048575, first: 16383 }], columns: [0, 16383], cells: 2 }) → { height: 1, width: 1 }
 */
export function dataExtent(survey: CellSurvey): Extent {
  const { rows, columns, cells } = survey;
  if (cells === 0 || rows.length === 0 || columns.length === 0) return { height: 0, width: 0 };
  const budget = Math.max(WHOLE_GRID_CELLS, CELLS_PER_DATA_CELL * cells);
  const full = { height: rows[rows.length - 1].row + 1, width: columns[columns.length - 1] + 1 };
  if (full.height * full.width <= budget) return full;
  const width = firstRunEnd(columns, COLUMN_GAP);
  const kept = rows.filter((r) => r.first < width).map((r) => r.row);
  if (kept.length === 0) return { height: 0, width: 0 };
  const height = Math.min(firstRunEnd(kept, ROW_GAP), Math.max(1, Math.floor(budget / width)));
  return { height, width };
}
