import { CHROMIUM, chromiumFound, launchChromium } from "./launchChromium";

export { CHROMIUM, launchChromium };

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
