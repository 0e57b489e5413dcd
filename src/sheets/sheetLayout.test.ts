import fc from "fast-check";
import { insideLayout, layoutOf, parseLayout } from "./sheetLayout";
import type { SheetCell } from "./sheetModel";

/** Random sparse sheets: rows of cells or blanks, some rows repeated to make runs. */
const sheets = fc
  .array(
    fc.record({
      cells: fc.array(fc.boolean(), { maxLength: 12 }),
      repeat: fc.integer({ min: 1, max: 4 }),
    }),
    { maxLength: 12 },
  )
  .map((shapes) =>
    shapes.flatMap(({ cells, repeat }) =>
      Array.from({ length: repeat }, () =>
        cells.map((on, c): SheetCell | null => (on ? { value: c } : null)),
      ),
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
      { row: 0, rows: 1, columns: [[0, 0]] },
      { row: 1, rows: 1, columns: [[0, 1]] },
    ]);
  });

  it("a million rows of one shape take one run", () => {
    const row = [{ value: "a" }, { value: 1 }, null, { value: "x" }];
    const rows = Array.from({ length: 1_000_000 }, () => row);
    expect(layoutOf({ rows })).toEqual([
      {
        row: 0,
        rows: 1_000_000,
        columns: [
          [0, 1],
          [3, 3],
        ],
      },
    ]);
  });

  it("are refused when edited out of shape, so nothing is taken for a user's by them", () => {
    for (const bad of [
      "runs",
      [{ row: -1, rows: 1, columns: [] }],
      [{ row: 0, rows: 0, columns: [] }],
      [{ row: 0, rows: 2, columns: [[3, 1]] }],
      [
        {
          row: 0,
          rows: 2,
          columns: [
            [0, 4],
            [2, 6],
          ],
        },
      ],
      [
        { row: 5, rows: 2, columns: [[0, 1]] },
        { row: 6, rows: 1, columns: [[0, 1]] },
      ],
      [{ row: 0, rows: 1, columns: [[0, "B"]] }],
    ]) {
      expect(parseLayout(bad)).toBeNull();
    }
  });
});
