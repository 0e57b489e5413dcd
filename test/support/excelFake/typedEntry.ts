/** What Excel makes of a string entered into a cell whose number format is not text (`@`). */
export type TypedEntry =
  | { kind: "formula"; formula: string }
  | { kind: "number"; value: number; numberFormat?: string }
  | { kind: "boolean"; value: boolean }
  | { kind: "text"; value: string };

const NUMBER = /^([+-])?(\$)?(\d{1,3}(?:,\d{3})+|\d*)(\.\d+)?(?:[eE]([+-]?\d+))?(%)?$/;

function serial(year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const date = Date.UTC(year, month - 1, day);
  if (new Date(date).getUTCDate() !== day) return null;
  return Math.round((date - Date.UTC(1899, 11, 30)) / 86_400_000);
}

function parseNumber(text: string): { value: number; numberFormat?: string } | null {
  let body = text;
  let negative = false;
  const parenthesised = /^\((.*)\)$/.exec(body);
  if (parenthesised) {
    body = parenthesised[1];
    negative = true;
  }
  const match = NUMBER.exec(body);
  if (!match || (!match[3] && !match[4])) return null;
  if (parenthesised && match[1]) return null;
  let value = Number(`${match[3].replace(/,/g, "") || "0"}${match[4] ?? ""}`);
  if (match[5]) value *= 10 ** Number(match[5]);
  if (match[6]) value /= 100;
  if (match[1] === "-" || negative) value = -value;
  const numberFormat = match[6]
    ? "0%"
    : match[2]
      ? "$#,##0"
      : match[3].includes(",")
        ? "#,##0"
        : undefined;
  return numberFormat ? { value, numberFormat } : { value };
}

function parseDate(text: string): { value: number; numberFormat: string } | null {
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(text);
  if (m) {
    const value = serial(Number(m[1]), Number(m[2]), Number(m[3]));
    return value === null ? null : { value, numberFormat: "m/d/yyyy" };
  }
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (m) {
    const value = serial(Number(m[3]), Number(m[1]), Number(m[2]));
    return value === null ? null : { value, numberFormat: "m/d/yyyy" };
  }
  m = /^(\d{4})-(\d{1,2})$/.exec(text);
  if (m) {
    const value = serial(Number(m[1]), Number(m[2]), 1);
    return value === null ? null : { value, numberFormat: "mmm-yy" };
  }
  return null;
}

/**
 * Excel's reading of a typed entry (en-US), as `range.values` applies it: `=` starts a formula;
 * `+`, `-` and `@` start one too unless a number follows; numbers with thousands separators,
 * currency, percent, exponent or parentheses become numbers; `TRUE` / `FALSE` booleans; ISO and
 * US dates and `yyyy-mm` become date serials. Anything else stays text.
 * @example typedEntry("+1") → { kind: "number", value: 1 }; typedEntry("2026-01").kind === "number"
 */
export function typedEntry(text: string): TypedEntry {
  if (text.length > 1 && text.startsWith("=")) return { kind: "formula", formula: text };
  const number = parseNumber(text);
  if (number) return { kind: "number", ...number };
  const date = parseDate(text);
  if (date) return { kind: "number", ...date };
  if (/^(true|false)$/i.test(text)) return { kind: "boolean", value: /^true$/i.test(text) };
  if (text.length > 1 && /^[+\-@]/.test(text)) return { kind: "formula", formula: `=${text}` };
  return { kind: "text", value: text };
}
