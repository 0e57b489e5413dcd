import { ACTION_OVERHEAD_BYTES, jsonBytes } from "./payloadBytes";

/** A piece of a write, measured before it is queued so requests can be packed under the limit. */
export type WriteStep = {
  /** The sheet it writes (the setup step: the first model's). */
  sheet: string;
  kind: "setup" | "block" | "chart";
  /** Set on a sheet's last step: the sheet is complete once this step is sent. */
  completesSheet?: string;
  /** Bytes it adds to a request, by construction never less than what is sent. */
  bytes: number;
  /** Queues its actions on a context. */
  queue(context: Excel.RequestContext): void;
};

/**
 * Collects the actions of a step with their measured size: each action counts its framing
 * (`ACTION_OVERHEAD_BYTES`) plus the JSON of the data it carries.
 */
export class StepBuilder {
  private bytes = 0;
  private readonly parts: ((context: Excel.RequestContext) => void)[] = [];

  /** Adds `actions` actions carrying `payload`, queued by `queue`. */
  add(actions: number, payload: unknown, queue: (context: Excel.RequestContext) => void): void {
    this.bytes +=
      actions * ACTION_OVERHEAD_BYTES + (payload === undefined ? 0 : jsonBytes(payload));
    this.parts.push(queue);
  }

  /** Bytes so far. */
  get size(): number {
    return this.bytes;
  }

  build(sheet: string, kind: WriteStep["kind"], completesSheet?: string): WriteStep {
    const parts = [...this.parts];
    return {
      sheet,
      kind,
      completesSheet,
      bytes: this.bytes,
      queue: (context) => parts.forEach((part) => part(context)),
    };
  }
}

/**
 * Groups steps, in order, into requests of at most `budget` bytes (a step larger than the budget
 * goes alone). The blocks of one sheet (consecutive `block` steps of the same sheet) that fit in
 * one request together go in one: a sheet is then written whole or not at all.
 * @example packSteps([{ bytes: 2 }, { bytes: 2 }, { bytes: 2 }], 4).length === 2
 */
export function packSteps<T extends { bytes: number; sheet?: string; kind?: string }>(
  steps: readonly T[],
  budget: number,
): T[][] {
  const packs: T[][] = [];
  let current: T[] = [];
  let size = 0;
  const sameSheet = (a: T | undefined, b: T) =>
    a !== undefined && a.kind === "block" && b.kind === "block" && a.sheet === b.sheet;
  steps.forEach((step, i) => {
    let needed = step.bytes;
    if (!sameSheet(steps[i - 1], step)) {
      // A sheet's first block: room for all its blocks, when one request can hold them.
      let run = step.bytes;
      for (let k = i + 1; k < steps.length && sameSheet(steps[k - 1], steps[k]); k++) {
        run += steps[k].bytes;
      }
      if (run <= budget) needed = run;
    }
    if (current.length > 0 && size + needed > budget) {
      packs.push(current);
      current = [];
      size = 0;
    }
    current.push(step);
    size += step.bytes;
  });
  if (current.length > 0) packs.push(current);
  return packs;
}
