import fc from "fast-check";
import { cellText } from "./cellText";

describe("cellText", () => {
  it("shows numbers as Excel does, to 15 significant digits", () => {
    expect(
      [0.1 + 0.2, 1e21, -0, 123456789012345680, 1.5e-7, -0.0012, 65100.61].map(cellText),
    ).toEqual(["0.3", "1e+21", "0", "123456789012346000", "1.5e-7", "-0.0012", "65100.61"]);
  });

  it("gives any number the text rounding it to 15 digits gives", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ noNaN: true, noDefaultInfinity: true }),
          fc.integer({ min: -1e6, max: 1e6 }).map((cents) => cents / 100),
          fc.tuple(fc.integer(), fc.integer({ min: -20, max: 20 })).map(([n, e]) => n * 10 ** e),
        ),
        (value) => {
          expect(cellText(value)).toBe(String(Number(value.toPrecision(15))));
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it("trims text and spells booleans and blanks as a user sees them", () => {
    expect([" East ", true, false, null].map(cellText)).toEqual(["East", "TRUE", "FALSE", ""]);
  });
});
