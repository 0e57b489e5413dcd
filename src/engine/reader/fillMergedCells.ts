import type { CellValue } from "../grid";
import type { GridArea, GridPosition, GridView } from "./gridView";

/** Rows `top…bottom` of one column take their value from `source`. */
type Span = { top: number; bottom: number; source: GridPosition };

function spansByColumn(
  areas: readonly GridArea[],
  columns: ReadonlySet<number> | undefined,
  width: number,
): Map<number, Span[]> {
  const byColumn = new Map<number, Span[]>();
  for (const area of areas) {
    if (area.top < 0 || area.left < 0) continue;
    const source = { row: area.top, column: area.left };
    for (let column = area.left; column <= Math.min(area.right, width - 1); column++) {
      if (columns && !columns.has(column)) continue;
      let spans = byColumn.get(column);
      if (!spans) byColumn.set(column, (spans = []));
      spans.push({ top: area.top, bottom: area.bottom, source });
    }
  }
  for (const spans of byColumn.values()) spans.sort((a, b) => a.top - b.top);
  return byColumn;
}

/** The span of a sorted list holding a row, by binary search. */
function spanAt(spans: readonly Span[], row: number): Span | undefined {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (spans[middle].top <= row) low = middle + 1;
    else high = middle - 1;
  }
  const span = spans[high];
  return span && span.bottom >= row ? span : undefined;
}

const isEmpty = (value: CellValue): boolean => value === null || value === "";

/**
 * The same grid read as a person reads merged cells: each empty cell of a merged area takes the
 * value and number format of the area's top-left cell ("华东" merged over B3:B5 is the region of
 * rows 3 to 5). Only cells of `columns` are filled when it is given (an amount merged over three
 * rows is one amount, not three); never cells past the end of their row, nor areas starting before
 * the grid.
 * @example fillMergedCells(view, [{ top: 2, left: 1, bottom: 4, right: 1 }]).cell(4, 1) === view.cell(2, 1)
 */
export function fillMergedCells(
  view: GridView,
  areas: readonly GridArea[],
  columns?: ReadonlySet<number>,
): GridView {
  if (areas.length === 0) return view;
  let width = 0;
  for (let row = 0; row < view.rowCount; row++) width = Math.max(width, view.rowLength(row));
  const byColumn = spansByColumn(areas, columns, width);
  const sourceOf = (row: number, column: number): GridPosition | undefined => {
    const spans = byColumn.get(column);
    if (!spans || column >= view.rowLength(row)) return undefined;
    const source = spanAt(spans, row)?.source;
    return source && (source.row !== row || source.column !== column) ? source : undefined;
  };
  return {
    ...view,
    cell(row, column) {
      const value = view.cell(row, column);
      if (!isEmpty(value)) return value;
      const source = sourceOf(row, column);
      return source ? view.cell(source.row, source.column) : value;
    },
    format(row, column) {
      if (!isEmpty(view.cell(row, column))) return view.format(row, column);
      const source = sourceOf(row, column);
      return source ? view.format(source.row, source.column) : view.format(row, column);
    },
  };
}
