import { parseMonthHeader } from "./parseMonthHeader";

describe("parseMonthHeader", () => {
  it.each([
    ["2023-01", undefined, [2023, 1]],
    ["2023/1", undefined, [2023, 1]],
    ["Jan 2023", undefined, [2023, 1]],
    ["January 2023", undefined, [2023, 1]],
    ["2023年1月", undefined, [2023, 1]],
    ["2023年01月", undefined, [2023, 1]],
    [44927, "mmm-yy", [2023, 1]],
    [44941, "yyyy-mm-dd", [2023, 1]],
    [44927, undefined, [2023, 1]],
    [44957, undefined, [2023, 1]],
    [202301, undefined, [2023, 1]],
    [202301, "General", [2023, 1]],
  ] as const)("%j (%s) is a month", (value, format, expected) => {
    const month = parseMonthHeader(value, format);
    expect(month && [month.year, month.month]).toEqual(expected);
  });

  it.each([
    ["Total", undefined],
    ["合计", undefined],
    ["总计", undefined],
    ["2023 Total", undefined],
    ["Region", undefined],
    ["Q1 2023", undefined],
    [2023, undefined],
    [44941, undefined],
    [44927, "General"],
    [1234.5, "#,##0.00"],
    [true, undefined],
    [null, undefined],
  ] as const)("%j (%s) is no month", (value, format) => {
    expect(parseMonthHeader(value, format)).toBeNull();
  });
});
