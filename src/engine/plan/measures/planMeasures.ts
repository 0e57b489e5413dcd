import type { Notice } from "../../history";
import {
  MEASURE_KEYS,
  MEASURES,
  askedRatioMeasures,
  type RatioMeasureDefinition,
} from "../../measures";
import { PlanError } from "../../planError";
import { allocateByLargestRemainder, roundHalfUp } from "../../rounding";
import type { MonthCell } from "../aggregate";
import { nodeLabel } from "../buildCascade";
import { collectLeaves } from "../collectLeaves";
import type {
  MeasurePlan,
  PlanMeasures,
  PlanNode,
  PlannedMeasure,
  ProfitLine,
} from "../planResult";
import { MAX_PLAN_NUMBER, type PlanFile } from "../planSchema";
import { planningRatios } from "./planningRatios";

const MONTH_KEYS = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, "0"));
const MONTHS = 12;

/** A figure of whole units, split over the 12 months by largest remainder on `weights`. */
function monthsOf(units: number, weights: readonly number[], unit: number): number[] {
  return allocateByLargestRemainder(
    units,
    MONTH_KEYS.map((key, i) => ({ key, weight: weights[i] ?? 0 })),
  ).map((u) => u * unit);
}

const zeroPlan = (): MeasurePlan => ({ annual: 0, months: new Array<number>(MONTHS).fill(0) });

function addPlan(into: MeasurePlan, plan: MeasurePlan): void {
  into.annual += plan.annual;
  for (let m = 0; m < MONTHS; m++) into.months[m] += plan.months[m];
}

function minus(a: MeasurePlan, b: MeasurePlan): MeasurePlan {
  return { annual: a.annual - b.annual, months: a.months.map((v, m) => v - b.months[m]) };
}

/** The node's 12 monthly amount targets in whole units: a leaf's own, a parent's its leaves' sum. */
function monthUnitsOf(node: PlanNode): number[] {
  const months = new Array<number>(MONTHS).fill(0);
  for (const leaf of collectLeaves(node)) {
    (leaf.monthUnits ?? []).forEach((u, m) => (months[m] += u));
  }
  return months;
}

/** Amount targets of a node, annual and monthly, in currency. */
function salesOf(node: PlanNode, unit: number): MeasurePlan {
  return { annual: node.units * unit, months: monthUnitsOf(node).map((u) => u * unit) };
}

/** Sets each parent's measure to the sum of its children's, leaves first. */
function sumUp(node: PlanNode, key: PlannedMeasure): MeasurePlan {
  const measures = (node.measures ??= {});
  if (node.children.length === 0) return measures[key] ?? zeroPlan();
  const total = zeroPlan();
  for (const child of node.children) addPlan(total, sumUp(child, key));
  measures[key] = total;
  return total;
}

/** A money amount in whole rounding units; an amount that is not a multiple is an error. */
function wholeUnits(amount: number, unit: number, code: string, field: string): number {
  const units = amount / unit;
  if (!Number.isInteger(units)) throw new PlanError(code, { amount, unit }, field);
  return units;
}

/**
 * A leaf's measure in whole units, refused when it passes the 15 digits Excel holds: a price or
 * margin from a near-zero net amount (sales all but cancelled by returns) can make one absurd.
 */
function checkedUnits(
  units: number,
  unit: number,
  measure: "quantity" | "grossProfit",
  leaf: PlanNode,
  ratio: number,
): number {
  if (Math.abs(units * unit) <= MAX_PLAN_NUMBER) return units;
  throw new PlanError(
    "measure-too-large",
    { measure, node: nodeLabel(leaf.path), ratio, limit: MAX_PLAN_NUMBER },
    `measures.${measure}`,
  );
}

/** Percent with one decimal, for messages: 0.2345 → "23.5". */
const percent = (ratio: number): string => (Math.round(ratio * 1000) / 10).toFixed(1);

/**
 * The quantity plan: each leaf's annual = round half-up(annual amount / price) in `quantity.unit`,
 * its months split by largest remainder on its monthly amount targets.
 */
function planQuantity(leaves: readonly PlanNode[], unit: number, quantityUnit: number): void {
  for (const leaf of leaves) {
    const price = leaf.ratios?.quantity?.value ?? 0;
    const annual = leaf.units * unit;
    const units = checkedUnits(
      roundHalfUp(MEASURES.quantity.fromAmount(annual, price) / quantityUnit),
      quantityUnit,
      "quantity",
      leaf,
      price,
    );
    (leaf.measures ??= {}).quantity = {
      annual: units * quantityUnit,
      months: monthsOf(units, leaf.monthUnits ?? [], quantityUnit),
    };
  }
}

/**
 * Splits a gross profit target down the cascade: each child by largest remainder, weighted by
 * Σ max(0, annual × margin) over its leaves; where every child weighs 0, by their amount targets
 * (said in a warning). Leaves get their share in `grossUnits`.
 */
function splitGrossProfitTarget(
  node: PlanNode,
  units: number,
  unit: number,
  grossUnits: Map<PlanNode, number>,
  warnings: Notice[],
): void {
  if (node.children.length === 0) {
    grossUnits.set(node, units);
    return;
  }
  const positive = (n: PlanNode): number =>
    collectLeaves(n).reduce(
      (sum, leaf) =>
        sum + Math.max(0, MEASURES.grossProfit.fromAmount(leaf.units * unit, leafMargin(leaf))),
      0,
    );
  let weights = node.children.map(positive);
  if (units !== 0 && weights.every((w) => w <= 0)) {
    warnings.push({
      code: "gross-profit-split-by-amount",
      params: { parent: nodeLabel(node.path), amount: units * unit },
    });
    weights = node.children.map((child) => child.units);
  }
  const shares = allocateByLargestRemainder(
    units,
    node.children.map((child, i) => ({ key: child.member ?? "", weight: weights[i] })),
  );
  node.children.forEach((child, i) =>
    splitGrossProfitTarget(child, shares[i], unit, grossUnits, warnings),
  );
}

const leafMargin = (leaf: PlanNode): number => leaf.ratios?.grossProfit?.value ?? 0;

/**
 * The gross profit plan: without a target each leaf's annual = round half-up(annual × margin) to
 * the unit; with one (an amount, or a margin of the plan target) the target is split down the
 * cascade. A leaf's months split by largest remainder on its monthly amount targets (a negative
 * annual: its absolute value split, negated); cost = amount − gross profit, cell by cell.
 */
function planGrossProfit(
  root: PlanNode,
  leaves: readonly PlanNode[],
  plan: PlanFile,
  targetUnits: number,
  warnings: Notice[],
): number | null {
  const unit = plan.rounding.unit;
  const target = plan.measures?.grossProfit?.target;
  let targetGross: number | null = null;
  const grossUnits = new Map<PlanNode, number>();
  if (target) {
    const units =
      "amount" in target
        ? wholeUnits(
            target.amount,
            unit,
            "gross-profit-target-not-multiple-of-unit",
            "measures.grossProfit.target.amount",
          )
        : roundHalfUp(targetUnits * target.margin);
    targetGross = units * unit;
    splitGrossProfitTarget(root, units, unit, grossUnits, warnings);
  } else {
    for (const leaf of leaves) {
      const margin = leafMargin(leaf);
      const units = roundHalfUp(MEASURES.grossProfit.fromAmount(leaf.units * unit, margin) / unit);
      grossUnits.set(leaf, checkedUnits(units, unit, "grossProfit", leaf, margin));
    }
  }
  for (const leaf of leaves) {
    const margin = leafMargin(leaf);
    const units = grossUnits.get(leaf) ?? 0;
    if (margin < 0 && (leaf.units > 0 || units !== 0)) {
      warnings.push({
        code: target
          ? units === 0
            ? "gross-profit-loss-leaf-zero"
            : "gross-profit-loss-leaf-share"
          : "gross-profit-loss-leaf",
        params: { member: nodeLabel(leaf.path), margin: percent(margin), amount: units * unit },
      });
    }
    const grossProfit: MeasurePlan = {
      annual: units * unit,
      months: monthsOf(units, leaf.monthUnits ?? [], unit),
    };
    const measures = (leaf.measures ??= {});
    measures.grossProfit = grossProfit;
    measures.cost = minus(salesOf(leaf, unit), grossProfit);
  }
  return targetGross;
}

/**
 * The expenses: `rate` × the plan target rounded half-up to the unit, or an `amount`; split over
 * the first level's nodes by largest remainder on their amount targets, each node's months by
 * largest remainder on its monthly targets.
 */
function planExpenses(
  firstLevel: readonly PlanNode[],
  plan: PlanFile,
  targetUnits: number,
): { total: number; lines: { path: string[]; plan: MeasurePlan }[] } | undefined {
  const expenses = plan.measures?.expenses;
  if (!expenses) return undefined;
  const unit = plan.rounding.unit;
  const units =
    "amount" in expenses
      ? wholeUnits(
          expenses.amount,
          unit,
          "expenses-not-multiple-of-unit",
          "measures.expenses.amount",
        )
      : roundHalfUp(targetUnits * expenses.rate);
  const shares = allocateByLargestRemainder(
    units,
    firstLevel.map((node) => ({ key: node.member ?? "", weight: node.units })),
  );
  return {
    total: units * unit,
    lines: firstLevel.map((node, i) => ({
      path: node.path,
      plan: { annual: shares[i] * unit, months: monthsOf(shares[i], monthUnitsOf(node), unit) },
    })),
  };
}

function marginOf(sales: MeasurePlan, grossProfit: MeasurePlan): ProfitLine["margin"] {
  const ratio = (g: number, s: number) => (s === 0 ? null : g / s);
  return {
    annual: ratio(grossProfit.annual, sales.annual),
    months: sales.months.map((s, m) => ratio(grossProfit.months[m], s)),
  };
}

/** The sales P&L of one node: what the measures asked give, net profit when GP and expenses do. */
function profitLine(
  path: string[],
  sales: MeasurePlan,
  node: PlanNode | null,
  expenses: MeasurePlan | undefined,
): ProfitLine {
  const line: ProfitLine = { path, sales };
  const grossProfit = node?.measures?.grossProfit;
  const cost = node?.measures?.cost;
  if (grossProfit && cost) {
    line.cost = cost;
    line.grossProfit = grossProfit;
    line.margin = marginOf(sales, grossProfit);
  }
  if (expenses) line.expenses = expenses;
  if (line.grossProfit && expenses) line.netProfit = minus(line.grossProfit, expenses);
  return line;
}

/**
 * The measures of a plan beyond the amount, from its leaves' amount targets and the history's
 * figures: the planning ratios with their fallbacks, the quantity and gross profit of each leaf
 * (cost = amount − gross profit), parents as sums; expenses over the first level; net profit =
 * gross profit − expenses per first-level node and month, and in total. Sets `measures` and
 * `ratios` on the nodes; returns undefined when the plan asks for no measure.
 * @example planMeasures(root, pastCells, plan, 3036, warnings)?.grossProfit?.total
 */
export function planMeasures(
  root: PlanNode,
  pastCells: readonly MonthCell[],
  plan: PlanFile,
  targetUnits: number,
  warnings: Notice[],
): PlanMeasures | undefined {
  const spec = plan.measures;
  const asked = MEASURE_KEYS.filter((key) => spec?.[key] !== undefined);
  if (!spec || asked.length === 0) return undefined;
  const unit = plan.rounding.unit;
  const leaves = collectLeaves(root);
  const ratioMeasures: RatioMeasureDefinition[] = askedRatioMeasures(spec);
  for (const measure of ratioMeasures) {
    const inherited = planningRatios(root, pastCells, measure, plan.planYear, plan.time.years);
    if (inherited.length > 0) {
      warnings.push({
        code: "measure-ratio-inherited",
        params: {
          measure: measure.key,
          count: inherited.length,
          members: inherited
            .slice(0, 5)
            .map((leaf) => nodeLabel(leaf.path))
            .join("; "),
          years: plan.time.years,
        },
      });
    }
  }

  const result: PlanMeasures = {
    asked,
    profit: { lines: [], total: { path: [], sales: zeroPlan() } },
  };
  if (spec.quantity) {
    planQuantity(leaves, unit, spec.quantity.unit);
    result.quantity = { unit: spec.quantity.unit, total: sumUp(root, "quantity").annual };
  }
  if (spec.grossProfit) {
    const target = planGrossProfit(root, leaves, plan, targetUnits, warnings);
    result.grossProfit = { total: sumUp(root, "grossProfit").annual, target };
    result.cost = { total: sumUp(root, "cost").annual };
  }

  const firstLevel = root.children.length > 0 ? root.children : [root];
  const expenses = planExpenses(firstLevel, plan, targetUnits);
  if (expenses) result.expenses = expenses;
  const lines = firstLevel.map((node, i) =>
    profitLine(node.path, salesOf(node, unit), node, expenses?.lines[i].plan),
  );
  const totalExpenses = expenses ? zeroPlan() : undefined;
  if (totalExpenses) for (const line of expenses?.lines ?? []) addPlan(totalExpenses, line.plan);
  result.profit = {
    lines,
    total: profitLine([], salesOf(root, unit), root, totalExpenses),
  };
  return result;
}
