import fc from "fast-check";
import { LANGUAGES } from "../language";
import type { Notice } from "../history";
import { READER_MESSAGES } from "./messages";
import { readHistory } from "./readHistory";

/** Every code the reader reports, with the parameters it reports it with. */
const EXAMPLES: Notice[] = [
  { code: "blank-row", params: { rows: 1 } },
  { code: "blank-row", params: { rows: 3, through: "A5" } },
  { code: "total-row", params: { label: "合计" } },
  { code: "amount-not-number", params: { value: "N/A", column: "销售额" } },
  { code: "amount-too-large", params: { value: "1E+308", column: "Amount" } },
  {
    code: "amount-decimal-mark",
    params: { value: "1.234,50", column: "Amount", convention: "point", example: "1,234.50" },
  },
  { code: "amount-missing", params: { column: "Amount" } },
  { code: "date-not-readable", params: { value: "soon", column: "Date" } },
  { code: "date-missing", params: { column: "Date" } },
  { code: "no-header-row", params: { sheet: "S", rows: 20 } },
  { code: "no-amount-column", params: { sheet: "S" } },
  { code: "no-date-column", params: { sheet: "S" } },
  {
    code: "column-not-found",
    params: { sheet: "S", role: "region", header: "Teritory", suggestion: "Territory" },
  },
  { code: "column-not-found", params: { sheet: "S", role: "rep", header: "Owner name" } },
  { code: "month-columns-without-year", params: { sheet: "S", example: "Jan" } },
  { code: "history-unreadable", params: { sheet: "S", reason: "boom" } },
  { code: "no-records", params: { sheet: "S", layout: "long", skipped: 0 } },
  { code: "no-records", params: { sheet: "S", layout: "wide", skipped: 0 } },
  {
    code: "date-order-assumed",
    params: { column: "Date", order: "day-first", basis: "values", example: "25/04/2024" },
  },
  {
    code: "date-order-assumed",
    params: { column: "Date", order: "month-first", basis: "default", example: "03/04/2024" },
  },
  {
    code: "date-number-assumed",
    params: { column: "Date", kind: "serial", example: "45366", reads: "2024-03" },
  },
  {
    code: "decimal-mark-assumed",
    params: {
      column: "Amount",
      convention: "comma",
      basis: "values",
      example: "1.234,50",
      ambiguous: "€1.234",
      reads: 1234,
    },
  },
  {
    code: "decimal-mark-assumed",
    params: {
      column: "Jan 2025",
      through: "Dec 2025",
      convention: "point",
      basis: "default",
      ambiguous: "1.234",
      reads: 1.234,
    },
  },
  { code: "year-column-used", params: { column: "月份", yearColumn: "年份" } },
  { code: "column-ignored", params: { role: "rep", column: "Rep ID", used: "Rep" } },
];

describe("READER_MESSAGES", () => {
  it("words the reader's example the way the CLI prints it", () => {
    expect(READER_MESSAGES["amount-not-number"]["en-US"]({ value: "N/A" })).toBe(
      'amount is not a number: "N/A"',
    );
    expect(READER_MESSAGES["amount-not-number"]["zh-CN"]({ value: "N/A" })).toBe(
      "金额不是数字：“N/A”",
    );
  });

  it.each(EXAMPLES.map((notice) => [notice.code, notice] as const))(
    "%s reads well in every language and names no cell",
    (code, notice) => {
      const message = READER_MESSAGES[code];
      expect(message).toBeDefined();
      for (const language of LANGUAGES) {
        const text = message[language](notice.params);
        expect(text.length).toBeGreaterThan(0);
        expect(text).not.toMatch(/undefined|\[object/);
        expect(text).not.toMatch(/\b[A-Z]{1,3}\d+\b/);
      }
    },
  );

  it("has a message for every code the reader reports on any grid", () => {
    const cell = fc.oneof(
      fc.constantFrom<string | number | boolean | null>(
        null,
        "",
        "合计",
        "Date",
        "Amount",
        "日期",
        "销售额",
        "年份",
        "月份",
        "N/A",
        "03/04/2024",
        "2024-01-01",
        45366,
        3,
        2024,
        true,
        "Region",
        "Region ID",
      ),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 12 }), (values) => {
        const result = readHistory({ sheet: "S", values });
        const codes = [
          ...result.skipped.map((s) => s.code),
          ...result.notes.map((n) => n.code),
          ...(result.error ? [result.error.code] : []),
        ];
        for (const code of codes) expect(READER_MESSAGES[code]).toBeDefined();
      }),
      { numRuns: 300 },
    );
  });
});
