/** @jest-environment jsdom */
import "./support/jsdomSetup";
import { screen, waitFor, within } from "@testing-library/react";
import { columnLetters } from "../../src/engine/address";
import type { Language } from "../../src/engine/language";
import { computePlan } from "../../src/engine/plan/computePlan";
import { historyReadOptions } from "../../src/engine/plan/historyReadOptions";
import { validatePlanFile } from "../../src/engine/plan/validatePlanFile";
import { readHistory } from "../../src/engine/reader/readHistory";
import { generateHistory } from "../../src/sample/generateHistory";
import { makeFormatters } from "../../src/taskpane/i18n/formatters";
import { signRows } from "../../src/sheets/sheetSignatures";
import { buildPlanSheets } from "../../src/sheets/buildPlanSheets";
import { sheetLabels } from "../../src/sheets/labels";
import { readPlanStore } from "../../src/sheets/planStoreSheet";
import { expectSheetWritten } from "../excel/support/expectWritten";
import { createFakeWorkbook, type FakeWorkbook } from "../support/excelFake";
import { choose, openCard, renderPane, type PaneHarness } from "./support/paneHarness";

/** The figure column added to the sample: a cost of sales in English, a gross profit in Chinese. */
const FIGURE: Record<Language, { header: string; role: "cost" | "grossProfit"; share: number }> = {
  "en-US": { header: "Cost of Sales", role: "cost", share: 0.68 },
  "zh-CN": { header: "毛利", role: "grossProfit", share: 0.27 },
};

/**
 * The sample history (a Qty or 数量 column beside the amount) with one more column: each row's
 * cost of sales, or its gross profit, a fixed share of its amount to the cent.
 */
function measuresWorkbook(
  language: Language,
  figureHeader?: string,
  /** The first row's rep sells at a loss on every row: cost 120 % of the amount (GP −20 %). */
  lossRep = false,
): { fake: FakeWorkbook; column: string; lossRep: string | null } {
  const grid = generateHistory({
    language,
    planYear: 2026,
    actualMonths: 4,
    rows: 400,
    seed: 20260101,
    messy: false,
  });
  const headerRow = grid.values.findIndex((row) =>
    row.includes(language === "en-US" ? "Net Sales" : "销售金额"),
  );
  const header = grid.values[headerRow];
  const amountAt = header.length - 1;
  const figure = FIGURE[language];
  const repAt = 4;
  const loser = lossRep ? String(grid.values[headerRow + 1][repAt]) : null;
  const values = grid.values.map((row, i) => {
    if (i < headerRow) return row;
    if (i === headerRow) return [...row, figureHeader ?? figure.header];
    const amount = row[amountAt];
    const loss = figure.role === "cost" ? 1.2 : -0.2;
    const share = loser !== null && row[repAt] === loser ? loss : figure.share;
    return [...row, typeof amount === "number" ? Math.round(amount * share * 100) / 100 : null];
  });
  const fake = createFakeWorkbook({
    sheets: [{ name: grid.sheet, values, numberFormats: grid.numberFormats }],
    activeSheet: grid.sheet,
  });
  return { fake, column: columnLetters(header.length), lossRep: loser };
}

/** The engine's own result for the plan the pane wrote into its plan store, from the same history. */
function engineResult(fake: FakeWorkbook, planJson: unknown) {
  const validation = validatePlanFile(planJson);
  if (!validation.ok) throw new Error(JSON.stringify(validation.problems));
  const plan = validation.plan;
  const sheet = fake.workbook.order[0];
  const history = readHistory(
    { sheet, values: fake.workbook.values(sheet) },
    historyReadOptions(plan),
  );
  return computePlan({ records: history.records, columns: history.columns }, plan);
}

async function openMeasures(h: PaneHarness): Promise<HTMLElement> {
  await h.goTo("target");
  return openCard(h.user, h.t.measures.title);
}

/** Turns on the quantity, gross profit at a target margin and expenses at a rate. */
async function planAllMeasures(h: PaneHarness, margin: string, rate: string): Promise<void> {
  const { user, t } = h;
  const card = await openMeasures(h);
  await user.click(within(card).getByRole("checkbox", { name: t.measures.quantity }));
  await user.click(within(card).getByRole("checkbox", { name: t.measures.grossProfit }));
  await user.click(within(card).getByRole("radio", { name: t.measures.grossProfitTargets.margin }));
  await user.type(
    within(card).getByRole("textbox", { name: t.measures.grossProfitMargin }),
    margin,
  );
  await user.click(within(card).getByRole("radio", { name: t.measures.expenseKinds.rate }));
  await user.type(within(card).getByRole("textbox", { name: t.measures.expenseRate }), rate);
}

describe("the measures in the pane", () => {
  it.each<Language>(["en-US", "zh-CN"])(
    "sets them on the Target step, says which columns feed them and shows the P&L totals (%s)",
    async (language) => {
      const { fake, column } = measuresWorkbook(language);
      const h = await renderPane({ fake, language });
      const { t } = h;
      const format = makeFormatters(language);

      // Folded, it says the plan is of sales alone.
      await h.goTo("target");
      const folded = screen.getByRole("group", { name: t.measures.title });
      expect(within(folded).getByText(t.measures.summaryNone)).toBeTruthy();
      expect(within(folded).queryByRole("checkbox")).toBeNull();

      await planAllMeasures(h, "30", "8");
      const card = screen.getByRole("group", { name: t.measures.title });
      // The columns the reader found for the quantity and for the cost.
      const qty = language === "en-US" ? "Qty" : "数量";
      expect(
        within(card).getByText(
          t.measures.fromColumn(t.roles.quantity, t.measures.column("G", qty)),
        ),
      ).toBeTruthy();
      const figure = FIGURE[language];
      expect(
        within(card).getByText(
          figure.role === "cost"
            ? t.measures.fromColumn(t.roles.cost, t.measures.column(column, figure.header))
            : t.measures.costFromGrossProfit(t.measures.column(column, figure.header)),
        ),
      ).toBeTruthy();
      const percent = (v: number) => format.percent(v, 0);
      expect(
        within(card).getByText(
          [
            t.measures.summaryQuantity,
            t.measures.summaryGrossProfit("margin", percent(0.3)),
            t.measures.summaryExpenses("rate", percent(0.08)),
          ]
            .join(t.measures.separator)
            .replace(/^./, (c) => c.toUpperCase()),
        ),
      ).toBeTruthy();

      await h.goTo("preview");
      const table = await screen.findByRole(
        "table",
        { name: t.measures.profitTitle },
        { timeout: 5000 },
      );
      const lines = within(table)
        .getAllByRole("row")
        .map((row) => [
          within(row).getByRole("rowheader").textContent,
          within(row).getByRole("cell").textContent,
        ]);
      expect(lines.map(([label]) => label)).toEqual([
        t.measures.sales,
        t.measures.quantityTotal,
        t.measures.cost,
        t.measures.grossProfitTotal,
        t.measures.margin,
        t.measures.expensesTotal,
        t.measures.netProfit,
      ]);

      // The same figures as the engine gives for the plan the pane would write.
      const plan = {
        version: 1,
        planYear: 2026,
        target: { growth: 0.1 },
        levels: [
          { dimension: "region", method: "lastYear" },
          { dimension: "rep", method: "lastYear" },
        ],
        language,
        measures: {
          quantity: { unit: 1 },
          grossProfit: { target: { margin: 0.3 } },
          expenses: { rate: 0.08 },
        },
      };
      const result = engineResult(fake, plan);
      const total = result.measures!.profit.total;
      expect(total.grossProfit!.annual).toBe(Math.round(result.target * 0.3));
      expect(lines.map(([, value]) => value)).toEqual([
        format.amount(result.target),
        format.amount(result.measures!.quantity!.total),
        format.amount(total.cost!.annual),
        format.amount(total.grossProfit!.annual),
        format.percent(total.margin!.annual!),
        format.amount(total.expenses!.annual),
        format.amount(total.netProfit!.annual),
      ]);
      expect(total.netProfit!.annual).toBe(total.grossProfit!.annual - total.expenses!.annual);
      expect(screen.getByText(t.measures.profitSheetNote)).toBeTruthy();
    },
  );

  it("writes the Profit Plan sheet on Generate, naming the columns read, and restores the measures", async () => {
    const { fake } = measuresWorkbook("en-US");
    const h = await renderPane({ fake });
    await planAllMeasures(h, "30", "8");
    await h.goTo("generate");
    await h.user.click(screen.getByRole("button", { name: h.t.generate.write }));
    await screen.findByText(/^Done: \d+ sheets written\.$/, {}, { timeout: 20000 });
    const labels = sheetLabels("en-US");
    expect(fake.workbook.order).toContain(labels.sheetNames.profitPlan);
    const profit = fake.workbook.values(labels.sheetNames.profitPlan).flat();
    expect(profit).toContain(labels.profitPlanTitle(2026));
    // Cell by cell the sheet the engine's plan gives, for the plan the pane stored.
    const stored = readPlanStore((await h.port.readPlanStore())!)!;
    const plan = JSON.parse(stored.plan) as { measures?: unknown };
    expect(plan.measures).toEqual({
      quantity: { unit: 1 },
      grossProfit: { target: { margin: 0.3 } },
      expenses: { rate: 0.08 },
    });
    const validation = validatePlanFile(plan);
    if (!validation.ok) throw new Error("stored plan invalid");
    const result = engineResult(fake, plan);
    const built = buildPlanSheets({
      result,
      plan: validation.plan,
      language: "en-US",
      historySheet: fake.workbook.order[0],
    }).find((m) => m.name === labels.sheetNames.profitPlan)!;
    // Every row the plan writes is signed, as the workflow writes it.
    expectSheetWritten(fake, signRows(built).model);
    // The summary lists the quantity and cost columns the plan was read from.
    const summary = fake.workbook.values(labels.sheetNames.summary).flat().map(String);
    expect(summary.some((v) => v.includes("Qty"))).toBe(true);
    expect(summary.some((v) => v.includes("Cost of Sales"))).toBe(true);

    // Opened again, the pane restores the measures from the workbook and plans them.
    h.unmount();
    const again = await renderPane({ fake });
    await again.goTo("target");
    const card = screen.getByRole("group", { name: again.t.measures.title });
    expect(
      within(card).getByText(/^Quantity · gross profit at 30% margin · expenses 8% of sales$/),
    ).toBeTruthy();
    await again.goTo("preview");
    const table = await screen.findByRole(
      "table",
      { name: again.t.measures.profitTitle },
      { timeout: 5000 },
    );
    expect(within(table).getAllByRole("row")).toHaveLength(7);
  });

  it("says on the Target step when a measure's column is missing, and where to choose it", async () => {
    const h = await renderPane();
    const { user, t } = h;
    const card = await openMeasures(h);
    await user.click(within(card).getByRole("checkbox", { name: t.measures.grossProfit }));
    const missing = t.measures.columnMissing(
      `${t.roles.cost.toLowerCase()}${t.measures.or}${t.roles.grossProfit.toLowerCase()}`,
      t.steps.data,
    );
    const checkbox = within(card).getByRole("checkbox", { name: t.measures.grossProfit });
    // Said as soon as the measure is on, tied to its switch.
    const line = within(card).getByText(missing);
    expect(checkbox.getAttribute("aria-describedby")).toBe(line.id);
    expect(checkbox.getAttribute("aria-invalid")).toBe("true");
    await user.tab();
    // The step's tab counts it, and the engine's words for the same problem are not repeated.
    await waitFor(
      () =>
        expect(
          screen.getByRole("tab", { name: new RegExp(`^2\\. ${t.steps.target}, 1 problem$`) }),
        ).toBeTruthy(),
      { timeout: 5000 },
    );
    const words =
      "Planning the gross profit needs a cost or gross profit column in the history, and none was found: choose it on the Data step, or plan without the gross profit.";
    expect(within(card).queryByText(words)).toBeNull();

    // Preview lists it in plain words, and its link comes back to the switch.
    await h.goTo("preview");
    const blocking = screen.getByText(t.preview.blocking).closest<HTMLElement>(".fui-MessageBar")!;
    expect(within(blocking).getByText(words, { exact: false })).toBeTruthy();
    expect(blocking.textContent).not.toMatch(/measures|grossProfit/);
    await user.click(
      within(blocking).getByRole("button", { name: t.preview.goToField(t.steps.target) }),
    );
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole("checkbox", { name: t.measures.grossProfit }),
      ),
    );
  });

  it("puts a margin above 100 % on its field in the user's terms (zh-CN)", async () => {
    const { fake } = measuresWorkbook("zh-CN");
    const h = await renderPane({ fake, language: "zh-CN" });
    const { user, t } = h;
    const card = await openMeasures(h);
    await user.click(within(card).getByRole("checkbox", { name: t.measures.grossProfit }));
    await user.click(
      within(card).getByRole("radio", { name: t.measures.grossProfitTargets.margin }),
    );
    const margin = within(card).getByRole("textbox", { name: t.measures.grossProfitMargin });
    await user.type(margin, "130");
    await user.tab();
    await waitFor(() => expect(margin.getAttribute("aria-invalid")).toBe("true"));
    expect(within(card).getByText("目标毛利率应不大于 100%，而不是 130%。")).toBeTruthy();
  });

  it.each<Language>(["en-US", "zh-CN"])(
    "maps the quantity, cost and gross profit columns on the Data step like the other roles (%s)",
    async (language) => {
      const { fake, column } = measuresWorkbook(language, language === "en-US" ? "Landed" : "进货");
      const h = await renderPane({ fake, language });
      const { user, t } = h;
      const qty = language === "en-US" ? "Qty" : "数量";
      expect(screen.getByRole("combobox", { name: t.roles.quantity }).textContent).toContain(qty);
      // Not recognised by its header: neither a cost nor a gross profit column.
      for (const role of ["cost", "grossProfit"] as const) {
        const box = screen.getByRole("combobox", { name: t.roles[role] });
        expect(box.textContent).not.toContain(language === "en-US" ? "Landed" : "进货");
      }
      const card = await openMeasures(h);
      await user.click(within(card).getByRole("checkbox", { name: t.measures.grossProfit }));
      const missing = t.measures.columnMissing(
        `${t.roles.cost.toLowerCase()}${t.measures.or}${t.roles.grossProfit.toLowerCase()}`,
        t.steps.data,
      );
      expect(within(card).getByText(missing)).toBeTruthy();
      // Once planned and the field left, the missing column is a problem the step's tab counts.
      await user.tab();
      await waitFor(
        () =>
          expect(
            screen.getByRole("tab", { name: new RegExp(`^2\\. ${t.steps.target}[,，]`) }),
          ).toBeTruthy(),
        { timeout: 5000 },
      );

      // Chosen on the Data step, it feeds the cost: the Target step names it, Preview plans it.
      await h.goTo("data");
      const header = language === "en-US" ? "Landed" : "进货";
      await choose(user, t.roles.cost, new RegExp(`${header}$`));
      expect(screen.getByRole("combobox", { name: t.roles.cost }).textContent).toContain(header);
      await h.goTo("target");
      const open = await openCard(user, t.measures.title);
      await waitFor(() =>
        expect(
          within(open).getByText(
            t.measures.fromColumn(t.roles.cost, t.measures.column(column, header)),
          ),
        ).toBeTruthy(),
      );
      expect(within(open).queryByText(missing)).toBeNull();
      await h.goTo("preview");
      const table = await screen.findByRole(
        "table",
        { name: t.measures.profitTitle },
        { timeout: 5000 },
      );
      expect(
        within(table).getByRole("rowheader", { name: t.measures.grossProfitTotal }),
      ).toBeTruthy();
    },
  );

  it.each<Language>(["en-US", "zh-CN"])(
    "names a segment sold at a loss among the warnings, in plain words (%s)",
    async (language) => {
      const { fake, lossRep } = measuresWorkbook(language, undefined, true);
      const h = await renderPane({ fake, language });
      const { user, t } = h;
      const card = await openMeasures(h);
      await user.click(within(card).getByRole("checkbox", { name: t.measures.grossProfit }));
      await h.goTo("preview");
      await screen.findByRole("table", { name: t.measures.profitTitle }, { timeout: 5000 });

      const result = engineResult(fake, {
        version: 1,
        planYear: 2026,
        target: { growth: 0.1 },
        levels: [
          { dimension: "region", method: "lastYear" },
          { dimension: "rep", method: "lastYear" },
        ],
        language,
        measures: { grossProfit: {} },
      });
      const row = result.rows.find((r) => r.path[1] === lossRep)!;
      const grossProfit = row.measures!.grossProfit!.annual;
      expect(grossProfit).toBeLessThan(0);
      const member = row.path.join(" / ");
      const amount = makeFormatters(language).amount(grossProfit);
      const words =
        language === "en-US"
          ? `${member} sold at a loss (margin -20.0%): its gross profit is planned at ${amount}.`
          : `${member} 亏损销售（毛利率 -20.0%）：其计划毛利为 ${amount}。`;
      const warnings = screen.getByRole("region", { name: t.preview.warnings });
      expect(within(warnings).getByText(words)).toBeTruthy();
    },
  );
});
