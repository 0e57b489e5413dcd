import type { DimensionKey, Notice, SkippedRow } from "../history";
import { MEASURES, RATIO_MEASURES } from "../measures";
import type { ColumnRead } from "../reader/columnsRead";
import type { MeasurePlan, PlanResult } from "./planResult";

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
  rows: (DimensionKeys & {
    annual: number;
    months: number[];
    lastYear: number;
    new?: true;
    /** Measures, each only when the plan asks for it. */
    quantity?: MeasurePlan;
    price?: number;
    grossProfit?: MeasurePlan;
    margin?: number;
  })[];
  /** Totals of the measures asked, and the expenses by first-level node. */
  measures?: {
    quantity?: number;
    grossProfit?: number;
    expenses?: { total: number; rows: (DimensionKeys & MeasurePlan)[] };
  };
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
    /** When the plan asks for the quantity: the month's actual quantity (null when open). */
    actualQuantity?: number | null;
    /** When the plan asks for gross profit: the month's actual amount − cost (null when open). */
    actualGrossProfit?: number | null;
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
  const asked = RATIO_MEASURES.filter((key) => result.measures?.asked.includes(key)).map(
    (key) => MEASURES[key],
  );
  const json: ResultJson = {
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
      for (const measure of asked) {
        const plan = r.measures?.[measure.key];
        const ratio = r.ratios?.[measure.key];
        if (plan) row[measure.key] = { annual: plan.annual, months: plan.months };
        if (ratio) row[measure.ratioField] = ratio.value;
      }
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
      for (const measure of asked) {
        const actual = t.measureActuals?.[measure.key];
        if (actual !== undefined) row[measure.actualField] = actual;
      }
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
  const measures = result.measures;
  if (!measures) return json;
  // After the rows, before tracking: the measures' totals.
  const totals: NonNullable<ResultJson["measures"]> = {};
  if (measures.quantity) totals.quantity = measures.quantity.total;
  if (measures.grossProfit) totals.grossProfit = measures.grossProfit.total;
  if (measures.expenses) {
    totals.expenses = {
      total: measures.expenses.total,
      rows: measures.expenses.lines.map((line) =>
        Object.assign(line.path.length > 0 ? { [levels[0]]: line.path[0] } : {}, {
          annual: line.plan.annual,
          months: line.plan.months,
        }),
      ),
    };
  }
  const ordered: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(json)) {
    if (key === "tracking") ordered.measures = totals;
    ordered[key] = value;
  }
  return ordered as ResultJson;
}
