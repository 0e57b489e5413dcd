import type { FakeAction, FakeEngine } from "./fakeEngine";
import { FakeOfficeError } from "./officeError";
import { strictObject } from "./strictObject";
import { FakeWorkbookObject } from "./workbook";
import type { FakeApplication } from "./application";
import type { FakeWorkbookState } from "./workbookState";

/** Called before a request reaches the workbook, with the number that request's sync will have. */
export type BeforeSyncHook = (sync: number) => void;

const beforeSyncHooks = new WeakMap<FakeWorkbookState, BeforeSyncHook>();

/**
 * Runs `hook` before every request that reaches this workbook, as a user could act in Excel
 * between two round trips of the add-in: the hook changes the state (adds, renames, deletes a
 * sheet, types into a cell) and the request then meets the changed workbook. `null` removes it.
 * @example beforeEachSync(fake.workbook.state, (sync) => { if (sync === 3) addSheet(fake.workbook.state, "Plan Summary"); })
 */
export function beforeEachSync(state: FakeWorkbookState, hook: BeforeSyncHook | null): void {
  if (hook) beforeSyncHooks.set(state, hook);
  else beforeSyncHooks.delete(state);
}

/**
 * The fake's `Excel.RequestContext`: proxies queue actions here; `sync()` sends them to the engine
 * as one request. Closed when its `run` ends: proxies of a finished run cannot queue more.
 */
export class FakeRequestContext {
  private pending: FakeAction[] = [];
  private open = true;
  readonly workbook: FakeWorkbookObject;

  constructor(readonly engine: FakeEngine) {
    const self = strictObject(this, () => "RequestContext");
    this.workbook = new FakeWorkbookObject(self);
    return self;
  }

  get application(): FakeApplication {
    return this.workbook.application;
  }

  /** Queues an action for the next sync. */
  enqueue(action: FakeAction): void {
    if (!this.open) {
      throw new FakeOfficeError(
        "InvalidObjectPath",
        "The object was used after its Excel.run batch ended; objects belong to one request context.",
      );
    }
    this.pending.push(action);
  }

  /** Sends everything queued since the previous sync as one request. */
  async sync(): Promise<void> {
    if (!this.open)
      throw new FakeOfficeError("InvalidObjectPath", "The request context is closed.");
    const actions = this.pending;
    this.pending = [];
    const latency = this.engine.latencyMs;
    // A round trip to Excel: with a latency, time passes and the page's event loop turns, and
    // "Excel" works in turns, as the real one works outside the page.
    if (latency === null) await Promise.resolve();
    else await new Promise((resolve) => setTimeout(resolve, latency));
    if (actions.length === 0) return;
    beforeSyncHooks.get(this.engine.state)?.(this.engine.nextSync);
    if (latency === null) this.engine.runBatch(actions);
    else await this.engine.runBatchInTurns(actions);
  }

  /** Whether actions wait for a sync. */
  hasPending(): boolean {
    return this.pending.length > 0;
  }

  /** Ends the context (its `run` has finished); queued actions are dropped. */
  close(): void {
    this.open = false;
    this.pending = [];
  }
}
