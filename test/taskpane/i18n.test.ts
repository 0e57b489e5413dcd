import * as path from "node:path";
import { LANGUAGES } from "../../src/engine/language";
import { makeI18n, UI_STRINGS } from "../../src/taskpane/i18n/I18nContext";
import { makeFormatters } from "../../src/taskpane/i18n/formatters";
import { PANE_NOTICES } from "../../src/taskpane/i18n/paneNotices";
import { halfWidthIn, literalTexts } from "../support/halfWidth";

/** Every text of a catalog, functions called with sample arguments. */
function texts(value: unknown, path = ""): [string, string][] {
  if (typeof value === "string") return [[path, value]];
  if (typeof value === "function") {
    // One argument that reads as text and also has every named parameter.
    const sample = Object.assign(new String("Sales"), {
      rows: "12",
      sheet: "S",
      header: 3,
      layout: "L",
      segment: "East",
      implied: "+10%",
      history: "+2%",
      name: "Ann Berg",
      number: 7,
      count: 17,
    });
    return [[path, String((value as (...a: unknown[]) => unknown)(sample, sample))]];
  }
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => texts(v, path ? `${path}.${k}` : k));
  }
  return [[path, String(value)]];
}

describe("the pane's texts", () => {
  it("exist in every language, with the same keys, and never read 'undefined'", () => {
    const en = texts(UI_STRINGS["en-US"]).map(([k]) => k);
    for (const language of LANGUAGES) {
      const all = texts(UI_STRINGS[language]);
      expect(all.map(([k]) => k)).toEqual(en);
      for (const [key, text] of all) {
        expect([key, text.trim().length > 0]).toEqual([key, true]);
        expect([key, /undefined|NaN|\[object/.test(text)]).toEqual([key, false]);
      }
    }
  });

  it("reads Chinese in Chinese", () => {
    const zh = texts(UI_STRINGS["zh-CN"]).filter(([k]) => !k.startsWith("generate.languages"));
    const withoutHan = zh.filter(([, text]) => !/[\u4e00-\u9fff]/.test(text));
    // Only texts that are a value or a name passed in (e.g. a dimension's label, a step's number
    // and name), or the punctuation that joins texts passed in, may lack Chinese.
    expect(withoutHan.map(([k]) => k)).toEqual([
      "stepTab",
      "breakdown.lockMember",
      "writePreview.sheetsLine",
      "writePreview.separator",
      "writePreview.cell",
      "measures.separator",
    ]);
  });

  it("has every pane notice in every language", () => {
    for (const [code, message] of Object.entries(PANE_NOTICES)) {
      for (const language of LANGUAGES) {
        expect([
          code,
          message[language]({ sheet: "T", name: "N", detail: "d", value: "v" }),
        ]).not.toContain("");
      }
    }
  });

  it("words the port's codes and the engine's, in both languages", () => {
    expect(
      makeI18n("en-US").notice({ code: "sheet-name-taken", params: { sheet: "Tracking" } }),
    ).toMatch(/Tracking/);
    expect(
      makeI18n("zh-CN").notice({ code: "caps-infeasible", params: { parent: "华东" } }),
    ).toMatch(/华东/);
  });
});

describe("the Chinese pane", () => {
  it("writes every text of its catalog with full-width punctuation ，：；（）“”", () => {
    const zh = path.join(__dirname, "..", "..", "src", "taskpane", "i18n", "zh.ts");
    const texts = literalTexts(zh);
    expect(texts.length).toBeGreaterThan(250);
    const half = texts
      .filter(({ text }) => halfWidthIn(text).length > 0)
      .map(({ line, text }) => `zh.ts:${line} ${text}`);
    expect(half).toEqual([]);
  });

  it("keeps full-width punctuation once the texts are filled in", () => {
    const half = texts(UI_STRINGS["zh-CN"])
      .filter(([, text]) => halfWidthIn(text).length > 0)
      .map(([key, text]) => `${key}: ${text}`);
    expect(half).toEqual([]);
  });

  it("sees half-width punctuation where there is some", () => {
    expect(halfWidthIn("完成:已写入 17 张工作表。")).toEqual([":"]);
    expect(halfWidthIn("重新读取, 只更新 (跟踪)")).toEqual([",", "(", ")"]);
    expect(halfWidthIn("已写入 1,234,567.5 元，占 12.5%")).toEqual([]);
  });
});

describe("formatters", () => {
  it("write numbers, percentages and months per language", () => {
    const en = makeFormatters("en-US");
    const zh = makeFormatters("zh-CN");
    expect(en.amount(1234567.5)).toBe("1,234,567.5");
    expect(zh.amount(1234567.5)).toBe("1,234,567.5");
    expect(en.percent(0.1234)).toBe("12.3%");
    expect(en.change(0.1)).toBe("+10.0%");
    expect(en.change(-0.05)).toBe("-5.0%");
    expect(en.month("2026-04")).toBe("Apr 2026");
    expect(zh.month("2026-04")).toBe("2026年4月");
    expect(zh.monthName(1)).toBe("1月");
    expect(en.monthName(12)).toBe("Dec");
    expect(en.month("bad")).toBe("bad");
  });
});
