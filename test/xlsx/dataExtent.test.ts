import fc from "fast-check";
import {
  CELLS_PER_DATA_CELL,
  dataExtent,
  WHOLE_GRID_CELLS,
  type CellSurvey,
} from "../../src/xlsx/dataExtent";

/** The survey of a sheet holding these cells (zero-based row, column). */
function surveyOf(cells: [number, number][]): CellSurvey {
  const firsts = new Map<number, number>();
  for (const [row, column] of cells) firsts.set(row, Math.min(firsts.get(row) ?? Infinity, column));
  return {
    rows: [...firsts].sort((a, b) => a[0] - b[0]).map(([row, first]) => ({ row, first })),
    columns: [...new Set(cells.map(([, column]) => column))].sort((a, b) => a - b),
    cells: cells.length,
  };
}

const block = (rows: number, columns: number): [number, number][] =>
  Array.from({ length: rows * columns }, (_, i) => [Math.floor(i / columns), i % columns]);

describe("dataExtent", () => {
  it("keeps the whole used range of a dense sheet, however large", () => {
    expect(dataExtent(surveyOf(block(3, 2)))).toEqual({ height: 3, width: 2 });
    // 2,000,000 rows × 4 columns: 8M cells, all of them data.
    const survey: CellSurvey = {
      rows: Array.from({ length: 2_000_000 }, (_, row) => ({ row, first: 0 })),
      columns: [0, 1, 2, 3],
      cells: 8_000_000,
    };
    expect(dataExtent(survey)).toEqual({ height: 2_000_000, width: 4 });
  });

  it("keeps a sparse range whole while it is small", () => {
    expect(
      dataExtent(
        surveyOf([
          [0, 0],
          [1999, 1999],
        ]),
      ),
    ).toEqual({ height: 2000, width: 2000 });
  });

  it("leaves out a stray cell far right or far down", () => {
    const data = block(20, 8);
    expect(dataExtent(surveyOf([...data, [1_048_575, 16_383]]))).toEqual({ height: 20, width: 8 });
    expect(dataExtent(surveyOf([...data, [1_048_575, 0]]))).toEqual({ height: 20, width: 8 });
    // Far right on a short sheet is still a small grid: kept whole.
    expect(dataExtent(surveyOf([...data, [3, 16_383]]))).toEqual({ height: 20, width: 16_384 });
  });

  it("keeps blank rows and columns inside the data", () => {
    const data: [number, number][] = [...block(5, 3), [9_000, 0], [9_000, 200], [700_000, 1]];
    // 700,001 × 201 cells for 18: the far row goes, the 9,000 blank rows and 197 columns stay.
    expect(dataExtent(surveyOf(data))).toEqual({ height: 9_001, width: 201 });
  });

  it("is empty for a sheet with nothing", () => {
    expect(dataExtent(surveyOf([]))).toEqual({ height: 0, width: 0 });
  });

  it("never keeps a grid larger than its budget, and keeps one that fits it whole", () => {
    const cell = fc.tuple(
      fc.integer({ min: 0, max: 1_048_575 }),
      fc.integer({ min: 0, max: 16_383 }),
    );
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 60 }), (cells) => {
        const survey = surveyOf(cells);
        const { height, width } = dataExtent(survey);
        const budget = Math.max(WHOLE_GRID_CELLS, CELLS_PER_DATA_CELL * survey.cells);
        expect(height * width).toBeLessThanOrEqual(budget);
        expect(height).toBeGreaterThan(0);
        expect(width).toBeGreaterThan(survey.columns[0]);
        const full = {
          height: Math.max(...cells.map(([r]) => r)) + 1,
          width: Math.max(...cells.map(([, c]) => c)) + 1,
        };
        if (full.height * full.width <= budget) expect({ height, width }).toEqual(full);
      }),
    );
  });
});
