import { columnLetters } from "../../engine/address";
import type { Grid } from "../../engine/grid";
import { HEADER_SEARCH_ROWS } from "../../engine/reader/findHeaderRow";

export type HeaderOption = { header: string; column: string };

/**
 * The texts of a grid's header row (zero-based sheet row), with their column letters: what the
 * column dropdowns offer.
 * @example headerTexts({ sheet: "S", values: [["Date", "", "Amount"]] }, 0) → [{ header: "Date", column: "A" }, { header: "Amount", column: "C" }]
 */
export function headerTexts(grid: Grid, headerRow: number): HeaderOption[] {
  const origin = grid.origin ?? { row: 0, column: 0 };
  const row = grid.values[headerRow - origin.row] ?? [];
  const seen = new Set<string>();
  const options: HeaderOption[] = [];
  row.forEach((value, i) => {
    const header = value === null ? "" : String(value).trim();
    if (header === "" || seen.has(header)) return;
    seen.add(header);
    options.push({ header, column: columnLetters(origin.column + i) });
  });
  return options;
}

/**
 * The rows of a grid a header can be found in, with its sheet and origin: all the page keeps of a
 * history once the planning engine holds it (`headerTexts` reads nothing else). A 100,000-row
 * history kept whole in the page would weigh on every task there.
 * @example gridHead(grid).values.length <= HEADER_SEARCH_ROWS
 */
export function gridHead(grid: Grid): Grid {
  return {
    ...grid,
    values: grid.values.slice(0, HEADER_SEARCH_ROWS),
    ...(grid.numberFormats
      ? { numberFormats: grid.numberFormats.slice(0, HEADER_SEARCH_ROWS) }
      : {}),
  };
}
