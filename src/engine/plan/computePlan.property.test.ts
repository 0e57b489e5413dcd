import fc from "fast-check";
import type { HistoryRecord } from "../history";
import { PlanError } from "../planError";
import { computePlan } from "./computePlan";
import type { PlanNode } from "./planResult";
import { validatePlanFile } from "./validatePlanFile";

const REGIONS = ["East", "West", "华北"];
const REPS = ["Ann", "Bo", "Cy", "Dee", "李雷"];
const PRODUCTS = ["A", "B"];

const record = fc.record({
  year: fc.integer({ min: 2022, max: 2026 }),
  month: fc.integer({ min: 1, max: 12 }),
  amount: fc.oneof(
    fc.integer({ min: -500, max: 50000 }),
    fc.double({ min: 0, max: 1e5, noNaN: true }),
  ),
  region: fc.constantFrom(...REGIONS),
  rep: fc.constantFrom(...REPS),
  product: fc.constantFrom(...PRODUCTS),
});

/** A full base year, so a growth target can be planned: one positive row in every month of 2025. */
const baseYearArb = fc.tuple(
  ...Array.from({ length: 12 }, (_, i) =>
    record.map((r) => ({ ...r, year: 2025, month: i + 1, amount: Math.abs(r.amount) + 1 })),
  ),
);

const levelsArb = fc
  .shuffledSubarray(["region", "product", "rep"] as const, { minLength: 0, maxLength: 3 })
  .chain((dims) =>
    fc.tuple(
      ...dims.map((dimension) =>
        fc.record({
          dimension: fc.constant(dimension),
          method: fc.constantFrom("lastYear", "history", "equal"),
          max: fc.option(fc.record({ ofLastYear: fc.double({ min: 1, max: 3, noNaN: true }) }), {
            nil: undefined,
          }),
        }),
      ),
    ),
  );

const planArb = fc.record({
  target: fc.oneof(
    fc.record({ amount: fc.integer({ min: 0, max: 5000 }).map((n) => n * 100) }),
    fc.record({ growth: fc.double({ min: -0.5, max: 1, noNaN: true }) }),
  ),
  levels: levelsArb,
  unit: fc.constantFrom(1, 100),
  time: fc.constantFrom("seasonality", "yearlyShareAverage", "equal"),
  profile: fc.constantFrom("company", "leaf"),
  lockShare: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
});

function checkNode(node: PlanNode, unit: number): void {
  expect(Number.isInteger(node.units)).toBe(true);
  expect(node.units).toBeGreaterThanOrEqual(0);
  if (node.children.length > 0) {
    expect(node.children.reduce((s, c) => s + c.units, 0)).toBe(node.units);
    node.children.forEach((c) => checkNode(c, unit));
  } else {
    const months = node.monthUnits ?? [];
    expect(months).toHaveLength(12);
    expect(months.reduce((a, b) => a + b, 0)).toBe(node.units);
    months.forEach((m) => expect(m).toBeGreaterThanOrEqual(0));
  }
}

describe("computePlan — properties", () => {
  it("keeps every split exact, non-negative, within caps and locks, and deterministic", () => {
    fc.assert(
      fc.property(
        fc.array(record, { minLength: 1, maxLength: 120 }),
        baseYearArb,
        planArb,
        (extra, baseYear, p) => {
          const records: HistoryRecord[] = [...baseYear, ...extra].map((r, i) => ({
            year: r.year,
            month: r.month,
            amount: r.amount,
            dims: { region: r.region, rep: r.rep, product: r.product },
            cell: `E${i + 2}`,
            transaction: true,
          }));
          const first = p.levels[0];
          const lockMember = first
            ? records.find((r) => r.year < 2026)?.dims[first.dimension]
            : undefined;
          const parsed = validatePlanFile({
            version: 1,
            planYear: 2026,
            target: p.target,
            levels: p.levels,
            time: { method: p.time, years: 3, profile: p.profile },
            rounding: { unit: p.unit },
            locks:
              first && lockMember && p.lockShare !== undefined
                ? [{ where: { [first.dimension]: lockMember }, share: p.lockShare }]
                : [],
          });
          if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
          let result;
          try {
            result = computePlan({ records }, parsed.plan);
          } catch (e) {
            // Inputs that cannot be planned must say so with a code, never crash.
            expect(e).toBeInstanceOf(PlanError);
            return;
          }
          expect(computePlan({ records }, parsed.plan)).toEqual(result);
          checkNode(result.root, p.unit);
          expect(result.rows.reduce((s, r) => s + r.annual, 0)).toBe(result.target);
          for (const row of result.rows) {
            expect(row.months.reduce((a, b) => a + b, 0)).toBe(row.annual);
            row.months.forEach((m) => expect(m % p.unit).toBe(0));
          }
          const lock = parsed.plan.locks[0];
          if (lock && first) {
            const node = result.root.children.find((c) => c.member === lock.where[first.dimension]);
            expect(node?.units).toBe(
              Math.floor(
                result.root.units * (lock.share ?? 0) + 0.5 + 1e-9 * Math.max(1, result.root.units),
              ),
            );
          }
          const capped = (node: PlanNode, depth: number): void => {
            const level = parsed.plan.levels[depth];
            node.children.forEach((c) => {
              if (level?.max && "ofLastYear" in level.max && !c.lock) {
                expect(c.units * p.unit).toBeLessThanOrEqual(
                  Math.max(0, c.baseNet) * level.max.ofLastYear + 1e-6,
                );
              }
              capped(c, depth + 1);
            });
          };
          capped(result.root, 0);
          // Base-year months: a leaf's sum to its base net; the root's are the company's.
          for (const row of result.rows) {
            expect(row.baseMonths).toHaveLength(12);
            const sum = row.baseMonths.reduce((a, b) => a + b, 0);
            expect(Math.abs(sum - row.baseNet)).toBeLessThan(0.07);
          }
          result.root.baseMonths.forEach((m, i) =>
            expect(Math.abs(m - result.baseMonths[i])).toBeLessThan(0.006),
          );
          for (const t of result.tracking.filter((x) => x.status === "open")) {
            expect(t.reforecast! % p.unit).toBe(0);
            expect(t.reforecast).toBeGreaterThanOrEqual(0);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
