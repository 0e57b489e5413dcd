/**
 * Lets the page's event loop turn: input and painting that wait run before the work goes on.
 * (`src/workflow/writePlan.ts` keeps a twin: the workflow may not import a port.)
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Long work in slices: `pause()` gives the page a turn once `sliceMs` have passed since the last,
 * so no task of the pane blocks the page for long while it builds or queues a large write.
 * @example const slices = new TurnSlicer(); for (const model of models) { build(model); await slices.pause(); }
 */
export class TurnSlicer {
  private since = performance.now();

  constructor(private readonly sliceMs = 20) {}

  async pause(): Promise<void> {
    if (performance.now() - this.since <= this.sliceMs) return;
    await nextTurn();
    this.since = performance.now();
  }
}
