import fc from "fast-check";
import { wireBytes } from "../support/excelFake/fakeEngine";

/** What Excel would count: the UTF-8 encoding of the JSON, lone surrogates as U+FFFD. */
function encodedBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value)).length;
}

describe("the in-memory workbook's measure of a request or response", () => {
  it("counts the UTF-8 bytes of the JSON, as encoding it would", () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.string({ unit: "binary" }),
        fc.string({
          unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
        }),
        (json, text, surrogates) => {
          for (const value of [json, text, surrogates, [text, 1, null], { [text]: surrogates }])
            expect(wireBytes(value)).toBe(encodedBytes(value));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("counts Chinese text at three bytes a character and an emoji at four", () => {
    expect(wireBytes("华东")).toBe(2 + 6);
    expect(wireBytes("📈")).toBe(2 + 4);
    expect(wireBytes(undefined)).toBe(0);
  });
});
