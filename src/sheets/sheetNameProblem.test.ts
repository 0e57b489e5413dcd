import { sheetNameProblem } from "./sheetNameProblem";
import { validSheetName } from "./sheetNames";

describe("sheetNameProblem", () => {
  test("takes names Excel takes", () => {
    expect(sheetNameProblem("华东 2026")).toBeNull();
    expect(sheetNameProblem("Ann O'Neil")).toBeNull();
    expect(sheetNameProblem("x".repeat(31))).toBeNull();
  });

  test("refuses what Excel refuses, saying why", () => {
    expect(sheetNameProblem("")).toBe("empty");
    expect(sheetNameProblem("   ")).toBe("empty");
    expect(sheetNameProblem("x".repeat(32))).toBe("longer than 31 characters");
    expect(sheetNameProblem("'quoted'")).toBe("starts or ends with an apostrophe");
    expect(sheetNameProblem("a[1]")).toBe("contains one of : \\ / ? * [ ]");
    expect(sheetNameProblem("HISTORY")).toBe("reserved by Excel");
  });

  test("every name validSheetName makes passes it", () => {
    for (const text of ["", "   ", "North/South [A]", "'x'", "history", "y".repeat(40)]) {
      expect(sheetNameProblem(validSheetName(text))).toBeNull();
    }
  });
});
