import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import * as path from "node:path";

export const ROOT = path.join(__dirname, "..", "..", "..");
export const DIST = path.join(ROOT, "dist");

/** Builds the add-in as `npm run build:addin` does (webpack, production) into dist/. */
export function buildAddin(): void {
  const webpack = path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
  const run = spawnSync(process.execPath, [webpack, "--mode", "production"], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (run.status !== 0) throw new Error(`webpack failed:\n${run.stdout}\n${run.stderr}`);
  for (const page of ["taskpane.html", "test-host.html"]) {
    if (!existsSync(path.join(DIST, page))) throw new Error(`webpack did not write dist/${page}`);
  }
}
