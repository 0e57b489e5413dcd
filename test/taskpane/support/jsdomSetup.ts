/**
 * What jsdom lacks and Fluent UI or the pane use, for tests that render the pane in jsdom. Import
 * it first in such a test file.
 */
import { TextDecoder, TextEncoder } from "node:util";
import { configure } from "@testing-library/react";

const scope = globalThis as Record<string, unknown>;
scope.TextEncoder ??= TextEncoder;
scope.TextDecoder ??= TextDecoder;

class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
scope.ResizeObserver ??= NoResizeObserver;

if (typeof window !== "undefined") {
  window.matchMedia ??= ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  })) as typeof window.matchMedia;
  Element.prototype.scrollIntoView ??= function scrollIntoView() {};
  // The pane renders its Fluent styles into a separate document in these tests (see
  // renderUnstyled), so an element's computed style is its inline style; jsdom's own computation
  // still builds a full declaration per call, and positioning asks for it thousands of times.
  window.getComputedStyle = ((element: Element) =>
    (element as HTMLElement).style ??
    document.createElement("div").style) as typeof window.getComputedStyle;
}

// Fluent's tab indicator animates on a later frame, outside any event the test awaits; React then
// warns about an update not wrapped in act(). That one warning is noise; every other stays.
const consoleError = console.error.bind(console);
console.error = (...args: unknown[]) => {
  const text = args.map(String).join(" ");
  if (text.includes("not wrapped in act") && text.includes("react-tabs")) return;
  consoleError(...args);
};

// Role queries check each candidate's computed style to skip hidden ones; jsdom computes styles by
// matching every one of Fluent's thousands of atomic CSS rules, which makes each query take
// seconds. The pane hides nothing with CSS that a test looks for, so the check is left out.
// A step loads lazily and the plan is computed asynchronously: on a busy machine (CI runs suites
// side by side) that takes longer than the library's 1 s default for `findBy…` queries.
configure({ defaultHidden: true, asyncUtilTimeout: 5000 });

// jsdom cannot load the chart's split-off file: the chart comes straight from its module.
jest.mock("../../../src/taskpane/chart/loadSeasonalityChart", () => ({
  loadSeasonalityChart: () =>
    Promise.resolve(jest.requireActual("../../../src/taskpane/chart/SeasonalityChart")),
}));

// Nor the steps' split-off files: each step comes straight from its module (a test may make one
// fail to load).
jest.mock("../../../src/taskpane/steps/loadSteps", () => {
  const step = (name: string) =>
    jest.fn(() => Promise.resolve(jest.requireActual(`../../../src/taskpane/steps/${name}`)));
  return {
    loadTargetStep: step("TargetStep"),
    loadBreakdownStep: step("BreakdownStep"),
    loadPreviewStep: step("PreviewStep"),
    loadGenerateStep: step("GenerateStep"),
  };
});
