import { z } from "zod";
import { HISTORY_ROLES, type Notice } from "../history";
import { LANGUAGES, type Language } from "../language";
import { suggestNearest } from "../suggest";
import { planFileSchema, type PlanFile } from "./planSchema";

/** A mistake in a plan file: the field's path (`levels[1].method`) and what is wrong with it. */
export type PlanFileProblem = Notice & { field: string };

export type PlanFileValidation =
  | { ok: true; plan: PlanFile }
  /** `language`: the file's own, when it names a valid one, to speak of its problems in. */
  | { ok: false; problems: PlanFileProblem[]; language?: Language };

const BOUND_KEYS = ["ofLastYear", "amount"];
/** The keys each object of the plan file accepts, by path pattern (array indexes as `[]`). */
const KNOWN_KEYS: Record<string, readonly string[]> = {
  "": [
    "version",
    "planYear",
    "target",
    "columns",
    "levels",
    "locks",
    "time",
    "rounding",
    "asOf",
    "language",
    "measures",
  ],
  target: ["amount", "growth"],
  columns: HISTORY_ROLES,
  "levels[]": ["dimension", "method", "years", "weights", "parts", "min", "max"],
  "levels[].parts[]": ["method", "weight", "years", "weights"],
  "levels[].min": BOUND_KEYS,
  "levels[].max": BOUND_KEYS,
  "locks[]": ["where", "amount", "growth", "share", "new"],
  time: ["grain", "method", "years", "profile", "weights"],
  rounding: ["unit"],
  measures: ["quantity", "grossProfit", "expenses"],
  "measures.quantity": ["unit"],
  "measures.grossProfit": ["target"],
  "measures.grossProfit.target": ["amount", "margin"],
  "measures.expenses": ["rate", "amount"],
};

/**
 * Field path in the plan file's own notation.
 * @example formatFieldPath(["levels", 1, "method"]) === "levels[1].method"; formatFieldPath(["columns", ""]) === 'columns[""]'
 */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    const key = String(part);
    if (typeof part === "number") out += `[${part}]`;
    else if (!/^[\p{L}_$][\p{L}\p{N}_$-]*$/u.test(key)) out += `[${JSON.stringify(key)}]`;
    else out += out === "" ? key : `.${key}`;
  }
  return out;
}

function pathPattern(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += "[]";
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out;
}

function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    // Nested deeper than the stack allows: its outline says enough.
    text = Array.isArray(value) ? "[…]" : "{…}";
  }
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function unknownKeyProblem(path: readonly PropertyKey[], key: string): PlanFileProblem {
  const known = KNOWN_KEYS[pathPattern(path)] ?? [];
  const suggestion = suggestNearest(key, known);
  const field = formatFieldPath([...path, key]);
  return suggestion
    ? { field, code: "plan-unknown-key-suggest", params: { key, suggestion } }
    : { field, code: "plan-unknown-key", params: { key, known: known.join(", ") } };
}

function problemsFromIssue(issue: z.core.$ZodIssue, root: unknown): PlanFileProblem[] {
  const path = issue.path;
  const field = formatFieldPath(path) || "(plan)";
  const input = path.reduce<unknown>(
    (v, k) =>
      v !== null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[k] : undefined,
    root,
  );
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((key) => unknownKeyProblem(path, key));
    case "invalid_key": {
      const key = String(path.length ? (issue.path.at(-1) ?? "") : "");
      // zod reports the offending key as the last path element for records.
      return [unknownKeyProblem(path.slice(0, -1), key)];
    }
    case "invalid_type":
      if (input === undefined) return [{ field, code: "plan-missing", params: {} }];
      return [
        {
          field,
          code: "plan-wrong-type",
          params: { expected: issue.expected, got: describeValue(input) },
        },
      ];
    case "invalid_value": {
      if (input === undefined) return [{ field, code: "plan-missing", params: {} }];
      const allowed = issue.values.map((v) => String(v));
      const suggestion = typeof input === "string" ? suggestNearest(input, allowed) : undefined;
      return [
        {
          field,
          code: suggestion ? "plan-not-one-of-suggest" : "plan-not-one-of",
          params: {
            allowed: allowed.join(", "),
            got: describeValue(input),
            ...(suggestion ? { suggestion } : {}),
          },
        },
      ];
    }
    case "too_small":
    case "too_big":
      return [
        {
          field,
          code: issue.code === "too_small" ? "plan-too-small" : "plan-too-big",
          params: {
            limit: String(issue.code === "too_small" ? issue.minimum : issue.maximum),
            inclusive: issue.inclusive === false ? 0 : 1,
            got: describeValue(input),
          },
        },
      ];
    case "invalid_format":
      return [{ field, code: "plan-bad-format", params: { got: describeValue(input) } }];
    case "invalid_union":
      return unionProblems(issue, path, input, root);
    case "custom":
      // An emptied `where` whose keys were all unknown is already reported key by key (all but
      // `__proto__`, which the schema passes over without a word: a `where` of only that is empty).
      if (
        issue.message === "lock-where-empty" &&
        input &&
        Object.keys(input).some((key) => key !== "__proto__")
      )
        return [];
      return [
        {
          field,
          code: `plan-${issue.message}`,
          params: (issue.params ?? {}) as PlanFileProblem["params"],
        },
      ];
    default:
      return [{ field, code: "plan-invalid", params: { detail: issue.message } }];
  }
}

const isUnknownKey = (p: PlanFileProblem) => p.code.startsWith("plan-unknown-key");

/**
 * What is wrong with a value that fits no shape of a union (`target`, a level's `min` / `max`):
 * the problems of the shape whose keys the value uses, so that `{"growth": "15%"}` hears that its
 * growth is not a number, not that `growth` is unknown to the `{"amount": N}` shape.
 */
function unionProblems(
  issue: z.core.$ZodIssueInvalidUnion,
  path: readonly PropertyKey[],
  input: unknown,
  root: unknown,
): PlanFileProblem[] {
  const wrongShape: PlanFileProblem[] = [
    {
      field: formatFieldPath(path) || "(plan)",
      code: "plan-wrong-shape",
      params: {
        keys: (KNOWN_KEYS[pathPattern(path)] ?? []).join(", "),
        got: describeValue(input),
      },
    },
  ];
  const isObject = input !== null && typeof input === "object" && !Array.isArray(input);
  if (!isObject || Object.keys(input).length === 0) return wrongShape;
  const branches = issue.errors.map((errs) =>
    errs.flatMap((e) =>
      problemsFromIssue({ ...e, path: [...path, ...e.path] } as z.core.$ZodIssue, root),
    ),
  );
  if (branches.length === 0) return wrongShape;
  const unknownCount = (problems: PlanFileProblem[]) => problems.filter(isUnknownKey).length;
  const fewest = Math.min(...branches.map(unknownCount));
  const closest = branches.filter((b) => unknownCount(b) === fewest);
  if (closest.length === 1 || fewest === 0) {
    const simplest = closest.reduce((a, b) => (b.length < a.length ? b : a));
    return simplest.length > 0 ? simplest : wrongShape;
  }
  // Shapes equally close (a typo in the one key, or the keys of two shapes at once): only the
  // keys no shape knows are surely wrong.
  const unknownIn = (problems: PlanFileProblem[]) =>
    new Set(problems.filter(isUnknownKey).map((p) => p.field));
  const fields = closest.map(unknownIn);
  const common = closest[0].filter((p) => isUnknownKey(p) && fields.every((f) => f.has(p.field)));
  return common.length > 0 ? common : wrongShape;
}

/**
 * Validates a parsed plan file: the plan with defaults filled in, or every problem with its field.
 * @example validatePlanFile({ version: 1, planYear: 2026, target: { growth: 0.1 } }).ok === true
 */
export function validatePlanFile(input: unknown): PlanFileValidation {
  const parsed = planFileSchema.safeParse(input);
  if (parsed.success) return { ok: true, plan: parsed.data };
  const problems = parsed.error.issues.flatMap((issue) => problemsFromIssue(issue, input));
  const seen = new Set<string>();
  const language = languageOf(input);
  return {
    ok: false,
    problems: problems.filter((p) => {
      const key = `${p.field}|${p.code}|${JSON.stringify(p.params)}`;
      return !seen.has(key) && seen.add(key);
    }),
    ...(language ? { language } : {}),
  };
}

/** The plan's `language` when it is one the product speaks, even in a plan with problems. */
function languageOf(input: unknown): Language | undefined {
  if (input === null || typeof input !== "object" || !Object.hasOwn(input, "language")) {
    return undefined;
  }
  const language: unknown = (input as Record<string, unknown>).language;
  return LANGUAGES.find((l) => l === language);
}

/**
 * Where a JSON syntax error is, as a person counts: line and column (from the parser's position),
 * and the text there; the parser's own words only when it names no position.
 */
function jsonErrorPlace(text: string, error: unknown): Record<string, string | number> {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  if (!position) {
    return /Unexpected end/.test(message) ? { end: 1 } : { detail: message };
  }
  const at = Math.min(Number(position[1]), text.length);
  const before = text.slice(0, at).replace(/^\uFEFF/, "");
  const line = before.split("\n").length;
  const column = at - (before.lastIndexOf("\n") + 1) + 1;
  return { line, column, near: text.slice(at, at + 20).split("\n")[0] };
}

/**
 * Parses and validates plan-file text; a JSON syntax error is a problem too, with its position.
 * @example parsePlanFileText('{"version":1}').ok === false
 */
export function parsePlanFileText(text: string): PlanFileValidation {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    return {
      ok: false,
      problems: [{ field: "(plan)", code: "plan-not-json", params: jsonErrorPlace(text, e) }],
    };
  }
  return validatePlanFile(data);
}
