import fc from "fast-check";
import type { CellValue } from "../grid";
import { fillMergedCells } from "./fillMergedCells";
import { makeGridView, type GridArea } from "./gridView";

const grid = (values: CellValue[][], merges: string[], origin?: { row: number; column: number }) =>
  makeGridView({ sheet: "S", values, merges, origin });

describe("fillMergedCells", () => {
  const view = grid(
    [
      ["Region", "Rep", "Amount"],
      ["East", "Ann", 1],
      ["", "Bo", 2],
      [null, "Cy", 3],
      ["West", "Di", 4],
    ],
    ["A2:A4"],
  );

  it("gives the empty cells of a merged area the top-left cell's value", () => {
    const filled = fillMergedCells(view, view.merges);
    expect([1, 2, 3, 4].map((row) => filled.cell(row, 0))).toEqual([
      "East",
      "East",
      "East",
      "West",
    ]);
    // Everything else reads as before.
    expect(filled.cell(2, 1)).toBe("Bo");
    expect(filled.rowCount).toBe(5);
    expect(filled.address(2, 0)).toBe("A3");
  });

  it("gives them the top-left cell's number format too", () => {
    const dated = makeGridView({
      sheet: "S",
      values: [[45658], [null]],
      numberFormats: [["yyyy-mm-dd"], ["General"]],
      merges: ["A1:A2"],
    });
    const filled = fillMergedCells(dated, dated.merges);
    expect(filled.cell(1, 0)).toBe(45658);
    expect(filled.format(1, 0)).toBe("yyyy-mm-dd");
  });

  it("fills only the columns it is given", () => {
    const wide = grid(
      [
        ["East", "", 10, ""],
        ["", "", "", ""],
      ],
      ["A1:B2", "C1:D2"],
    );
    const filled = fillMergedCells(wide, wide.merges, new Set([0, 1]));
    expect(filled.cell(1, 1)).toBe("East");
    expect(filled.cell(0, 3)).toBe("");
    expect(filled.cell(1, 2)).toBe("");
  });

  it("reads merges given with the grid's origin, and never fills from outside the grid", () => {
    // The grid starts at B3 (an Excel table): B3:B4 is rows 0…1 of column 0; A1:B3 starts before it.
    const offset = grid(
      [
        ["x", 1],
        [null, 2],
      ],
      ["B3:B4", "A1:B3", "not a range", "C3"],
      { row: 2, column: 1 },
    );
    expect(offset.merges).toEqual([
      { top: 0, left: 0, bottom: 1, right: 0 },
      { top: -2, left: -1, bottom: 0, right: 0 },
    ]);
    const filled = fillMergedCells(offset, offset.merges);
    expect(filled.cell(1, 0)).toBe("x");
  });

  it("never changes a cell that holds a value, nor one outside every area", () => {
    const arbitraryGrid = fc.array(
      fc.array(fc.oneof(fc.constant(null), fc.constant(""), fc.integer(), fc.string()), {
        maxLength: 5,
      }),
      { maxLength: 8 },
    );
    const arbitraryArea = fc
      .record({
        top: fc.integer({ min: 0, max: 8 }),
        left: fc.integer({ min: 0, max: 5 }),
        height: fc.integer({ min: 0, max: 4 }),
        width: fc.integer({ min: 0, max: 3 }),
      })
      .map(({ top, left, height, width }): GridArea => ({
        top,
        left,
        bottom: top + height,
        right: left + width,
      }));
    fc.assert(
      fc.property(arbitraryGrid, fc.array(arbitraryArea, { maxLength: 4 }), (values, areas) => {
        const base = makeGridView({ sheet: "S", values });
        const filled = fillMergedCells(base, areas);
        values.forEach((row, r) =>
          row.forEach((_, c) => {
            const before = base.cell(r, c);
            const inArea = areas.some(
              (a) => r >= a.top && r <= a.bottom && c >= a.left && c <= a.right,
            );
            if ((before !== null && before !== "") || !inArea) {
              expect(filled.cell(r, c)).toBe(before);
            }
          }),
        );
      }),
    );
  });
});
