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
 * goes alone).
 * @example packSteps([{ bytes: 2 }, { bytes: 2 }, { bytes: 2 }], 4).length === 2
 */
export function packSteps<T extends { bytes: number }>(steps: readonly T[], budget: number): T[][] {
  const packs: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const step of steps) {
    if (current.length > 0 && size + step.bytes > budget) {
      packs.push(current);
      current = [];
      size = 0;
    }
    current.push(step);
    size += step.bytes;
  }
  if (current.length > 0) packs.push(current);
  return packs;
}
