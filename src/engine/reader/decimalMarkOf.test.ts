import fc from "fast-check";
import { decimalMarkOf } from "./decimalMarkOf";
import { parseAmountText } from "./parseAmount";

describe("decimalMarkOf", () => {
  it.each([
    ["1,234.50", "point"],
    ["12.5", "point"],
    ["1234.567", "point"],
    ["1,234,567", "point"],
    ["12,34,567", "point"],
    ["$0.5", "point"],
    ["1.234,50", "comma"],
    ["1 234,50", "comma"],
    ["12,5", "comma"],
    ["1.234.567", "comma"],
    ["€1.234", "ambiguous"],
    ["1,234", "ambiguous"],
    ["-1.234", "ambiguous"],
    ["(1.000)", "ambiguous"],
    ["1234", null],
    ["1 234", null],
    ["0.000", null],
    ["N/A", null],
    ["", null],
  ])("%j shows %s", (text, mark) => {
    expect(decimalMarkOf(text)).toBe(mark);
  });

  it("agrees with reading the text both ways, for any text", () => {
    const digits = fc.stringMatching(/^-?\d{1,6}([.,]\d{1,5}){0,3}$/);
    const amountLike = fc
      .tuple(fc.constantFrom("", "€", "¥", "$", "("), digits, fc.constantFrom("", " €", "元", ")"))
      .map(([prefix, body, suffix]) => `${prefix}${body}${suffix}`);
    fc.assert(
      fc.property(fc.oneof(digits, amountLike, fc.string({ maxLength: 12 })), (text) => {
        const point = parseAmountText(text, "point");
        const comma = parseAmountText(text, "comma");
        const expected =
          point === null
            ? comma === null
              ? null
              : "comma"
            : comma === null
              ? "point"
              : point === comma
                ? null
                : "ambiguous";
        expect(decimalMarkOf(text)).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });
});
