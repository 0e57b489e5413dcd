import { isDateFormat } from "./isDateFormat";

describe("isDateFormat", () => {
  it.each([
    "yyyy-mm-dd",
    "m/d/yyyy",
    "mmm-yy",
    "mmmm yyyy",
    "d-mmm-yy",
    'yyyy"年"m"月"d"日"',
    "[$-409]mmmm d, yyyy",
    '[DBNum1][$-804]yyyy"年"m"月"',
    "m/d/yyyy h:mm",
    "mmm",
  ])("%j is a date", (format) => {
    expect(isDateFormat(format)).toBe(true);
  });

  it.each([
    "General",
    "#,##0.00",
    "0%",
    "0.00E+00",
    "h:mm",
    "h:mm:ss AM/PM",
    "[h]:mm:ss",
    "mm:ss",
    '"Date: "0',
    '_("¥"* #,##0_)',
    "@",
    "",
    undefined,
  ])("%j is not a date", (format) => {
    expect(isDateFormat(format)).toBe(false);
  });
});
