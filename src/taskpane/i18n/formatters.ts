import type { Language } from "../../engine/language";

/** Numbers, percentages and months written the way the pane's language writes them. */
export type Formatters = {
  /** An amount with grouping, up to 2 decimals. */
  amount(value: number): string;
  /** A count (rows, sheets). */
  count(value: number): string;
  /** A ratio as a percentage, e.g. 0.1234 → "12.3%". */
  percent(value: number, digits?: number): string;
  /** A change as a signed percentage, e.g. 0.1 → "+10.0%". */
  change(value: number): string;
  /** `YYYY-MM` as a month and year, e.g. "Apr 2026" / "2026年4月". */
  month(period: string): string;
  /** The short name of a calendar month (1…12), e.g. "Jan" / "1月". */
  monthName(month: number): string;
};

/**
 * Formatters for a language, built on `Intl`.
 * @example makeFormatters("zh-CN").month("2026-04") === "2026年4月"
 */
export function makeFormatters(language: Language): Formatters {
  const amount = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
  const count = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });
  const percents = new Map<number, Intl.NumberFormat>();
  const percentFormat = (digits: number) => {
    let format = percents.get(digits);
    if (!format) {
      format = new Intl.NumberFormat(language, {
        style: "percent",
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
      percents.set(digits, format);
    }
    return format;
  };
  const change = new Intl.NumberFormat(language, {
    style: "percent",
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: "exceptZero",
  });
  const monthYear = new Intl.DateTimeFormat(language, {
    year: "numeric",
    month: "short",
    timeZone: "UTC",
  });
  const monthOnly = new Intl.DateTimeFormat(language, { month: "short", timeZone: "UTC" });
  return {
    amount: (value) => amount.format(value),
    count: (value) => count.format(value),
    percent: (value, digits = 1) => percentFormat(digits).format(value),
    change: (value) => change.format(value),
    month: (period) => {
      const match = /^(\d{4})-(\d{2})$/.exec(period);
      if (!match) return period;
      return monthYear.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)));
    },
    monthName: (month) => monthOnly.format(new Date(Date.UTC(2001, month - 1, 1))),
  };
}
