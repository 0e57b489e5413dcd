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

  it("names the children a negative net leaves out, with the net and the window", () => {
    const lastYear = splitWeights({ dimension: "rep", method: "lastYear" }, kids, 2026);
    expect(lastYear.negative).toEqual([{ member: "Cy", net: -10, years: 1 }]);
    // Over three years Cy's net is positive: a member, not left out.
    const pooled = splitWeights({ dimension: "rep", method: "history", years: 3 }, kids, 2026);
    expect(pooled.negative).toEqual([]);
  });

  it("names only the children a blend leaves out altogether, by the first negative part", () => {
    const parts = [
      { method: "lastYear" as const, weight: 1 },
      { method: "history" as const, weight: 1, years: 2 },
    ];
    const w = splitWeights(
      { dimension: "rep", method: "blend", parts },
      [...kids, kid("Dee", { 2024: -20, 2025: -5 })],
      2026,
    );
    expect(w.negative).toEqual([
      { member: "Cy", net: -10, years: 1 },
      { member: "Dee", net: -5, years: 1 },
    ]);
  });

  it("names the children with history that manual weights leave out", () => {
    const manual = splitWeights(
      { dimension: "rep", method: "manual", weights: { Ann: 3, Bo: 0 } },
      [...kids, kid("New", {}, 0)],
      2026,
    );
    // Bo is named (with zero): a choice, not an omission; New has no history.
    expect(manual.leftOut).toEqual([{ member: "Cy" }]);
    const blend = splitWeights(
      {
        dimension: "rep",
        method: "blend",
        parts: [
          { method: "lastYear", weight: 1 },
          { method: "manual", weight: 1, weights: { Ann: 1 } },
        ],
      },
      kids,
      2026,
    );
    expect(blend.leftOut).toEqual([
      { member: "Bo", part: 1 },
      { member: "Cy", part: 1 },
    ]);
    expect(blend.weights.has("Bo")).toBe(true);
  });

  it("falls back to an equal split among children with any earlier row", () => {
    const w = splitWeights(
      { dimension: "rep", method: "lastYear" },
      [kid("A", { 2025: 0 }, 3), kid("B", { 2025: -5 }, 1), kid("C", {}, 0)],
      2026,
    );
    expect(w.equalFallback).toBe(true);
    expect([...w.weights.keys()]).toEqual(["A", "B"]);
    // B's negative net still gets an equal share: nobody is left out.
    expect(w.negative).toEqual([]);
  });
});
