import { mkdirSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { Language } from "../../src/engine/language";
import { PLAN_STORE_SHEET, readPlanStore } from "../../src/sheets/planStoreSheet";
import { sheetLabels } from "../../src/sheets/labels";
import { UI_STRINGS } from "../../src/taskpane/i18n/I18nContext";
import type { FakeWorkbook } from "../support/excelFake";
import { buildAddin, DIST } from "./support/buildAddin";
import { describeWithChromium, launchChromium } from "./support/chromium";
import { shootWholePane } from "./support/screenshot";
import { serveFolder, type StaticServer } from "./support/serveDist";

/** Where the screenshots go: `STP_SCREENSHOTS` (e.g. docs/screenshots), else a temp folder. */
const SHOTS = process.env.STP_SCREENSHOTS
  ? path.resolve(process.env.STP_SCREENSHOTS)
  : path.join(os.tmpdir(), "stp-screenshots");
const AXE = require.resolve("axe-core/axe.min.js", { paths: [require.resolve("jest-axe")] });

/** Accessibility violations of the page as rendered, contrast included. */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE });
  await page.mouse.move(0, 0);
  await page.addStyleTag({
    content: "*, *::before, *::after { transition: none !important; animation: none !important; }",
  });
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  return page.evaluate(async () => {
    type AxeResult = { violations: { id: string; nodes: { target: unknown[] }[] }[] };
    const axe = (window as unknown as { axe: { run(context: unknown): Promise<AxeResult> } }).axe;
    // Fluent's focus sentinels (tabster) read as hidden focusable content: left out.
    const result = await axe.run({ include: [["body"]], exclude: [["[data-tabster-dummy]"]] });
    return result.violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => String(n.target)).join(" ")}`,
    );
  });
}

type Opened = { context: BrowserContext; page: Page; errors: string[]; blocked: string[] };

/** A 320 px pane that may only talk to the test's own server. */
async function openPage(browser: Browser, server: StaticServer, language: Language) {
  const context = await browser.newContext({
    viewport: { width: 320, height: 720 },
    deviceScaleFactor: 1,
    locale: language,
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
  await page.goto(`${server.origin}/test-host.html?lang=${language}`);
  await page
    .getByRole("combobox", { name: UI_STRINGS[language].roles.amount })
    .waitFor({ timeout: 120_000 });
  return { context, page, errors, blocked } satisfies Opened;
}

function sheetValues(page: Page, sheet: string): Promise<unknown[][]> {
  return page.evaluate(
    (name) =>
      (window as unknown as { __stpWorkbook: FakeWorkbook }).__stpWorkbook.workbook.values(name),
    sheet,
  );
}

function sheetOrder(page: Page): Promise<string[]> {
  return page.evaluate(
    () => (window as unknown as { __stpWorkbook: FakeWorkbook }).__stpWorkbook.workbook.order,
  );
}

/** Types a value into a cell of the page's in-memory workbook, as a user in Excel would. */
async function typeInto(page: Page, sheet: string, address: string, value: string | number) {
  await page.evaluate(
    async ({ sheet, address, value }) => {
      const fake = (window as unknown as { __stpWorkbook: FakeWorkbook }).__stpWorkbook;
      await fake.host.run(async (context) => {
        context.workbook.worksheets.getItem(sheet).getRange(address).values = [[value]];
        await context.sync();
      });
    },
    { sheet, address, value },
  );
}

const letter = (column: number) => String.fromCharCode(65 + column);

describeWithChromium("Generate before writing, in Chromium", () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    if (process.env.STP_E2E_BUILT !== "1") buildAddin();
    server = await serveFolder(DIST);
    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(["en-US", "zh-CN"] as const)(
    "lists typed-over figures (Allocation!E5, an action-plan target) and a note beside a table before the second write; kept, the figures are on the sheet of edits with their addresses (%s)",
    async (language) => {
      const t = UI_STRINGS[language];
      const labels = sheetLabels(language);
      const { context, page, errors, blocked } = await openPage(browser, server, language);
      await page.getByRole("tab", { name: `5. ${t.steps.generate}` }).click();
      await page.getByRole("heading", { level: 2, name: new RegExp(`^${t.steps.generate}`) });
      const countLine = page.getByText(t.writePreview.sheetsTitle(2).replace(/\d+.*$/, ""));
      await countLine.first().waitFor({ timeout: 60_000 });

      // The first write.
      await page.getByRole("button", { name: t.generate.write }).click();
      await page
        .getByText(/^(Done: \d+ sheets written\.|完成[:：]已写入 \d+ 张工作表。)$/)
        .waitFor({ timeout: 120_000 });

      // A plan figure typed over on the action plan, a note beside a rep tab's table.
      const plan = await sheetValues(page, labels.sheetNames.actionPlan);
      const header = plan.findIndex(
        (row) => row.includes(labels.period) && row.includes(labels.target),
      );
      const target = plan[header].indexOf(labels.target);
      const typedOver = `${letter(target)}${header + 3}`;
      await typeInto(page, labels.sheetNames.actionPlan, typedOver, 424242);
      // A figure of the allocation matrix, a sheet without keyed rows (the E5).
      const allocation = labels.sheetNames.allocation;
      expect(typeof (await sheetValues(page, allocation))[4][4]).toBe("number");
      await typeInto(page, allocation, "E5", 400000);
      const store = readPlanStore(
        (await sheetValues(page, PLAN_STORE_SHEET)) as (string | null)[][],
      );
      const rep = store!.sheets.find((s) => s.kind === "rep-tab")!.name;
      const repValues = await sheetValues(page, rep);
      const width = Math.max(...repValues.map((r) => r.length));
      const note = `${letter(width + 1)}4`;
      const noteText = language === "zh-CN" ? "周一给采购打电话" : "call the buyer on Monday";
      await typeInto(page, rep, note, noteText);

      // Open Generate again: both are listed, with their addresses, and the choice is offered.
      await page.getByRole("tab", { name: `4. ${t.steps.preview}` }).click();
      await page.getByRole("tab", { name: `5. ${t.steps.generate}` }).click();
      await page
        .getByText(t.writePreview.typedOverTitle(2), { exact: true })
        .waitFor({ timeout: 60_000 });
      const amount = new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(424242);
      await page
        .getByText(
          t.writePreview.cell(`${labels.sheetNames.actionPlan}!${typedOver}`, amount, null),
          {
            exact: true,
          },
        )
        .waitFor();
      const matrixFigure = new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(
        400000,
      );
      await page
        .getByText(t.writePreview.cell(`${allocation}!E5`, matrixFigure, null), { exact: true })
        .waitFor();
      await page.getByText(t.writePreview.keptBeside(1), { exact: true }).waitFor();
      await page
        .getByText(t.writePreview.cell(`${rep}!${note}`, noteText, null), { exact: true })
        .waitFor();
      const keep = page.getByRole("radio", { name: t.writePreview.keep(labels.edits.sheetName) });
      expect(await keep.isChecked()).toBe(true);
      expect(await page.getByRole("radio", { name: t.writePreview.overwrite }).isChecked()).toBe(
        false,
      );

      // The list of sheets is folded at first; the step at 320 px with it unfolded, then its
      // accessibility.
      const summaryRow = page.getByText(
        `${labels.sheetNames.summary} — ${t.writePreview.status.rewritten}`,
        { exact: true },
      );
      expect(await summaryRow.isVisible()).toBe(false);
      await page.getByRole("button", { name: t.writePreview.showSheets }).click();
      await summaryRow.waitFor();
      await page
        .getByText(
          t.writePreview.repTabs(store!.sheets.filter((s) => s.kind === "rep-tab").length),
          { exact: false },
        )
        .first()
        .waitFor();
      const scroll = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(scroll).toBe(0);
      await shootWholePane(
        page,
        path.join(SHOTS, `${language}-320px-5-generate-before-writing.png`),
      );
      expect(await axeViolations(page)).toEqual([]);

      // Keep (the default), write: the figure is on the sheet of edits with its address, the note
      // beside the table where it was.
      await keep.check();
      await page.getByRole("button", { name: t.generate.write }).click();
      const kept = page.getByText(t.writePreview.doneTypedOverKept(2, labels.edits.sheetName), {
        exact: true,
      });
      await kept.waitFor({ timeout: 120_000 });
      const edits = await sheetValues(page, labels.edits.sheetName);
      expect(edits.map((row) => row.slice(0, 3))).toContainEqual([
        labels.sheetNames.actionPlan,
        typedOver,
        424242,
      ]);
      expect(edits.map((row) => row.slice(0, 3))).toContainEqual([allocation, "E5", 400000]);
      expect((await sheetValues(page, allocation))[4][4]).not.toBe(400000);
      expect((await sheetValues(page, rep))[3][width + 1]).toBe(noteText);
      expect((await sheetValues(page, labels.sheetNames.actionPlan))[header + 2][target]).not.toBe(
        424242,
      );
      await page.getByText(t.writePreview.doneKept(1), { exact: true }).waitFor();
      await shootWholePane(
        page,
        path.join(SHOTS, `${language}-320px-5-generate-written-edits.png`),
      );
      expect(await axeViolations(page)).toEqual([]);

      // The link goes to the sheet of edits.
      await page
        .getByRole("button", { name: t.writePreview.openEdits(labels.edits.sheetName) })
        .click();
      const activeSheet = () =>
        page.evaluate(
          () =>
            (window as unknown as { __stpWorkbook: FakeWorkbook }).__stpWorkbook.workbook
              .activeSheet,
        );
      const until = Date.now() + 10_000;
      while ((await activeSheet()) !== labels.edits.sheetName && Date.now() < until)
        await page.waitForTimeout(100);
      const active = await activeSheet();
      expect([active, await sheetOrder(page)]).toEqual([
        labels.edits.sheetName,
        expect.arrayContaining([labels.edits.sheetName, rep]),
      ]);
      expect(errors).toEqual([]);
      expect(blocked).toEqual([]);
      await context.close();
    },
    300_000,
  );
});
