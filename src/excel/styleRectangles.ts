import type { CellStyle, SheetCell } from "../sheets/sheetModel";

/** Cells of one style forming a rectangle (zero-based, inclusive). */
export type StyleRectangle = {
  style: CellStyle;
  top: number;
  left: number;
  bottom: number;
  right: number;
};

/**
 * Runs of neighbouring cells with the same style in a row.
 * @example styleRuns([{ value: "a", style: "header" }, { value: "b", style: "header" }]) → [{ style: "header", left: 0, right: 1 }]
 */
export function styleRuns(
  row: readonly (SheetCell | null)[] | undefined,
): { style: CellStyle; left: number; right: number }[] {
  const runs: { style: CellStyle; left: number; right: number }[] = [];
  (row ?? []).forEach((cell, column) => {
    const style = cell?.style;
    if (!style) return;
    const last = runs[runs.length - 1];
    if (last && last.style === style && last.right === column - 1) last.right = column;
    else runs.push({ style, left: column, right: column });
  });
  return runs;
}

/**
 * The styled cells of rows `first…last` as few rectangles: runs of a style in a row, merged with
 * the same run in the rows below. Each rectangle is formatted with one set of calls, never cell
 * by cell.
 */
export function styleRectangles(
  rows: readonly (readonly (SheetCell | null)[])[],
  first: number,
  last: number,
): StyleRectangle[] {
  const done: StyleRectangle[] = [];
  let open = new Map<string, StyleRectangle>();
  for (let r = first; r <= last; r++) {
    const next = new Map<string, StyleRectangle>();
    for (const run of styleRuns(rows[r])) {
      const key = `${run.style}:${run.left}:${run.right}`;
      const above = open.get(key);
      if (above) {
        above.bottom = r;
        next.set(key, above);
        open.delete(key);
      } else {
        next.set(key, { style: run.style, top: r, left: run.left, bottom: r, right: run.right });
      }
    }
    done.push(...open.values());
    open = next;
  }
  done.push(...open.values());
  return done.sort((a, b) => a.top - b.top || a.left - b.left);
}
