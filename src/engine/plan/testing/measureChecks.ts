import type { MeasurePlan, PlanNode, PlanResult, PlannedMeasure } from "../planResult";

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const label = (node: PlanNode) => (node.path.length === 0 ? "(total)" : node.path.join(" / "));

function planProblems(where: string, plan: MeasurePlan | undefined, unit: number): string[] {
  if (!plan) return [`${where}: missing`];
  const problems: string[] = [];
  if (plan.months.length !== 12) problems.push(`${where}: ${plan.months.length} months`);
  if (sum(plan.months) !== plan.annual) {
    problems.push(`${where}: months sum to ${sum(plan.months)}, annual ${plan.annual}`);
  }
  for (const value of [plan.annual, ...plan.months]) {
    if (!Number.isInteger(value / unit))
      problems.push(`${where}: ${value} not a multiple of ${unit}`);
  }
  return problems;
}

function nodeProblems(
  node: PlanNode,
  keys: readonly PlannedMeasure[],
  units: Record<PlannedMeasure, number>,
  moneyUnit: number,
): string[] {
  const problems: string[] = [];
  for (const key of keys) {
    const plan = node.measures?.[key];
    problems.push(...planProblems(`${label(node)} ${key}`, plan, units[key]));
    if (plan && node.children.length > 0) {
      const annual = sum(node.children.map((c) => c.measures?.[key]?.annual ?? NaN));
      if (annual !== plan.annual) {
        problems.push(`${label(node)} ${key}: children sum to ${annual}, parent ${plan.annual}`);
      }
      for (let m = 0; m < 12; m++) {
        const month = sum(node.children.map((c) => c.measures?.[key]?.months[m] ?? NaN));
        if (month !== plan.months[m]) {
          problems.push(
            `${label(node)} ${key} month ${m + 1}: children ${month}, parent ${plan.months[m]}`,
          );
        }
      }
    }
  }
  const gross = node.measures?.grossProfit;
  const cost = node.measures?.cost;
  if (gross && cost) {
    const sales = collectMonths(node).map((u) => u * moneyUnit);
    if (cost.annual !== node.units * moneyUnit - gross.annual) {
      problems.push(`${label(node)}: cost ${cost.annual} ≠ amount − gross profit`);
    }
    sales.forEach((s, m) => {
      if (cost.months[m] !== s - gross.months[m]) {
        problems.push(`${label(node)} month ${m + 1}: cost ≠ amount − gross profit`);
      }
    });
  }
  for (const child of node.children) problems.push(...nodeProblems(child, keys, units, moneyUnit));
  return problems;
}

function collectMonths(node: PlanNode): number[] {
  if (node.children.length === 0) return node.monthUnits ?? new Array<number>(12).fill(0);
  const months = new Array<number>(12).fill(0);
  for (const child of node.children) collectMonths(child).forEach((u, m) => (months[m] += u));
  return months;
}

/**
 * Every guarantee of the measures, as a list of what breaks it (empty when all hold): each node's
 * quantity, gross profit and cost months sum to their annual in whole units; children sum to
 * parents; cost = amount − gross profit cell by cell; gross profit equals its target; expenses
 * split exactly; net profit = gross profit − expenses on every line; the total line is the lines'
 * sum. For tests.
 * @example measureProblems(computePlan(input, plan)) → []
 */
export function measureProblems(result: PlanResult): string[] {
  const measures = result.measures;
  if (!measures) return ["no measures"];
  const keys: PlannedMeasure[] = [];
  if (measures.quantity) keys.push("quantity");
  if (measures.grossProfit) keys.push("grossProfit", "cost");
  const units: Record<PlannedMeasure, number> = {
    quantity: measures.quantity?.unit ?? 1,
    grossProfit: result.unit,
    cost: result.unit,
  };
  const problems = nodeProblems(result.root, keys, units, result.unit);
  if (measures.quantity && measures.quantity.total !== result.root.measures?.quantity?.annual) {
    problems.push("quantity total ≠ root");
  }
  const gross = measures.grossProfit;
  if (gross) {
    if (gross.total !== result.root.measures?.grossProfit?.annual) problems.push("GP total ≠ root");
    if (gross.target !== null && gross.total !== gross.target) {
      problems.push(`GP total ${gross.total} ≠ target ${gross.target}`);
    }
  }
  const expenses = measures.expenses;
  if (expenses) {
    if (sum(expenses.lines.map((l) => l.plan.annual)) !== expenses.total) {
      problems.push("expense lines do not sum to the total");
    }
    for (const line of expenses.lines) {
      problems.push(...planProblems(`expenses ${line.path.join(" / ")}`, line.plan, result.unit));
    }
  }
  const { lines, total } = measures.profit;
  for (const line of [...lines, total]) {
    const where = `P&L ${line.path.join(" / ") || "(total)"}`;
    problems.push(...planProblems(`${where} sales`, line.sales, result.unit));
    if (line.grossProfit && line.expenses) {
      const net = line.netProfit;
      if (!net) problems.push(`${where}: no net profit`);
      else {
        if (net.annual !== line.grossProfit.annual - line.expenses.annual) {
          problems.push(`${where}: net ≠ GP − expenses`);
        }
        net.months.forEach((v, m) => {
          if (v !== (line.grossProfit?.months[m] ?? NaN) - (line.expenses?.months[m] ?? NaN)) {
            problems.push(`${where} month ${m + 1}: net ≠ GP − expenses`);
          }
        });
      }
    }
  }
  for (const field of ["sales", "cost", "grossProfit", "expenses", "netProfit"] as const) {
    const plan = total[field];
    if (!plan) continue;
    const annual = sum(lines.map((l) => l[field]?.annual ?? NaN));
    if (annual !== plan.annual) problems.push(`P&L total ${field}: lines sum to ${annual}`);
    for (let m = 0; m < 12; m++) {
      const month = sum(lines.map((l) => l[field]?.months[m] ?? NaN));
      if (month !== plan.months[m]) problems.push(`P&L total ${field} month ${m + 1}`);
    }
  }
  return problems;
}
