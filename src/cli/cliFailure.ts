/** Exit codes of the CLI contract. */
export const EXIT = { ok: 0, badInput: 1, usage: 2, files: 3 } as const;

/** Where the CLI writes; tests pass their own. */
export type CliIO = {
  out: (line: string) => void;
  err: (line: string) => void;
  env: Record<string, string | undefined>;
};

/** A failure that ends the run with an exit code and one line. */
export class CliFailure extends Error {
  constructor(
    readonly exitCode: number,
    readonly line: string,
  ) {
    super(line);
  }
}
