import { COLUMN_ROLES } from "../history";
import {
  analyzeHeaderRow,
  hasMonthColumns,
  type ColumnOverrides,
  type HeaderAnalysis,
} from "./analyzeHeaderRow";
import type { GridView } from "./gridView";
import { isSubHeaderRow, withTwoRowHeader } from "./twoRowHeader";

/**
 * The header row is looked for among this many rows at the top of the grid.
 * @example findHeaderRow(view, {}).header?.row < HEADER_SEARCH_ROWS
 */
export const HEADER_SEARCH_ROWS = 20;

/** Weight of the roles that make a history (amount, date) over the others in a row's score. */
const KEY_ROLE_WEIGHT = 3;
/** Weight of a header the plan file names: such a row is almost surely the header. */
const OVERRIDE_WEIGHT = 5;

/** The header row found, or the row that came closest, for saying what is missing. */
export type HeaderSearch = {
  /** A row with an amount and a date column, or with month columns. */
  header?: HeaderAnalysis;
  /** The row with the most header-like cells, even if it falls short. */
  closest?: HeaderAnalysis;
  /** The grid as read: with a two-line header joined into the header's row (see `withTwoRowHeader`). */
  view: GridView;
};

function score(analysis: HeaderAnalysis): number {
  let total = analysis.months.length;
  for (const role of COLUMN_ROLES) {
    const column = analysis.roles[role];
    if (!column) continue;
    total += role === "amount" || role === "date" ? KEY_ROLE_WEIGHT : 1;
    if (column.overridden) total += OVERRIDE_WEIGHT;
  }
  return total;
}

/**
 * True when a header row makes a readable history: an amount and a date column, or month columns.
 * @example isHistoryHeader(analyzeHeaderRow(view, 0, {}))
 */
export function isHistoryHeader(analysis: HeaderAnalysis): boolean {
  return Boolean(analysis.roles.amount && analysis.roles.date) || hasMonthColumns(analysis);
}

/**
 * The header row among the first rows of a grid (title and blank rows above it are common): the
 * history-making row with the most known headers, the first on a tie; when the row below it is a
 * second header line (sub-headers under a merged group header), the two lines read as one header.
 * @example findHeaderRow(makeGridView({ sheet: "S", values: [["Report"], ["Date", "Sales"]] }), {})
 *            .header?.row === 1
 */
export function findHeaderRow(view: GridView, overrides: ColumnOverrides): HeaderSearch {
  const search: HeaderSearch = { view };
  let headerScore = 0;
  let closestScore = 0;
  const rows = Math.min(view.rowCount, HEADER_SEARCH_ROWS);
  for (let row = 0; row < rows; row++) {
    const analysis = analyzeHeaderRow(view, row, overrides);
    const rowScore = score(analysis);
    if (rowScore === 0) continue;
    if (rowScore > closestScore) {
      search.closest = analysis;
      closestScore = rowScore;
    }
    if (isHistoryHeader(analysis) && rowScore > headerScore) {
      search.header = analysis;
      headerScore = rowScore;
    }
  }
  const found = search.header;
  if (found && isSubHeaderRow(view, found.row, found.roles.date?.column)) {
    const joined = withTwoRowHeader(view, found.row);
    const analysis = analyzeHeaderRow(joined, found.row + 1, overrides);
    if (isHistoryHeader(analysis)) return { header: analysis, closest: analysis, view: joined };
  }
  return search;
}
