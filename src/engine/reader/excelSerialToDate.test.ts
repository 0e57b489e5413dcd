import fc from "fast-check";
import { excelSerialToDate } from "./excelSerialToDate";

describe("excelSerialToDate", () => {
  it.each([
    [1, [1900, 1, 1]],
    [31, [1900, 1, 31]],
    [59, [1900, 2, 28]],
    [60, [1900, 2, 29]],
    [61, [1900, 3, 1]],
    [62, [1900, 3, 2]],
    [366, [1900, 12, 31]],
    [367, [1901, 1, 1]],
    [45366, [2024, 3, 15]],
    [45366.99, [2024, 3, 15]],
    [44927, [2023, 1, 1]],
    [2958465, [9999, 12, 31]],
  ])("serial %d is %j", (serial, expected) => {
    const date = excelSerialToDate(serial);
    expect(date && [date.year, date.month, date.day]).toEqual(expected);
  });

  it.each([0, 0.5, -1, 2958466, NaN, Infinity])("serial %d is no date", (serial) => {
    expect(excelSerialToDate(serial)).toBeNull();
  });
});

describe("excelSerialToDate: properties", () => {
  it("agrees with the 1899-12-30 epoch from serial 61 on", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958465 }), (serial) => {
        const expected = new Date(Date.UTC(1899, 11, 30) + serial * 86400000);
        expect(excelSerialToDate(serial)).toEqual({
          year: expected.getUTCFullYear(),
          month: expected.getUTCMonth() + 1,
          day: expected.getUTCDate(),
        });
      }),
      { numRuns: 300 },
    );
  });
});
