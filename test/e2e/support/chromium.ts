import { accessSync, constants } from "node:fs";
import { chromium, type Browser } from "playwright-core";

/** Debian's Chromium; `$CHROMIUM` overrides it. */
export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

function chromiumFound(): boolean {
  try {
    accessSync(CHROMIUM, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Starts headless Chromium the way every browser test here runs it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/**
 * `describe` for tests in a real browser: without Chromium they are skipped on a developer's
 * machine, and fail on CI (a missing browser must not pass silently).
 */
export function describeWithChromium(name: string, body: () => void): void {
  if (chromiumFound()) {
    describe(name, body);
    return;
  }
  const ci = process.env.CI;
  const onCi = ci !== undefined && ci !== "" && ci !== "0" && ci.toLowerCase() !== "false";
  describe(name, () => {
    if (onCi) {
      test("Chromium is installed (required on CI)", () => {
        throw new Error(`${CHROMIUM} not found: apt-get install chromium, or set CHROMIUM`);
      });
    } else {
      test.skip(`skipped: ${CHROMIUM} not found (apt-get install chromium)`, () => undefined);
    }
  });
}
