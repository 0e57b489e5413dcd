import type { DimensionKey, HistoryRecord } from "../history";
import { BLANK_MEMBER } from "./aggregate";
import { collectLeaves } from "./collectLeaves";
import type { PlanNode } from "./planResult";
import { roundCents } from "./tracking";

/** Visits a month per customer of each tier (the seed's cadence: weekly, fortnightly, monthly). */
export const VISITS_PER_MONTH = { A: 4, B: 2, C: 1 } as const;
/** Cumulative shares of a rep's window sales that close tiers A and B. */
export const TIER_LIMITS = { A: 0.7, B: 0.9 } as const;

/** The figures of one action-plan unit: a rep (or a leaf when rep is not a level). */
export type ActionPlanUnit = {
  path: string[];
  /** Monthly targets in currency. */
  months: number[];
  /**
   * Net sales of each base-year month (currency, to the cent), of the unit's whole history: a
   * child the cascade left out (no qualifying sales) still counts here.
   */
  baseMonths: number[];
  /** Mean positive transaction amount in the window; null without transactions (wide history). */
  dealSize: number | null;
  /** Deals needed each month: ceil(target / deal size); null without a deal size. */
  dealsNeeded: (number | null)[];
  /** Customers by tier, from their cumulative share of the unit's window sales. */
  customers: { A: number; B: number; C: number };
  /** Visits a month the tiers imply. */
  visits: number;
};

type Tally = { dealSum: number; deals: number; customers: Map<string, number> };

/**
 * Tiers customers by cumulative share of sales, largest first: A while the sales before them are
 * under 70 %, B under 90 %, C the rest (and customers without positive net sales).
 * @example tierCustomers(new Map([["x", 80], ["y", 15], ["z", 5]])) → { A: 1, B: 1, C: 1 }
 */
export function tierCustomers(sales: ReadonlyMap<string, number>): {
  A: number;
  B: number;
  C: number;
} {
  const positive = [...sales.values()].filter((v) => v > 0).sort((a, b) => b - a);
  const total = positive.reduce((s, v) => s + v, 0);
  const tiers = { A: 0, B: 0, C: sales.size - positive.length };
  let before = 0;
  for (const v of positive) {
    const share = before / total;
    if (share < TIER_LIMITS.A - 1e-12) tiers.A++;
    else if (share < TIER_LIMITS.B - 1e-12) tiers.B++;
    else tiers.C++;
    before += v;
  }
  return tiers;
}

/** The units an action plan has rows for: nodes at the rep level, or the leaves. */
function unitsOf(root: PlanNode, repDepth: number): PlanNode[] {
  if (repDepth < 0) return collectLeaves(root);
  const units: PlanNode[] = [];
  const walk = (node: PlanNode) => {
    if (node.path.length === repDepth + 1 || node.children.length === 0) units.push(node);
    else node.children.forEach(walk);
  };
  walk(root);
  return units;
}

/**
 * Action-plan figures per rep (or leaf) and month: the target, the average deal size of the
 * window's positive transactions, the deals needed, the customers by tier and the visits their
 * cadence implies (A weekly, B fortnightly, C monthly).
 * @example actionPlanUnits(root, records, ["region", "rep"], 2026, 3, 100)[0].customers → { A: 2, B: 1, C: 3 }
 */
export function actionPlanUnits(
  root: PlanNode,
  records: readonly HistoryRecord[],
  levels: readonly DimensionKey[],
  planYear: number,
  windowYears: number,
  unit: number,
): ActionPlanUnit[] {
  const repDepth = levels.indexOf("rep");
  const units = unitsOf(root, repDepth);
  const tallies = new Map<PlanNode, Tally>(
    units.map((u) => [u, { dealSum: 0, deals: 0, customers: new Map() }]),
  );
  // The units by their members, level by level: one lookup per level for each record.
  type Branch = { tally?: Tally; children: Map<string, Branch> };
  const tree: Branch = { children: new Map() };
  for (const [unit, tally] of tallies) {
    let branch = tree;
    for (const member of unit.path) {
      let next = branch.children.get(member);
      if (!next) branch.children.set(member, (next = { children: new Map() }));
      branch = next;
    }
    branch.tally = tally;
  }
  for (const r of records) {
    if (r.year < planYear - windowYears || r.year >= planYear) continue;
    let branch: Branch | undefined = tree;
    for (let depth = 0; branch && !branch.tally; depth++)
      branch = branch.children.get(r.dims[levels[depth]] ?? BLANK_MEMBER);
    const tally = branch?.tally;
    if (!tally) continue;
    if (r.transaction && r.amount > 0) {
      tally.dealSum += r.amount;
      tally.deals += 1;
    }
    const customer = r.dims.customer;
    if (customer !== undefined)
      tally.customers.set(customer, (tally.customers.get(customer) ?? 0) + r.amount);
  }
  return units.map((u) => {
    const tally = tallies.get(u)!;
    const months = new Array<number>(12).fill(0);
    for (const leaf of collectLeaves(u))
      leaf.monthUnits?.forEach((m, i) => (months[i] += m * unit));
    const dealSize = tally.deals > 0 ? Math.round((tally.dealSum / tally.deals) * 100) / 100 : null;
    const customers = tierCustomers(tally.customers);
    return {
      path: u.path,
      months,
      baseMonths: u.baseMonths.map(roundCents),
      dealSize,
      dealsNeeded: months.map((m) => (dealSize ? Math.ceil(m / dealSize - 1e-9) : null)),
      customers,
      visits:
        customers.A * VISITS_PER_MONTH.A +
        customers.B * VISITS_PER_MONTH.B +
        customers.C * VISITS_PER_MONTH.C,
    };
  });
}
