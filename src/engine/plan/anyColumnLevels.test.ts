import { readHistory } from "../reader/readHistory";
import { PlanError } from "../planError";
import { computePlan } from "./computePlan";
import { historyReadOptions } from "./historyReadOptions";
import type { PlanFileInput } from "./planSchema";
import { toResultJson } from "./resultJson";
import { validPlan } from "./testing/validPlan";
import { validatePlanFile } from "./validatePlanFile";

/** A sales ledger with a department column, which no built-in dimension names. */
function ledger(): (string | number)[][] {
  const rows: (string | number)[][] = [["单据日期", "部门", "业务员", "价税合计"]];
  const people: [string, string, number][] = [
    ["销售一部", "张三", 1000],
    ["销售一部", "李四", 500],
    ["销售二部", "王五", 700],
  ];
  for (const year of [2024, 2025]) {
    for (let month = 1; month <= 12; month++) {
      for (const [department, rep, amount] of people) {
        rows.push([`${year}-${String(month).padStart(2, "0")}-15`, department, rep, amount]);
      }
    }
  }
  return rows;
}

const planInput = (levels: PlanFileInput["levels"], extra: Partial<PlanFileInput> = {}) => ({
  version: 1 as const,
  planYear: 2026,
  target: { growth: 0.1 },
  levels,
  ...extra,
});

describe("a level may split by any column of the history", () => {
  it("plans by department, then rep, and keys rows by the header", () => {
    const plan = validPlan(
      planInput([
        { dimension: "部门", method: "lastYear" },
        { dimension: "rep", method: "lastYear" },
      ]),
    );
    const history = readHistory({ sheet: "S", values: ledger() }, historyReadOptions(plan));
    expect(history.error).toBeUndefined();
    expect(history.columns["部门"]).toMatchObject({ header: "部门", column: 1 });
    const result = computePlan(history, plan);
    const base = 12 * (1000 + 500 + 700);
    expect(result.base).toBe(base);
    const byDepartment = new Map<string, number>();
    for (const row of result.rows) {
      byDepartment.set(row.path[0], (byDepartment.get(row.path[0]) ?? 0) + row.annual);
    }
    expect(Object.fromEntries(byDepartment)).toEqual({
      销售一部: Math.round(base * 1.1 * (1500 / 2200)),
      销售二部: Math.round(base * 1.1 * (700 / 2200)),
    });
    const json = toResultJson(result, history, (n) => n.code);
    expect(json.levels).toEqual(["部门", "rep"]);
    expect(json.rows.map((r) => [r["部门"], r.rep])).toEqual([
      ["销售一部", "张三"],
      ["销售一部", "李四"],
      ["销售二部", "王五"],
    ]);
    expect(json.rows.reduce((sum, r) => sum + r.annual, 0)).toBe(result.target);
  });

  it("locks a department by its header, and suggests the level a lock misspells", () => {
    const levels = [{ dimension: "部门", method: "lastYear" as const }];
    const history = (plan: ReturnType<typeof validPlan>) =>
      readHistory({ sheet: "S", values: ledger() }, historyReadOptions(plan));
    const locked = validPlan(
      planInput(levels, { locks: [{ where: { 部门: "销售二部" }, amount: 10000 }] }),
    );
    const result = computePlan(history(locked), locked);
    expect(result.rows.find((r) => r.path[0] === "销售二部")?.annual).toBe(10000);

    const typo = validPlan(
      planInput(levels, { locks: [{ where: { 部们: "销售二部" }, amount: 10000 }] }),
    );
    let error: unknown;
    try {
      computePlan(history(typo), typo);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PlanError);
    expect((error as PlanError).code).toBe("lock-dimension-not-a-level");
    expect((error as PlanError).params).toMatchObject({ dimension: "部们", suggestion: "部门" });
  });

  it("refuses a level named like a field of the result, and a column the sheet lacks", () => {
    const reserved = validatePlanFile(planInput([{ dimension: "annual", method: "equal" }]));
    expect(reserved.ok).toBe(false);
    if (!reserved.ok) {
      expect(reserved.problems[0]).toMatchObject({
        field: "levels[0].dimension",
        code: "plan-dimension-reserved",
      });
    }
    const plan = validPlan(planInput([{ dimension: "门店", method: "equal" }]));
    const history = readHistory({ sheet: "S", values: ledger() }, historyReadOptions(plan));
    expect(history.error?.code).toBe("level-column-not-found");
  });
});
