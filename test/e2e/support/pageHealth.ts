import type { BrowserContext, Page } from "playwright-core";

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
