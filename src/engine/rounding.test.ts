import fc from "fast-check";
import {
  allocateByLargestRemainder,
  byCodePoint,
  ceilUnits,
  floorUnits,
  roundHalfUp,
} from "./rounding";

describe("allocateByLargestRemainder", () => {
  it("gives the leftover units to the largest remainders", () => {
    // Exact quotas 3.5, 3.5, 3: the two halves share the one leftover unit by key order.
    expect(
      allocateByLargestRemainder(10, [
        { key: "b", weight: 3.5 },
        { key: "a", weight: 3.5 },
        { key: "c", weight: 3 },
      ]),
    ).toEqual([3, 4, 3]);
  });

  it("breaks equal remainders by the larger exact quota first", () => {
    // Quotas 1.5 and 4.5 have equal remainders: the larger quota (4.5) wins the unit.
    expect(
      allocateByLargestRemainder(6, [
        { key: "a", weight: 1.5 },
        { key: "z", weight: 4.5 },
      ]),
    ).toEqual([1, 5]);
  });

  it("orders keys by code point, not locale", () => {
    expect(
      allocateByLargestRemainder(1, [
        { key: "b", weight: 1 },
        { key: "B", weight: 1 },
      ]),
    ).toEqual([0, 1]);
    expect(["b", "华东", "B", "𠀀", "ｚ"].sort(byCodePoint)).toEqual([
      "B",
      "b",
      "华东",
      "ｚ",
      "𠀀",
    ]);
  });

  it("splits equally when every weight is zero", () => {
    expect(
      allocateByLargestRemainder(5, [
        { key: "a", weight: 0 },
        { key: "b", weight: 0 },
      ]),
    ).toEqual([3, 2]);
  });

  it("refuses fractional totals and negative weights", () => {
    expect(() => allocateByLargestRemainder(1.5, [{ key: "a", weight: 1 }])).toThrow(RangeError);
    expect(() => allocateByLargestRemainder(1, [{ key: "a", weight: -1 }])).toThrow(RangeError);
  });

  const weights = fc.array(
    fc.record({
      key: fc.string({ maxLength: 4 }),
      weight: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e7, noNaN: true })),
    }),
    { minLength: 1, maxLength: 30 },
  );

  it("sums exactly to the total, each part within one unit of its exact quota, none negative", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), weights, (total, children) => {
        const parts = allocateByLargestRemainder(total, children);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        const sum = children.reduce((s, c) => s + c.weight, 0);
        parts.forEach((p, i) => {
          const exact = sum > 0 ? (total * children[i].weight) / sum : total / children.length;
          expect(p).toBeGreaterThanOrEqual(0);
          expect(Math.abs(p - exact)).toBeLessThan(1 + 1e-6 * Math.max(1, exact));
        });
      }),
      { numRuns: 300 },
    );
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), weights, (total, children) => {
        expect(allocateByLargestRemainder(total, children)).toEqual(
          allocateByLargestRemainder(total, children),
        );
      }),
      { numRuns: 100 },
    );
  });
});

describe("unit rounding", () => {
  it("rounds half up and forgives float noise", () => {
    expect([
      roundHalfUp(2.5),
      roundHalfUp(2.4999),
      roundHalfUp((276000 * 1.1) / 100),
      roundHalfUp(-2.5),
    ]).toEqual([3, 2, 3036, -2]);
    expect(floorUnits(0.7 * 100, 1)).toBe(70);
    expect(ceilUnits(1.1 * 100, 1)).toBe(110);
    expect(floorUnits(1550, 100)).toBe(15);
    expect(ceilUnits(1550, 100)).toBe(16);
  });
});
