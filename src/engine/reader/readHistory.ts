import type { Grid } from "../grid";
import {
  HISTORY_ROLES,
  DIMENSIONS,
  type HistoryRole,
  type DetectedColumn,
  type Dimension,
  type HistoryReadResult,
  type Notice,
} from "../history";
import {
  hasMonthColumns,
  type ColumnOverrides,
  type HeaderAnalysis,
  type HeaderColumn,
} from "./analyzeHeaderRow";
import { cellText } from "./cellText";
import { findHeaderRow, HEADER_SEARCH_ROWS } from "./findHeaderRow";
import { makeGridView, type GridView } from "./gridView";
import { HEADER_SEPARATOR } from "./headerSeparator";
import { normalizeHeader } from "./normalizeHeader";
import { readLongRows } from "./readLongRows";
import { readWideRows } from "./readWideRows";
import { suggestHeader } from "./suggestHeader";
import { withNoRecordsError } from "./withNoRecordsError";

/** Options of `readHistory`. */
export type ReadHistoryOptions = {
  /** Header text per role, from the plan file's `columns`; it wins over detection. */
  columns?: Partial<Record<HistoryRole, string>>;
  /**
   * The plan's level dimensions: a built-in one is detected as always, any other names a
   * column by its header (`"部门"`), which the records then carry under that key.
   */
  dimensions?: readonly string[];
  /**
   * The measures the plan asks for (`quantity`, `grossProfit`): the cells of their columns are
   * read like amounts, and a row whose cell cannot be read is skipped with its address.
   */
  measures?: readonly string[];
};

function emptyResult(sheet: string): HistoryReadResult {
  return {
    sheet,
    layout: "long",
    headerRow: -1,
    columns: {},
    otherColumns: [],
    monthColumns: [],
    records: [],
    skipped: [],
    notes: [],
  };
}

function cleanOverrides(columns: unknown): ColumnOverrides {
  const overrides: ColumnOverrides = {};
  if (typeof columns !== "object" || columns === null) return overrides;
  for (const role of HISTORY_ROLES) {
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
  roles: readonly HistoryRole[],
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
  for (const [key, found] of Object.entries(header.levelColumns ?? {})) {
    columns[key] = {
      column: view.sheetColumn(found.column),
      header: found.header,
      overridden: true,
    };
  }
  return columns;
}

/** Header columns with no role (and no month): what else a plan can split by. */
function otherColumns(view: GridView, header: HeaderAnalysis): HistoryReadResult["otherColumns"] {
  const used = new Set<number>();
  for (const found of Object.values(header.roles)) if (found) used.add(found.column);
  if (header.yearColumn) used.add(header.yearColumn.column);
  return header.texts
    .filter((text) => !used.has(text.column) && !/^\d+$/.test(text.header))
    .map((text) => ({ column: view.sheetColumn(text.column), header: text.header }));
}

/**
 * Finds the column of each level the plan names by header; the first level whose header the
 * row lacks, with the nearest header, when one is missing.
 */
function findLevelColumns(
  header: HeaderAnalysis,
  dimensions: readonly string[] | undefined,
): { missing: string; builtIn?: true; suggestion?: string } | null {
  const levelColumns: Record<string, HeaderColumn> = {};
  for (const dimension of dimensions ?? []) {
    if (typeof dimension !== "string") continue;
    if ((DIMENSIONS as readonly string[]).includes(dimension)) {
      if (!header.roles[dimension as Dimension]) return { missing: dimension, builtIn: true };
      continue;
    }
    const wanted = normalizeHeader(dimension);
    const found = header.texts.find((text) => normalizeHeader(text.header) === wanted);
    if (!found) {
      const suggestion = suggestHeader(dimension, [...header.headers, ...DIMENSIONS]);
      return { missing: dimension, ...(suggestion ? { suggestion } : {}) };
    }
    levelColumns[dimension] = found;
  }
  header.levelColumns = levelColumns;
  return null;
}

function withError(
  view: GridView,
  header: HeaderAnalysis | undefined,
  error: HistoryReadResult["error"],
): HistoryReadResult {
  const result = emptyResult(view.sheet);
  if (header) {
    result.headerRow = view.sheetRow(header.row);
    result.columns = detected(view, header, HISTORY_ROLES);
  }
  result.error = error;
  return result;
}

function readUnguarded(grid: Grid, options: ReadHistoryOptions | undefined): HistoryReadResult {
  const overrides = cleanOverrides(options?.columns);
  const search = findHeaderRow(makeGridView(grid), overrides);
  const view = search.view;
  const sheet = view.sheet;
  const header = search.header ?? search.closest;

  const missing = header
    ? header.missingOverrides[0]
    : HISTORY_ROLES.find((role) => overrides[role] !== undefined);
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
      params: { sheet, headers: header.headers.join(HEADER_SEPARATOR) },
      cell: view.address(header.row, header.firstColumn),
    });
  }

  const found = search.header;
  const level = findLevelColumns(found, options?.dimensions);
  if (level?.builtIn) {
    return withError(view, found, {
      code: "no-dimension-column",
      params: { sheet, role: level.missing, headers: found.headers.join(HEADER_SEPARATOR) },
      cell: view.address(found.row, found.firstColumn),
    });
  }
  if (level) {
    return withError(view, found, {
      code: "level-column-not-found",
      params: {
        sheet,
        dimension: level.missing,
        headers: found.headers.join(HEADER_SEPARATOR),
        ...(level.suggestion ? { suggestion: level.suggestion } : {}),
      },
      cell: view.address(found.row, found.firstColumn),
    });
  }
  const namedLong = Boolean(found.roles.date?.overridden || found.roles.amount?.overridden);
  const long =
    namedLong ||
    (Boolean(found.roles.amount && found.roles.date) && found.months.length < 2) ||
    !hasMonthColumns(found);
  const roles: readonly HistoryRole[] = long ? HISTORY_ROLES : DIMENSIONS;
  // A date named in the plan makes a history long; without an amount column there is nothing
  // to read on its rows (its month-like headers are no wide history then).
  if (long && (!found.roles.amount || !found.roles.date)) {
    return withError(view, found, {
      code: found.roles.amount ? "no-date-column" : "no-amount-column",
      params: { sheet, headers: found.headers.join(HEADER_SEPARATOR) },
      cell: view.address(found.row, found.firstColumn),
    });
  }
  const rowsRead = long ? readLongRows(view, found, options?.measures) : readWideRows(view, found);
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

  return withNoRecordsError({
    sheet,
    layout: long ? "long" : "wide",
    headerRow: view.sheetRow(found.row),
    columns: detected(view, found, roles),
    otherColumns: otherColumns(view, found),
    monthColumns: long
      ? []
      : found.months.map((month) => ({ ...month, column: view.sheetColumn(month.column) })),
    records: rowsRead.records,
    skipped: rowsRead.skipped,
    notes: [...notes, ...rowsRead.notes],
  });
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
