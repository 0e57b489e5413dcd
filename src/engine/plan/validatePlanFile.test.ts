import fc from "fast-check";
import { formatNotice } from "../messages";
import { parsePlanFileText, validatePlanFile } from "./validatePlanFile";

const minimal = { version: 1, planYear: 2026, target: { growth: 0.1 } };

function problems(input: unknown) {
  const r = validatePlanFile(input);
  if (r.ok) throw new Error("expected problems");
  return r.problems;
}

describe("validatePlanFile", () => {
  it("fills the defaults of a minimal plan", () => {
    const r = validatePlanFile(minimal);
    expect(r.ok && r.plan).toEqual({
      ...minimal,
      levels: [],
      locks: [],
      time: { grain: "month", method: "seasonality", years: 3, profile: "company" },
      rounding: { unit: 1 },
    });
  });

  it("accepts DESIGN.md's example plan file", () => {
    const r = validatePlanFile({
      version: 1,
      planYear: 2026,
      target: { growth: 0.15 },
      columns: { region: "Territory" },
      levels: [
        { dimension: "region", method: "lastYear" },
        { dimension: "rep", method: "history", years: 3, max: { ofLastYear: 1.3 } },
      ],
      locks: [{ where: { region: "华东" }, amount: 5000000 }],
      time: { grain: "month", method: "seasonality", years: 3, profile: "company" },
      rounding: { unit: 1 },
      asOf: "2026-04",
      language: "zh-CN",
    });
    expect(r.ok).toBe(true);
  });

  it("suggests the nearest key for an unknown one, at every depth", () => {
    expect(problems({ ...minimal, levls: [] })).toEqual([
      {
        field: "levls",
        code: "plan-unknown-key-suggest",
        params: { key: "levls", suggestion: "levels" },
      },
    ]);
    expect(problems({ ...minimal, target: { grwth: 0.1 } })[0]).toMatchObject({
      field: "target.grwth",
      params: { suggestion: "growth" },
    });
    expect(
      problems({ ...minimal, levels: [{ dimension: "rep", method: "equal", yeras: 2 }] })[0],
    ).toMatchObject({
      field: "levels[0].yeras",
      params: { suggestion: "years" },
    });
    expect(problems({ ...minimal, columns: { amont: "Net" } })[0]).toMatchObject({
      field: "columns.amont",
      params: { suggestion: "amount" },
    });
  });

  it("names the field of a wrong value, with a suggestion for a misspelt choice", () => {
    expect(problems({ ...minimal, levels: [{ dimension: "region", method: "histroy" }] })).toEqual([
      {
        field: "levels[0].method",
        code: "plan-not-one-of-suggest",
        params: {
          allowed: "lastYear, history, equal, manual, blend",
          got: '"histroy"',
          suggestion: "history",
        },
      },
    ]);
    expect(problems({ ...minimal, planYear: "2026" })[0]).toMatchObject({
      field: "planYear",
      code: "plan-wrong-type",
    });
    expect(problems({ ...minimal, version: 2 })[0]).toMatchObject({
      field: "version",
      code: "plan-not-one-of",
    });
    expect(problems({ ...minimal, target: { growth: -1 } })[0]).toMatchObject({
      field: "target.growth",
      code: "plan-too-small",
    });
    expect(problems({ ...minimal, rounding: { unit: 0.5 } })[0]).toMatchObject({
      field: "rounding.unit",
    });
    expect(problems({ ...minimal, asOf: "2026-13" })[0]).toMatchObject({
      field: "asOf",
      code: "plan-bad-format",
    });
    expect(problems({ ...minimal, asOf: "2025-03" })[0]).toMatchObject({
      field: "asOf",
      code: "plan-asof-outside-plan-year",
    });
    expect(problems({ version: 1, planYear: 2026 })[0]).toMatchObject({
      field: "target",
      code: "plan-wrong-shape",
    });
  });

  it("says what is wrong with the value of a target or a bound, not that its key is unknown", () => {
    const said = (input: unknown) =>
      problems(input).map((p) => `${p.field}: ${formatNotice(p, "en-US")}`);
    expect(said({ ...minimal, target: { growth: "15%" } })).toEqual([
      'target.growth: must be a number, got "15%"',
    ]);
    expect(said({ ...minimal, target: { amount: "1,000" } })).toEqual([
      'target.amount: must be a number, got "1,000"',
    ]);
    expect(said({ ...minimal, target: { amount: -5 } })).toEqual([
      "target.amount: must be at least 0, got -5",
    ]);
    const level = { dimension: "rep", method: "lastYear" };
    expect(said({ ...minimal, levels: [{ ...level, max: { ofLastYear: "1.3" } }] })).toEqual([
      'levels[0].max.ofLastYear: must be a number, got "1.3"',
    ]);
    expect(said({ ...minimal, levels: [{ ...level, min: { amount: null } }] })).toEqual([
      "levels[0].min.amount: must be a number, got null",
    ]);
    // A typo in the one key: the nearest key, not the other shape's missing one.
    expect(said({ ...minimal, target: { growht: 0.1 } })).toEqual([
      'target.growht: unknown key "growht" (did you mean "growth"?)',
    ]);
    // A wrong value and a stray key: both.
    expect(said({ ...minimal, target: { growth: "x", note: "up" } })).toEqual([
      'target.growth: must be a number, got "x"',
      'target.note: unknown key "note" (known keys: amount, growth)',
    ]);
    // Two shapes at once, or none: the shapes it may have.
    expect(said({ ...minimal, target: { amount: 100, growth: 0.1 } })).toEqual([
      'target: must be {"amount": …} or {"growth": …}, got {"amount":100,"growth":0.1}',
    ]);
    expect(said({ ...minimal, levels: [{ ...level, max: {} }] })).toEqual([
      'levels[0].max: must be {"ofLastYear": …} or {"amount": …}, got {}',
    ]);
    expect(said({ ...minimal, target: "15%" })).toEqual([
      'target: must be {"amount": …} or {"growth": …}, got "15%"',
    ]);
  });

  it("says it in Chinese too, with full-width punctuation", () => {
    const [growth] = problems({ ...minimal, target: { growth: "15%" } });
    expect(formatNotice(growth, "zh-CN")).toBe('必须是数字，实际为 "15%"');
    const [shape] = problems({ ...minimal, target: {} });
    expect(formatNotice(shape, "zh-CN")).toBe('必须是 {"amount": …} 或 {"growth": …}，实际为 {}');
    const [unit] = problems({ ...minimal, rounding: { unit: 0.5 } });
    expect(formatNotice(unit, "en-US")).toBe("must be a whole number, got 0.5");
    expect(formatNotice(unit, "zh-CN")).toBe("必须是整数，实际为 0.5");
  });

  it("keeps the plan's language for its problems when the language itself is valid", () => {
    const withLanguage = validatePlanFile({
      ...minimal,
      target: { growth: "15%" },
      language: "zh-CN",
    });
    expect(!withLanguage.ok && withLanguage.language).toBe("zh-CN");
    const unknown = validatePlanFile({ ...minimal, target: { growth: "15%" }, language: "fr" });
    expect(!unknown.ok && unknown.language).toBeUndefined();
    const notJson = parsePlanFileText('{"language": "zh-CN",');
    expect(!notJson.ok && notJson.language).toBeUndefined();
  });

  it("refuses a second lock on the same node, naming the first", () => {
    const levels = [
      { dimension: "region", method: "lastYear" },
      { dimension: "rep", method: "lastYear" },
    ];
    const twice = problems({
      ...minimal,
      levels,
      locks: [
        { where: { region: "East" }, amount: 100 },
        { where: { region: "East", rep: "Ann" }, share: 0.5 },
        { where: { rep: " Ann", region: "East " }, growth: 0.2 },
        { where: { region: " East" }, amount: 200 },
      ],
    });
    expect(twice.map((p) => [p.field, formatNotice(p, "en-US")])).toEqual([
      ["locks[2]", 'the same node as locks[1] (rep "Ann" under East): a node takes one lock'],
      ["locks[3]", 'the same node as locks[0] (region "East"): a node takes one lock'],
    ]);
    expect(formatNotice(twice[0], "zh-CN")).toBe(
      "与 locks[1] 锁定的是同一节点（East 下的销售代表 “Ann”）：每个节点只能有一个锁定",
    );
    // The same member under different parents is another node.
    expect(
      validatePlanFile({
        ...minimal,
        levels,
        locks: [
          { where: { region: "East", rep: "Ann" }, amount: 100 },
          { where: { region: "West", rep: "Ann" }, amount: 100 },
        ],
      }).ok,
    ).toBe(true);
  });

  it("checks what a method needs and what a lock says", () => {
    expect(
      problems({ ...minimal, levels: [{ dimension: "rep", method: "manual" }] })[0],
    ).toMatchObject({
      field: "levels[0].weights",
      code: "plan-required-for-manual",
    });
    expect(
      problems({ ...minimal, locks: [{ where: { rep: "Ann" }, amount: 1, share: 0.5 }] })[0],
    ).toMatchObject({
      field: "locks[0]",
      code: "plan-lock-needs-one-of",
    });
    expect(
      problems({
        ...minimal,
        levels: [
          { dimension: "rep", method: "equal" },
          { dimension: "rep", method: "equal" },
        ],
      })[0],
    ).toMatchObject({ field: "levels[1].dimension", code: "plan-level-repeated" });
    expect(problems({ ...minimal, time: { method: "manual" } })[0]).toMatchObject({
      field: "time.weights",
    });
  });

  it("says a lock names no node when its where holds only __proto__ (a key JSON keeps, the schema passes over)", () => {
    const plan = {
      ...minimal,
      levels: [{ dimension: "region", method: "lastYear" }],
      locks: [{ where: {}, amount: 5 }],
    };
    const text = JSON.stringify(plan).replace('"where":{}', '"where":{"__proto__":{}}');
    const validation = parsePlanFileText(text);
    expect(validation.ok).toBe(false);
    expect(validation.ok ? [] : validation.problems).toEqual([
      expect.objectContaining({ field: "locks[0].where", code: "plan-lock-where-empty" }),
    ]);
  });

  it("reports JSON syntax errors and strips a byte-order mark", () => {
    const bad = parsePlanFileText("{ version: 1 }");
    expect(!bad.ok && bad.problems[0].code).toBe("plan-not-json");
    expect(parsePlanFileText(`\uFEFF${JSON.stringify(minimal)}`).ok).toBe(true);
  });

  it("never throws, and every problem names a field, whatever the input", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record(
            {
              version: fc.anything(),
              planYear: fc.anything(),
              target: fc.anything(),
              levels: fc.anything(),
              locks: fc.anything(),
              time: fc.anything(),
            },
            { requiredKeys: [] },
          ),
        ),
        (input) => {
          const r = validatePlanFile(input);
          if (!r.ok) {
            expect(r.problems.length).toBeGreaterThan(0);
            for (const p of r.problems) expect(p.field.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("splits a level by last year's sales when it names no method, and says a missing dimension is required", () => {
    const r = validatePlanFile({ ...minimal, levels: [{ dimension: "部门" }] });
    expect(r.ok && r.plan.levels[0].method).toBe("lastYear");
    expect(problems({ ...minimal, levels: [{ method: "equal" }] })).toEqual([
      { field: "levels[0].dimension", code: "plan-missing", params: {} },
    ]);
    expect(
      problems({ ...minimal, time: { method: undefined, profile: "sideways" } })[0],
    ).toMatchObject({
      field: "time.profile",
    });
  });
});
