import type { BrowserContext, Locator, Page } from "playwright-core";

/**
 * Records the page's long tasks from its first script on, for `pageHealth` to report when a step
 * of a browser test times out.
 */
export async function recordLongTasks(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const tasks: [number, number][] = [];
    (window as unknown as { __stpLongTasks: [number, number][] }).__stpLongTasks = tasks;
    if (!PerformanceObserver.supportedEntryTypes.includes("longtask")) return;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        tasks.push([Math.round(entry.startTime), Math.round(entry.duration)]);
    }).observe({ type: "longtask", buffered: true });
  });
}

function within<T>(ms: number, work: Promise<T>): Promise<T | "no answer"> {
  return Promise.race([
    work,
    new Promise<"no answer">((resolve) => setTimeout(() => resolve("no answer"), ms)),
  ]);
}

/**
 * What state the page is in, when a step waited too long: whether its main thread answers,
 * whether it still draws frames, and its longest tasks. Tells a page the pane blocked from a
 * browser that stopped drawing.
 */
export async function pageHealth(page: Page): Promise<string> {
  const answer = await within(
    5_000,
    page
      .evaluate(() => ({
        now: Math.round(performance.now()),
        visibility: document.visibilityState,
        focused: document.hasFocus(),
        longest: (
          (window as unknown as { __stpLongTasks?: [number, number][] }).__stpLongTasks ?? []
        )
          .slice()
          .sort((a, b) => b[1] - a[1])
          .slice(0, 5),
      }))
      .catch((error: unknown) => String(error)),
  );
  if (answer === "no answer") return "page health: the main thread did not answer within 5 s";
  const frame = await within(
    5_000,
    page
      .evaluate(
        () =>
          new Promise<number>((resolve) => {
            const start = performance.now();
            requestAnimationFrame(() => resolve(Math.round(performance.now() - start)));
          }),
      )
      .catch((error: unknown) => String(error)),
  );
  return `page health: ${JSON.stringify(answer)}; next frame: ${
    frame === "no answer" ? "none within 5 s" : `${String(frame)} ms`
  }`;
}

/** How long a click waits for its control before the page's health is looked at. */
const CLICK_TIMEOUT_MS = 30_000;

/**
 * Clicks a control as `locator.click()` does. When the click times out waiting for the control
 * to be steady, the page is looked at: a page whose main thread does not answer fails the test (the
 * pane blocked it); a page that answers but draws no frame (headless Chromium under load has been
 * seen to stop drawing for good) is brought to the front and resized to its own size, which makes
 * the browser draw again, and clicked once more — said on the console, never silently.
 */
export async function clickWhenDrawn(page: Page, locator: Locator): Promise<void> {
  try {
    await locator.click({ timeout: CLICK_TIMEOUT_MS });
    return;
  } catch (error) {
    const health = await pageHealth(page);
    if (!health.includes("next frame: none")) {
      if (error instanceof Error) error.message += `\n${health}`;
      throw error;
    }
    console.warn(`the browser stopped drawing; drawing again and clicking once more (${health})`);
    await page.bringToFront();
    const size = page.viewportSize();
    if (size) {
      await page.setViewportSize({ width: size.width, height: size.height + 1 });
      await page.setViewportSize(size);
    }
    await locator.click({ timeout: CLICK_TIMEOUT_MS });
  }
}
