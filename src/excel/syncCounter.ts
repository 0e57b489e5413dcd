import { ExcelPortError, type ExcelPortErrorParams } from "./excelPortError";

/**
 * Sends a context's queued work, counting round trips, and stops a cancelled run before its next
 * request with `cancelled` (and what `progress()` says was done so far).
 */
export class SyncCounter {
  private syncs = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly signal?: AbortSignal,
  ) {}

  /** Round trips so far. */
  get count(): number {
    return this.syncs;
  }

  /** Throws `cancelled` when the run was aborted. */
  throwIfCancelled(progress: () => ExcelPortErrorParams = () => ({})): void {
    if (this.signal?.aborted) throw new ExcelPortError("cancelled", progress());
  }

  /** One round trip. */
  async sync(): Promise<void> {
    this.syncs++;
    await this.context.sync();
  }
}
