import { CLI_MESSAGES } from "../../src/cli/messages";
import type { MessageCatalog, MessageParams } from "../../src/engine/messageCatalog";
import { PLAN_MESSAGES } from "../../src/engine/plan/messages";
import { READER_MESSAGES } from "../../src/engine/reader/messages";
import { PANE_NOTICES } from "../../src/taskpane/i18n/paneNotices";
import { halfWidthIn } from "../support/halfWidth";

const CATALOGS: Record<string, MessageCatalog> = {
  stp: CLI_MESSAGES,
  reader: READER_MESSAGES,
  plan: PLAN_MESSAGES,
  pane: PANE_NOTICES,
};

/** Sizes in bytes, the parameters read as numbers. */
const NUMBERS = new Set(["size", "limit"]);

/** Parameters that answer every name with a word of no punctuation (a number where read as one). */
const SAMPLE = new Proxy({} as MessageParams, {
  get: (_, key) => (typeof key !== "string" ? undefined : NUMBERS.has(key) ? 10485761 : "华东"),
});

/**
 * The prose of a message: what a user types into a plan file as written (`{"region": "华东"}`,
 * `"columns"`) is code, and keeps JSON's punctuation.
 */
function prose(text: string): string {
  return text
    .replace(/"[^"\s]+"\s*:\s*(?:"[^"]*"|\{(?:[^{}]|\{[^{}]*\})*\}|true|false|\d+)/g, "code")
    .replace(/\{(?:[^{}]|\{[^{}]*\})*\}/g, "{}")
    .replace(/"[A-Za-z_][\w.]*"/g, "key");
}

describe("messages in Chinese", () => {
  it.each(Object.keys(CATALOGS))(
    "every %s message is written with full-width punctuation ，：；（）“”",
    (name) => {
      const catalog = CATALOGS[name];
      const codes = Object.keys(catalog);
      expect(codes.length).toBeGreaterThan(5);
      const half = codes
        .map((code) => [code, catalog[code]["zh-CN"](SAMPLE)] as const)
        .filter(([, text]) => halfWidthIn(prose(text)).length > 0 || /NaN|undefined/.test(text))
        .map(([code, text]) => `${code}: ${text}`);
      expect(half).toEqual([]);
    },
  );
});
