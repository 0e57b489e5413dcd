import { formatAmount } from "./formatNumber";

describe("formatAmount", () => {
  it.each([
    [1234567.5, "1,234,567.50"],
    [1282102.4, "1,282,102.40"],
    [300.75, "300.75"],
    [-300, "-300"],
    [0.1 + 0.2, "0.30"],
    [999.999, "1,000"],
  ])("%p reads %s", (value, text) => expect(formatAmount(value)).toBe(text));
});
