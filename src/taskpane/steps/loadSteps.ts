/**
 * Loads the steps after Data from files of their own, which the bundle splits off: the pane
 * shows its first step without waiting for them, and fetches them right after (see `LazySteps`).
 * The bundler resolves each ".js" path to the TypeScript source and emits a separate chunk.
 */

export function loadTargetStep(): Promise<typeof import("./TargetStep")> {
  return import(/* webpackChunkName: "step-target" */ "./TargetStep.js") as unknown as Promise<
    typeof import("./TargetStep")
  >;
}

export function loadBreakdownStep(): Promise<typeof import("./BreakdownStep")> {
  return import(
    /* webpackChunkName: "step-breakdown" */ "./BreakdownStep.js"
  ) as unknown as Promise<typeof import("./BreakdownStep")>;
}

export function loadPreviewStep(): Promise<typeof import("./PreviewStep")> {
  return import(/* webpackChunkName: "step-preview" */ "./PreviewStep.js") as unknown as Promise<
    typeof import("./PreviewStep")
  >;
}

export function loadGenerateStep(): Promise<typeof import("./GenerateStep")> {
  return import(/* webpackChunkName: "step-generate" */ "./GenerateStep.js") as unknown as Promise<
    typeof import("./GenerateStep")
  >;
}
