import { splitWeights, type ChildHistory } from "./splitWeights";

const kid = (member: string, byYear: Record<number, number>, rows = 1): ChildHistory => ({
  member,
  netByYear: new Map(Object.entries(byYear).map(([y, v]) => [Number(y), v])),
  rows,
});

const kids = [
  kid("Bo", { 2024: 100, 2025: 50 }),
  kid("Ann", { 2025: 150 }),
  kid("Cy", { 2023: 300, 2025: -10 }),
];

describe("splitWeights", () => {
  it("lastYear: base-year net sales; members in code-point order; non-positive out", () => {
    const w = splitWeights({ dimension: "rep", method: "lastYear" }, kids, 2026);
    expect([...w.weights]).toEqual([
      ["Ann", 150],
      ["Bo", 50],
    ]);
  });

  it("history pools the years", () => {
    const w = splitWeights({ dimension: "rep", method: "history", years: 3 }, kids, 2026);
    expect([...w.weights]).toEqual([
      ["Ann", 150],
      ["Bo", 150],
      ["Cy", 290],
    ]);
  });

  it("equal gives every member of the window one share", () => {
    expect([
      ...splitWeights({ dimension: "rep", method: "equal", years: 3 }, kids, 2026).weights.values(),
    ]).toEqual([1, 1, 1]);
  });

  it("manual takes the named children with positive weights", () => {
    const w = splitWeights(
      { dimension: "rep", method: "manual", weights: { Ann: 3, Zed: 1, Bo: 0 } },
      kids,
      2026,
    );
    expect([...w.weights]).toEqual([
      ["Ann", 3],
      ["Zed", 1],
    ]);
  });

  it("blend mixes the normalised shares of its parts by their weights", () => {
    const w = splitWeights(
      {
        dimension: "rep",
        method: "blend",
        parts: [
          { method: "lastYear", weight: 0.5 },
          { method: "equal", weight: 0.5, years: 3 },
        ],
      },
      kids,
      2026,
    );
    expect(w.weights.get("Ann")).toBeCloseTo(0.5 * 0.75 + 0.5 / 3, 12);
    expect(w.weights.get("Cy")).toBeCloseTo(0.5 / 3, 12);
  });

  it("falls back to an equal split among children with any earlier row", () => {
    const w = splitWeights(
      { dimension: "rep", method: "lastYear" },
      [kid("A", { 2025: 0 }, 3), kid("B", { 2025: -5 }, 1), kid("C", {}, 0)],
      2026,
    );
    expect(w.equalFallback).toBe(true);
    expect([...w.weights.keys()]).toEqual(["A", "B"]);
  });
});
