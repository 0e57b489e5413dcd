import fc from "fast-check";
import { aggregateByMonth, type MonthCell } from "./aggregate";
import { hasFullWindow, monthShares } from "./timeShares";
import { PlanError } from "../planError";

function cells(byYear: Record<number, number[]>): MonthCell[] {
  return Object.entries(byYear).flatMap(([year, months]) =>
    months.map((amount, i) => ({ members: [], year: Number(year), month: i + 1, amount, rows: 1 })),
  );
}

const flat = (v: number) => new Array<number>(12).fill(v);

describe("monthShares", () => {
  it("seasonality pools the window's months (bigger years weigh more)", () => {
    const c = cells({ 2024: [...flat(10).slice(0, 11), 100], 2025: flat(100) });
    const { shares } = monthShares(c, 2026, { method: "seasonality", years: 2 });
    expect(shares[11]).toBeCloseTo(200 / (1200 + 210), 12);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it("yearlyShareAverage weighs every year alike", () => {
    const c = cells({ 2024: [...flat(10).slice(0, 11), 100], 2025: flat(100) });
    const { shares } = monthShares(c, 2026, { method: "yearlyShareAverage", years: 2 });
    expect(shares[11]).toBeCloseTo((100 / 210 + 1 / 12) / 2, 12);
  });

  it("movingAverageRatio recovers a stable multiplicative pattern despite growth", () => {
    const pattern = [0.8, 0.6, 1, 1, 1.1, 1.1, 0.9, 0.9, 1, 1.1, 1.2, 1.3];
    const byYear: Record<number, number[]> = {};
    for (let y = 2022; y <= 2025; y++)
      byYear[y] = pattern.map((p, m) => 1000 * p * Math.pow(1.01, (y - 2022) * 12 + m));
    const { shares } = monthShares(cells(byYear), 2026, { method: "movingAverageRatio", years: 4 });
    const sum = pattern.reduce((a, b) => a + b, 0);
    shares.forEach((s, i) => expect(s).toBeCloseTo(pattern[i] / sum, 2));
  });

  it("movingAverageRatio needs 24 months", () => {
    expect(() =>
      monthShares(cells({ 2025: flat(5) }), 2026, { method: "movingAverageRatio", years: 3 }),
    ).toThrow(PlanError);
  });

  it("equal and manual", () => {
    expect(monthShares([], 2026, { method: "equal", years: 3 }).shares).toEqual(flat(1 / 12));
    const manual = monthShares([], 2026, {
      method: "manual",
      years: 3,
      weights: [2, ...flat(1).slice(1)],
    }).shares;
    expect(manual[0]).toBeCloseTo(2 / 13, 12);
  });

  it("counts a negative month as zero, and says so", () => {
    const r = monthShares(cells({ 2025: [-50, ...flat(10).slice(1)] }), 2026, {
      method: "seasonality",
      years: 1,
    });
    expect(r.shares[0]).toBe(0);
    expect(r.notices[0].code).toBe("negative-month-clamped");
  });

  it("ignores rows outside the window, plan-year rows included", () => {
    const c = cells({
      2020: [1e9, ...flat(0).slice(1)],
      2025: flat(10),
      2026: [0, 1e9, ...flat(0).slice(2)],
    });
    expect(monthShares(c, 2026, { method: "seasonality", years: 3 }).shares).toEqual(
      flat(10 / 120),
    );
  });

  it("refuses a window without sales", () => {
    expect(() => monthShares([], 2026, { method: "seasonality", years: 3 })).toThrow(PlanError);
  });
});

describe("hasFullWindow", () => {
  it("needs a row in every month of every window year", () => {
    expect(hasFullWindow(cells({ 2024: flat(1), 2025: flat(1) }), 2026, 2)).toBe(true);
    expect(hasFullWindow(cells({ 2025: flat(1) }), 2026, 2)).toBe(false);
  });
});

describe("aggregateByMonth", () => {
  it("sums rows per members and month, blank members as (blank)", () => {
    const out = aggregateByMonth(
      [
        { year: 2025, month: 1, amount: 5, dims: { rep: "Ann" }, cell: "A2", transaction: true },
        { year: 2025, month: 1, amount: 7, dims: { rep: "Ann" }, cell: "A3", transaction: true },
        { year: 2025, month: 1, amount: 1, dims: {}, cell: "A4", transaction: true },
      ],
      ["rep"],
    );
    expect(out).toEqual([
      { members: ["Ann"], year: 2025, month: 1, amount: 12, rows: 2 },
      { members: ["(blank)"], year: 2025, month: 1, amount: 1, rows: 1 },
    ]);
  });

  it("equals summing by a joined key, in first-seen order, for any records and levels", () => {
    const dimensions = ["region", "product", "rep"] as const;
    const record = fc.record({
      year: fc.integer({ min: 2023, max: 2025 }),
      month: fc.integer({ min: 1, max: 12 }),
      amount: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      dims: fc.record(
        {
          region: fc.constantFrom("East", "West", ""),
          product: fc.constantFrom("A", "B"),
          rep: fc.constantFrom("Ann", "Bo", "Ann\u0000"),
        },
        { requiredKeys: [] },
      ),
    });
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 60 }),
        fc.subarray([...dimensions]),
        (raw, levels) => {
          const records = raw.map((r, i) => ({ ...r, cell: `A${i + 2}`, transaction: true }));
          const expected = new Map<string, MonthCell>();
          for (const r of records) {
            const members = levels.map((d) => r.dims[d] ?? "(blank)");
            const key = JSON.stringify([members, r.year, r.month]);
            const cell = expected.get(key);
            if (cell) {
              cell.amount += r.amount;
              cell.rows += 1;
            } else
              expected.set(key, {
                members,
                year: r.year,
                month: r.month,
                amount: r.amount,
                rows: 1,
              });
          }
          expect(aggregateByMonth(records, levels)).toEqual([...expected.values()]);
        },
      ),
    );
  });
});
