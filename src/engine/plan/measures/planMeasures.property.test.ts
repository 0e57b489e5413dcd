import fc from "fast-check";
import type { HistoryRecord } from "../../history";
import { PlanError } from "../../planError";
import { computePlan } from "../computePlan";
import { measureProblems } from "../testing/measureChecks";
import { validatePlanFile } from "../validatePlanFile";

const REGIONS = ["East", "West", "华北"];
const REPS = ["Ann", "Bo", "Cy", "李雷"];

/** A history row with a quantity (sometimes missing or negative) and a cost (sometimes above the amount). */
const record = fc.record({
  year: fc.integer({ min: 2022, max: 2026 }),
  month: fc.integer({ min: 1, max: 12 }),
  // Money to the cent, as histories hold it (denormal doubles are no amount any sheet holds).
  amount: fc.oneof(
    fc.integer({ min: -500, max: 40000 }),
    fc.integer({ min: 0, max: 10_000_000 }).map((cents) => cents / 100),
  ),
  quantity: fc.option(fc.integer({ min: -3, max: 400 }), { nil: undefined }),
  costShare: fc.double({ min: 0, max: 1.3, noNaN: true }),
  region: fc.constantFrom(...REGIONS),
  rep: fc.constantFrom(...REPS),
});

const measuresArb = fc.record(
  {
    quantity: fc.record({ unit: fc.constantFrom(1, 5, 10) }),
    grossProfit: fc.oneof(
      fc.constant({}),
      fc.record({ target: fc.record({ margin: fc.double({ min: 0, max: 1, noNaN: true }) }) }),
      fc.record({
        target: fc.record({ amount: fc.integer({ min: 0, max: 3000 }).map((n) => n * 100) }),
      }),
    ),
    expenses: fc.oneof(
      fc.record({ rate: fc.double({ min: 0, max: 1, noNaN: true }) }),
      fc.record({ amount: fc.integer({ min: 0, max: 3000 }).map((n) => n * 100) }),
    ),
  },
  { requiredKeys: [] },
);

const planArb = fc.record({
  target: fc.oneof(
    fc.record({ amount: fc.integer({ min: 0, max: 5000 }).map((n) => n * 100) }),
    fc.record({ growth: fc.double({ min: -0.5, max: 1, noNaN: true }) }),
  ),
  levels: fc.constantFrom([], ["region"], ["region", "rep"], ["rep"]),
  unit: fc.constantFrom(1, 100),
  time: fc.constantFrom("seasonality", "equal"),
  measures: measuresArb,
});

/** Errors a random history may rightly end in: nothing to plan from, or no price anywhere. */
const EXPECTED_ERRORS = new Set([
  "measure-too-large",
  "growth-needs-full-base-year",
  "base-not-positive",
  "no-sales-in-window",
  "no-history-before-plan-year",
  "measure-no-ratio",
]);

describe("measures — properties over random histories", () => {
  it("keeps every measure exact, on its target, and the same for the same input", () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 150 }), planArb, (rows, p) => {
        const records: HistoryRecord[] = rows.map((r, i) => ({
          year: r.year,
          month: r.month,
          amount: r.amount,
          ...(r.quantity !== undefined ? { quantity: r.quantity } : {}),
          cost: Math.round(r.amount * r.costShare * 100) / 100,
          dims: { region: r.region, rep: r.rep },
          cell: `H${i + 2}`,
          transaction: true,
        }));
        const validation = validatePlanFile({
          version: 1,
          planYear: 2026,
          target: p.target,
          levels: p.levels.map((dimension) => ({ dimension })),
          time: { method: p.time },
          rounding: { unit: p.unit },
          measures: p.measures,
        });
        if (!validation.ok) throw new Error(JSON.stringify(validation.problems));
        const plan = validation.plan;
        let result;
        try {
          result = computePlan({ records }, plan);
        } catch (e) {
          if (e instanceof PlanError && EXPECTED_ERRORS.has(e.code)) return;
          // Gross profit and expense amounts are multiples of 100, so of either unit: no other
          // error is expected.
          throw e;
        }
        if (Object.keys(p.measures).length === 0) {
          expect(result.measures).toBeUndefined();
          return;
        }
        expect(measureProblems(result)).toEqual([]);
        const gross = result.measures?.grossProfit;
        if (gross) {
          const target = plan.measures?.grossProfit?.target;
          if (target && "amount" in target) expect(gross.total).toBe(target.amount);
          const sharedLoss = new Set(
            result.warnings
              .filter((w) => w.code === "gross-profit-loss-leaf-share")
              .map((w) => w.params.member),
          );
          for (const row of result.rows) {
            const margin = row.ratios?.grossProfit?.value ?? 0;
            // With a target, a loss-making leaf gets nothing, unless nothing beside it had a gain
            // to take the target: then a warning names it.
            if (target && margin < 0 && !sharedLoss.has(row.path.join(" / ") || "(total)")) {
              expect(row.measures?.grossProfit?.annual).toBe(0);
            }
            if (target) expect(row.measures?.grossProfit?.annual).toBeGreaterThanOrEqual(0);
          }
        }
        for (const row of result.rows) {
          const quantity = row.measures?.quantity;
          if (quantity) {
            expect(quantity.annual).toBeGreaterThanOrEqual(0);
            expect(row.ratios?.quantity?.value).toBeGreaterThan(0);
          }
        }
        expect(computePlan({ records }, plan)).toEqual(result);
      }),
      { numRuns: 200 },
    );
  });
});
