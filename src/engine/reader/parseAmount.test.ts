import fc from "fast-check";
import { parseAmount, parseAmountText } from "./parseAmount";

describe("parseAmountText", () => {
  it.each([
    ["1234", 1234],
    ["1,234.50", 1234.5],
    ["¥1,234", 1234],
    ["￥1,234", 1234],
    ["$1,234", 1234],
    ["RMB 1234", 1234],
    ["rmb1234.5", 1234.5],
    ["1234元", 1234],
    ["1.2万", 12000],
    ["1.2万元", 12000],
    ["(1,234)", -1234],
    ["-1,234", -1234],
    ["$-1,234", -1234],
    ["-$1,234", -1234],
    ["1234-", -1234],
    ["1.2e3", 1200],
    ["  42  ", 42],
    ["１２３４", 1234],
    ["+7", 7],
    [".5", 0.5],
    ["12,34,567", 1234567],
    ["1.234.567,89", 1234567.89],
    ["−12", -12],
  ])("reads %j as %d", (text, expected) => {
    expect(parseAmountText(text)).toBe(expected);
  });

  it.each([
    "N/A",
    "-",
    "#N/A",
    "TBD",
    "",
    "   ",
    "1,23",
    "12%",
    "1e999",
    "Infinity",
    "NaN",
    "=SUM(A1:A3)",
    "--5",
    "(-5)",
    "12 apples",
    "1.2.3",
    "e5",
    ".",
    "x".repeat(100000),
  ])("does not read %j", (text) => {
    expect(parseAmountText(text)).toBeNull();
  });

  it("never gives negative zero", () => {
    expect(Object.is(parseAmountText("-0"), 0)).toBe(true);
    expect(Object.is(parseAmountText("(0)"), 0)).toBe(true);
  });
});

describe("parseAmountText: a decimal convention", () => {
  it.each([
    ["1.234,50", 1234.5],
    ["1 234,50", 1234.5],
    ["1\u00a0234,50", 1234.5],
    ["1\u202f234,50", 1234.5],
    ["€1.234", 1234],
    ["1.234 €", 1234],
    ["-1.234.567,89", -1234567.89],
    ["(12,5)", -12.5],
    ["0,75", 0.75],
    ["1234", 1234],
    ["1,2万", 12000],
  ])("reads %j with a decimal comma as %d", (text, expected) => {
    expect(parseAmountText(text, "comma")).toBe(expected);
  });

  it.each(["1,234.50", "12.5", "1,234,567", "1.2.3,4", "N/A"])(
    "does not read %j with a decimal comma",
    (text) => {
      expect(parseAmountText(text, "comma")).toBeNull();
    },
  );

  it("reads with a decimal point as without a convention, except what only a comma can mean", () => {
    expect(parseAmountText("€1.234", "point")).toBe(1.234);
    expect(parseAmountText("1,234", "point")).toBe(1234);
    expect(parseAmountText("1,234.50", "point")).toBe(1234.5);
    expect(parseAmountText("1.234.567,89")).toBe(1234567.89);
    expect(parseAmountText("1.234.567,89", "point")).toBeNull();
  });

  it("passes the convention on from a cell", () => {
    expect(parseAmount("1.234", "comma")).toBe(1234);
    expect(parseAmount("1.234", "point")).toBe(1.234);
    expect(parseAmount(1.234, "comma")).toBe(1.234);
  });
});

describe("parseAmount", () => {
  it("keeps finite numbers and rejects the rest", () => {
    expect(parseAmount(12.25)).toBe(12.25);
    expect(Object.is(parseAmount(-0), 0)).toBe(true);
    expect(parseAmount(NaN)).toBeNull();
    expect(parseAmount(Infinity)).toBeNull();
    expect(parseAmount(true)).toBeNull();
    expect(parseAmount(false)).toBeNull();
    expect(parseAmount(null)).toBeNull();
    expect(parseAmount(1e308)).toBe(1e308);
  });
});

describe("parseAmountText: properties", () => {
  const withThousands = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");

  it("reads back any amount written with thousands commas, a currency and a sign", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.constantFrom("", "¥", "$", "RMB ", "￥"),
        fc.constantFrom("", "元"),
        fc.boolean(),
        (cents, prefix, suffix, parentheses) => {
          const magnitude = Math.abs(cents);
          const text = `${withThousands(String(Math.floor(magnitude / 100)))}.${String(magnitude % 100).padStart(2, "0")}`;
          const written =
            cents < 0
              ? parentheses
                ? `(${prefix}${text}${suffix})`
                : `-${prefix}${text}${suffix}`
              : `${prefix}${text}${suffix}`;
          expect(parseAmountText(written)).toBe(cents / 100);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("never gives anything but a finite number or null", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        const value = parseAmountText(text);
        expect(value === null || Number.isFinite(value)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
