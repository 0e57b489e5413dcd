import fc from "fast-check";
import { fromA1, toA1 } from "../../src/engine/address";
import type { CellValue, Grid } from "../../src/engine/grid";
import type { HistoryReadResult, Notice } from "../../src/engine/history";
import { LANGUAGES } from "../../src/engine/language";
import { formatNotice } from "../../src/engine/messages";
import { readHistory } from "../../src/engine/reader/readHistory";

// Hostile grids into the history reader: every kind of value a sheet or a file can hand it, in
// every shape, mixed at random. Sizes are bounded so the whole property runs in a few seconds.

const HUGE = 100_000;
const HUGE_TEXTS = [
  "x".repeat(HUGE),
  "合计".repeat(HUGE / 2),
  "9".repeat(HUGE),
  `1${"0".repeat(400)}`,
  `=SUM(${"A1,".repeat(HUGE / 3)}A1)`,
  `2025-01-03${" ".repeat(HUGE)}`,
];

const NUMBERS: CellValue[] = [
  NaN,
  Infinity,
  -Infinity,
  1e308,
  -1e308,
  Number.MAX_VALUE,
  -0,
  5e-324,
  1e15,
  1e16,
  2 ** 53 + 2,
  0.1 + 0.2,
  60,
  61,
  45660,
  202501,
  20250103,
];

const NAN_LIKE = ["NaN", "nan", "Infinity", "-Infinity", "inf", "1e309", "-1e309", "1e308", "-0"];
const MISSING = ["N/A", "#N/A", "n/a", "—", "–", "-", "--", "TBD", "#VALUE!", "#DIV/0!", "null"];
const FORMULA_TEXT = ["=SUM(A1)", "=1+1", "+1", "-2", "@x", '=HYPERLINK("http://x","y")'];
const AMOUNT_TEXT = ["1,234.50", "(1,234)", "¥1,234", "$-5", "1.2万", "12,34,567", "1.234.567,89"];
const HEADERS = [
  "Date",
  "日期",
  "Month",
  "月份",
  "Year",
  "年份",
  "Amount",
  "Sales",
  "销售额",
  "金额",
  "Region",
  "大区",
  "Rep",
  "销售员",
  "Product",
  "Qty",
  "数量",
  "Cost",
  "Customer",
  "Total",
  "合计",
];

/** Dates in the forms sheets hold them: ISO, day first, month first, Chinese, month names, serials. */
const dateArbitrary: fc.Arbitrary<CellValue> = fc
  .record({
    y: fc.integer({ min: 1899, max: 2101 }),
    m: fc.integer({ min: 0, max: 13 }),
    d: fc.integer({ min: 0, max: 32 }),
  })
  .chain(({ y, m, d }) => {
    const mm = String(m).padStart(2, "0");
    const dd = String(d).padStart(2, "0");
    const names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov"];
    return fc.constantFrom<CellValue>(
      `${y}-${mm}-${dd}`,
      `${dd}/${mm}/${y}`,
      `${mm}/${dd}/${y}`,
      `${y}/${m}/${d}`,
      `${y}年${m}月${d}日`,
      `${y}年${m}月`,
      `${names[(m + 11) % 11]} ${y}`,
      `${y}-${mm}`,
      `${y}${mm}`,
      `${y}.${mm}.${dd}`,
      Math.round(Date.UTC(y, m - 1, d) / 86_400_000) + 25569,
    );
  });

/**
 * Every kind of cell value but huge text, including ones outside the grid's type (a Date,
 * undefined, objects).
 */
const smallCellArbitrary: fc.Arbitrary<CellValue> = fc.oneof(
  { arbitrary: fc.constantFrom<CellValue>(null, "", "   "), weight: 4 },
  { arbitrary: fc.constantFrom(...NUMBERS), weight: 2 },
  { arbitrary: fc.double(), weight: 2 },
  { arbitrary: fc.integer({ min: -1_000_000, max: 1_000_000 }), weight: 3 },
  { arbitrary: fc.constantFrom(...NAN_LIKE, ...MISSING, ...FORMULA_TEXT), weight: 3 },
  { arbitrary: fc.constantFrom(...AMOUNT_TEXT, ...HEADERS), weight: 2 },
  { arbitrary: dateArbitrary, weight: 3 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.string({ maxLength: 10 }), weight: 1 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 6 }), weight: 1 },
  {
    arbitrary: fc
      .constantFrom<unknown>(
        undefined,
        new Date(Date.UTC(2025, 0, 3)),
        new Date(NaN),
        {},
        [],
        [1],
        Symbol("x"),
        10n,
      )
      .map((v) => v as CellValue),
    weight: 1,
  },
);

/** Every kind of cell value; huge text now and then (a sheet of it would only measure the speed). */
const cellArbitrary: fc.Arbitrary<CellValue> = fc.oneof(
  { arbitrary: smallCellArbitrary, weight: 30 },
  { arbitrary: fc.constantFrom(...HUGE_TEXTS), weight: 1 },
);

const formatArbitrary = fc.constantFrom(
  "General",
  "yyyy-mm-dd",
  "mmm yyyy",
  "m/d/yyyy",
  "0.00",
  "@",
  "h:mm",
  '[$-804]yyyy"年"m"月"',
  "",
);

const rowArbitrary = (maxLength: number) => fc.array(cellArbitrary, { maxLength });

/** A header row: known headers (dates, months, amounts, dimensions) among random cells. */
const headerArbitrary: fc.Arbitrary<CellValue[]> = fc
  .tuple(
    fc.shuffledSubarray([...HEADERS, "Jan 2025", "2025-02", "2025年3月", "Apr-2025", 45748], {
      minLength: 1,
      maxLength: 8,
    }),
    rowArbitrary(3),
  )
  .chain(([known, noise]) =>
    fc.shuffledSubarray([...known, ...noise], { minLength: known.length }),
  );

/** A wide history: dimension columns, then one column per month in mixed forms, a Total column. */
const wideArbitrary: fc.Arbitrary<CellValue[][]> = fc
  .tuple(
    fc.integer({ min: 2, max: 30 }),
    fc.array(rowArbitrary(3), { maxLength: 12 }),
    fc.constantFrom("iso", "name", "zh", "serial"),
  )
  .map(([months, data, style]) => {
    const header: CellValue[] = ["Region", "Rep"];
    for (let i = 0; i < months; i++) {
      const y = 2024 + Math.floor(i / 12);
      const m = (i % 12) + 1;
      const names = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(" ");
      header.push(
        style === "iso"
          ? `${y}-${String(m).padStart(2, "0")}`
          : style === "name"
            ? `${names[m - 1]} ${y}`
            : style === "zh"
              ? `${y}年${m}月`
              : Math.round(Date.UTC(y, m - 1, 1) / 86_400_000) + 25569,
      );
    }
    header.push("Total");
    // Data rows: the random cells spread over the month columns.
    const rows = data.map((cells, r) => {
      const row: CellValue[] = [`R${r % 3}`, `Rep ${r}`];
      for (let i = 0; i < months + 1; i++) row.push(cells[i % Math.max(1, cells.length)] ?? null);
      return row;
    });
    return [header, ...rows];
  });

/** Thousands of columns: a long header spread far to the right, rows as wide. */
const veryWideArbitrary: fc.Arbitrary<CellValue[][]> = fc
  .tuple(
    fc.integer({ min: 1000, max: 3000 }),
    fc.array(smallCellArbitrary, { minLength: 1, maxLength: 8 }),
    fc.nat(),
    fc.nat(),
    fc.integer({ min: 1, max: 6 }),
  )
  .map(([width, palette, dateAt, amountAt, rows]) => {
    const header: CellValue[] = Array.from({ length: width }, (_, c) => `c${c}`);
    header[dateAt % width] = "Date";
    header[amountAt % width] = header[amountAt % width] === "Date" ? "Date" : "Amount";
    const data = Array.from({ length: rows }, (_, r) =>
      Array.from({ length: width }, (_, c) => palette[(c * 7 + r) % palette.length]),
    );
    return [header, ...data];
  });

/** A grid with the plan file's `columns` to read it with. */
type HostileGrid = Grid & { columns?: Record<string, string> };

/** Grids of every shape: empty, blank, header only, titled long histories, wide ones. */
const valuesArbitrary: fc.Arbitrary<CellValue[][]> = fc.oneof(
  fc.constant<CellValue[][]>([]),
  fc.constant<CellValue[][]>([[]]),
  fc.array(fc.constant<CellValue[]>([]), { maxLength: 30 }),
  headerArbitrary.map((header) => [header]),
  fc
    .tuple(
      fc.array(rowArbitrary(3), { maxLength: 4 }),
      headerArbitrary,
      fc.array(rowArbitrary(10), { maxLength: 30 }),
    )
    .map(([titles, header, rows]) => [...titles, header, ...rows]),
  fc
    .tuple(
      fc.array(fc.tuple(dateArbitrary, cellArbitrary, cellArbitrary, cellArbitrary), {
        maxLength: 30,
      }),
      fc.constantFrom<CellValue[]>(
        ["日期", "大区", "销售额", "数量"],
        ["Date", "Rep", "Sales", "Cost"],
      ),
    )
    .map(([rows, header]) => [header, ...rows]),
  wideArbitrary,
  fc.array(rowArbitrary(8), { maxLength: 25 }),
);

/** Cell addresses and ranges as files and Excel give them, and what no file should. */
const addressArbitrary: fc.Arbitrary<unknown> = fc.oneof(
  fc
    .tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 12 }))
    .map(([r, c]) => toA1(r, c)),
  fc
    .tuple(
      fc.integer({ min: 0, max: 40 }),
      fc.integer({ min: 0, max: 12 }),
      fc.integer({ min: 0, max: 40 }),
      fc.integer({ min: 0, max: 12 }),
    )
    .map(([r1, c1, r2, c2]) => `${toA1(r1, c1)}:${toA1(r2, c2)}`),
  fc.constantFrom<unknown>(
    "A1:XFD1048576",
    "$B$3:$B$5",
    "Sales!B3:B5",
    "B3:B5:B7",
    "",
    "nonsense",
    42,
    null,
    {},
  ),
);

/** What a grid may say besides its cells: merged areas, unsaved formulas, cells left out. */
const extrasArbitrary = fc.record(
  {
    merges: fc.oneof(
      fc.array(addressArbitrary, { maxLength: 6 }),
      fc.constantFrom<unknown>("B3:B5", 7),
    ),
    formulasWithoutValue: fc.oneof(
      fc.array(addressArbitrary, { maxLength: 4 }),
      fc.constantFrom<unknown>("C3", {}),
    ),
    cellsLeftOut: fc.constantFrom<unknown>(
      { count: 1, first: ["XFD1048576"] },
      { count: 3, first: [] },
      { count: -1, first: ["A1"] },
      { count: "2" },
      null,
    ),
  },
  { requiredKeys: [] },
);

/** A grid of the given shapes with a sheet name, number formats, an origin and plan-file columns. */
const gridArbitrary = (shapes: fc.Arbitrary<CellValue[][]>): fc.Arbitrary<HostileGrid> =>
  fc
    .record({
      extras: extrasArbitrary,
      sheet: fc.constantFrom("Sales", "销售明细", "Q1 'old'", "S"),
      values: shapes,
      formats: fc.array(fc.array(formatArbitrary, { maxLength: 8 }), { maxLength: 30 }),
      origin: fc.option(fc.record({ row: fc.nat(2000), column: fc.nat(300) }), { nil: undefined }),
      columns: fc.option(
        fc.dictionary(
          fc.constantFrom("date", "amount", "region", "rep", "bogus"),
          fc.constantFrom("Date", "Sales", "Territory", "", "Owner"),
        ),
        { nil: undefined },
      ),
    })
    .map(({ extras, sheet, values, formats, origin, columns }) => ({
      ...(extras as Partial<Grid>),
      sheet,
      values,
      numberFormats: formats,
      ...(origin ? { origin } : {}),
      ...(columns ? { columns } : {}),
    }));

/** The sheet's extent: rows and columns a reported address may name. */
function extent(grid: Grid): { top: number; left: number; bottom: number; right: number } {
  const top = grid.origin?.row ?? 0;
  const left = grid.origin?.column ?? 0;
  const width = Math.max(1, ...grid.values.map((row) => (Array.isArray(row) ? row.length : 0)));
  return { top, left, bottom: top + Math.max(1, grid.values.length) - 1, right: left + width - 1 };
}

function expectAddressInSheet(address: string, grid: Grid): void {
  const position = fromA1(address);
  expect(position).not.toBeNull();
  const { top, left, bottom, right } = extent(grid);
  expect(position!.row).toBeGreaterThanOrEqual(top);
  expect(position!.row).toBeLessThanOrEqual(bottom);
  expect(position!.column).toBeGreaterThanOrEqual(left);
  expect(position!.column).toBeLessThanOrEqual(right);
}

/** A message a person can read: words in every language, short, with no holes left in it. */
function expectClearMessage(notice: Notice): void {
  for (const language of LANGUAGES) {
    const text = formatNotice(notice, language);
    expect(text.trim().length).toBeGreaterThan(1);
    expect(text.length).toBeLessThan(600);
    expect(text).not.toMatch(/undefined|\[object|\{\w+\}/);
    // An unknown code reads as "code (k=v)": every code the reader reports must have words.
    expect(text.startsWith(notice.code)).toBe(false);
  }
}

/** Grid rows the reader took as records or reported, by sheet row. */
function accountedRows(result: HistoryReadResult): Set<number> {
  const rows = new Set<number>();
  for (const record of result.records) rows.add(fromA1(record.cell)!.row);
  for (const skip of result.skipped) {
    const first = fromA1(skip.cell)!.row;
    const through = typeof skip.params.through === "string" ? fromA1(skip.params.through) : null;
    for (let row = first; row <= (through?.row ?? first); row++) rows.add(row);
  }
  return rows;
}

function isBlank(value: unknown): boolean {
  return !(
    (typeof value === "string" && value.trim() !== "") ||
    typeof value === "number" ||
    typeof value === "boolean"
  );
}

function checkRead(grid: HostileGrid): void {
  let result: HistoryReadResult | undefined;
  expect(() => {
    result = readHistory(grid, { columns: grid.columns });
  }).not.toThrow();
  const read = result!;
  // `history-unreadable` is the reader's last resort for its own defects.
  expect(read.error?.code).not.toBe("history-unreadable");
  expect(read.sheet).toBe(grid.sheet);

  if (read.error) {
    expect(read.records).toEqual([]);
    expectClearMessage(read.error);
    if (read.error.cell !== undefined) expectAddressInSheet(read.error.cell, grid);
    else expect(["no-header-row", "column-not-found", "no-records"]).toContain(read.error.code);
    expect(String(read.error.params.sheet)).toBe(grid.sheet);
    // A header with nothing readable below it: its skipped rows must still be accounted for.
    if (read.error.code !== "no-records") return;
    expect(read.error.params.skipped).toBe(accountedRows(read).size);
  }

  const origin = { row: grid.origin?.row ?? 0, column: grid.origin?.column ?? 0 };
  expect(read.headerRow).toBeGreaterThanOrEqual(origin.row);
  for (const skip of read.skipped) {
    expect(skip.sheet).toBe(grid.sheet);
    expectAddressInSheet(skip.cell, grid);
    if (typeof skip.params.through === "string") expectAddressInSheet(skip.params.through, grid);
    expectClearMessage(skip);
  }
  for (const note of read.notes) expectClearMessage(note);

  let sum = 0;
  let magnitude = 0;
  for (const record of read.records) {
    expectAddressInSheet(record.cell, grid);
    expect(Number.isFinite(record.amount)).toBe(true);
    expect(Number.isInteger(record.year)).toBe(true);
    expect(record.month >= 1 && record.month <= 12).toBe(true);
    if (record.quantity !== undefined) expect(Number.isFinite(record.quantity)).toBe(true);
    if (record.cost !== undefined) expect(Number.isFinite(record.cost)).toBe(true);
    sum += record.amount;
    magnitude += Math.abs(record.amount);
  }
  // Amounts the plan sums: never an overflow, whatever the cells held.
  expect(Number.isFinite(sum)).toBe(true);
  expect(Number.isFinite(magnitude)).toBe(true);

  if (read.layout === "long") {
    // Every data row below the header is a record or reported with its address, up to the last
    // row holding anything: the reader drops nothing silently.
    const accounted = accountedRows(read);
    const headerIndex = read.headerRow - origin.row;
    let last = headerIndex;
    grid.values.forEach((row, r) => {
      if (r > headerIndex && Array.isArray(row) && row.some((v) => !isBlank(v))) last = r;
    });
    for (let r = headerIndex + 1; r <= last; r++) {
      expect({ row: r + origin.row + 1, accounted: accounted.has(r + origin.row) }).toEqual({
        row: r + origin.row + 1,
        accounted: true,
      });
    }
  } else {
    // Every non-blank month cell of a data row is a record or a reported cell, unless its row
    // was reported as a whole (a total row, a repeated header).
    const taken = new Set([...read.records.map((r) => r.cell), ...read.skipped.map((s) => s.cell)]);
    const wholeRows = new Set(
      read.skipped
        .filter((s) => s.code === "total-row" || s.code === "repeated-header")
        .map((s) => fromA1(s.cell)!.row),
    );
    const headerIndex = read.headerRow - origin.row;
    grid.values.forEach((row, r) => {
      if (r <= headerIndex || !Array.isArray(row) || wholeRows.has(r + origin.row)) return;
      for (const month of read.monthColumns) {
        if (isBlank(row[month.column - origin.column])) continue;
        const address = toA1(r + origin.row, month.column);
        expect({ address, accounted: taken.has(address) }).toEqual({ address, accounted: true });
      }
    });
  }
}

describe("the history reader on hostile grids", () => {
  it("never throws; a history or a clear message with an address; every skipped row addressed; finite sums", () => {
    fc.assert(fc.property(gridArbitrary(valuesArbitrary), checkRead), { numRuns: 200 });
  });

  it("keeps the same promises on sheets thousands of columns wide", () => {
    // Each such sheet takes the reader a few hundred milliseconds: a handful of runs.
    fc.assert(fc.property(gridArbitrary(veryWideArbitrary), checkRead), { numRuns: 6 });
  });

  it("reads the empty sheet and the header-only sheet without a crash", () => {
    for (const values of [[], [[]], [["Date", "Amount"]], [["日期", "销售额"], [], [null, ""]]]) {
      const read = readHistory({ sheet: "S", values: values as CellValue[][] });
      expect(read.records).toEqual([]);
      expect(read.skipped).toEqual([]);
      expect(read.error?.code).toBe(
        values.length === 0 || values[0].length === 0 ? "no-header-row" : "no-records",
      );
      expectClearMessage(read.error!);
    }
  });

  it("skips amounts too large to be sales, so that no sum overflows", () => {
    const values: CellValue[][] = [["Date", "Amount", "Qty"]];
    for (let m = 1; m <= 12; m++) values.push([`2025-${String(m).padStart(2, "0")}-03`, 1e308, 1]);
    values.push(["2025-01-04", "9".repeat(300), 1], ["2025-01-05", "-1e15", 1]);
    values.push(["2025-01-06", 12.5, 1e300], ["2025-01-07", 999_999_999_999_999, "1e16"]);
    const read = readHistory({ sheet: "S", values });
    expect(read.records.map((r) => [r.cell, r.amount, r.quantity])).toEqual([
      ["B16", 12.5, undefined],
      ["B17", 999_999_999_999_999, undefined],
    ]);
    const codes = read.skipped.map((s) => `${s.cell} ${s.code}`);
    expect(codes).toEqual([
      ...Array.from({ length: 12 }, (_, i) => `B${i + 2} amount-too-large`),
      "B14 amount-not-number",
      "B15 amount-too-large",
    ]);
    expect(formatNotice(read.skipped[0], "en-US")).toBe(
      'amount is too large to be sales: "1e+308" (Excel holds 15 digits; at most 999,999,999,999,999)',
    );
    expect(formatNotice(read.skipped[0], "zh-CN")).toContain("金额过大");
  });

  it("skips month cells too large to be sales in a wide history", () => {
    const values: CellValue[][] = [
      ["Rep", "Jan 2025", "Feb 2025"],
      ["Ann", 1e20, 100],
    ];
    const read = readHistory({ sheet: "S", values });
    expect(read.records.map((r) => r.cell)).toEqual(["C2"]);
    expect(read.skipped.map((s) => [s.cell, s.code])).toEqual([["B2", "amount-too-large"]]);
  });
});
