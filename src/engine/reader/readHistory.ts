import type { Grid } from "../grid";
import {
  COLUMN_ROLES,
  DIMENSIONS,
  type ColumnRole,
  type DetectedColumn,
  type HistoryReadResult,
  type Notice,
} from "../history";
import { hasMonthColumns, type ColumnOverrides, type HeaderAnalysis } from "./analyzeHeaderRow";
import { cellText } from "./cellText";
import { findHeaderRow, HEADER_SEARCH_ROWS } from "./findHeaderRow";
import { makeGridView, type GridView } from "./gridView";
import { readLongRows } from "./readLongRows";
import { readWideRows } from "./readWideRows";
import { suggestHeader } from "./suggestHeader";

/** Options of `readHistory`. */
export type ReadHistoryOptions = {
  /** Header text per role, from the plan file's `columns`; it wins over detection. */
  columns?: Partial<Record<ColumnRole, string>>;
};

function emptyResult(sheet: string): HistoryReadResult {
  return {
    sheet,
    layout: "long",
    headerRow: -1,
    columns: {},
    monthColumns: [],
    records: [],
    skipped: [],
    notes: [],
  };
}

function cleanOverrides(columns: unknown): ColumnOverrides {
  const overrides: ColumnOverrides = {};
  if (typeof columns !== "object" || columns === null) return overrides;
  for (const role of COLUMN_ROLES) {
    const header: unknown = (columns as Record<string, unknown>)[role];
    if (typeof header === "string" && header.trim() !== "") overrides[role] = header.trim();
  }
  return overrides;
}

/** Every text in the rows searched for a header, for suggesting a header the plan file misnamed. */
function topTexts(view: GridView): string[] {
  const texts: string[] = [];
  const rows = Math.min(view.rowCount, HEADER_SEARCH_ROWS);
  for (let row = 0; row < rows; row++) {
    const length = view.rowLength(row);
    for (let column = 0; column < length; column++) {
      const value = view.cell(row, column);
      if (typeof value === "string" && value.trim() !== "" && value.length <= 200) {
        texts.push(cellText(value));
      }
    }
  }
  return texts;
}

function detected(
  view: GridView,
  header: HeaderAnalysis,
  roles: readonly ColumnRole[],
): HistoryReadResult["columns"] {
  const columns: HistoryReadResult["columns"] = {};
  for (const role of roles) {
    const found = header.roles[role];
    if (!found) continue;
    const column: DetectedColumn = {
      column: view.sheetColumn(found.column),
      header: found.header,
      overridden: found.overridden,
    };
    columns[role] = column;
  }
  return columns;
}

function withError(
  view: GridView,
  header: HeaderAnalysis | undefined,
  error: HistoryReadResult["error"],
): HistoryReadResult {
  const result = emptyResult(view.sheet);
  if (header) {
    result.headerRow = view.sheetRow(header.row);
    result.columns = detected(view, header, COLUMN_ROLES);
  }
  result.error = error;
  return result;
}

function readUnguarded(grid: Grid, options: ReadHistoryOptions | undefined): HistoryReadResult {
  const view = makeGridView(grid);
  const sheet = view.sheet;
  const overrides = cleanOverrides(options?.columns);
  const search = findHeaderRow(view, overrides);
  const header = search.header ?? search.closest;

  const missing = header
    ? header.missingOverrides[0]
    : COLUMN_ROLES.find((role) => overrides[role] !== undefined);
  if (missing) {
    const wanted = overrides[missing] ?? "";
    const suggestion = suggestHeader(wanted, header ? header.headers : topTexts(view));
    return withError(view, header, {
      code: "column-not-found",
      params: { sheet, role: missing, header: wanted, ...(suggestion ? { suggestion } : {}) },
    });
  }
  if (!search.header) {
    if (!header) {
      return withError(view, undefined, {
        code: "no-header-row",
        params: { sheet, rows: HEADER_SEARCH_ROWS },
      });
    }
    if (header.yearlessMonths.length >= 2 && !header.roles.date) {
      return withError(view, header, {
        code: "month-columns-without-year",
        params: { sheet, example: header.yearlessMonths[0] },
        cell: view.address(header.row, header.firstColumn),
      });
    }
    const code = header.roles.amount ? "no-date-column" : "no-amount-column";
    return withError(view, header, {
      code,
      params: { sheet },
      cell: view.address(header.row, header.firstColumn),
    });
  }

  const found = search.header;
  const namedLong = Boolean(found.roles.date?.overridden || found.roles.amount?.overridden);
  const long =
    namedLong ||
    (Boolean(found.roles.amount && found.roles.date) && found.months.length < 2) ||
    !hasMonthColumns(found);
  const roles: readonly ColumnRole[] = long ? COLUMN_ROLES : DIMENSIONS;
  const rowsRead = long ? readLongRows(view, found) : readWideRows(view, found);
  if (rowsRead.error) return withError(view, found, rowsRead.error);

  const notes: Notice[] = found.duplicates
    .filter((duplicate) => roles.includes(duplicate.role))
    .map((duplicate) => ({
      code: "column-ignored",
      params: {
        role: duplicate.role,
        column: duplicate.header,
        used: found.roles[duplicate.role]?.header ?? "",
      },
    }));

  return {
    sheet,
    layout: long ? "long" : "wide",
    headerRow: view.sheetRow(found.row),
    columns: detected(view, found, roles),
    monthColumns: long
      ? []
      : found.months.map((month) => ({ ...month, column: view.sheetColumn(month.column) })),
    records: rowsRead.records,
    skipped: rowsRead.skipped,
    notes: [...notes, ...rowsRead.notes],
  };
}

/**
 * Reads a sheet's sales history from its cells: finds the header row among the first 20 rows
 * (title and blank rows above it are common), detects each column's role from English or Chinese
 * headers (the plan file's `columns` win), reads a long history (a date column, one row per sale
 * or period) or a wide one (a column per month), and reports every row it did not take with a
 * code and its cell. Blank rows inside the data are reported once per run of consecutive blank
 * rows; blank rows after the last data row are not reported. Never throws: a sheet that cannot be
 * read as a history comes back with `error` set (e.g. `no-amount-column`), no records, and
 * `headerRow` -1 when no header row was found at all.
 * @example
 * readHistory({ sheet: "Sales", values: [["日期", "大区", "销售额"], ["2024-03-15", "华东", "1,200"]] })
 * // → { layout: "long", headerRow: 0, records: [{ year: 2024, month: 3, amount: 1200,
 * //       dims: { region: "华东" }, cell: "C2", transaction: true }], skipped: [], notes: [], … }
 */
export function readHistory(grid: Grid, options?: ReadHistoryOptions): HistoryReadResult {
  try {
    return readUnguarded(grid, options);
  } catch (failure) {
    // A defect must still reach the user as a reported error, never as a crashed refresh.
    const sheet = typeof grid?.sheet === "string" ? grid.sheet : "";
    const result = emptyResult(sheet);
    result.error = {
      code: "history-unreadable",
      params: { sheet, reason: failure instanceof Error ? failure.message : String(failure) },
    };
    return result;
  }
}
