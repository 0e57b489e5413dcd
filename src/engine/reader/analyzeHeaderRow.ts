import { HISTORY_ROLES, DIMENSIONS, type HistoryRole, type Dimension } from "../history";
import { cellText, isBlankCell } from "./cellText";
import type { GridView } from "./gridView";
import { YEAR_HEADERS } from "./headerAliases";
import { matchHeaderRole, type HeaderRoleMatch } from "./matchHeaderRole";
import { normalizeHeader } from "./normalizeHeader";
import { parseMonthHeader } from "./parseMonthHeader";
import { isStageHeader } from "./wonStages";
import { monthOfYearCell } from "./yearAndMonthCells";

/** A column of the header row, by zero-based grid column. */
export type HeaderColumn = { column: number; header: string };

/** A column given a role, by detection or by the plan file's `columns`. */
export type RoleColumn = HeaderColumn & { overridden: boolean };

/** A month column of a wide history, by zero-based grid column. */
export type MonthHeader = HeaderColumn & { year: number; month: number };

/** What one row would mean as the header row of a history. */
export type HeaderAnalysis = {
  /** Zero-based grid row. */
  row: number;
  roles: Partial<Record<HistoryRole, RoleColumn>>;
  /** Further columns that looked like a role already given to a better column. */
  duplicates: (HeaderColumn & { role: HistoryRole })[];
  months: MonthHeader[];
  /** A year column, which dates rows whose date column holds only a month. */
  yearColumn?: HeaderColumn;
  /** An opportunity report's stage column (Stage, 商机阶段): only won rows are sales. */
  stageColumn?: HeaderColumn;
  /** Roles the plan file names by a header this row does not have. */
  missingOverrides: HistoryRole[];
  /** Headers naming a month but no year (`Jan`, `1月`): a wide layout the reader cannot date. */
  yearlessMonths: string[];
  /** Text of every non-month header, for suggestions. */
  headers: string[];
  /** Every non-month header column, by zero-based grid column. */
  texts: HeaderColumn[];
  /** Columns the plan's levels name by header (`"部门"`), by dimension key. */
  levelColumns?: Record<string, HeaderColumn>;
  /** First non-blank grid column of the row: where the table starts. */
  firstColumn: number;
};

/** Header texts the plan file gives per role, as written. */
export type ColumnOverrides = Partial<Record<HistoryRole, string>>;

const YEAR_HEADER_SET = new Set(YEAR_HEADERS.map(normalizeHeader));
const TEXT_HEADER_LIMIT = 200;

type Candidate = HeaderColumn & { match: HeaderRoleMatch };

/** A header holding a strong word of its role (tier 2 or 4), not only a weak one. */
const strongWord = (match: HeaderRoleMatch): boolean => match.tier % 2 === 0;

/**
 * Which of two columns plays a role: a strong word first, then an amount in the company's currency
 * before one in each document's (本币 over 原币), net of tax before gross of tax (无税金额 over
 * 价税合计), then the whole header, a name before a code, the first.
 */
function preferred(a: Candidate, b: Candidate): number {
  if (strongWord(a.match) !== strongWord(b.match)) return strongWord(a.match) ? -1 : 1;
  if (a.match.currencyBasis !== b.match.currencyBasis) {
    return b.match.currencyBasis - a.match.currencyBasis;
  }
  if (a.match.taxBasis !== b.match.taxBasis) return b.match.taxBasis - a.match.taxBasis;
  if (a.match.tier !== b.match.tier) return b.match.tier - a.match.tier;
  if (a.match.idLike !== b.match.idLike) return a.match.idLike ? 1 : -1;
  return a.column - b.column;
}

/**
 * Reads one grid row as a header row: the month columns, the year column, and the best column
 * for each role, the plan file's overrides first.
 * @example analyzeHeaderRow(makeGridView({ sheet: "S", values: [["日期", "销售额"]] }), 0, {})
 *            .roles.amount?.column === 1
 */
export function analyzeHeaderRow(
  view: GridView,
  row: number,
  overrides: ColumnOverrides,
): HeaderAnalysis {
  const roles: Partial<Record<HistoryRole, RoleColumn>> = {};
  const months: MonthHeader[] = [];
  const texts: HeaderColumn[] = [];
  const yearlessMonths: string[] = [];
  let firstColumn = -1;

  const length = view.rowLength(row);
  for (let column = 0; column < length; column++) {
    const value = view.cell(row, column);
    if (isBlankCell(value)) continue;
    if (firstColumn < 0) firstColumn = column;
    const month = parseMonthHeader(value, view.format(row, column));
    if (month) {
      const header =
        typeof value === "string"
          ? value.trim()
          : `${month.year}-${String(month.month).padStart(2, "0")}`;
      months.push({ column, header, ...month });
      continue;
    }
    if (typeof value === "boolean") continue;
    const header = cellText(value);
    if (typeof value === "string" && !/^\d+$/.test(header) && monthOfYearCell(value, undefined)) {
      yearlessMonths.push(header);
    }
    if (header.length <= TEXT_HEADER_LIMIT) texts.push({ column, header });
  }

  const taken = new Set<number>();
  const missingOverrides: HistoryRole[] = [];
  for (const role of HISTORY_ROLES) {
    const wanted = overrides[role];
    if (wanted === undefined) continue;
    const normalized = normalizeHeader(wanted);
    const found = texts.find(
      (text) => !taken.has(text.column) && normalizeHeader(text.header) === normalized,
    );
    if (found) {
      roles[role] = { ...found, overridden: true };
      taken.add(found.column);
    } else {
      missingOverrides.push(role);
    }
  }

  let yearColumn: HeaderColumn | undefined;
  let stageColumn: HeaderColumn | undefined;
  const candidates = new Map<HistoryRole, Candidate[]>();
  for (const text of texts) {
    if (taken.has(text.column)) continue;
    if (YEAR_HEADER_SET.has(normalizeHeader(text.header))) {
      yearColumn ??= text;
      continue;
    }
    if (isStageHeader(text.header)) {
      stageColumn ??= text;
      continue;
    }
    const match = matchHeaderRole(text.header);
    if (!match || overrides[match.role] !== undefined) continue;
    const list = candidates.get(match.role) ?? [];
    list.push({ ...text, match });
    candidates.set(match.role, list);
  }

  const duplicates: HeaderAnalysis["duplicates"] = [];
  for (const role of HISTORY_ROLES) {
    const list = candidates.get(role);
    if (!list) continue;
    const [best, ...rest] = [...list].sort(preferred);
    roles[role] = { column: best.column, header: best.header, overridden: false };
    for (const other of rest) duplicates.push({ role, column: other.column, header: other.header });
  }

  return {
    row,
    roles,
    duplicates,
    months,
    yearColumn,
    stageColumn,
    missingOverrides,
    yearlessMonths,
    headers: texts.map((text) => text.header),
    texts,
    firstColumn: Math.max(0, firstColumn),
  };
}

/**
 * True when a header row can head a wide history: two month columns or more, or one beside a
 * dimension column.
 * @example hasMonthColumns({ months: [m1, m2], roles: {} }) === true
 */
export function hasMonthColumns(analysis: Pick<HeaderAnalysis, "months" | "roles">): boolean {
  const months = analysis.months.length;
  return (
    months >= 2 || (months === 1 && DIMENSIONS.some((role: Dimension) => analysis.roles[role]))
  );
}
