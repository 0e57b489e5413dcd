import { HISTORY_ROLES, type HistoryRole } from "../history";
import {
  AMOUNT_DOCUMENT_CURRENCY,
  AMOUNT_GROSS_OF_TAX,
  AMOUNT_LOCAL_CURRENCY,
  AMOUNT_NET_OF_TAX,
  HEADER_ALIASES,
  NOT_A_ROLE,
} from "./headerAliases";
import { normalizeHeader } from "./normalizeHeader";

/** Headers longer than this are notes or titles, never column headers. */
const HEADER_LENGTH_LIMIT = 200;

/**
 * How well a header names a role: `tier` 4 the whole header is a strong word, 3 a weak or
 * exact-only word, 2 it contains a strong word, 1 a weak one; `end` and `length` place the word
 * inside the header (the last, longest word is the head noun: "Product Cost" is a cost).
 */
export type HeaderRoleMatch = {
  role: HistoryRole;
  tier: 1 | 2 | 3 | 4;
  end: number;
  length: number;
  /** The header names a code or id ("Customer ID"): a name column of the same role is preferred. */
  idLike: boolean;
  /** Amounts only: 1 net of tax ("无税金额"), -1 gross of tax ("价税合计"), 0 neither. */
  taxBasis: -1 | 0 | 1;
  /** Amounts only: 1 in the company's currency ("本币"), -1 in each document's ("原币"), 0 neither. */
  currencyBasis: -1 | 0 | 1;
};

type Alias = { role: HistoryRole; text: string; kind: "strong" | "weak" | "exact" };

const ALIASES: readonly Alias[] = HISTORY_ROLES.flatMap((role) => {
  const aliases = HEADER_ALIASES[role];
  const make = (kind: Alias["kind"], list: readonly string[] | undefined): Alias[] =>
    (list ?? []).map((text) => ({ role, text: normalizeHeader(text), kind }));
  return [
    ...make("strong", aliases.strong),
    ...make("weak", aliases.weak),
    ...make("exact", aliases.exact),
  ];
});

const ID_LIKE = /(?:id|code|no|number|编号|代码|编码|号码|代号|单号)$/;

/**
 * True for a header naming a code or document number (`单据编号`, `Invoice No.`): one member per
 * row or nearly, never a sensible level to offer.
 * @example isIdLikeHeader("单据编号") === true; isIdLikeHeader("部门") === false
 */
export function isIdLikeHeader(header: string): boolean {
  return ID_LIKE.test(normalizeHeader(header));
}

function better(a: HeaderRoleMatch, b: HeaderRoleMatch): boolean {
  if (a.tier !== b.tier) return a.tier > b.tier;
  if (a.end !== b.end) return a.end > b.end;
  return a.length > b.length;
}

/** What may follow a qualifying word at the end of a header: a currency or unit, a name. */
const TRAILING_WORDS =
  /^(?:usd|rmb|cny|eur|gbp|jpy|hkd|yuan|元|万元|千元|name|names|description|desc|名称|名)$/;
/** …and, for a dimension, a code or number (which then ranks below a name). */
const TRAILING_CODE = /^(?:id|code|no|number|编号|代码|编码)$/;

/**
 * A weak word names its role only as the header's head noun, its last word: "Monthly Sales" is
 * an amount, "Sales Organization" and 销售组织 are not (they would sum organisation codes).
 */
function endsTheHeader(role: string, normalized: string, end: number): boolean {
  const rest = normalized.slice(end);
  return (
    rest === "" || TRAILING_WORDS.test(rest) || (role !== "amount" && TRAILING_CODE.test(rest))
  );
}

function taxBasisOf(normalized: string): HeaderRoleMatch["taxBasis"] {
  if (AMOUNT_NET_OF_TAX.test(normalized)) return 1;
  return AMOUNT_GROSS_OF_TAX.test(normalized) ? -1 : 0;
}

/**
 * The role a header names, with how strongly; `null` when it names none.
 * @example matchHeaderRole("Sales Rep")?.role === "rep"; matchHeaderRole("Net Sales")?.role === "amount"
 */
export function matchHeaderRole(header: string): HeaderRoleMatch | null {
  if (header.length > HEADER_LENGTH_LIMIT) return null;
  // A percentage ("Margin %", "毛利％") is a rate, never a figure to sum; the sign is lost below.
  if (/[%％]/.test(header)) return null;
  const normalized = normalizeHeader(header);
  if (normalized === "" || NOT_A_ROLE.some((pattern) => pattern.test(normalized))) return null;
  const idLike = ID_LIKE.test(normalized);
  let best: HeaderRoleMatch | null = null;
  for (const alias of ALIASES) {
    let candidate: HeaderRoleMatch | null = null;
    if (normalized === alias.text) {
      const tier = alias.kind === "strong" ? 4 : 3;
      candidate = {
        role: alias.role,
        tier,
        end: normalized.length,
        length: alias.text.length,
        idLike,
        taxBasis: 0,
        currencyBasis: 0,
      };
    } else if (alias.kind !== "exact") {
      const at = normalized.lastIndexOf(alias.text);
      if (
        at >= 0 &&
        (alias.kind === "strong" || endsTheHeader(alias.role, normalized, at + alias.text.length))
      ) {
        const tier = alias.kind === "strong" ? 2 : 1;
        const end = at + alias.text.length;
        candidate = {
          role: alias.role,
          tier,
          end,
          length: alias.text.length,
          idLike,
          taxBasis: 0,
          currencyBasis: 0,
        };
      }
    }
    if (candidate && (!best || better(candidate, best))) best = candidate;
  }
  if (best?.role === "amount") {
    best.taxBasis = taxBasisOf(normalized);
    best.currencyBasis = AMOUNT_LOCAL_CURRENCY.test(normalized)
      ? 1
      : AMOUNT_DOCUMENT_CURRENCY.test(normalized)
        ? -1
        : 0;
  }
  return best;
}
