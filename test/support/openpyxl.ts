import { execFile, spawnSync } from "node:child_process";
import { promises as fsp } from "node:fs";
import * as path from "node:path";
import { findSoffice, libreOfficeTestMode } from "./sofficeAvailable";

/** Debian's python, which `python3-openpyxl` installs for; the first python3 on PATH may be another. */
export const DEBIAN_PYTHON = "/usr/bin/python3";

/** Whether Debian's python can import openpyxl. */
export function openpyxlAvailable(): boolean {
  const result = spawnSync(DEBIAN_PYTHON, ["-c", "import openpyxl"], { stdio: "ignore" });
  return result.status === 0;
}

/**
 * Runs a Python script with Debian's python, the script written to `folder` first; resolves with
 * its stdout, rejects with its stderr.
 * @example const json = await runPython(dir, "import sys; print(1)", []);
 */
export async function runPython(folder: string, script: string, args: string[]): Promise<string> {
  const file = path.join(folder, `script-${process.hrtime.bigint()}.py`);
  await fsp.writeFile(file, script);
  return new Promise((resolve, reject) => {
    execFile(
      DEBIAN_PYTHON,
      [file, ...args],
      { maxBuffer: 1 << 28, timeout: 120_000 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`python ${path.basename(file)} failed: ${stderr || error}`));
        else resolve(stdout);
      },
    );
  });
}

const HINTS: Record<string, string> = {
  openpyxl: "install Debian's python3-openpyxl (bash scripts/install-system-deps.sh)",
  soffice: "install LibreOffice (Debian: apt-get install libreoffice-calc-nogui)",
};

/**
 * `describe` for tests that need the real tools users re-save workbooks with (openpyxl for
 * Debian's python, LibreOffice): skipped with a message on a developer's machine without them,
 * failing on CI (`CI` set), where a missing tool must not pass silently.
 */
export function describeWithTools(
  name: string,
  tools: readonly ("openpyxl" | "soffice")[],
  body: () => void,
): void {
  const missing = tools.filter((tool) =>
    tool === "openpyxl" ? !openpyxlAvailable() : findSoffice() === null,
  );
  const mode = libreOfficeTestMode(missing.length === 0, process.env);
  const hint = missing.map((tool) => HINTS[tool]).join("; ");
  if (mode === "run") describe(name, body);
  else if (mode === "fail")
    describe(name, () => {
      test(`${tools.join(" and ")} installed (required on CI)`, () => {
        throw new Error(`${missing.join(", ")} not found: ${hint}`);
      });
    });
  else
    describe(name, () => {
      test.skip(`skipped: ${missing.join(", ")} not found; ${hint} to run these tests`, () =>
        undefined);
    });
}
