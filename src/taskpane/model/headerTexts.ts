import { columnLetters } from "../../engine/address";
import type { Grid } from "../../engine/grid";

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
