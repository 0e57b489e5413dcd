import fc from "fast-check";
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
});
