import { accessSync, constants } from "node:fs";
import * as path from "node:path";

const WELL_KNOWN = [
  "/usr/bin/soffice",
  "/usr/lib/libreoffice/program/soffice",
  "/opt/libreoffice/program/soffice",
  "/Applications/LibreOffice.app/Contents/MacOS/soffice",
];

/** The LibreOffice executable: `$SOFFICE`, else `soffice` on the PATH, else a usual place. */
export function findSoffice(): string | null {
  const candidates = [
    ...(process.env.SOFFICE ? [process.env.SOFFICE] : []),
    ...(process.env.PATH ?? "")
      .split(path.delimiter)
      .filter(Boolean)
      .map((folder) => path.join(folder, "soffice")),
    ...WELL_KNOWN,
  ];
  return candidates.find(isExecutable) ?? null;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * What LibreOffice tests do here: run with `soffice`; without it, fail on CI (`CI` set to
 * anything but empty, `0` or `false`) and skip elsewhere.
 */
export function libreOfficeTestMode(
  sofficeFound: boolean,
  env: Record<string, string | undefined>,
): "run" | "fail" | "skip" {
  if (sofficeFound) return "run";
  const ci = env.CI;
  const onCi = ci !== undefined && ci !== "" && ci !== "0" && ci.toLowerCase() !== "false";
  return onCi ? "fail" : "skip";
}

const INSTALL_HINT = "install LibreOffice (Debian: apt-get install libreoffice-calc-nogui)";

/**
 * `describe` for tests that recalculate in LibreOffice. Without `soffice` they are skipped with a
 * message on a developer's machine, but on CI a test fails instead: a missing spreadsheet engine
 * must not pass silently.
 */
export function describeWithLibreOffice(name: string, body: () => void): void {
  const mode = libreOfficeTestMode(findSoffice() !== null, process.env);
  if (mode === "run") {
    describe(name, body);
  } else if (mode === "fail") {
    describe(name, () => {
      test("LibreOffice is installed (required on CI)", () => {
        throw new Error(`soffice not found: ${INSTALL_HINT}, or set SOFFICE to its path`);
      });
    });
  } else {
    describe(name, () => {
      test.skip(`skipped: soffice not found; ${INSTALL_HINT} to run these tests`, () => undefined);
    });
  }
}
