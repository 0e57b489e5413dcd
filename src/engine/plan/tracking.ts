import { addFigures, emptySums, type FigureSums, type RatioMeasureDefinition } from "../measures";
import { allocateByLargestRemainder, byCodePoint, roundHalfUp } from "../rounding";
import type { MonthCell } from "./aggregate";
import { collectLeaves } from "./collectLeaves";
import type { PlanNode, TrackingRow } from "./planResult";

/** Money sums rounded to the cent, so 0.1 + 0.2 reads 0.3 in every output. */
export function roundCents(x: number): number {
  const r = Math.round(x * 100) / 100;
  return r === 0 ? 0 : r;
}

/** A measure's actual to six decimals (a quantity may be 2.5 kg), float noise dropped. */
function roundFigure(x: number): number {
  const r = Math.round(x * 1e6) / 1e6;
  return r === 0 ? 0 : r;
}

/** Each measure's actual of one closed month, from the month's net sums. */
function measureActuals(
  measures: readonly RatioMeasureDefinition[],
  sums: Readonly<FigureSums> | undefined,
): NonNullable<TrackingRow["measureActuals"]> {
  const actuals: NonNullable<TrackingRow["measureActuals"]> = {};
  for (const measure of measures) {
    const value = measure.actual(sums ?? emptySums());
    actuals[measure.key] = measure.key === "grossProfit" ? roundCents(value) : roundFigure(value);
  }
  return actuals;
}

/** Open months have no actual of any measure. */
function openActuals(
  measures: readonly RatioMeasureDefinition[],
): NonNullable<TrackingRow["measureActuals"]> {
  return Object.fromEntries(measures.map((m) => [m.key, null]));
}

/**
 * Finds the leaf a plan-year cell belongs to, or null when its members leave the plan
 * (a rep, product or region the plan does not have).
 */
function leafOf(
  root: PlanNode,
  members: readonly string[],
  index: Map<PlanNode, Map<string, PlanNode>>,
): PlanNode | null {
  let node = root;
  for (let depth = 0; node.children.length > 0; depth++) {
    const next = index.get(node)?.get(members[depth]);
    if (!next) return null;
    node = next;
  }
  return node;
}

function indexChildren(node: PlanNode, index: Map<PlanNode, Map<string, PlanNode>>): void {
  if (node.children.length === 0) return;
  index.set(node, new Map(node.children.map((c) => [c.member ?? "", c])));
  for (const child of node.children) indexChildren(child, index);
}

/**
 * Tracking and rolling re-forecast per leaf × month. Months 1…closedMonths are closed: actual,
 * variance, attainment (null when the target is 0), YTD target and actual. The open months keep
 * the annual target fixed: max(0, annual − YTD actual), rounded half-up to the unit, is split over
 * them by largest remainder on their shares. Actuals outside the plan come back as unplanned rows.
 * Each ratio measure in `measures` adds its actual per closed month (quantity; gross profit =
 * amount − cost), from cells aggregated with their figures.
 * @example trackPlan(root, actualCells, 4, 2026, 100)[0] → { path: ["East","Ann"], period: "2026-01", status: "closed", … }
 */
export function trackPlan(
  root: PlanNode,
  actualCells: readonly MonthCell[],
  closedMonths: number,
  planYear: number,
  unit: number,
  measures: readonly RatioMeasureDefinition[] = [],
): TrackingRow[] {
  if (closedMonths <= 0) return [];
  const withMeasures = measures.length > 0;
  // By path (leaves and unplanned segments alike), then month: the figures' net sums.
  const figures = new Map<string, FigureSums[]>();
  const index = new Map<PlanNode, Map<string, PlanNode>>();
  indexChildren(root, index);
  const actuals = new Map<PlanNode, number[]>();
  const unplanned = new Map<string, { path: string[]; months: number[] }>();
  for (const cell of actualCells) {
    if (cell.month > closedMonths) continue;
    const leaf = leafOf(root, cell.members, index);
    let months: number[];
    if (leaf) {
      months = actuals.get(leaf) ?? new Array<number>(12).fill(0);
      actuals.set(leaf, months);
    } else {
      const key = cell.members.join("\u0000");
      const entry = unplanned.get(key) ?? {
        path: [...cell.members],
        months: new Array<number>(12).fill(0),
      };
      unplanned.set(key, entry);
      months = entry.months;
    }
    months[cell.month - 1] += cell.amount;
    if (withMeasures) {
      const key = (leaf ? leaf.path : cell.members).join("\u0000");
      let sums = figures.get(key);
      if (!sums) figures.set(key, (sums = Array.from({ length: 12 }, emptySums)));
      addFigures(sums[cell.month - 1], cell);
    }
  }
  const closedActuals = (path: readonly string[], month: number) =>
    measureActuals(measures, figures.get(path.join("\u0000"))?.[month - 1]);

  const period = (m: number) => `${planYear}-${String(m).padStart(2, "0")}`;
  const rows: TrackingRow[] = [];
  for (const leaf of collectLeaves(root)) {
    const targets = (leaf.monthUnits ?? []).map((u) => u * unit);
    const actual = (actuals.get(leaf) ?? new Array<number>(12).fill(0)).map(roundCents);
    let ytdTarget = 0;
    let ytdActual = 0;
    for (let m = 1; m <= closedMonths; m++) {
      ytdTarget += targets[m - 1];
      ytdActual = roundCents(ytdActual + actual[m - 1]);
      rows.push({
        path: leaf.path,
        period: period(m),
        month: m,
        status: "closed",
        unplanned: false,
        target: targets[m - 1],
        actual: actual[m - 1],
        variance: roundCents(actual[m - 1] - targets[m - 1]),
        attainment: targets[m - 1] === 0 ? null : actual[m - 1] / targets[m - 1],
        ytdTarget,
        ytdActual,
        reforecast: null,
        ...(withMeasures ? { measureActuals: closedActuals(leaf.path, m) } : {}),
      });
    }
    const open = Array.from({ length: 12 - closedMonths }, (_, i) => closedMonths + i + 1);
    const remaining = Math.max(0, roundHalfUp((leaf.units * unit - ytdActual) / unit));
    const split = allocateByLargestRemainder(
      open.length > 0 ? remaining : 0,
      open.map((m) => ({
        key: String(m).padStart(2, "0"),
        weight: leaf.monthShares?.[m - 1] ?? 0,
      })),
    );
    open.forEach((m, i) =>
      rows.push({
        path: leaf.path,
        period: period(m),
        month: m,
        status: "open",
        unplanned: false,
        target: targets[m - 1],
        actual: null,
        variance: null,
        attainment: null,
        ytdTarget: null,
        ytdActual: null,
        reforecast: split[i] * unit,
        ...(withMeasures ? { measureActuals: openActuals(measures) } : {}),
      }),
    );
  }
  const extra = [...unplanned.values()].sort((a, b) =>
    byCodePoint(a.path.join("\u0000"), b.path.join("\u0000")),
  );
  for (const { path, months } of extra) {
    let ytdActual = 0;
    for (let m = 1; m <= closedMonths; m++) {
      const actual = roundCents(months[m - 1]);
      ytdActual = roundCents(ytdActual + actual);
      rows.push({
        path,
        period: period(m),
        month: m,
        status: "closed",
        unplanned: true,
        target: 0,
        actual,
        variance: actual,
        attainment: null,
        ytdTarget: 0,
        ytdActual,
        reforecast: null,
        ...(withMeasures ? { measureActuals: closedActuals(path, m) } : {}),
      });
    }
  }
  return rows;
}
