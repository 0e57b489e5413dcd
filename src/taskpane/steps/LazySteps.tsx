import { lazy } from "react";
import { loadBreakdownStep, loadGenerateStep, loadPreviewStep, loadTargetStep } from "./loadSteps";

/** The Target step, loaded on first use. */
export const TargetStep = lazy(() => loadTargetStep().then((m) => ({ default: m.TargetStep })));

/** The Breakdown step (levels, locks, caps, time and the seasonality chart), loaded on first use. */
export const BreakdownStep = lazy(() =>
  loadBreakdownStep().then((m) => ({ default: m.BreakdownStep })),
);

/** The Preview step, loaded on first use. */
export const PreviewStep = lazy(() => loadPreviewStep().then((m) => ({ default: m.PreviewStep })));

/** The Generate step, loaded on first use. */
export const GenerateStep = lazy(() =>
  loadGenerateStep().then((m) => ({ default: m.GenerateStep })),
);

/**
 * Fetches every lazily loaded step, once the first step shows, so that moving on rarely waits.
 * A step that fails here is tried again when it is opened.
 */
export function preloadSteps(): void {
  for (const load of [loadTargetStep, loadBreakdownStep, loadPreviewStep, loadGenerateStep])
    load().catch(() => undefined);
}
