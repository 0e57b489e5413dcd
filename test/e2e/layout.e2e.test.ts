import { mkdirSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Browser, Page } from "playwright-core";
import type { Language } from "../../src/engine/language";
import { UI_STRINGS } from "../../src/taskpane/i18n/I18nContext";
import { STEPS } from "../../src/taskpane/i18n/uiStrings";
import { buildAddin, DIST } from "./support/buildAddin";
import { describeWithChromium, launchChromium } from "./support/chromium";
import { clickWhenDrawn, pageHealth, recordLongTasks } from "./support/pageHealth";
import { shootWholePane } from "./support/screenshot";
import { serveFolder, type StaticServer } from "./support/serveDist";

/** Where the screenshots go: `STP_SCREENSHOTS` (e.g. docs/screenshots), else a temp folder. */
const SHOTS = process.env.STP_SCREENSHOTS
  ? path.resolve(process.env.STP_SCREENSHOTS)
  : path.join(os.tmpdir(), "stp-screenshots");
const HEIGHT = 720;
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
    // Fluent's focus manager (tabster) puts hidden focus sentinels around groups.
    const result = await axe.run({ include: [["body"]], exclude: [["[data-tabster-dummy]"]] });
    return result.violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => String(n.target)).join(" ")}`,
    );
  });
}

type Layout = {
  /** How far the page scrolls sideways. */
  sideways: number;
  /** The innermost elements that reach past the pane's right edge. */
  beyond: string[];
  /** Pairs of visible controls, labels, messages and figures drawn over each other. */
  overlaps: string[];
  /** Inputs and dropdowns taller than one line (stretched beside a wrapped label). */
  stretched: string[];
  /** Tabs not on the first tab's line, or cut off by the pane's edge. */
  tabsOff: string[];
};

/** Measures the pane as drawn: sideways scroll, overlapping parts, stretched controls, tabs. */
function measureLayout(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const SELECTOR = [
      ".fui-Field__label",
      ".fui-Input",
      ".fui-Dropdown",
      ".fui-Combobox",
      ".fui-Field__validationMessage",
      ".fui-Button",
      ".fui-Checkbox",
      ".fui-Radio",
      "[role='tab']",
      // Figures and texts: a stat's label and value beside the growth input, a card's summary.
      ".fui-Text",
      ".fui-Caption1",
      "dd",
      "dt",
    ].join(", ");
    const describe = (e: Element) =>
      `${e.className.toString().split(" ")[0] || e.tagName}“${(e.textContent ?? "").trim().slice(0, 30)}”`;
    const inBar = (e: Element) => e.closest("[data-stp-step-bar]") !== null;
    const visible = [...document.querySelectorAll(SELECTOR)].filter((e) => {
      if (e.closest("[data-tabster-dummy], [hidden], [aria-hidden='true']")) return false;
      const r = e.getBoundingClientRect();
      const style = getComputedStyle(e);
      return r.width > 0 && r.height > 0 && style.visibility !== "hidden";
    });
    const overlaps: string[] = [];
    for (let i = 0; i < visible.length; i++) {
      for (let j = i + 1; j < visible.length; j++) {
        const a = visible[i];
        const b = visible[j];
        if (a.contains(b) || b.contains(a)) continue;
        // The pinned bar lies over the step scrolling under it: `measureBar` checks that part.
        if (inBar(a) !== inBar(b)) continue;
        const ra = a.getBoundingClientRect();
        const rb = b.getBoundingClientRect();
        const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
        const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
        if (w > 1 && h > 1) overlaps.push(`${describe(a)} × ${describe(b)}`);
      }
    }
    const stretched = [...document.querySelectorAll(".fui-Input, .fui-Dropdown, .fui-Combobox")]
      .filter((e) => e.getBoundingClientRect().height > 40)
      .map((e) => `${describe(e)} ${Math.round(e.getBoundingClientRect().height)} px`);
    const tabs = [...document.querySelectorAll("[role='tab']")];
    const firstTop = tabs[0]?.getBoundingClientRect().top ?? 0;
    const tabsOff = tabs
      .filter((tab) => {
        const r = tab.getBoundingClientRect();
        return Math.abs(r.top - firstTop) > 1 || r.right > window.innerWidth || r.left < 0;
      })
      .map((tab) => tab.getAttribute("aria-label") ?? "");
    const beyond = [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
      .filter((e) => e.closest("[data-tabster-dummy]") === null)
      .filter(
        (e) =>
          ![...e.children].some((c) => c.getBoundingClientRect().right > window.innerWidth + 0.5),
      )
      .map((e) => `${describe(e)} → ${Math.round(e.getBoundingClientRect().right)} px`);
    // Text that overflows its box (a figure that does not wrap) reaches past it unseen by boxes.
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(node);
      const right = range.getBoundingClientRect().right;
      // Text cut off inside a box that ends within the pane (an ellipsis) does not reach past it.
      let clipped = false;
      for (let e = node.parentElement; e && e !== document.body; e = e.parentElement) {
        const overflow = getComputedStyle(e).overflowX;
        if (overflow !== "visible" && e.getBoundingClientRect().right <= window.innerWidth + 0.5) {
          clipped = true;
          break;
        }
      }
      if (
        right > window.innerWidth + 0.5 &&
        !clipped &&
        node.parentElement?.closest("[aria-hidden='true']") === null
      )
        beyond.push(
          `text “${(node.textContent ?? "").trim().slice(0, 30)}” → ${Math.round(right)} px`,
        );
    }
    return {
      sideways: document.documentElement.scrollWidth - window.innerWidth,
      beyond,
      overlaps,
      stretched,
      tabsOff,
    };
  });
}

const CLEAN: Layout = { sideways: 0, beyond: [], overlaps: [], stretched: [], tabsOff: [] };

/**
 * The bar with Back and Next: at the bottom of the viewport at the top of the step and at its end,
 * and no control of the step under it once the page scrolls that control into view (as Tab and
 * the links to a field do). The page is left scrolled to its top.
 */
function measureBar(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const bar = document.querySelector("[data-stp-step-bar]");
    if (!bar) return ["no bar"];
    const describe = (e: Element) =>
      `${e.className.toString().split(" ")[0] || e.tagName}“${(e.textContent ?? e.getAttribute("aria-label") ?? "").trim().slice(0, 30)}”`;
    const scroller = document.scrollingElement ?? document.documentElement;
    const atBottom = (where: string) => {
      const r = bar.getBoundingClientRect();
      if (Math.abs(r.bottom - window.innerHeight) > 1 || r.top < 0 || r.height === 0)
        problems.push(`${where}: the bar spans ${Math.round(r.top)}–${Math.round(r.bottom)} px`);
    };
    scroller.scrollTop = 0;
    atBottom("top of the step");
    const controls = [
      ...document.querySelectorAll(
        "input, button, textarea, select, a[href], [role='combobox'], [role='tab'], [tabindex]:not([tabindex='-1'])",
      ),
    ].filter((e) => {
      if (bar.contains(e) || e.closest("[data-tabster-dummy], [hidden]")) return false;
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== "hidden";
    });
    for (const control of controls) {
      control.scrollIntoView({ block: "nearest", inline: "nearest" });
      const c = control.getBoundingClientRect();
      const b = bar.getBoundingClientRect();
      if (c.bottom > b.top + 0.5 && c.top < b.bottom - 0.5)
        problems.push(`${describe(control)} under the bar (${Math.round(c.bottom - b.top)} px)`);
    }
    scroller.scrollTop = scroller.scrollHeight;
    atBottom("end of the step");
    // Scrolled to its end, the whole step shows above the bar.
    const step = document.querySelector("[role='tabpanel']")?.getBoundingClientRect();
    const top = bar.getBoundingClientRect().top;
    if (!step || step.bottom > top + 0.5)
      problems.push(`the step ends ${Math.round((step?.bottom ?? 0) - top)} px under the bar`);
    scroller.scrollTop = 0;
    return problems;
  });
}

/**
 * Tabs from the step's heading through the whole step: no control focused under the bar, and the
 * bar's buttons come after every control of the step. Fields left show their problems after.
 */
async function tabThrough(page: Page): Promise<string[]> {
  await page.locator("h2[tabindex='-1']").focus();
  const problems: string[] = [];
  let reachedBar = false;
  for (let i = 0; i < 300; i++) {
    await page.keyboard.press("Tab");
    const at = await page.evaluate(() => {
      const focused = document.activeElement;
      const bar = document.querySelector("[data-stp-step-bar]");
      if (!focused || focused === document.body || !bar) return null;
      const c = focused.getBoundingClientRect();
      const b = bar.getBoundingClientRect();
      return {
        name: `${focused.tagName}“${(focused.getAttribute("aria-label") ?? focused.textContent ?? "").trim().slice(0, 30)}”`,
        inBar: bar.contains(focused),
        under: !bar.contains(focused) && c.bottom > b.top + 0.5 && c.top < b.bottom - 0.5,
        hidden: c.top < 0 || c.bottom > window.innerHeight,
      };
    });
    if (!at) break;
    if (at.under) problems.push(`${at.name} focused under the bar`);
    if (at.hidden) problems.push(`${at.name} focused out of view`);
    if (at.inBar) reachedBar = true;
    else if (reachedBar) {
      problems.push(`${at.name} comes after the bar`);
      break;
    }
  }
  if (!reachedBar) problems.push("the bar was never reached by Tab");
  await page.evaluate(() => window.scrollTo(0, 0));
  return problems;
}

describeWithChromium("the task pane's layout in Chromium", () => {
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

  it("sees an overlap, a stretched control and a sideways scroll when the pane has them", async () => {
    const t = UI_STRINGS["en-US"];
    const context = await browser.newContext({ viewport: { width: 320, height: HEIGHT } });
    const page = await context.newPage();
    await page.goto(`${server.origin}/test-host.html?lang=en-US`);
    await page.getByRole("combobox", { name: t.roles.amount }).waitFor({ timeout: 30_000 });
    await page.getByRole("tab", { name: `2. ${t.steps.target}` }).click();
    await page.getByText(t.target.baseActual(2025)).waitFor();
    expect(await measureLayout(page)).toEqual(CLEAN);
    // The base figure pulled up over the growth input, the input two lines tall, a wide figure.
    const style = await page.addStyleTag({
      content: `.fui-Caption1 { position: relative; top: -70px; }
        .fui-Input { min-height: 60px; }
        main::after { content: ""; display: block; width: 400px; height: 1px; }`,
    });
    const broken = await measureLayout(page);
    expect(broken.overlaps.length).toBeGreaterThan(0);
    expect(broken.stretched.length).toBeGreaterThan(0);
    expect(broken.sideways).toBeGreaterThan(0);
    await style.evaluate((node) => (node as Element).remove());
    expect(await measureLayout(page)).toEqual(CLEAN);

    // On the long Breakdown: a bar laid over the step's end, or a page that scrolls a control into
    // view right under the bar.
    await page.getByRole("tab", { name: `3. ${t.steps.breakdown}` }).click();
    await page.getByRole("button", { name: t.breakdown.addLock }).waitFor();
    expect(await measureBar(page)).toEqual([]);
    for (const content of [
      "[data-stp-step-bar] { position: fixed !important; left: 0; right: 0; margin: 0 !important; }",
      "html { scroll-padding-bottom: 0 !important; }",
      "[data-stp-step-bar] { position: static !important; }",
    ]) {
      const broken = await page.addStyleTag({ content });
      expect({ content, found: (await measureBar(page)).length > 0 }).toEqual({
        content,
        found: true,
      });
      await broken.evaluate((node) => (node as Element).remove());
    }
    expect(await measureBar(page)).toEqual([]);
    await context.close();
  }, 60_000);

  const CASES: [number, Language, "light" | "dark"][] = [];
  for (const width of [270, 320, 450, 500]) {
    for (const language of ["en-US", "zh-CN"] as const) CASES.push([width, language, "light"]);
  }
  // The bar's background and border over the step in the dark theme too.
  CASES.push([270, "en-US", "dark"], [320, "zh-CN", "dark"], [500, "zh-CN", "dark"]);

  it.each(CASES)(
    "fits %i px in %s (%s theme) with two locks, a cap and their problems showing: no sideways scroll, nothing drawn over anything, Back and Next pinned below the step",
    async (width, language, theme) => {
      const t = UI_STRINGS[language];
      const zh = language === "zh-CN";
      const context = await browser.newContext({
        viewport: { width, height: HEIGHT },
        deviceScaleFactor: 1,
        locale: language,
      });
      await context.route("**/*", (route) =>
        route.request().url().startsWith(`${server.origin}/`)
          ? route.continue()
          : route.abort("blockedbyclient"),
      );
      await recordLongTasks(context);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      try {
        await page.goto(`${server.origin}/test-host.html?lang=${language}&theme=${theme}`);
        await page.getByRole("combobox", { name: t.roles.amount }).waitFor({ timeout: 30_000 });
        const shoot = async (name: string) => {
          // The screenshots kept in docs/: every step at 320 px, the Breakdown at every width.
          if (theme !== "light" || (width !== 320 && !name.includes("breakdown"))) return;
          await shootWholePane(page, path.join(SHOTS, `${language}-${width}px-${name}.png`));
        };
        const tab = (step: (typeof STEPS)[number]) =>
          page.getByRole("tab", { name: `${STEPS.indexOf(step) + 1}. ${t.steps[step]}` });
        // Every place is measured before the test fails, so one run shows all there is to fix.
        const found: unknown[] = [];
        const check = async (where: string) => {
          const layout = await measureLayout(page);
          if (JSON.stringify(layout) !== JSON.stringify(CLEAN)) found.push({ where, ...layout });
          const bar = await measureBar(page);
          if (bar.length > 0) found.push({ where, bar });
          const violations = await axeViolations(page);
          if (violations.length > 0) found.push({ where, violations });
        };
        // After the screenshot: leaving each field shows the problems of those left empty.
        const checkKeyboard = async (where: string) => {
          const keyboard = await tabThrough(page);
          if (keyboard.length > 0) found.push({ where, keyboard });
        };

        // Data, as the pane opens.
        await check("data");
        await shoot("1-data");
        await checkKeyboard("data");

        // Target: a growth that is not a number, its problem under the input, the base figure beside.
        await clickWhenDrawn(page, tab("target"));
        const growth = page.getByRole("textbox", { name: t.target.growth });
        await growth.fill("abc");
        await growth.press("Tab");
        await page.locator(".fui-Field__validationMessage").first().waitFor();
        await page.getByText(t.target.baseActual(2025)).waitFor();
        await check("target");
        await shoot("2-target-error");
        await checkKeyboard("target");
        await growth.fill("12");
        await growth.press("Tab");

        // Breakdown: a lock with its member but no amount, and a maximum per rep that cannot hold.
        await clickWhenDrawn(page, tab("breakdown"));
        await clickWhenDrawn(page, page.getByRole("button", { name: t.breakdown.addLock }));
        const lock = page.getByRole("group", { name: t.breakdown.lockTitle(1) });
        const member = lock.getByRole("combobox", { name: t.roles.region });
        await member.fill(zh ? "华南" : "South");
        await member.press("Tab");
        const amount = lock.getByRole("textbox", { name: t.breakdown.lockValue("amount") });
        await amount.focus();
        await amount.press("Tab");
        await lock.locator(".fui-Field__validationMessage").first().waitFor();
        await check("breakdown, the lock's problem");
        await shoot("3-breakdown-lock-problem");

        // The lock filled in, a second lock; a maximum per rep that cannot hold.
        await amount.fill("100000");
        await amount.press("Tab");
        await clickWhenDrawn(page, page.getByRole("button", { name: t.breakdown.addLock }));
        const second = page.getByRole("group", { name: t.breakdown.lockTitle(2) });
        const secondMember = second.getByRole("combobox", { name: t.roles.region });
        await secondMember.fill(zh ? "华北" : "North");
        await secondMember.press("Tab");
        const secondAmount = second.getByRole("textbox", { name: t.breakdown.lockValue("amount") });
        await secondAmount.fill("200000");
        await secondAmount.press("Tab");
        const repsTitle = t.breakdown.levelTitle(2, t.roles.rep);
        const reps = page.getByRole("group", { name: repsTitle });
        await clickWhenDrawn(
          page,
          reps.getByRole("button", {
            name: new RegExp(`^${repsTitle.replace(/[()]/g, "\\$&")}`),
          }),
        );
        await clickWhenDrawn(page, reps.getByRole("button", { name: t.breakdown.moreOptions }));
        await clickWhenDrawn(page, reps.getByRole("combobox", { name: t.breakdown.maxCap }));
        await clickWhenDrawn(
          page,
          page.getByRole("option", { name: t.breakdown.boundKinds.ofLastYear }),
        );
        const cap = reps
          .getByRole("group", { name: t.breakdown.maxCap })
          .getByRole("textbox", { name: t.breakdown.boundValue("ofLastYear") });
        await cap.fill("50");
        await cap.press("Tab");
        await reps.locator(".fui-Field__validationMessage").first().waitFor({ timeout: 15_000 });
        // The problem counted on the step's tab.
        await page
          .getByRole("tab", { name: new RegExp(`^3\\. ${t.steps.breakdown}[,，]`) })
          .waitFor();
        await check("breakdown, the cap conflict");
        await shoot("3-breakdown-cap-conflict");
        await checkKeyboard("breakdown");

        // Preview: the problems in words, and the totals still there beside them.
        await clickWhenDrawn(page, tab("preview"));
        await page.getByText(t.preview.blocking).waitFor();
        await page.getByRole("table", { name: t.preview.byLevel(t.roles.region) }).waitFor();
        const listed = await page.locator(".fui-MessageBar li").allTextContents();
        expect(listed.join(" ")).not.toMatch(/locks\[|levels\[|\.amount|"amount"|planYear/);
        await check("preview");
        await shoot("4-preview-conflict");
        await checkKeyboard("preview");

        // Generate: blocked by the problems, its action in the bar.
        await clickWhenDrawn(page, tab("generate"));
        await page.getByText(t.generate.blocked).waitFor();
        await page
          .locator("[data-stp-step-bar]")
          .getByRole("button", { name: t.generate.write })
          .waitFor();
        await check("generate");
        await shoot("5-generate-blocked");
        await checkKeyboard("generate");

        expect(found).toEqual([]);
        expect(errors).toEqual([]);
      } catch (error) {
        // A step that timed out: was the page blocked, or did the browser stop drawing?
        if (error instanceof Error) error.message += `\n${await pageHealth(page)}`;
        throw error;
      }
      await context.close();
    },
    120_000,
  );
});
