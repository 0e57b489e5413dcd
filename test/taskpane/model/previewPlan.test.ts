import type { HistoryReadResult, HistoryRecord } from "../../../src/engine/history";
import { validatePlanFile } from "../../../src/engine/plan/validatePlanFile";
import { workedExampleRecords } from "../../../src/engine/plan/testing/workedExample";
import { growthWarnings } from "../../../src/taskpane/model/growthWarnings";
import { companyMonths, levelTotals } from "../../../src/taskpane/model/levelTotals";
import { previewPlan } from "../../../src/taskpane/model/previewPlan";
import { seasonalityLines } from "../../../src/taskpane/model/seasonalityLines";

function historyOf(records: HistoryRecord[]): HistoryReadResult {
  return {
    sheet: "Sales",
    layout: "long",
    headerRow: 0,
    columns: {
      date: { column: 0, header: "Date", overridden: false },
      amount: { column: 3, header: "Amount", overridden: false },
      region: { column: 1, header: "Region", overridden: false },
      rep: { column: 2, header: "Rep", overridden: false },
    },
    otherColumns: [],
    monthColumns: [],
    records,
    skipped: [],
    notes: [],
  };
}

function plan(extra: Record<string, unknown> = {}) {
  const v = validatePlanFile({
    version: 1,
    planYear: 2026,
    target: { growth: 0.1 },
    levels: [
      { dimension: "region", method: "lastYear" },
      { dimension: "rep", method: "lastYear" },
    ],
    rounding: { unit: 100 },
    ...extra,
  });
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return v.plan;
}

describe("previewPlan and the totals per level", () => {
  it("gives the worked example's targets per region and rep", () => {
    const preview = previewPlan(historyOf(workedExampleRecords()), plan());
    if (!preview.ok) throw new Error(preview.problem.code);
    const levels = levelTotals(preview.result);
    expect(levels.map((l) => l.dimension)).toEqual(["region", "rep"]);
    expect(levels[0].segments.map((s) => [s.path.join("/"), s.target, s.base])).toEqual([
      ["East", 198000, 180000],
      ["West", 105600, 96000],
    ]);
    expect(levels[1].segments.map((s) => [s.path.join("/"), s.target])).toEqual([
      ["East/Ann", 132000],
      ["East/Bo", 66000],
      ["West/Cy", 105600],
    ]);
    expect(levels[0].segments[0].growth).toBeCloseTo(0.1, 10);
    const months = companyMonths(preview.result);
    expect(months.reduce((a, b) => a + b, 0)).toBe(303600);
  });

  it("puts a lock larger than its parent on the lock", () => {
    const preview = previewPlan(
      historyOf(workedExampleRecords()),
      plan({ locks: [{ where: { region: "East", rep: "Ann" }, amount: 500000 }] }),
    );
    expect(preview.ok).toBe(false);
    if (preview.ok) return;
    expect(preview.problem.code).toBe("locks-exceed-parent");
    expect(preview.problem.field).toBe("locks[0]");
  });

  it("puts caps that cannot all hold on their level", () => {
    const preview = previewPlan(
      historyOf(workedExampleRecords()),
      plan({
        levels: [
          { dimension: "region", method: "lastYear" },
          { dimension: "rep", method: "lastYear", max: { ofLastYear: 1 } },
        ],
      }),
    );
    expect(preview.ok).toBe(false);
    if (preview.ok) return;
    // On the maximum that collides, not on the level's Minimum (None).
    expect(preview.problem).toMatchObject({
      field: "levels[1].max",
      code: "caps-infeasible",
      params: { bound: "max", level: "rep", boundKind: "ofLastYear" },
    });
    const { params } = preview.problem;
    // The children under that region take at most maxTotal; the way out is computed: the region's
    // amount would have to come down to it, or the maximum go up to boundTo.
    expect(params.parentTo).toBe(params.maxTotal);
    expect(Number(params.boundTo)).toBeGreaterThan(1);
    const raised = previewPlan(
      historyOf(workedExampleRecords()),
      plan({
        levels: [
          { dimension: "region", method: "lastYear" },
          { dimension: "rep", method: "lastYear", max: { ofLastYear: Number(params.boundTo) } },
        ],
      }),
    );
    if (!raised.ok) expect(raised.problem.params.parent).not.toBe(params.parent);
    const justBelow = previewPlan(
      historyOf(workedExampleRecords()),
      plan({
        levels: [
          { dimension: "region", method: "lastYear" },
          {
            dimension: "rep",
            method: "lastYear",
            max: { ofLastYear: Number(params.boundTo) - 0.001 },
          },
        ],
      }),
    );
    expect(justBelow.ok).toBe(false);
    // Beside the conflict, the plan above the failing level still computes: the totals and the
    // regions, exactly as without the caps.
    const uncapped = previewPlan(historyOf(workedExampleRecords()), plan());
    if (!uncapped.ok) throw new Error(uncapped.problem.code);
    expect(preview.partial?.levels).toBe(1);
    expect(preview.partial?.result.target).toBe(uncapped.result.target);
    expect(levelTotals(preview.partial!.result).map((l) => l.dimension)).toEqual(["region"]);
    expect(levelTotals(preview.partial!.result)[0].segments.map((s) => s.target)).toEqual(
      levelTotals(uncapped.result)[0].segments.map((s) => s.target),
    );
  });

  it("names the lock that fixes a parent whose children's caps cannot hold", () => {
    const preview = previewPlan(
      historyOf(workedExampleRecords()),
      plan({
        levels: [
          { dimension: "region", method: "lastYear" },
          { dimension: "rep", method: "lastYear", max: { amount: 1000 } },
        ],
        locks: [{ where: { region: "East" }, amount: 150000 }],
      }),
    );
    if (preview.ok) throw new Error("expected a conflict");
    expect(preview.problem.params).toMatchObject({
      parent: "East",
      bound: "max",
      boundKind: "amount",
      parentLock: 0,
    });
    const { params } = preview.problem;
    // Each of East's reps at boundTo would take the whole 150,000; at parentTo, East fits its caps.
    expect(Number(params.boundTo) * Number(params.children)).toBeGreaterThanOrEqual(150000);
    expect((Number(params.boundTo) - 100) * Number(params.children)).toBeLessThan(150000);
    expect(params.parentTo).toBe(Number(params.children) * 1000);
  });

  it("puts a level without a column on its dimension", () => {
    const history = historyOf(workedExampleRecords());
    delete history.columns.rep;
    const preview = previewPlan(history, plan());
    if (!preview.ok) expect(preview.problem.field).toBe("levels[1].dimension");
    else throw new Error("expected a problem");
  });
});

describe("growthWarnings", () => {
  it("flags a segment planned far from its own last growth", () => {
    // Cy shrinks from 2024 to 2025 while the plan gives every rep +10 %.
    const records = workedExampleRecords().map((r) =>
      r.dims.rep === "Cy" && r.year === 2024 ? { ...r, amount: r.amount * 2 } : r,
    );
    const preview = previewPlan(historyOf(records), plan());
    if (!preview.ok) throw new Error(preview.problem.code);
    const warnings = growthWarnings(records, preview.result);
    expect(warnings.map((w) => w.path.join("/"))).toEqual(["West", "West/Cy"]);
    // The preview carries them, computed with the plan (in the planning worker in the browser).
    expect(preview.warnings).toEqual(warnings);
    expect(warnings[0].history).toBeCloseTo(96000 / 180000 - 1, 10);
  });

  it("says nothing when every segment grows as before", () => {
    const records = workedExampleRecords();
    const preview = previewPlan(historyOf(records), plan());
    if (!preview.ok) throw new Error(preview.problem.code);
    expect(growthWarnings(records, preview.result)).toEqual([]);
  });
});

describe("seasonalityLines", () => {
  it("draws one line per window year and the plan's shares", () => {
    const lines = seasonalityLines(workedExampleRecords(), 2026, {
      method: "seasonality",
      years: 2,
    });
    expect(lines.years.map((y) => y.year)).toEqual([2024, 2025]);
    for (const y of lines.years) {
      expect(y.shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
      expect(y.shares[11]).toBeCloseTo(0.12, 10);
    }
    expect(lines.result?.[1]).toBeCloseTo(0.04, 10);
  });

  it("has no plan line when the method cannot give one yet", () => {
    const lines = seasonalityLines(workedExampleRecords(), 2026, {
      method: "movingAverageRatio",
      years: 1,
    });
    expect(lines.result).toBeNull();
    expect(lines.years).toHaveLength(1);
  });
});
