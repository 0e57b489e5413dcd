import fc from "fast-check";
import { computePlan } from "./computePlan";
import { distributeWithBounds } from "./distributeWithBounds";
import { validPlan } from "./testing/validPlan";

describe("distributeWithBounds", () => {
  it("caps a child and spreads its excess by weight", () => {
    expect(
      distributeWithBounds(100, [
        { key: "a", weight: 3, max: 50 },
        { key: "b", weight: 1 },
      ]),
    ).toEqual({ ok: true, units: [50, 50] });
  });

  it("raises a child to its floor and takes the difference from the others", () => {
    expect(
      distributeWithBounds(100, [
        { key: "a", weight: 1, min: 40 },
        { key: "b", weight: 4 },
        { key: "c", weight: 5 },
      ]),
    ).toEqual({ ok: true, units: [40, 27, 33] });
  });

  it("reports bounds that cannot hold", () => {
    expect(
      distributeWithBounds(100, [
        { key: "a", weight: 1, max: 30 },
        { key: "b", weight: 1, max: 30 },
      ]),
    ).toMatchObject({ ok: false, maxTotal: 60 });
    expect(distributeWithBounds(10, [{ key: "a", weight: 1, min: 30 }])).toMatchObject({
      ok: false,
      minTotal: 30,
    });
  });

  const child = fc.record({
    weight: fc.oneof(fc.constant(0), fc.double({ min: 0.001, max: 1000, noNaN: true })),
    min: fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }),
    max: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: undefined }),
  });

  it("holds every bound and the exact total whenever the bounds are feasible", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20000 }),
        fc.array(child, { minLength: 1, maxLength: 12 }),
        (total, raw) => {
          const children = raw.map((c, i) => ({ key: `k${i}`, ...c }));
          const lo = children.reduce((s, c) => s + (c.min ?? 0), 0);
          const hi = children.reduce((s, c) => s + (c.max ?? Infinity), 0);
          const feasible =
            children.every((c) => (c.min ?? 0) <= (c.max ?? Infinity)) &&
            total >= lo &&
            total <= hi;
          const out = distributeWithBounds(total, children);
          expect(out.ok).toBe(feasible);
          if (!out.ok) return;
          expect(out.units.reduce((a, b) => a + b, 0)).toBe(total);
          out.units.forEach((u, i) => {
            expect(Number.isInteger(u)).toBe(true);
            expect(u).toBeGreaterThanOrEqual(children[i].min ?? 0);
            expect(u).toBeLessThanOrEqual(children[i].max ?? Infinity);
          });
        },
      ),
      { numRuns: 400 },
    );
  });

  it("matches the plain split when no bound binds", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e6 }),
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 10 }),
        (total, ws) => {
          const out = distributeWithBounds(
            total,
            ws.map((w, i) => ({ key: `k${i}`, weight: w })),
          );
          const sum = ws.reduce((a, b) => a + b, 0);
          if (!out.ok) throw new Error("unbounded split must be feasible");
          out.units.forEach((u, i) =>
            expect(Math.abs(u - (total * ws[i]) / sum)).toBeLessThan(1 + 1e-9),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
  it("ends, and splits by the ratios, when a weight is subnormal (5e-324) or bounds overflow a double", () => {
    const tiny = distributeWithBounds(287200, [
      { key: "a", weight: 5e-324, max: 200000 },
      { key: "b", weight: 3.1e-304, max: 200000 },
    ]);
    expect(tiny).toEqual({ ok: true, units: [87200, 200000] });
    const huge = distributeWithBounds(10, [
      { key: "a", weight: 1e-300, max: 1e308 },
      { key: "b", weight: 1e-300, max: 1e308 },
    ]);
    expect(huge).toEqual({ ok: true, units: [5, 5] });
  });

  it("a plan over a history with a subnormal amount ends, with every split exact", () => {
    const record = (year: number, month: number, region: string, rep: string, amount: number) => ({
      year,
      month,
      amount,
      dims: { region, rep },
      cell: "A1",
      transaction: true,
    });
    const plan = validPlan({
      version: 1,
      planYear: 2026,
      target: { amount: 287200 },
      levels: [
        { dimension: "region", method: "lastYear" },
        { dimension: "rep", method: "lastYear" },
      ],
      rounding: { unit: 100 },
    });
    const result = computePlan(
      {
        records: [
          record(2025, 4, "West", "Cy", 5e-324),
          record(2023, 7, "East", "李雷", 3.1e-304),
          record(2024, 5, "华北", "Bo", 9621),
          record(2023, 3, "华北", "李雷", 15282),
        ],
      },
      plan,
    );
    expect(result.rows.reduce((sum, row) => sum + row.annual, 0)).toBe(287200);
  });
});
