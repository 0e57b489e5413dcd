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

/** A program on the PATH (`pdftotext`…), or null. */
export function findOnPath(program: string): string | null {
  const folders = (process.env.PATH ?? "").split(path.delimiter).filter(Boolean);
  return folders.map((folder) => path.join(folder, program)).find(isExecutable) ?? null;
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
const POPPLER_HINT = "install poppler-utils (Debian: apt-get install poppler-utils)";

/**
 * `describe` for tests that recalculate in LibreOffice (and, with `programs`, also need those
 * programs on the PATH, e.g. poppler's `pdftotext`). Without them the tests are skipped with a
 * message on a developer's machine, but on CI a test fails instead: a missing spreadsheet engine
 * must not pass silently.
 */
export function describeWithLibreOffice(
  name: string,
  body: () => void,
  programs: readonly string[] = [],
): void {
  const missing = [
    ...(findSoffice() === null ? ["soffice"] : []),
    ...programs.filter((program) => findOnPath(program) === null),
  ];
  const hint = [
    ...(missing.includes("soffice") ? [INSTALL_HINT] : []),
    ...(missing.some((p) => p !== "soffice") ? [POPPLER_HINT] : []),
  ].join("; ");
  const mode = libreOfficeTestMode(missing.length === 0, process.env);
  if (mode === "run") {
    describe(name, body);
  } else if (mode === "fail") {
    describe(name, () => {
      test("LibreOffice is installed (required on CI)", () => {
        throw new Error(`${missing.join(", ")} not found: ${hint}, or set SOFFICE to its path`);
      });
    });
  } else {
    describe(name, () => {
      test.skip(`skipped: ${missing.join(", ")} not found; ${hint} to run these tests`, () =>
        undefined);
    });
  }
}
