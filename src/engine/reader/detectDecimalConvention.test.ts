import { detectDecimalConvention } from "./detectDecimalConvention";

describe("detectDecimalConvention", () => {
  it("reads a decimal comma when a value shows it, and the ambiguous ones by it", () => {
    expect(detectDecimalConvention(["€1.234", "1.234,50", "12"])).toEqual({
      convention: "comma",
      basis: "values",
      example: "1.234,50",
      ambiguous: { text: "€1.234", reads: 1234 },
    });
  });

  it("takes space-grouped amounts with a decimal comma as European", () => {
    expect(detectDecimalConvention(["1 234,50", "2\u00a0000,00", "1.500"])).toEqual({
      convention: "comma",
      basis: "values",
      example: "1 234,50",
      ambiguous: { text: "1.500", reads: 1500 },
    });
  });

  it("reads a decimal point when a value shows it", () => {
    expect(detectDecimalConvention(["1,234", "1,234.50"])).toEqual({
      convention: "point",
      basis: "values",
      example: "1,234.50",
      ambiguous: { text: "1,234", reads: 1234 },
    });
  });

  it("lets the majority decide, and a tie go to the decimal point", () => {
    expect(detectDecimalConvention(["1,5", "2,5", "3.5"])?.convention).toBe("comma");
    expect(detectDecimalConvention(["1,5", "3.5"])?.convention).toBe("point");
  });

  it("assumes a decimal point when nothing tells, as exports in Chinese and English write", () => {
    expect(detectDecimalConvention(["1.234", "1,000", "7"])).toEqual({
      convention: "point",
      basis: "default",
      ambiguous: { text: "1.234", reads: 1.234 },
    });
  });

  it("has nothing to decide when every value reads alike either way", () => {
    expect(detectDecimalConvention(["1234", "1 234", "N/A", "-5"])).toBeNull();
    expect(detectDecimalConvention([])).toBeNull();
  });

  it("decides with nothing ambiguous to report", () => {
    expect(detectDecimalConvention(["12,50", "7"])).toEqual({
      convention: "comma",
      basis: "values",
      example: "12,50",
    });
  });
});
