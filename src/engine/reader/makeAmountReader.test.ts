import fc from "fast-check";
import { formatNotice } from "../messages";
import type { DecimalConvention } from "./parseAmount";
import { makeAmountReader } from "./makeAmountReader";
import { readHistory } from "./readHistory";

describe("makeAmountReader", () => {
  it("reads €1.234 as 1,234 where the column shows a decimal comma, and says so", () => {
    const texts = ["1.234,50", "€1.234", "12"];
    const reader = makeAmountReader(texts, { column: "Amount" });
    expect(texts.map((t) => reader.amount(t))).toEqual([1234.5, 1234, 12]);
    expect(reader.notes).toHaveLength(1);
    expect(formatNotice(reader.notes[0], "en-US")).toBe(
      'column "Amount": amounts read with a decimal comma, as "1.234,50" shows, so "€1.234" is 1,234',
    );
    expect(formatNotice(reader.notes[0], "zh-CN")).toBe(
      "列“Amount”：金额以逗号作小数点读取（如“1.234,50”），因此“€1.234”读作 1,234",
    );
  });

  it("reads ambiguous values as before when nothing shows the mark, and says so", () => {
    const reader = makeAmountReader(["1.234", "1,234"], { column: "销售额" });
    expect(reader.amount("1.234")).toBe(1.234);
    expect(reader.amount("1,234")).toBe(1234);
    expect(formatNotice(reader.notes[0], "en-US")).toBe(
      'column "销售额": no value shows the decimal mark, so "1.234" is read with a decimal point as 1.234',
    );
    expect(formatNotice(reader.notes[0], "zh-CN")).toBe(
      "列“销售额”：没有数值能表明小数点的写法，“1.234”以句点作小数点，读作 1.234",
    );
  });

  it("says nothing of a column whose values all show the decimal point", () => {
    const reader = makeAmountReader(["1,234.50", "¥12.00", "7"], { column: "Amount" });
    expect(reader.notes).toEqual([]);
    expect(reader.amount("¥12.00")).toBe(12);
  });

  it("skips a value written with the other mark, saying which the column has", () => {
    const reader = makeAmountReader(["1,234.50", "2,000.00", "1.234,50"], { column: "Amount" });
    expect(reader.amount("1.234,50")).toBeNull();
    const skip = reader.skip("1.234,50", "Amount");
    expect(skip).toEqual({
      code: "amount-decimal-mark",
      params: { value: "1.234,50", column: "Amount", convention: "point", example: "1,234.50" },
    });
    expect(formatNotice(skip, "en-US")).toBe(
      'amount "1.234,50" is written with a decimal comma, but column "Amount" has a decimal point, as "1,234.50" shows',
    );
    expect(formatNotice(skip, "zh-CN")).toBe(
      "金额“1.234,50”以逗号作小数点，与列“Amount”不符（该列以句点作小数点，如“1,234.50”）",
    );
  });

  it("skips text that is no number and amounts too large, as before", () => {
    const reader = makeAmountReader(["N/A", "1e300"], { column: "Amount" });
    expect(reader.amount("N/A")).toBeNull();
    expect(reader.skip("N/A", "Amount")).toEqual({
      code: "amount-not-number",
      params: { value: "N/A", column: "Amount" },
    });
    expect(reader.amount(1e300)).toBeNull();
    expect(reader.skip(1e300, "Amount")).toEqual({
      code: "amount-too-large",
      params: { value: "1e+300", column: "Amount" },
    });
    expect(Object.is(reader.amount(-0), 0)).toBe(true);
  });
});

/** An amount of whole units and cents as one of the two conventions writes it. */
type Written = { text: string; value: number; decimals: boolean };

const writtenArbitrary = (
  convention: DecimalConvention,
  decimals: fc.Arbitrary<boolean> = fc.boolean(),
): fc.Arbitrary<Written> =>
  fc
    .record({
      whole: fc.integer({ min: 0, max: 99_999_999 }),
      cents: fc.integer({ min: 0, max: 99 }),
      decimals,
      negative: fc.constantFrom("", "-", "()"),
      grouping: fc.constantFrom("mark", " ", "\u00a0", "\u202f", ""),
      currency: fc.constantFrom("", "€", "$", "¥", "€ "),
    })
    .map(({ whole, cents, decimals, negative, grouping, currency }) => {
      const thousands = grouping === "mark" ? (convention === "comma" ? "." : ",") : grouping;
      const decimalMark = convention === "comma" ? "," : ".";
      const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
      const fraction = String(cents).padStart(2, "0");
      const body = `${currency}${grouped}${decimals ? `${decimalMark}${fraction}` : ""}`;
      const text = negative === "-" ? `-${body}` : negative === "()" ? `(${body})` : body;
      const magnitude = Number(`${whole}.${decimals ? fraction : "0"}`);
      return { text, value: negative === "" || magnitude === 0 ? magnitude : -magnitude, decimals };
    });

describe("makeAmountReader: properties", () => {
  it("gives back amounts written in either convention once one of them shows its decimals", () => {
    const column = fc
      .constantFrom<DecimalConvention>("point", "comma")
      .chain((convention) =>
        fc.tuple(
          fc.constant(convention),
          fc.array(writtenArbitrary(convention), { minLength: 1, maxLength: 30 }),
        ),
      )
      .filter(([, amounts]) => amounts.some((a) => a.decimals));
    fc.assert(
      fc.property(column, ([, amounts]) => {
        const reader = makeAmountReader(
          amounts.map((a) => a.text),
          { column: "Amount" },
        );
        for (const amount of amounts) {
          expect(reader.amount(amount.text)).toBe(amount.value);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("gives back amounts with a decimal point even when none shows its decimals", () => {
    fc.assert(
      fc.property(
        fc.array(writtenArbitrary("point", fc.constant(false)), { maxLength: 30 }),
        (amounts) => {
          const reader = makeAmountReader(
            amounts.map((a) => a.text),
            { column: "Amount" },
          );
          for (const amount of amounts) {
            expect(reader.amount(amount.text)).toBe(amount.value);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("decimal marks through readHistory", () => {
  it("reads a long history's amount column by the decimal comma its values show", () => {
    const result = readHistory({
      sheet: "Ventes",
      values: [
        ["Date", "Amount"],
        ["2025-01-10", "1.234,50"],
        ["2025-02-10", "€1.234"],
        ["2025-03-10", "1 500,00"],
        ["2025-04-10", 99.5],
        ["2025-05-10", "12.50"],
      ],
    });
    expect(result.error).toBeUndefined();
    expect(result.records.map((r) => [r.cell, r.amount])).toEqual([
      ["B2", 1234.5],
      ["B3", 1234],
      ["B4", 1500],
      ["B5", 99.5],
    ]);
    expect(result.skipped.map((s) => [s.cell, s.code])).toEqual([["B6", "amount-decimal-mark"]]);
    expect(result.notes.map((n) => formatNotice(n, "en-US"))).toEqual([
      'column "Amount": amounts read with a decimal comma, as "1.234,50" shows, so "€1.234" is 1,234',
    ]);
  });

  it("decides a wide history's mark from all its month cells", () => {
    const result = readHistory({
      sheet: "Monthly",
      values: [
        ["Region", "Jan 2025", "Feb 2025", "Mar 2025", "Total"],
        ["East", "1.000", "2.500", "1.234,56", "4.734,56"],
        ["West", "3.000", "12,5", "", "3.012,5"],
      ],
    });
    expect(result.layout).toBe("wide");
    expect(result.records.map((r) => [r.cell, r.amount])).toEqual([
      ["B2", 1000],
      ["C2", 2500],
      ["D2", 1234.56],
      ["B3", 3000],
      ["C3", 12.5],
    ]);
    expect(result.notes).toHaveLength(1);
    expect(formatNotice(result.notes[0], "en-US")).toBe(
      'month columns "Jan 2025" to "Mar 2025": amounts read with a decimal comma, as "1.234,56" shows, so "1.000" is 1,000',
    );
    expect(formatNotice(result.notes[0], "zh-CN")).toBe(
      "月份列“Jan 2025”至“Mar 2025”：金额以逗号作小数点读取（如“1.234,56”），因此“1.000”读作 1,000",
    );
  });
});
