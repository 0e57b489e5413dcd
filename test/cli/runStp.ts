import { promises as fsp } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCli } from "../../src/cli/main";

export type StpRun = { code: number; out: string[]; err: string[] };

/** Runs `stp` in-process with captured output (English messages unless `lang` says otherwise). */
export async function runStp(args: string[], lang = "en_US.UTF-8"): Promise<StpRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env: { LANG: lang },
  });
  return { code, out, err };
}

/** A fresh temporary folder, removed by the returned function. */
export async function tempFolder(): Promise<{
  dir: string;
  file: (name: string) => string;
  remove: () => Promise<void>;
}> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), "stp-cli-"));
  return {
    dir,
    file: (name) => path.join(dir, name),
    remove: () => fsp.rm(dir, { recursive: true, force: true }),
  };
}

/** Writes a plan file. */
export async function writePlan(file: string, plan: unknown): Promise<void> {
  await fsp.writeFile(file, JSON.stringify(plan, null, 2));
}

/**
 * The plan many `stp plan` tests run: region, then rep, each by last year's sales, 10 % growth,
 * targets rounded to 100, in English; `changes` replace fields of it.
 */
export function regionRepPlan(changes: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    version: 1,
    planYear: 2026,
    target: { growth: 0.1 },
    levels: [
      { dimension: "region", method: "lastYear" },
      { dimension: "rep", method: "lastYear" },
    ],
    rounding: { unit: 100 },
    language: "en-US",
    ...changes,
  };
}

/** The arguments of `stp plan` from a history and a plan file into a workbook, and any more. */
export function planArgs(
  history: string,
  config: string,
  out: string,
  ...more: string[]
): string[] {
  return ["plan", "--history", history, "--config", config, "--out", out, ...more];
}
