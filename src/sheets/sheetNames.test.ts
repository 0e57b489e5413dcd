import fc from "fast-check";
import { foldSheetName, MAX_SHEET_NAME, uniqueSheetName, validSheetName } from "./sheetNames";

const INVALID = /[:\\/?*[\]]/;

describe("sheet names", () => {
  it("cleans what Excel refuses", () => {
    expect(validSheetName("North/South [A]")).toBe("North_South _A_");
    expect(validSheetName("'quoted'")).toBe("quoted");
    expect(validSheetName("   ")).toBe("Sheet");
    expect(validSheetName("History")).toBe("History_");
    expect(validSheetName("a".repeat(40))).toHaveLength(31);
    expect(validSheetName('=HYPERLINK("http://example.com","x")')).toBe(
      '=HYPERLINK("http___example.com"',
    );
  });

  it("makes names unique case-insensitively", () => {
    const taken = new Set<string>();
    expect(["Ann", "ANN", "ann", "Bo"].map((n) => uniqueSheetName(n, taken))).toEqual([
      "Ann",
      "ANN (2)",
      "ann (3)",
      "Bo",
    ]);
    expect(uniqueSheetName("x".repeat(31), taken)).toHaveLength(31);
    expect(uniqueSheetName("x".repeat(31), taken)).toBe(`${"x".repeat(27)} (2)`);
  });

  it("gives 200 long, clashing and odd names valid, unique tabs", () => {
    const names = Array.from(
      { length: 200 },
      (_, i) =>
        [
          `Alexandra Konstantinopoulou-Vanderberg ${i % 7}`,
          "王".repeat(40),
          `Rep/${i % 3}:[x]*?`,
          "  ",
          "history",
          `'${i % 5}'`,
          "😀".repeat(20),
        ][i % 7],
    );
    const taken = new Set<string>();
    const tabs = names.map((n) => uniqueSheetName(n, taken, "Rep"));
    expect(new Set(tabs.map(foldSheetName)).size).toBe(200);
    for (const tab of tabs) {
      expect(tab.length).toBeLessThanOrEqual(MAX_SHEET_NAME);
      expect(tab).not.toMatch(INVALID);
      expect(tab).not.toMatch(/^'|'$/);
      expect(tab.trim()).not.toBe("");
      expect(tab.toLowerCase()).not.toBe("history");
      expect(tab).not.toMatch(/[\uD800-\uDBFF]$/);
    }
  });

  it("always gives a valid unique name (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 60, unit: "grapheme" }), { maxLength: 40 }),
        (names) => {
          const taken = new Set<string>();
          const tabs = names.map((n) => uniqueSheetName(n, taken));
          expect(new Set(tabs.map(foldSheetName)).size).toBe(tabs.length);
          tabs.forEach((t) => {
            expect(t.length).toBeGreaterThan(0);
            expect(t.length).toBeLessThanOrEqual(31);
            expect(t).not.toMatch(INVALID);
          });
        },
      ),
    );
  });
});
