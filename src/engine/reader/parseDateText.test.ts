import fc from "fast-check";
import { ambiguousDateParts, parseDateText } from "./parseDateText";

const ym = (text: string, order?: "month-first" | "day-first") => {
  const date = parseDateText(text, order);
  return date && [date.year, date.month, date.day];
};

describe("parseDateText", () => {
  it.each([
    ["2024-03-15", [2024, 3, 15]],
    ["2024/3/15", [2024, 3, 15]],
    ["2024.3.15", [2024, 3, 15]],
    ["2024年3月15日", [2024, 3, 15]],
    ["2024年03月15号", [2024, 3, 15]],
    ["２０２４年３月", [2024, 3, 1]],
    ["2024-03", [2024, 3, 1]],
    ["2024/03", [2024, 3, 1]],
    ["2024年3月", [2024, 3, 1]],
    ["202403", [2024, 3, 1]],
    ["20240315", [2024, 3, 15]],
    ["Mar 2024", [2024, 3, 1]],
    ["March 2024", [2024, 3, 1]],
    ["Sept. 2024", [2024, 9, 1]],
    ["Mar-24", [2024, 3, 1]],
    ["15-Mar-2024", [2024, 3, 15]],
    ["15 Mar 24", [2024, 3, 15]],
    ["March 15, 2024", [2024, 3, 15]],
    ["2024-Mar-15", [2024, 3, 15]],
    ["2024-03-15T10:20:30Z", [2024, 3, 15]],
    ["2024-03-15T23:59:59.123+08:00", [2024, 3, 15]],
    ["2024-03-15 10:20", [2024, 3, 15]],
    ["2024/3/15 10:20:30", [2024, 3, 15]],
    ["03/04/2024", [2024, 3, 4]],
    ["3/4/24 9:15 PM", [2024, 3, 4]],
    ["  2024-03-15  ", [2024, 3, 15]],
  ])("reads %j", (text, expected) => {
    expect(ym(text)).toEqual(expected);
  });

  it("reads 03/04/2024 day first when told", () => {
    expect(ym("03/04/2024", "day-first")).toEqual([2024, 4, 3]);
    expect(ym("25/04/2024", "day-first")).toEqual([2024, 4, 25]);
    expect(ym("25/04/2024", "month-first")).toBeNull();
  });

  it.each([
    "2024-13-01",
    "2023-02-29",
    "2024",
    "Q1 2024",
    "hello",
    "N/A",
    "1899-12-31",
    "Marchember 2024",
    "2024-03-15 junk",
    "=TODAY()",
    "",
    "9".repeat(5000),
  ])("does not read %j", (text) => {
    expect(parseDateText(text)).toBeNull();
  });

  it("accepts 29 February only in leap years", () => {
    expect(ym("2024-02-29")).toEqual([2024, 2, 29]);
    expect(ym("2100-02-29")).toBeNull();
  });
});

describe("ambiguousDateParts", () => {
  it("finds the two leading numbers of d/m/y or m/d/y text only", () => {
    expect(ambiguousDateParts("03/04/2024")).toEqual({ first: 3, second: 4 });
    expect(ambiguousDateParts("15.03.2024 10:00")).toEqual({ first: 15, second: 3 });
    expect(ambiguousDateParts("2024/03/04")).toBeNull();
  });
});

describe("parseDateText: properties", () => {
  it("reads back any date written in the forms sales sheets use", () => {
    const pad = (n: number) => String(n).padStart(2, "0");
    const names = [
      "Jan",
      "Feb",
      "Mar",
      "Apr",
      "May",
      "Jun",
      "Jul",
      "Aug",
      "Sep",
      "Oct",
      "Nov",
      "Dec",
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        (y, m, d) => {
          const forms = [
            `${y}-${pad(m)}-${pad(d)}`,
            `${y}/${m}/${d}`,
            `${y}.${m}.${d}`,
            `${y}年${m}月${d}日`,
            `${y}-${pad(m)}-${pad(d)}T12:34:56Z`,
            `${d}-${names[m - 1]}-${y}`,
            `${pad(m)}/${pad(d)}/${y}`,
          ];
          for (const form of forms) expect(ym(form)).toEqual([y, m, d]);
          expect(ym(`${pad(d)}/${pad(m)}/${y}`, "day-first")).toEqual([y, m, d]);
          expect(ym(`${names[m - 1]} ${y}`)).toEqual([y, m, 1]);
          expect(ym(`${y}年${m}月`)).toEqual([y, m, 1]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
