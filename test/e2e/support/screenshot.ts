import type { Page } from "playwright-core";

/**
 * A screenshot of the whole pane, top to bottom, as a pane that tall would show it: the viewport
 * grows to the page's height for the shot (so the bar pinned to the bottom of the viewport is
 * drawn at the end of the step, not half-way down), then goes back to its size.
 */
export async function shootWholePane(page: Page, file: string): Promise<void> {
  const viewport = page.viewportSize();
  if (!viewport) throw new Error("the page has no viewport size");
  await page.evaluate(() => window.scrollTo(0, 0));
  // Again while the step still grows (a check of the workbook finishing as the viewport changes).
  for (let tries = 0; tries < 5; tries++) {
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    const now = page.viewportSize()?.height ?? 0;
    if (tries > 0 && height <= now) break;
    await page.setViewportSize({
      width: viewport.width,
      height: Math.max(viewport.height, height),
    });
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
  }
  await page.screenshot({ path: file });
  await page.setViewportSize(viewport);
}
