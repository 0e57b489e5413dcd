import { mkdirSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { Language } from "../../src/engine/language";
import { computePlan } from "../../src/engine/plan/computePlan";
import { parsePlanFileText } from "../../src/engine/plan/validatePlanFile";
import { readHistory } from "../../src/engine/reader/readHistory";
import { generateHistory } from "../../src/sample/generateHistory";
import { columnsRead } from "../../src/engine/reader/columnsRead";
import { planSheets } from "../../src/sheets/buildPlanSheets";
import { signRows } from "../../src/sheets/sheetSignatures";
import { layoutOf, type SheetLayout } from "../../src/sheets/sheetLayout";
import { PLAN_STORE_SHEET, readPlanStore } from "../../src/sheets/planStoreSheet";
import { UI_STRINGS } from "../../src/taskpane/i18n/I18nContext";
import { STEPS } from "../../src/taskpane/i18n/uiStrings";
import type { FakeWorkbook } from "../support/excelFake";
import { buildAddin, DIST } from "./support/buildAddin";
import { describeWithChromium, launchChromium } from "./support/chromium";
import { serveFolder, type StaticServer } from "./support/serveDist";

/** Where the step screenshots go: `STP_SCREENSHOTS` (e.g. docs/screenshots), else a temp folder. */
const SHOTS = process.env.STP_SCREENSHOTS
  ? path.resolve(process.env.STP_SCREENSHOTS)
  : path.join(os.tmpdir(), "stp-screenshots");
const WIDTH = 320;
const HEIGHT = 720;
/** The axe-core that jest-axe runs in jsdom, run here on the real page with real styles. */
const AXE = require.resolve("axe-core/axe.min.js", { paths: [require.resolve("jest-axe")] });

/** Accessibility violations of the page as rendered, contrast included. */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE });
  // Judge the page at rest: no pointer hovering a control, no colour half-way through a transition.
  await page.mouse.move(0, 0);
  await page.addStyleTag({
    content: "*, *::before, *::after { transition: none !important; animation: none !important; }",
  });
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  return page.evaluate(async () => {
    type AxeResult = { violations: { id: string; nodes: { target: unknown[] }[] }[] };
    const axe = (
      window as unknown as {
        axe: { run(context: unknown): Promise<AxeResult> };
      }
    ).axe;
    // Fluent's focus manager (tabster) puts hidden focus sentinels around groups so that Tab
    // leaves them in order; axe reads them as hidden focusable content.
    const result = await axe.run({ include: [["body"]], exclude: [["[data-tabster-dummy]"]] });
    return result.violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => String(n.target)).join(" ")}`,
    );
  });
}

type WorkbookDump = {
  order: string[];
  visibility: Record<string, string>;
  values: Record<string, unknown[][]>;
  activeSheet: string;
  selection: { sheet: string; address: string } | null;
};

/** Waits until `read` gives what is expected (the pane writes asynchronously), then checks it. */
async function eventually<T>(
  read: () => Promise<T>,
  expected: T,
  timeoutMs = 10_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last = await read();
  while (JSON.stringify(last) !== JSON.stringify(expected) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
  expect(last).toEqual(expected);
}

function dumpWorkbook(page: Page): Promise<WorkbookDump> {
  return page.evaluate(() => {
    const fake = (window as unknown as { __stpWorkbook: FakeWorkbook }).__stpWorkbook;
    const book = fake.workbook;
    return {
      order: book.order,
      visibility: Object.fromEntries(book.order.map((n) => [n, book.sheet(n).visibility])),
      values: Object.fromEntries(book.order.map((n) => [n, book.values(n)])),
      activeSheet: book.activeSheet,
      selection: book.selection,
    };
  });
}

/** A page that may only talk to the test's own server: every other request is refused. */
async function isolatedPage(
  browser: Browser,
  server: StaticServer,
  locale: string,
  width = WIDTH,
): Promise<{ context: BrowserContext; page: Page; errors: string[]; blocked: string[] }> {
  const context = await browser.newContext({
    viewport: { width, height: HEIGHT },
    deviceScaleFactor: 1,
    locale,
  });
  const blocked: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(`${server.origin}/`)) return route.continue();
    blocked.push(url);
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return { context, page, errors, blocked };
}

describeWithChromium("the task pane in Chromium", () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    // STP_E2E_BUILT=1 reuses a dist/ just built by `npm run build:addin`.
    if (process.env.STP_E2E_BUILT !== "1") buildAddin();
    server = await serveFolder(DIST);
    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("explains how to open it in Excel when opened outside Excel with office.js unreachable", async () => {
    for (const [locale, heading] of [
      ["en-US", UI_STRINGS["en-US"].outside.title],
      ["zh-CN", UI_STRINGS["zh-CN"].outside.title],
    ] as const) {
      const { context, page, errors, blocked } = await isolatedPage(browser, server, locale);
      await page.goto(`${server.origin}/taskpane.html`);
      await page.getByRole("heading", { level: 1, name: heading }).waitFor({ timeout: 15_000 });
      expect(await page.getByText("manifest.xml").count()).toBeGreaterThan(0);
      expect(blocked.some((url) => url.includes("appsforoffice.microsoft.com"))).toBe(true);
      expect(errors).toEqual([]);
      await page.screenshot({ path: path.join(SHOTS, `${locale}-0-outside-excel.png`) });
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    }
  }, 60_000);

  it.each(["en-US", "zh-CN"] as const)(
    "goes through the whole flow on the sample history and writes the plan (%s)",
    async (language: Language) => {
      const t = UI_STRINGS[language];
      const { context, page, errors, blocked } = await isolatedPage(browser, server, language);
      await page.goto(`${server.origin}/test-host.html?lang=${language}`);
      const sheet = language === "zh-CN" ? "销售明细" : "Sales";
      await page.getByText(new RegExp(sheet)).first().waitFor({ timeout: 30_000 });
      await page.getByRole("combobox", { name: t.roles.amount }).waitFor();
      // Each step from its top, as the pane opens it; then its accessibility as rendered.
      const shot = async (i: number) => {
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: path.join(SHOTS, `${language}-${i + 1}-${STEPS[i]}.png`) });
        expect({ step: STEPS[i], violations: await axeViolations(page) }).toEqual({
          step: STEPS[i],
          violations: [],
        });
      };
      const tab = (i: number) => page.getByRole("tab", { name: `${i + 1}. ${t.steps[STEPS[i]]}` });

      // Data: a skipped row's address selects its cell in the workbook.
      await shot(0);
      const skippedLink = page
        .getByRole("button", { name: /^(Select|在工作簿中选中) [A-Z]+\d+/ })
        .first();
      const label = (await skippedLink.getAttribute("aria-label")) ?? "";
      const cell = /([A-Z]+\d+)/.exec(label)?.[1];
      await skippedLink.click();
      await eventually(async () => (await dumpWorkbook(page)).selection, { sheet, address: cell });

      // Target, by keyboard: arrow to the next tab, Enter to open it.
      await tab(0).focus();
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("Enter");
      await page
        .getByRole("heading", { level: 2, name: new RegExp(`^${t.steps.target}`) })
        .waitFor();
      const growth = page.getByRole("textbox", { name: t.target.growth });
      await growth.fill("12");
      await page.getByText("+12.0%").first().waitFor();
      await shot(1);

      // Breakdown: rounding to hundreds; the seasonality chart loads on its own.
      await tab(2).click();
      await page.getByRole("combobox", { name: t.breakdown.roundingUnit }).fill("100");
      await page.getByRole("img", { name: new RegExp(t.breakdown.chartTitle) }).waitFor();
      await shot(2);
      await page
        .getByRole("region", { name: t.breakdown.time })
        .screenshot({ path: path.join(SHOTS, `${language}-3b-breakdown-months.png`) });

      // Preview: totals per level, nothing written yet.
      await tab(3).click();
      await page.getByRole("table", { name: t.preview.byLevel(t.roles.region) }).waitFor();
      expect((await dumpWorkbook(page)).order).toEqual([sheet]);
      await shot(3);

      // Generate: write, then follow a link to a written sheet.
      await tab(4).click();
      await page.getByRole("button", { name: t.generate.write }).click();
      const done = page.getByText(/^(Done: \d+ sheets written\.|完成：已写入 \d+ 张工作表。)$/);
      await done.waitFor({ timeout: 60_000 });
      // The workbook checked again after the write: a next write would rewrite the same sheets.
      const written = Number(/\d+/.exec((await done.textContent()) ?? "")?.[0]);
      await page.getByText(t.writePreview.sheetsTitle(written), { exact: false }).first().waitFor();
      await shot(4);

      const dump = await dumpWorkbook(page);
      expect(dump.order[0]).toBe(sheet);
      expect(dump.visibility[PLAN_STORE_SHEET]).toBe("VeryHidden");

      // The workbook holds exactly the sheets the engine and layouts make of the same history and
      // the plan the pane stored.
      const store = readPlanStore(dump.values[PLAN_STORE_SHEET] as (string | number | null)[][]);
      const parsed = parsePlanFileText(store?.plan ?? "");
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
      expect(parsed.plan).toMatchObject({ target: { growth: 0.12 }, rounding: { unit: 100 } });
      const grid = generateHistory({
        language,
        planYear: 2026,
        actualMonths: 4,
        rows: 3000,
        seed: 20260101,
        messy: true,
      });
      const history = readHistory(grid, { columns: parsed.plan.columns });
      const result = computePlan(history, parsed.plan);
      // The plan store remembers each sheet's layout and the column of its rows' signatures as
      // the write built them (the sheets before it); every row the plan writes is signed.
      const layouts = new Map<string, SheetLayout>();
      const signatureColumns = new Map<string, number>();
      const models = planSheets({
        result,
        plan: parsed.plan,
        language: parsed.plan.language ?? language,
        historySheet: sheet,
        columnsRead: columnsRead(history, result.levels),
        layouts,
        signatureColumns,
      }).map((lazy) => {
        const built = lazy.build();
        if (built.kind === "plan-store") return built;
        const { model, column } = signRows(built);
        layouts.set(model.name, layoutOf(model));
        if (column !== null) signatureColumns.set(model.name, column);
        return model;
      });
      expect(dump.order).toEqual([sheet, ...models.map((m) => m.name)]);
      for (const model of models) {
        const written = dump.values[model.name];
        model.rows.forEach((row, r) =>
          row.forEach((modelCell, c) => {
            const expected = !modelCell
              ? ""
              : modelCell.formula
                ? `=${modelCell.formula}`
                : (modelCell.value ?? "");
            const actual = written[r]?.[c] ?? "";
            if (actual !== expected) {
              throw new Error(
                `${model.name} row ${r + 1} col ${c + 1}: ${String(actual)} ≠ ${String(expected)}`,
              );
            }
          }),
        );
      }

      const tracking = models.find((m) => m.kind === "tracking")!.name;
      await page.getByRole("button", { name: t.generate.openSheet(tracking) }).click();
      await eventually(async () => (await dumpWorkbook(page)).activeSheet, tracking);

      expect(errors).toEqual([]);
      expect(blocked).toEqual([]);
      await context.close();
    },
    180_000,
  );
  it.each([
    [270, "zh-CN", "dark"],
    [500, "en-US", "light"],
  ] as const)(
    "fits %i px without sideways scrolling (%s, %s theme), readable and with no violation",
    async (width, language, theme) => {
      const t = UI_STRINGS[language];
      const { context, page, errors } = await isolatedPage(browser, server, language, width);
      await page.goto(`${server.origin}/test-host.html?lang=${language}&theme=${theme}`);
      await page.getByRole("combobox", { name: t.roles.amount }).waitFor({ timeout: 30_000 });
      for (const [i, step] of STEPS.entries()) {
        await page.getByRole("tab", { name: `${i + 1}. ${t.steps[step]}` }).click();
        await page
          .getByRole("heading", { level: 2, name: new RegExp(`^${t.steps[step]}`) })
          .waitFor();
        if (step === "breakdown") await page.getByRole("img").first().waitFor();
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth,
        );
        expect({ step, overflow }).toEqual({ step, overflow: 0 });
        expect({ step, violations: await axeViolations(page) }).toEqual({ step, violations: [] });
      }
      expect(errors).toEqual([]);
      await context.close();
    },
    120_000,
  );
});
