import type { DimensionKey, Notice, SkippedRow } from "../history";
import type { ColumnRead } from "../reader/columnsRead";
import type { PlanResult } from "./planResult";

type DimensionKeys = Partial<Record<DimensionKey, string | null>>;

/** The result JSON contract (`stp plan --json`): outside scripts rely on these names. */
export type ResultJson = {
  target: number;
  base: number;
  unit: number;
  planYear: number;
  baseYear: number;
  /** target / base − 1; null without a positive base. */
  growth: number | null;
  asOf: string | null;
  levels: DimensionKey[];
  /** The history's column read for each role and level: its header and letters (`G`, `D:AM`). */
  columns: Record<string, { header: string; column: string }>;
  periods: string[];
  shares: number[];
  rows: (DimensionKeys & { annual: number; months: number[]; lastYear: number; new?: true })[];
  tracking: (DimensionKeys & {
    period: string;
    status: "closed" | "open";
    unplanned?: true;
    target: number;
    actual: number | null;
    variance: number | null;
    attainment: number | null;
    ytdTarget: number | null;
    ytdActual: number | null;
    reforecast: number | null;
  })[];
  skipped: { sheet: string; cell: string; code: string; reason: string }[];
  warnings: { code: string; message: string }[];
};

/**
 * The result JSON of a plan: figures in currency, dimension keys named after the levels, skipped
 * rows and warnings in words of the user's language (via `describe`).
 * @example toResultJson(result, { skipped: [], notes: [] }, describe).rows[0] → { region: "East", rep: "Ann", annual: 132000, months: [6600, …], lastYear: 120000 }
 */
export function toResultJson(
  result: PlanResult,
  read: {
    skipped: readonly SkippedRow[];
    notes: readonly Notice[];
    columnsRead?: readonly ColumnRead[];
  },
  describe: (notice: Notice) => string,
): ResultJson {
  // Built field by field, not by spreading: a plan has hundreds of thousands of these.
  const levels = result.levels;
  const keys = (path: readonly string[]): DimensionKeys => {
    const out: DimensionKeys = {};
    for (let i = 0; i < levels.length; i++) out[levels[i]] = path[i] ?? null;
    return out;
  };
  return {
    target: result.target,
    base: result.base,
    unit: result.unit,
    planYear: result.planYear,
    baseYear: result.baseYear,
    growth: result.base > 0 ? result.target / result.base - 1 : null,
    asOf: result.asOf,
    levels: result.levels,
    columns: Object.fromEntries(
      (read.columnsRead ?? []).map((c) => [c.role, { header: c.header, column: c.column }]),
    ),
    periods: result.periods,
    shares: result.shares,
    rows: result.rows.map((r) => {
      const row: ResultJson["rows"][number] = Object.assign(keys(r.path), {
        annual: r.annual,
        months: r.months,
        lastYear: r.baseNet,
      });
      if (r.isNew) row.new = true;
      return row;
    }),
    tracking: result.tracking.map((t) => {
      const row = keys(t.path) as ResultJson["tracking"][number];
      row.period = t.period;
      row.status = t.status;
      if (t.unplanned) row.unplanned = true;
      row.target = t.target;
      row.actual = t.actual;
      row.variance = t.variance;
      row.attainment = t.attainment;
      row.ytdTarget = t.ytdTarget;
      row.ytdActual = t.ytdActual;
      row.reforecast = t.reforecast;
      return row;
    }),
    skipped: read.skipped.map((s) => ({
      sheet: s.sheet,
      cell: s.cell,
      code: s.code,
      reason: describe({ code: s.code, params: s.params }),
    })),
    warnings: [...read.notes, ...result.warnings].map((n) => ({
      code: n.code,
      message: describe(n),
    })),
  };
}
