import type { Language } from "../../engine/language";
import type { PlanDraft } from "../model/planDraft";
import { dimensionName } from "./dimensionName";
import type { UiStrings } from "./uiStrings";

/** What the pane knows to name a field by the user's things: its texts and the plan being edited. */
export type NamingContext = {
  language: Language;
  t: UiStrings;
  /** The plan being edited, to name a lock by its members and a level by its column. */
  draft: PlanDraft | null;
};

type PathPart = string | number;

/**
 * A plan-file path in its parts, the inverse of `formatFieldPath`.
 * @example parseFieldPath('levels[0].weights["Ann Berg"]') → ["levels", 0, "weights", "Ann Berg"]
 */
export function parseFieldPath(path: string): PathPart[] {
  const parts: PathPart[] = [];
  const token = /^(?:\.?([\p{L}_$][\p{L}\p{N}_$-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\])/u;
  let rest = path;
  while (rest.length > 0) {
    const match = token.exec(rest);
    if (!match) return [...parts, rest];
    if (match[1] !== undefined) parts.push(match[1]);
    else if (match[2] !== undefined) parts.push(Number(match[2]));
    else parts.push(JSON.parse(match[3]) as string);
    rest = rest.slice(match[0].length);
  }
  return parts;
}

const isZh = (ctx: NamingContext) => ctx.language === "zh-CN";

/** A level by its place and column: "level 2 (Product)" / "第 2 层（产品）". */
export function levelName(ctx: NamingContext, index: number): string {
  const dimension = ctx.draft?.levels[index]?.dimension;
  const name = dimension ? dimensionName(ctx.t, dimension) : "";
  if (isZh(ctx)) return name ? `第 ${index + 1} 层（${name}）` : `第 ${index + 1} 层`;
  return name ? `level ${index + 1} (${name})` : `level ${index + 1}`;
}

/** The column a level splits by, in words ("Product"), or its place when the draft lacks it. */
export function levelDimension(ctx: NamingContext, index: number): string {
  const dimension = ctx.draft?.levels[index]?.dimension;
  return dimension ? dimensionName(ctx.t, dimension) : levelName(ctx, index);
}

/**
 * A lock by the segment it fixes: "the lock on East / Ann" / "对华东 / 张杰的锁定"; by its number
 * while no member is chosen.
 */
export function lockName(ctx: NamingContext, index: number): string {
  const lock = ctx.draft?.locks[index];
  const members = lock
    ? Object.values(lock.where)
        .map((m) => (m ?? "").trim())
        .filter((m) => m !== "")
    : [];
  if (members.length === 0) return isZh(ctx) ? `锁定 ${index + 1}` : `lock ${index + 1}`;
  return isZh(ctx) ? `对${members.join(" / ")}的锁定` : `the lock on ${members.join(" / ")}`;
}

/** A lock by its number: "lock 2" / "锁定 2". */
export function lockNumber(ctx: NamingContext, index: number): string {
  return isZh(ctx) ? `锁定 ${index + 1}` : `lock ${index + 1}`;
}

function levelPart(ctx: NamingContext, index: number, rest: PathPart[]): string {
  const zh = isZh(ctx);
  const level = levelName(ctx, index);
  const dim = levelDimension(ctx, index);
  const [key, ...more] = rest;
  switch (key) {
    case undefined:
      return level;
    case "dimension":
      return zh ? `${level}的拆分依据` : `the column ${level} splits by`;
    case "method":
      return zh ? `${level}的方法` : `the method of ${level}`;
    case "years":
      return zh ? `${level}的历史年数` : `the years of history of ${level}`;
    case "weights":
      if (more.length > 0)
        return zh ? `${String(more[0])} 的权重` : `the weight of ${String(more[0])}`;
      return zh ? `${level}的权重` : `the weights of ${level}`;
    case "min":
    case "max": {
      const which = key === "min" ? (zh ? "下限" : "minimum") : zh ? "上限" : "maximum";
      return zh ? `每个${dim}的${which}` : `the ${which} per ${dim}`;
    }
    case "parts": {
      if (typeof more[0] !== "number") return zh ? `${level}的混合方法` : `the blend of ${level}`;
      const n = more[0] + 1;
      const part = zh ? `${level}混合中的方法 ${n}` : `method ${n} of the blend of ${level}`;
      switch (more[1]) {
        case "weight":
          return zh ? `${part}的权重` : `the weight of ${part}`;
        case "years":
          return zh ? `${part}的历史年数` : `the years of history of ${part}`;
        case "weights":
          if (more.length > 2)
            return zh ? `${String(more[2])} 的权重` : `the weight of ${String(more[2])}`;
          return zh ? `${level}的权重` : `the weights of ${level}`;
        default:
          return part;
      }
    }
    default:
      return level;
  }
}

function lockPart(ctx: NamingContext, index: number, rest: PathPart[]): string {
  const zh = isZh(ctx);
  const lock = lockName(ctx, index);
  // "对华东的锁定金额", but "锁定 1 的金额".
  const of = lock.startsWith("对") ? "" : " 的";
  const [key, dimension] = rest;
  switch (key) {
    case "where":
      if (typeof dimension === "string") {
        const dim = dimensionName(ctx.t, dimension);
        return zh ? `${lock}${of}${dim}` : `the ${dim} of ${lock}`;
      }
      return zh ? `${lock}${of}对象` : `what ${lock} fixes`;
    case "amount":
      return zh ? `${lock}${of}金额` : `the amount of ${lock}`;
    case "growth":
      return zh ? `${lock}${of}增长率` : `the growth of ${lock}`;
    case "share":
      return zh ? `${lock}${of}占比` : `the share of ${lock}`;
    default:
      return lock;
  }
}

/** A field of the measures: "the target margin" / "目标毛利率". */
function measurePart(zh: boolean, rest: PathPart[]): string {
  const [measure, key, kind] = rest;
  switch (measure) {
    case "quantity":
      if (key === "unit") return zh ? "数量取整单位" : "the rounding unit of the quantity";
      return zh ? "数量" : "the quantity";
    case "grossProfit":
      if (key !== "target") return zh ? "毛利" : "the gross profit";
      if (kind === "margin") return zh ? "目标毛利率" : "the target margin";
      return zh ? "毛利目标" : "the gross profit target";
    case "expenses":
      if (key === "rate") return zh ? "费用率" : "the expense rate";
      return zh ? "销售费用" : "the sales expenses";
    default:
      return zh ? "计划指标" : "the measures";
  }
}

/**
 * A plan-file field in the user's words, as a noun phrase, or null for the whole plan.
 * @example fieldName(ctx, "levels[0].weights.East") === "the weight of East"; fieldName(zhCtx, "locks[0].amount") === "对华东的锁定金额"
 */
export function fieldName(ctx: NamingContext, field: string): string | null {
  if (field === "" || field.startsWith("(")) return null;
  const zh = isZh(ctx);
  const [head, ...rest] = parseFieldPath(field);
  switch (head) {
    case "planYear":
      return zh ? "计划年度" : "the plan year";
    case "target":
      if (rest[0] === "growth") return zh ? "增长率" : "the growth";
      if (rest[0] === "amount") return zh ? "年度目标" : "the annual target";
      return zh ? "目标" : "the target";
    case "asOf":
      return zh ? "实际数据截至月份" : "the last month of actuals";
    case "columns":
      if (typeof rest[0] === "string") {
        const role = dimensionName(ctx.t, rest[0]);
        return zh ? `“${role}”列` : `the ${role} column`;
      }
      return zh ? "列" : "the columns";
    case "levels":
      return typeof rest[0] === "number"
        ? levelPart(ctx, rest[0], rest.slice(1))
        : zh
          ? "层级"
          : "the levels";
    case "locks":
      return typeof rest[0] === "number"
        ? lockPart(ctx, rest[0], rest.slice(1))
        : zh
          ? "锁定"
          : "the locks";
    case "time":
      if (rest[0] === "years")
        return zh ? "按月分配的历史年数" : "the years of history of the months";
      if (rest[0] === "weights") {
        if (typeof rest[1] === "number") {
          const month = rest[1] + 1;
          return zh ? `${month}月的权重` : `the weight of ${MONTHS_EN[rest[1]] ?? month}`;
        }
        return zh ? "月份权重" : "the month weights";
      }
      if (rest[0] === "profile") return zh ? "季节性依据" : "whose seasonality the months follow";
      return zh ? "按月分配方式" : "the spread over the months";
    case "rounding":
      return zh ? "取整单位" : "the rounding unit";
    case "language":
      return zh ? "工作表语言" : "the sheet language";
    case "measures":
      return measurePart(zh, rest);
    default:
      return zh ? "此项" : "this value";
  }
}

const MONTHS_EN = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
