import { LANGUAGES } from "../../src/engine/language";
import type { MessageParams } from "../../src/engine/messageCatalog";
import { PLAN_MESSAGES } from "../../src/engine/plan/messages";
import { READER_MESSAGES } from "../../src/engine/reader/messages";
import { makeI18n } from "../../src/taskpane/i18n/I18nContext";
import { PANE_NOTICES } from "../../src/taskpane/i18n/paneNotices";
import { addLock, updateLock } from "../../src/taskpane/model/draftEdits";
import { defaultDraft, type PlanDraft } from "../../src/taskpane/model/planDraft";

/** Every code the pane can show: the engine's (reader and plan) and the pane's own. */
const CODES = [
  ...new Set([
    ...Object.keys(READER_MESSAGES),
    ...Object.keys(PLAN_MESSAGES),
    ...Object.keys(PANE_NOTICES),
  ]),
];

/** The fields a problem can sit on, from the whole plan to one weight of one member. */
const FIELDS = [
  "(plan)",
  "(history)",
  "planYear",
  "target",
  "target.growth",
  "target.amount",
  "asOf",
  "columns.region",
  "levels[0]",
  "levels[0].dimension",
  "levels[0].method",
  "levels[0].years",
  "levels[0].weights",
  "levels[0].weights.North",
  'levels[0].weights["Ann Berg"]',
  "levels[0].parts",
  "levels[0].parts[1].weight",
  "levels[1].min",
  "levels[1].max.amount",
  "levels[1].max.ofLastYear",
  "locks[0]",
  "locks[0].where",
  "locks[0].where.region",
  "locks[0].amount",
  "locks[0].growth",
  "locks[1]",
  "time",
  "time.years",
  "time.weights",
  "time.weights[2]",
  "rounding.unit",
  "language",
  "columns.grossProfit",
  "measures",
  "measures.quantity",
  "measures.quantity.unit",
  "measures.grossProfit",
  "measures.grossProfit.target",
  "measures.grossProfit.target.margin",
  "measures.grossProfit.target.amount",
  "measures.expenses",
  "measures.expenses.rate",
  "measures.expenses.amount",
];

/** Parameters as the engine and the pane pass them, plan-file paths and JSON values included. */
const PARAMS: MessageParams[] = [
  {},
  {
    key: "grwoth",
    suggestion: "growth",
    known: "amount, growth",
    expected: "number",
    got: '"abc"',
    allowed: "lastYear, history, equal",
    limit: "0",
    inclusive: 1,
    keys: "amount, growth",
    level: "region",
    member: "华东",
    parent: "(total)",
    other: "locks[0]",
    dimension: "product",
    levels: "region, rep",
    amount: 14017000,
    unit: 1000,
    members: "East, West",
    locked: 250000,
    parentAmount: 200000,
    remainder: 5000,
    minTotal: 0,
    maxTotal: 13162000,
    bound: "max",
    boundKind: "ofLastYear",
    boundTo: 1.25,
    parentTo: 13162000,
    parentLock: 0,
    children: 4,
    value: "20x6",
    planYear: 2026,
    baseYear: 2025,
    missing: "3, 11",
    count: 3,
    base: -500,
    latest: "2024-12",
    months: "3, 11",
    scope: "company",
    window: "2023–2025",
    field: "levels[1].weights",
    growth: "15",
    percent: "1,500",
    fraction: "0.15",
    segment: "West / Cy",
    overall: "+10.0%",
    asOf: "2026-04",
    sheet: "Plan Summary",
    name: "Sales",
    detail: "The request payload size has exceeded the limit.",
    phase: "write",
    stage: "cells",
    role: "amount",
    column: "C",
    header: "Amount",
    cell: "C7",
    row: 7,
  },
  {
    got: "-1",
    limit: "1901",
    inclusive: 0,
    parent: "华东",
    level: "product",
    bound: "min",
    boundKind: "amount",
    boundTo: 12000,
    minTotal: 900000,
    maxTotal: "∞",
    field: "target.growth",
    scope: "华东 / 张杰",
    stage: "recalculate",
    phase: "write",
  },
  { bound: "crossed", member: "泵", parent: "华南", level: "product", phase: "read" },
  {
    measure: "grossProfit",
    roles: "cost, grossProfit",
    node: "East / Ann",
    member: "West / Cy",
    margin: "-4.5",
    ratio: "0.3",
    limit: "1",
    inclusive: 1,
    got: "1.3",
    amount: 120000,
    unit: 100,
    parent: "East",
    years: 3,
    planYear: 2026,
    count: 2,
    members: "East / Ann, West / Cy",
    role: "grossProfit",
  },
  { measure: "quantity", roles: "quantity", node: "(total)", parent: "(total)", years: 1 },
];

/** A plan-file path, JSON key or the engine's placeholders for a whole plan. */
const DEVELOPER_WORDS = [
  /\b[a-z]+\[\d+\]/i,
  /\[\d+\]/,
  /\b(?!e\.g\.)[a-z]+\.[a-z]+(?:\b|\[)/i,
  /\b[a-z]+[A-Z][a-zA-Z]*\b/,
  /"(?:amount|growth|share|where|new|weights|method|manual|blend|min|max|columns|levels|locks|time|rounding|unit|version|language|ofLastYear|lastYear|parts|dimension)"/,
  /^(?:version|planYear|target|columns|levels|locks|time|rounding|asOf|language|amount|growth|share|where)\b\S*:/,
  /\((?:plan|total|history)\)/,
  /[{}]/,
  /\btrue\b/,
];

/** Half-width punctuation in Chinese, once numbers (1,234.5), months (2026-04) and ranges are set aside. */
function halfWidthIn(text: string): string[] {
  const bare = text
    .replace(/[+−-]?\d[\d,.]*\s*%?/g, "0")
    .replace(/\d{4}-\d{2}/g, "0")
    .replace(/Formulas › Calculate Now|manifest\.xml|Excel|README/g, "");
  return [...bare.matchAll(/[,:;()!?"]/g)].map((m) => m[0]);
}

function draftWithLocks(language: "en-US" | "zh-CN"): PlanDraft {
  let draft = defaultDraft(null, language);
  draft = {
    ...draft,
    levels: [
      {
        key: "a",
        dimension: "region",
        method: "manual",
        years: "3",
        weights: {},
        parts: [],
        min: { kind: "none", value: "" },
        max: { kind: "ofLastYear", value: "110" },
      },
      {
        key: "b",
        dimension: "product",
        method: "lastYear",
        years: "3",
        weights: {},
        parts: [],
        min: { kind: "none", value: "" },
        max: { kind: "amount", value: "5" },
      },
    ],
  };
  draft = addLock(draft);
  const lock = draft.locks[0];
  draft = updateLock(draft, lock.key, (l) => ({
    ...l,
    where: { region: language === "zh-CN" ? "华南" : "South" },
  }));
  return addLock(draft);
}

describe("every message the pane can show is in plain words", () => {
  it("enumerates the codes from the catalogs themselves", () => {
    expect(CODES.length).toBeGreaterThan(80);
    for (const code of [
      "caps-infeasible",
      "plan-lock-needs-one-of",
      "plan-too-small",
      "ui-not-a-number",
    ])
      expect(CODES).toContain(code);
  });

  it.each(LANGUAGES)(
    "names no field path or plan-file key, in full-width Chinese (%s)",
    (language) => {
      const i18n = makeI18n(language);
      const drafts = [null, draftWithLocks(language)];
      const failures = new Map<string, string>();
      for (const code of CODES) {
        for (const params of PARAMS) {
          for (const draft of drafts) {
            for (const field of FIELDS) {
              const text = i18n.problem({ code, params, field }, draft);
              const notice = i18n.notice({ code, params });
              for (const words of [text, notice]) {
                const developer = DEVELOPER_WORDS.find((re) => re.test(words));
                if (developer) failures.set(code, `${code} @ ${field}: ${words} (${developer})`);
                if (language === "zh-CN") {
                  const half = halfWidthIn(words);
                  if (half.length > 0)
                    failures.set(code, `${code} @ ${field}: ${words} [${half.join("")}]`);
                }
                if (
                  words.trim() === "" ||
                  words.includes("undefined") ||
                  (code.includes("-") && words.includes(code))
                )
                  failures.set(code, `${code} @ ${field}: empty or undefined: ${words}`);
              }
            }
          }
        }
      }
      expect([...failures.values()]).toEqual([]);
    },
  );
});
