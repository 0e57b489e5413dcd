import { formatNotice } from "../../messages";
import { historyReadOptions } from "../historyReadOptions";
import { validatePlanFile, type PlanFileProblem } from "../validatePlanFile";

const base = { version: 1, planYear: 2026, target: { growth: 0.1 } };

function problems(measures: unknown, columns?: unknown): PlanFileProblem[] {
  const result = validatePlanFile({ ...base, measures, ...(columns ? { columns } : {}) });
  if (result.ok) throw new Error("expected problems");
  return result.problems;
}

describe("the plan file's measures", () => {
  it("accepts each measure, each optional, the quantity unit 1 by default", () => {
    const result = validatePlanFile({
      ...base,
      measures: {
        quantity: {},
        grossProfit: { target: { margin: 0.3 } },
        expenses: { rate: 0.08 },
      },
      columns: { quantity: "Pieces", cost: "COGS", grossProfit: "GP" },
    });
    expect(result.ok && result.plan.measures).toEqual({
      quantity: { unit: 1 },
      grossProfit: { target: { margin: 0.3 } },
      expenses: { rate: 0.08 },
    });
    expect(validatePlanFile({ ...base, measures: { grossProfit: {} } }).ok).toBe(true);
    expect(
      validatePlanFile({
        ...base,
        measures: { grossProfit: { target: { amount: 900000 } }, expenses: { amount: 5000 } },
      }).ok,
    ).toBe(true);
  });

  it("rejects unknown keys with the nearest suggested, at every depth", () => {
    expect(problems({ quantitty: {} })).toEqual([
      {
        field: "measures.quantitty",
        code: "plan-unknown-key-suggest",
        params: { key: "quantitty", suggestion: "quantity" },
      },
    ]);
    expect(problems({ quantity: { units: 5 } })).toEqual([
      {
        field: "measures.quantity.units",
        code: "plan-unknown-key-suggest",
        params: { key: "units", suggestion: "unit" },
      },
    ]);
    expect(problems({ grossProfit: { target: { margn: 0.3 } } })).toEqual([
      {
        field: "measures.grossProfit.target.margn",
        code: "plan-unknown-key-suggest",
        params: { key: "margn", suggestion: "margin" },
      },
    ]);
    expect(problems({ expenses: { rates: 0.1 } })[0]).toMatchObject({
      field: "measures.expenses.rates",
      params: { suggestion: "rate" },
    });
    expect(problems(undefined, { grosProfit: "GP" })[0]).toMatchObject({
      field: "columns.grosProfit",
      params: { suggestion: "grossProfit" },
    });
    const misspelt = validatePlanFile({ ...base, measure: { quantity: {} } });
    expect(misspelt.ok ? [] : misspelt.problems).toEqual([
      {
        field: "measure",
        code: "plan-unknown-key-suggest",
        params: { key: "measure", suggestion: "measures" },
      },
    ]);
  });

  it("says what is wrong with a value, in both languages", () => {
    const [rate] = problems({ expenses: { rate: 8 } });
    expect(rate.field).toBe("measures.expenses.rate");
    expect(formatNotice(rate, "en-US")).toBe("must be at most 1, got 8");
    expect(formatNotice(rate, "zh-CN")).toBe("应不大于 1，实际为 8");
    const [unit] = problems({ quantity: { unit: 0.5 } });
    expect(unit.field).toBe("measures.quantity.unit");
    const [shape] = problems({ grossProfit: { target: 0.3 } });
    expect(shape.field).toBe("measures.grossProfit.target");
    expect(formatNotice(shape, "en-US")).toBe('must be {"amount": …} or {"margin": …}, got 0.3');
  });

  it("tells the reader which measures' columns to read", () => {
    expect(
      historyReadOptions({ measures: { grossProfit: {}, expenses: { rate: 0.1 } } }).measures,
    ).toEqual(["grossProfit"]);
    expect(historyReadOptions({ levels: [] })).not.toHaveProperty("measures");
  });
});
