import { FakeOfficeError } from "./officeError";
import type { FakeWorkbookState } from "./workbookState";

/** Excel on the web refuses a request or a response larger than this. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

/** One queued action of a batch: set a property, call a method, load, or instantiate. */
export type FakeAction = {
  /** What goes on the wire for this action; its JSON size counts toward the request. */
  wire: unknown;
  /** Applies the action to the workbook; what it returns is the action's part of the response. */
  apply(): unknown;
  /** Called with the action's response once the whole batch has succeeded. */
  commit?(response: unknown): void;
  /** Sets a property or calls a method (anything but a load): it may change the workbook. */
  changes?: boolean;
};

/** What the tests measure: round trips and the size of each request and response. */
export type FakeStats = {
  /** Syncs that went to "Excel" (a sync with nothing queued makes no round trip). */
  syncs: number;
  /** Bytes of each request (UTF-8 JSON of everything queued since the previous sync). */
  requestBytes: number[];
  /** Bytes of each response (UTF-8 JSON of everything loaded). */
  responseBytes: number[];
  /** Per sync, how many of its actions set a property or called a method (0: a pure read). */
  changingActions: number[];
  /** `Excel.run` calls. */
  runs: number;
  /** `Excel.run` calls with `mergeUndoGroup: true` (ExcelApi 1.20): each is one undo step. */
  undoGroups: number;
  /** Every suspend call, with the number of the sync it was queued for. */
  suspendCalls: { sync: number; api: "calculation" | "screenUpdating" }[];
  /** Every `application.calculate` call, with its sync. */
  calculations: { sync: number; type: string }[];
};

/**
 * UTF-8 bytes of a value's JSON, measured independently of the port's own counting: counted from
 * the string's code units (a surrogate pair is 4 bytes), without encoding a copy of it.
 */
export function wireBytes(value: unknown): number {
  const json = JSON.stringify(value);
  if (json === undefined) return 0;
  let bytes = json.length;
  for (let i = 0; i < json.length; i++) {
    const code = json.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) bytes += 1;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < json.length) {
      const next = json.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 2;
        i++;
      } else bytes += 2;
    } else bytes += 2;
  }
  return bytes;
}

function parseVersion(version: string): [number, number] {
  const [major, minor = "0"] = version.split(".");
  return [Number(major), Number(minor)];
}

/**
 * Whether a requirement-set version is at most a supported one.
 * @example versionAtMost("1.9", "1.12") === true
 */
export function versionAtMost(version: string, supported: string): boolean {
  const [a, b] = parseVersion(version);
  const [c, d] = parseVersion(supported);
  return a < c || (a === c && b <= d);
}

/**
 * The "Excel" side of the fake: the workbook, the supported ExcelApi version and the batch runner
 * that every request context sends its queued actions to.
 */
export class FakeEngine {
  private failAt: number | null = null;
  /** Milliseconds each round trip waits (see `setLatency`); null: none, not even a turn. */
  latencyMs: number | null = null;
  readonly stats: FakeStats = {
    syncs: 0,
    requestBytes: [],
    responseBytes: [],
    changingActions: [],
    runs: 0,
    undoGroups: 0,
    suspendCalls: [],
    calculations: [],
  };

  constructor(
    readonly state: FakeWorkbookState,
    /** Highest ExcelApi version supported, e.g. "1.12". */
    readonly excelApi: string,
  ) {}

  /** Whether `ExcelApi <version>` is supported, as `Office.context.requirements.isSetSupported`. */
  isSetSupported(name: string, version = "1.1"): boolean {
    return name === "ExcelApi" && versionAtMost(version, this.excelApi);
  }

  /** Throws ApiNotFound (at sync, as Excel does) when a call needs a newer ExcelApi. */
  require(version: string, what: string): void {
    if (!this.isSetSupported("ExcelApi", version)) {
      throw new FakeOfficeError(
        "ApiNotFound",
        `The API you are trying to use could not be found. ${what} needs ExcelApi ${version}; ` +
          `this workbook supports ExcelApi ${this.excelApi}.`,
        what,
      );
    }
  }

  /** Makes the nth sync from now (1 = the next) fail before applying anything of its batch. */
  failSync(n: number): void {
    if (!Number.isInteger(n) || n < 1)
      throw new Error(`failSync needs a positive integer, not ${n}`);
    this.failAt = this.stats.syncs + n;
  }

  /** Number the next sync will have. */
  get nextSync(): number {
    return this.stats.syncs + 1;
  }

  /**
   * Runs one request: measures it, refuses it when over the limit (or told to fail), applies its
   * actions in order — a failing action stops the batch with the earlier ones applied, as in Excel
   * — then measures the response and hands loaded values to their objects.
   */
  runBatch(actions: FakeAction[]): void {
    this.admit(actions);
    const responses: unknown[] = [];
    try {
      for (const action of actions) responses.push(action.apply());
    } catch (error) {
      this.stats.responseBytes.push(0);
      throw error;
    }
    const responseBytes = wireBytes(responses);
    this.stats.responseBytes.push(responseBytes);
    if (responseBytes > PAYLOAD_LIMIT) {
      throw new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size has exceeded the limit (${responseBytes} bytes).`,
      );
    }
    actions.forEach((action, i) => action.commit?.(responses[i]));
  }

  /**
   * `runBatch` in turns of the page's event loop: the same request, measured and applied the same
   * way, but the page gets a turn whenever applying has taken `sliceMs`. Used where the fake
   * stands in for Excel in a browser page (the test host): there Excel's own work is done outside
   * the page, and the page's tasks must be measurable without it.
   */
  runBatchInTurns(actions: FakeAction[], sliceMs = 25): Promise<void> {
    // One request at a time, as Excel takes them.
    const run = this.queue.then(() => this.applyInTurns(actions, sliceMs));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private queue: Promise<unknown> = Promise.resolve();

  private async applyInTurns(actions: FakeAction[], sliceMs: number): Promise<void> {
    // The request's JSON, measured action by action: "[" + each (undefined as null), "," + "]".
    let requestBytes = 2 + Math.max(0, actions.length - 1);
    let measuring = performance.now();
    for (const action of actions) {
      if (performance.now() - measuring > sliceMs) {
        await nextTurn();
        measuring = performance.now();
      }
      requestBytes += action.wire === undefined ? 4 : wireBytes(action.wire);
    }
    this.admit(actions, requestBytes);
    const responses: unknown[] = [];
    // The response's JSON is "[" + each response (undefined as null) joined by "," + "]".
    let responseBytes = 2 + Math.max(0, actions.length - 1);
    let since = performance.now();
    try {
      for (const action of actions) {
        if (performance.now() - since > sliceMs) {
          await nextTurn();
          since = performance.now();
        }
        const response = action.apply();
        responses.push(response);
        responseBytes += response === undefined ? 4 : wireBytes(response);
      }
    } catch (error) {
      this.stats.responseBytes.push(0);
      throw error;
    }
    this.stats.responseBytes.push(responseBytes);
    if (responseBytes > PAYLOAD_LIMIT) {
      throw new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size has exceeded the limit (${responseBytes} bytes).`,
      );
    }
    // The response reaches the page in a turn of its own, as Excel's does.
    await nextTurn();
    actions.forEach((action, i) => action.commit?.(responses[i]));
  }

  /** Counts and measures a request; refuses it when over the limit or told to fail. */
  private admit(actions: FakeAction[], requestBytes = wireBytes(actions.map((a) => a.wire))): void {
    this.stats.syncs++;
    const sync = this.stats.syncs;
    this.stats.requestBytes.push(requestBytes);
    this.stats.changingActions.push(actions.filter((a) => a.changes).length);
    if (this.failAt === sync) {
      this.failAt = null;
      throw new FakeOfficeError(
        "GeneralException",
        `An internal error has occurred while processing the request (sync ${sync} was told to fail).`,
      );
    }
    if (requestBytes > PAYLOAD_LIMIT) {
      this.stats.responseBytes.push(0);
      throw new FakeOfficeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${requestBytes} bytes).`,
      );
    }
  }
}

/** A turn of the event loop, without the clamping nested timers get where the page has channels. */
function nextTurn(): Promise<void> {
  if (typeof MessageChannel === "undefined")
    return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
