import fc from "fast-check";
import { insideLayout, layoutOf, parseLayout } from "./sheetLayout";
import type { SheetCell } from "./sheetModel";

/** Random sparse sheets: rows of cells or blanks, rows and patterns of rows repeated. */
const sheets = fc
  .array(
    fc.record({
      pattern: fc.array(
        fc.record({
          cells: fc.array(fc.boolean(), { maxLength: 12 }),
          repeat: fc.integer({ min: 1, max: 4 }),
        }),
        { minLength: 1, maxLength: 4 },
      ),
      times: fc.integer({ min: 1, max: 5 }),
    }),
    { maxLength: 6 },
  )
  .map((parts) =>
    parts.flatMap(({ pattern, times }) =>
      Array.from({ length: times }, () =>
        pattern.flatMap(({ cells, repeat }) =>
          Array.from({ length: repeat }, () =>
            cells.map((on, c): SheetCell | null => (on ? { value: c } : null)),
          ),
        ),
      ).flat(),
    ),
  );

describe("sheet layouts", () => {
  it("say of every cell whether the model writes it, and survive the plan store's JSON", () => {
    fc.assert(
      fc.property(sheets, (rows) => {
        const layout = layoutOf({ rows });
        const inside = insideLayout(layout);
        const width = Math.max(0, ...rows.map((r) => r.length)) + 2;
        for (let r = 0; r < rows.length + 2; r++) {
          for (let c = 0; c < width; c++) {
            expect(inside(r, c)).toBe((rows[r]?.[c] ?? null) !== null);
          }
        }
        expect(parseLayout(JSON.parse(JSON.stringify(layout)))).toEqual(layout);
        // Rows of one shape share a run: never more runs than rows with cells.
        expect(layout.length).toBeLessThanOrEqual(rows.filter((r) => r.some(Boolean)).length);
      }),
    );
  });

  it("leave out the cells a regeneration put back for the user", () => {
    const rows = [
      [{ value: "Title" }, null, { value: "note" }],
      [{ value: 1 }, { value: 2 }],
    ];
    const layout = layoutOf({ rows }, (r, c) => r === 0 && c === 2);
    expect(layout).toEqual([
      { row: 0, every: 0, times: 1, runs: [{ row: 0, rows: 1, columns: [[0, 0]] }] },
      { row: 1, every: 0, times: 1, runs: [{ row: 0, rows: 1, columns: [[0, 1]] }] },
    ]);
  });

  it("a million rows of one shape take one run, a thousand repeated blocks one block", () => {
    const row = [{ value: "a" }, { value: 1 }, null, { value: "x" }];
    expect(layoutOf({ rows: Array.from({ length: 1_000_000 }, () => row) })).toEqual([
      {
        row: 0,
        every: 0,
        times: 1,
        runs: [
          {
            row: 0,
            rows: 1_000_000,
            columns: [
              [0, 1],
              [3, 3],
            ],
          },
        ],
      },
    ]);
    // A tracking sheet: per rep a heading, four rows of figures and a blank row, 1,000 reps.
    const block = [[{ value: "Ann" }], ...Array.from({ length: 4 }, () => row), []];
    const rows = [[{ value: "Tracking" }], [], ...Array.from({ length: 1000 }, () => block).flat()];
    const layout = layoutOf({ rows });
    expect(layout.length).toBeLessThanOrEqual(3);
    expect(Math.max(...layout.map((b) => b.times))).toBeGreaterThanOrEqual(999);
    const inside = insideLayout(layout);
    expect(inside(2 + 6 * 999, 0)).toBe(true);
    expect(inside(2 + 6 * 999 + 1, 2)).toBe(false);
    expect(inside(2 + 6 * 999 + 5, 0)).toBe(false);
    expect(inside(2 + 6 * 1000, 0)).toBe(false);
  });

  it("are refused when edited out of shape, so nothing is taken for a user's by them", () => {
    const run = (row: number, rows: number, columns: unknown) => ({ row, rows, columns });
    const block = (row: number, every: number, times: number, runs: unknown[]) => ({
      row,
      every,
      times,
      runs,
    });
    for (const bad of [
      "blocks",
      [block(-1, 0, 1, [run(0, 1, [])])],
      [block(0, 0, 1, [run(0, 0, [])])],
      [block(0, 0, 0, [run(0, 1, [])])],
      [block(0, 0, 1, [])],
      [block(0, 0, 1, [run(0, 2, [[3, 1]])])],
      [
        block(0, 0, 1, [
          run(0, 2, [
            [0, 4],
            [2, 6],
          ]),
        ]),
      ],
      [block(0, 0, 1, [run(2, 2, [[0, 1]]), run(3, 1, [[0, 1]])])],
      [block(5, 0, 1, [run(0, 2, [[0, 1]])]), block(6, 0, 1, [run(0, 1, [[0, 1]])])],
      [block(0, 2, 3, [run(0, 3, [[0, 1]])])],
      [block(0, 0, 1, [run(0, 1, [[0, "B"]])])],
    ]) {
      expect(parseLayout(bad)).toBeNull();
    }
  });
});
