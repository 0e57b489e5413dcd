import { existsSync, promises as fsp } from "node:fs";
import fc from "fast-check";
import type { CellValue } from "../../src/engine/grid";
import { LANGUAGES, PUNCTUATION } from "../../src/engine/language";
import { formatNotice } from "../../src/engine/messages";
import { computePlan } from "../../src/engine/plan/computePlan";
import { parsePlanFileText, validatePlanFile } from "../../src/engine/plan/validatePlanFile";
import { PlanError } from "../../src/engine/planError";
import { readHistory } from "../../src/engine/reader/readHistory";
import { writeFixtureXlsx } from "../support/buildWorkbook";
import { runStp, tempFolder } from "../cli/runStp";

// Random and broken plan files: through the validator and the engine, and through `stp plan`.
// Whatever the file holds, the answer is a message naming the field, never a crash or a hang.

/** A plan using every part of the schema, valid for `HISTORY`. */
const FULL_PLAN = {
  version: 1,
  planYear: 2026,
  target: { growth: 0.15 },
  columns: { region: "Territory", amount: "Amount" },
  levels: [
    {
      dimension: "region",
      method: "blend",
      parts: [
        { method: "lastYear", weight: 2 },
        { method: "manual", weight: 1, weights: { East: 1, West: 2 } },
      ],
    },
    { dimension: "rep", method: "history", years: 2, max: { ofLastYear: 1.3 } },
  ],
  locks: [{ where: { region: "East" }, amount: 60000 }],
  time: { grain: "month", method: "seasonality", years: 2, profile: "company" },
  rounding: { unit: 100 },
  asOf: "2026-02",
  language: "zh-CN",
};

const REPS = [
  { region: "East", rep: "Ann", base: 4000 },
  { region: "East", rep: "Bo", base: 2500 },
  { region: "West", rep: "Cy", base: 3000 },
];

/** A small long history, 2024 to February 2026, with a `Territory` column. */
const HISTORY: CellValue[][] = (() => {
  const rows: CellValue[][] = [["Date", "Territory", "Rep", "Product", "Amount"]];
  for (const year of [2024, 2025, 2026]) {
    for (let month = 1; month <= (year === 2026 ? 2 : 12); month++) {
      for (const r of REPS) {
        const amount = Math.round(r.base * (1 + month / 10) * (1 + (year - 2024) / 10));
        rows.push([`${year}-${String(month).padStart(2, "0")}-15`, r.region, r.rep, "X", amount]);
      }
    }
  }
  return rows;
})();

type Path = (string | number)[];

/** Every path to a value of a JSON value, the root included. */
function pathsOf(value: unknown, at: Path = []): Path[] {
  const paths: Path[] = [at];
  if (Array.isArray(value)) value.forEach((v, i) => paths.push(...pathsOf(v, [...at, i])));
  else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) paths.push(...pathsOf(v, [...at, k]));
  }
  return paths;
}

const PATHS = pathsOf(FULL_PLAN);

/** The plan file's notation for a path, as the validator names fields. */
function fieldOf(path: Path): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

/** Values a plan file should never hold where a plan expects something else. */
const HOSTILE_VALUES: unknown[] = [
  null,
  true,
  0,
  -1,
  1e308,
  -1e308,
  5e-324,
  1e15,
  1e16,
  1e20,
  2 ** 53 + 2,
  0.1 + 0.2,
  "",
  "   ",
  "1e3",
  "１２３",
  "=SUM(A1)",
  "NaN",
  "x".repeat(5000),
  "levels",
  [],
  [null],
  {},
  { amount: 1e300 },
  { growth: 1e300 },
  { "": 1 },
  { East: 1e308, West: 1e308 },
  Array.from({ length: 12 }, () => 1e308),
];

type Mutation =
  | { kind: "set"; path: Path; value: unknown }
  | { kind: "delete"; path: Path }
  | { kind: "add"; path: Path; key: string; value: unknown };

const valueArbitrary: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE_VALUES), weight: 3 },
  { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 2 },
  { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }), weight: 1 },
);

const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant("set" as const),
    path: fc.constantFrom(...PATHS),
    value: valueArbitrary,
  }),
  fc.record({
    kind: fc.constant("delete" as const),
    path: fc.constantFrom(...PATHS.filter((p) => p.length > 0)),
  }),
  fc.record({
    kind: fc.constant("add" as const),
    path: fc.constantFrom(
      ...PATHS.filter((p) => p.length === 0 || typeof p[p.length - 1] === "string"),
    ),
    key: fc.constantFrom("levles", "tagret", "__proto__", "constructor", "toString", "", "amout"),
    value: valueArbitrary,
  }),
);

/** A deep copy of the full plan with the mutations applied; keys are plain own properties. */
function mutate(mutations: readonly Mutation[]): unknown {
  let plan: unknown = JSON.parse(JSON.stringify(FULL_PLAN));
  for (const mutation of mutations) {
    if (mutation.path.length === 0 && mutation.kind === "set") {
      plan = mutation.value;
      continue;
    }
    const target = mutation.kind === "add" ? mutation.path : mutation.path.slice(0, -1);
    let parent: unknown = plan;
    for (const part of target) {
      parent =
        parent !== null && typeof parent === "object"
          ? (parent as Record<string | number, unknown>)[part]
          : undefined;
    }
    if (parent === null || typeof parent !== "object") continue;
    const container = parent as Record<string | number, unknown>;
    const key = mutation.kind === "add" ? mutation.key : mutation.path[mutation.path.length - 1];
    if (mutation.kind === "delete") {
      if (Array.isArray(container) && typeof key === "number") removeAt(container, key);
      else delete container[key];
    } else {
      Object.defineProperty(container, key, {
        value: mutation.value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return plan;
}

/**
 * Removes an array's item in place without `splice`, which looks up the array's `constructor` — a
 * key an earlier mutation may have set to anything.
 */
function removeAt(array: unknown[], index: number): void {
  if (index < 0 || index >= array.length) return;
  for (let i = index; i < array.length - 1; i++) array[i] = array[i + 1];
  array.length -= 1;
}

/** What a user's file would hold: the JSON text of the mutated plan. */
function planText(mutations: readonly Mutation[]): string {
  return JSON.stringify(mutate(mutations), null, 2) ?? "";
}

/** A message a person can read, in every language, naming no internals. */
function expectReadable(text: string): void {
  expect(text.trim().length).toBeGreaterThan(1);
  expect(text).not.toMatch(/undefined|\[object|\n\s+at |TypeError|RangeError|ZodError/);
}

const history = readHistory({ sheet: "Sales", values: HISTORY }, { columns: FULL_PLAN.columns });

/**
 * Validates the text, then plans the valid ones: either a plan whose numbers add up or a
 * PlanError naming where, never another failure; each message readable in every language.
 */
function checkPlanText(text: string): void {
  const validation = parsePlanFileText(text);
  if (!validation.ok) {
    expect(validation.problems.length).toBeGreaterThan(0);
    for (const problem of validation.problems) {
      expect(problem.field.length).toBeGreaterThan(0);
      for (const language of LANGUAGES) {
        const message = formatNotice(problem, language);
        expectReadable(message);
        expect(message.length).toBeLessThan(400);
        expect(message.startsWith(problem.code)).toBe(false);
      }
    }
    return;
  }
  const plan = validation.plan;
  const read = readHistory({ sheet: "Sales", values: HISTORY }, { columns: plan.columns });
  if (read.error) return;
  const started = Date.now();
  try {
    const result = computePlan(read, plan);
    expect(Number.isSafeInteger(result.target / result.unit)).toBe(true);
    const annual = result.rows.reduce((sum, row) => sum + row.annual, 0);
    expect(annual).toBe(result.target);
    for (const row of result.rows) {
      expect(row.months.reduce((a, b) => a + b, 0)).toBe(row.annual);
    }
  } catch (error) {
    if (!(error instanceof PlanError)) throw error;
    for (const language of LANGUAGES) expectReadable(formatNotice(error.toNotice(), language));
  }
  expect(Date.now() - started).toBeLessThan(2000);
}

describe("plan files, random and broken, through the validator and the engine", () => {
  it("the full plan is valid and plans", () => {
    expect(history.error).toBeUndefined();
    expect(validatePlanFile(FULL_PLAN).ok).toBe(true);
    checkPlanText(JSON.stringify(FULL_PLAN));
  });

  it("never throws on any JSON value, and names a field for every problem", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        checkPlanText(JSON.stringify(value) ?? "null");
      }),
      { numRuns: 120 },
    );
  });

  it("never throws on mutations of a valid plan, and names the field that was broken", () => {
    fc.assert(
      fc.property(fc.array(mutationArbitrary, { minLength: 1, maxLength: 3 }), (mutations) => {
        checkPlanText(planText(mutations));
        // One wrong value where a number, a name or a list was: the problem names that field
        // or the object holding it (or the root, for a wrong whole plan).
        const [only] = mutations;
        if (mutations.length !== 1 || only.kind !== "set" || only.path.length === 0) return;
        const validation = validatePlanFile(JSON.parse(planText(mutations)));
        if (validation.ok) return;
        const field = fieldOf(only.path);
        const related = validation.problems.some(
          (p) =>
            p.field === "(plan)" ||
            field === p.field ||
            field.startsWith(`${p.field}.`) ||
            field.startsWith(`${p.field}[`) ||
            p.field.startsWith(`${field}.`) ||
            p.field.startsWith(`${field}[`) ||
            // Rules across fields: asOf belongs to the plan year, a level's dimension is unique.
            (field === "planYear" && p.field === "asOf") ||
            (/^levels\[\d+\]\.dimension$/.test(field) &&
              /^levels\[\d+\]\.dimension$/.test(p.field)),
        );
        expect({ field, problems: validation.problems.map((p) => p.field), related }).toEqual({
          field,
          problems: validation.problems.map((p) => p.field),
          related: true,
        });
      }),
      {
        numRuns: 250,
        examples: [
          // An array given a `constructor` key, then shortened.
          [
            [
              { kind: "add", path: ["locks"], key: "constructor", value: null },
              { kind: "delete", path: ["locks", 0] },
            ],
          ],
        ],
      },
    );
  });

  it("reports text that is not JSON, with where it broke", () => {
    const texts = [
      "",
      "   ",
      "{",
      '{"version": 1,}',
      "{ version: 1 }",
      '{"version": 1} // comment',
      "\u0000\u0001",
      "\uFEFF\uFEFF{}",
      `${"[".repeat(5000)}${"]".repeat(5000)}`,
      `{"a": "${"x".repeat(100_000)}"}`,
      "NaN",
      '{"planYear": 1e999}',
    ];
    for (const text of texts) checkPlanText(text);
    const nested = parsePlanFileText(`${"[".repeat(5000)}${"]".repeat(5000)}`);
    expect(nested.ok).toBe(false);
  });

  it("refuses amounts too large to plan in whole units, naming the field", () => {
    const cases: [unknown, string][] = [
      [{ ...FULL_PLAN, target: { amount: 1e300 } }, "target.amount"],
      [{ ...FULL_PLAN, target: { amount: 1e16 } }, "target.amount"],
      [{ ...FULL_PLAN, locks: [{ where: { region: "East" }, amount: 1e20 }] }, "locks[0].amount"],
      [
        {
          ...FULL_PLAN,
          levels: [{ dimension: "region", method: "lastYear", max: { amount: 1e300 } }],
        },
        "levels[0].max.amount",
      ],
      [{ ...FULL_PLAN, rounding: { unit: 1e300 } }, "rounding.unit"],
    ];
    for (const [plan, field] of cases) {
      const validation = validatePlanFile(plan);
      expect(validation.ok).toBe(false);
      if (validation.ok) continue;
      expect(validation.problems.map((p) => p.field)).toContain(field);
      const problem = validation.problems.find((p) => p.field === field)!;
      expect(formatNotice(problem, "en-US")).toMatch(/^must be at most/);
      expect(formatNotice(problem, "zh-CN")).toMatch(/^应不大于/);
    }
  });

  it("plans a growth on a base too large for whole units as an error on the target", () => {
    const values: CellValue[][] = [["Date", "Rep", "Amount"]];
    for (let i = 0; i < 40; i++) {
      values.push([`2025-${String((i % 12) + 1).padStart(2, "0")}-03`, `R${i % 3}`, 9e14]);
    }
    const read = readHistory({ sheet: "S", values });
    const plan = validatePlanFile({ version: 1, planYear: 2026, target: { growth: 30 } });
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    let failure: unknown;
    try {
      computePlan(read, plan.plan);
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(PlanError);
    const error = failure as PlanError;
    expect(error.where).toBe("target.growth");
    expect(formatNotice(error.toNotice(), "en-US")).toContain("too large");
    expect(formatNotice(error.toNotice(), "zh-CN")).toContain("过大");
  });
});

describe("plan files, random and broken, through stp plan", () => {
  let folder: Awaited<ReturnType<typeof tempFolder>>;
  beforeAll(async () => {
    folder = await tempFolder();
    await writeFixtureXlsx(folder.file("h.xlsx"), [{ name: "Sales", rows: HISTORY }]);
  });
  afterAll(() => folder.remove());

  let run = 0;
  /** Runs `stp plan` on a plan file holding `text`; the output workbook must not appear on failure. */
  async function planWith(text: string | Buffer, lang: string) {
    run++;
    const config = folder.file(`p${run}.json`);
    const out = folder.file(`out${run}.xlsx`);
    await fsp.writeFile(config, text);
    const args = ["plan", "--history", folder.file("h.xlsx"), "--config", config, "--out", out];
    const result = await runStp(args, lang);
    const lines = [...result.out, ...result.err].join("\n");
    expect(lines).not.toMatch(/internal error|\n\s+at |TypeError|RangeError|ZodError/);
    expect([0, 1]).toContain(result.code);
    if (result.code === 1) {
      expect(result.err).toHaveLength(1);
      expect(existsSync(out)).toBe(false);
      expect((await fsp.readdir(folder.dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    } else {
      expect(existsSync(out)).toBe(true);
    }
    return { ...result, config: `p${run}.json` };
  }

  it("answers every mutated plan with exit 1 and one line naming the file and the field, or a plan", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(mutationArbitrary, { minLength: 1, maxLength: 2 }),
        fc.constantFrom("en_US.UTF-8", "zh_CN.UTF-8"),
        async (mutations, lang) => {
          const text = planText(mutations);
          const validation = parsePlanFileText(text);
          const result = await planWith(text, lang);
          if (!validation.ok) {
            expect(result.code).toBe(1);
            // The colons are those of the language the problems are told in.
            const { colon } =
              PUNCTUATION[validation.language ?? (lang.startsWith("zh") ? "zh-CN" : "en-US")];
            expect(result.err[0].startsWith(`${result.config}${colon}`)).toBe(true);
            // A problem of the whole plan follows the file's name; any other names its field.
            for (const problem of validation.problems) {
              if (problem.field !== "(plan)")
                expect(result.err[0]).toContain(`${problem.field}${colon}`);
            }
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it("names the broken field in the plan's language, else in the environment's", async () => {
    const plan = JSON.parse(JSON.stringify(FULL_PLAN)) as Partial<typeof FULL_PLAN>;
    (plan.levels![1] as { method: string }).method = "histroy";
    const english = `levels[1].method: must be one of lastYear, history, equal, manual, blend, got "histroy" (did you mean "history"?)`;
    const chinese = `levels[1].method：必须是以下之一：lastYear, history, equal, manual, blend；实际为 "histroy"（是否应为 “history”？）`;
    // The plan says zh-CN: its problems are told in Chinese whatever the environment.
    for (const lang of ["en_US.UTF-8", "zh_CN.UTF-8"]) {
      const zh = await planWith(JSON.stringify(plan), lang);
      expect(zh.code).toBe(1);
      expect(zh.err[0]).toBe(`${zh.config}：${chinese}`);
    }
    const en = await planWith(JSON.stringify({ ...plan, language: "en-US" }), "zh_CN.UTF-8");
    expect(en.err[0]).toBe(`${en.config}: ${english}`);
    delete plan.language;
    const enEnvironment = await planWith(JSON.stringify(plan), "en_US.UTF-8");
    expect(enEnvironment.err[0]).toBe(`${enEnvironment.config}: ${english}`);
    const zhEnvironment = await planWith(JSON.stringify(plan), "zh_CN.UTF-8");
    expect(zhEnvironment.err[0]).toBe(`${zhEnvironment.config}：${chinese}`);
    // A language the product does not speak is a problem of its own, told in the environment's.
    const unknown = await planWith(JSON.stringify({ ...plan, language: "fr-FR" }), "en_US.UTF-8");
    expect(unknown.err[0]).toContain(english);
    expect(unknown.err[0]).toContain('language: must be one of en-US, zh-CN, got "fr-FR"');
  });

  it("answers files that are not plans at all with exit 1 and one line", async () => {
    const files: (string | Buffer)[] = [
      "",
      "{",
      "[]",
      "null",
      '"plan"',
      Buffer.from([0xff, 0xfe, 0x00, 0x7b]),
      Buffer.from([0xc3, 0x28, 0x7b, 0x7d]),
      `{"version": 1, "planYear": 2026, "target": {"amount": ${"9".repeat(400)}}}`,
      `${"[".repeat(5000)}${"]".repeat(5000)}`,
      `{"levels": ${"[".repeat(5000)}${"]".repeat(5000)}}`,
      `${"[".repeat(500_000)}${"]".repeat(500_000)}`,
    ];
    for (const file of files) {
      const result = await planWith(file, "en_US.UTF-8");
      expect(result.code).toBe(1);
      expect(result.err[0].startsWith(`${result.config}: `)).toBe(true);
    }
  });

  it("names the plan's column when the history lacks the header it gives", async () => {
    for (const [language, words] of [
      ["en-US", 'did you mean "Territory"'],
      ["zh-CN", "是否是“Territory”？"],
    ]) {
      const plan = { ...FULL_PLAN, columns: { region: "Teritory" }, language };
      const result = await planWith(JSON.stringify(plan), "en_US.UTF-8");
      expect(result.code).toBe(1);
      expect(result.err[0]).toContain("columns.region");
      expect(result.err[0]).toContain(words);
    }
  });
});
