import { readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import { CLI_MESSAGES } from "../../src/cli/messages";
import { LANGUAGES } from "../../src/engine/language";
import { PLAN_MESSAGES } from "../../src/engine/plan/messages";
import { READER_MESSAGES } from "../../src/engine/reader/messages";

const SRC = path.join(__dirname, "..", "..", "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith(".ts") && !name.endsWith(".test.ts") ? [full] : [];
  });
}

/** Codes the plan engine raises or warns with, found in its source. */
function engineCodes(): Set<string> {
  const codes = new Set<string>();
  // The schema's `code: "custom"` issues are zod's, turned into `plan-…` codes by the validator.
  const files = sourceFiles(path.join(SRC, "engine", "plan")).filter(
    (f) => !f.endsWith("planSchema.ts"),
  );
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/new PlanError\(\s*"([a-z0-9-]+)"/g)) codes.add(m[1]);
    for (const m of text.matchAll(/\bcode: "([a-z0-9-]+)"/g)) codes.add(m[1]);
    for (const m of text.matchAll(/\? "([a-z0-9-]+-suggest)"\s*:\s*"([a-z0-9-]+)"/g)) {
      codes.add(m[1]);
      codes.add(m[2]);
    }
  }
  return codes;
}

describe("every message exists in every language", () => {
  const catalogs = { PLAN_MESSAGES, READER_MESSAGES, CLI_MESSAGES };
  const sample = {
    key: "k",
    suggestion: "s",
    known: "a, b",
    expected: "number",
    got: "x",
    allowed: "a, b",
    limit: "1",
    inclusive: 1,
    detail: "d",
    window: "2023–2025",
    scope: "company",
    months: "1, 2",
    member: "Ann",
    level: "rep",
    parent: "East",
    amount: 100,
    unit: 100,
    locked: 200,
    parentAmount: 100,
    members: "Ann",
    remainder: 5,
    minTotal: 1,
    maxTotal: 2,
    dimension: "rep",
    levels: "region",
    value: "v",
    planYear: 2026,
    baseYear: 2025,
    missing: "Mar",
    count: 2,
    base: 0,
    asOf: "2026-04",
    path: "f.xlsx",
    reason: "r",
    sheet: "Sales",
    sheets: "Sales",
    parts: "charts",
    cell: "A1",
    option: "out",
    command: "x",
    year: 2026,
    target: "1",
    rows: 1,
    records: 1,
    skipped: 0,
    layout: "long",
    closed: 1,
    files: "o.xlsx",
    header: "h",
    column: "A",
    order: "day-first",
    headers: "a, b",
    keys: "amount, growth",
    field: "target.growth",
    other: "locks[0]",
    kind: "fifo",
    size: 11_000_000,
    growth: 15,
    percent: "1,500",
    fraction: 0.15,
    measure: "grossProfit",
    roles: "cost, grossProfit",
    role: "quantity",
    node: "East / Ann",
    margin: "-5.0",
    quantity: "7,228",
    grossProfit: "1,200",
    cost: "2,800",
    expenses: "300",
    netProfit: "900",
  };

  it.each(Object.entries(catalogs))(
    "%s: each code reads in English and Chinese",
    (_name, catalog) => {
      for (const [code, text] of Object.entries(catalog)) {
        for (const language of LANGUAGES) {
          const words = text[language](sample);
          expect(typeof words).toBe("string");
          expect(words.trim().length).toBeGreaterThan(0);
          expect(words).not.toBe(code);
          expect(words).not.toContain("undefined");
        }
        expect(text["zh-CN"](sample)).not.toBe(text["en-US"](sample));
        expect(code).toMatch(/^[a-z0-9-]+$/);
      }
    },
  );

  it("every code the plan engine raises has a message", () => {
    const codes = engineCodes();
    expect(codes.size).toBeGreaterThan(15);
    const missing = [...codes].filter((c) => !(c in PLAN_MESSAGES) && !(c in READER_MESSAGES));
    expect(missing).toEqual([]);
  });

  it("every custom check of the plan schema has a message", () => {
    const schema = readFileSync(path.join(SRC, "engine", "plan", "planSchema.ts"), "utf8");
    const codes = [...schema.matchAll(/message: "([a-z0-9-]+)"/g)].map((m) => `plan-${m[1]}`);
    expect(codes.length).toBeGreaterThan(5);
    expect(codes.filter((c) => !(c in PLAN_MESSAGES))).toEqual([]);
  });
});
