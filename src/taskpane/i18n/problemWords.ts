import type { Notice } from "../../engine/history";
import { PUNCTUATION, type Language } from "../../engine/language";
import type { MessageParams } from "../../engine/messageCatalog";
import { formatNotice } from "../../engine/messages";
import { roleWord } from "../../engine/roleWords";
import { dimensionName } from "./dimensionName";
import {
  fieldName,
  levelName,
  lockName,
  lockNumber,
  parseFieldPath,
  type NamingContext,
} from "./fieldNames";
import type { Formatters } from "./formatters";
import { PANE_NOTICES } from "./paneNotices";
import { fractionToPercentText } from "../model/parseNumberText";

/** A problem the pane shows: a notice, and the plan-file field it belongs to when one does. */
export type PaneProblem = Notice & { field?: string };

type Words = {
  ctx: NamingContext;
  format: Formatters;
  p: MessageParams;
  /** The field's name ("the weight of East"), or a neutral one for the whole plan. */
  subject: string;
  /** The same, capitalised to open a sentence. */
  Subject: string;
  field: string;
};

type PaneWording = Record<Language, (w: Words) => string>;

const s = (p: MessageParams, k: string) => String(p[k] ?? "");
const cap = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** An amount from the engine, in the pane's number format. */
const amount = (w: Words, k: string) => {
  const v = w.p[k];
  return typeof v === "number" ? w.format.amount(v) : s(w.p, k);
};
/** Fields the pane takes as a percentage and the plan file holds as a fraction. */
const PERCENT_FIELDS = new Set(["measures.grossProfit.target.margin", "measures.expenses.rate"]);
/** A fraction of a percent field as the user typed it: 1.5 → "150%". */
const asPercent = (fraction: number) => `${fractionToPercentText(fraction)}%`;
/** A plan-file limit: a year stays as written, a larger figure is grouped, a fraction is a percent. */
const limit = (w: Words, k: string) => {
  const v = Number(w.p[k]);
  if (PERCENT_FIELDS.has(w.field) && Number.isFinite(v)) return asPercent(v);
  return Number.isFinite(v) && Math.abs(v) >= 10_000 ? w.format.amount(v) : s(w.p, k);
};
/** The value the schema saw (JSON: `"abc"`, `-1`), as the user typed it: abc, −1. */
const typed = (w: Words): string => {
  const got = s(w.p, "got");
  if (got === "" || got === "nothing") return "";
  try {
    const value: unknown = JSON.parse(got);
    if (typeof value === "string") return value;
    if (typeof value === "number")
      return PERCENT_FIELDS.has(w.field) ? asPercent(value) : w.format.amount(value);
    return "";
  } catch {
    return "";
  }
};
const isZh = (w: Words) => w.ctx.language === "zh-CN";
/** A dimension key from the engine in the pane's words ("rep" → "Sales rep"). */
const dim = (w: Words, k: string) => dimensionName(w.ctx.t, s(w.p, k));
/** A parent node the engine names: the whole plan for the cascade's root, else its members. */
const parent = (w: Words) => {
  const v = s(w.p, "parent");
  if (v === "(total)" || v === "") return isZh(w) ? "整个计划" : "the whole plan";
  return v;
};
/** A node the engine names by its path: the whole plan for the cascade's root (a plan with no levels). */
const node = (w: Words) => {
  const v = s(w.p, "node");
  if (v === "(total)" || v === "") return isZh(w) ? "整个计划" : "the whole plan";
  return v;
};
/** " under East" after a member, nothing under the whole plan. */
const underEn = (w: Words) =>
  w.p.parent && w.p.parent !== "(total)" ? ` under ${s(w.p, "parent")}` : "";
const underZh = (w: Words) =>
  w.p.parent && w.p.parent !== "(total)" ? `${s(w.p, "parent")} 下的` : "";
/** A lock named by the index in a plan-file path param (`locks[0]`) or by the problem's field. */
const lockOf = (w: Words, path: string) => {
  const [head, index] = parseFieldPath(path);
  return head === "locks" && typeof index === "number" ? lockName(w.ctx, index) : w.subject;
};
const lockIndex = (path: string): number | null => {
  const [head, index] = parseFieldPath(path);
  return head === "locks" && typeof index === "number" ? index : null;
};
const levelIndex = (path: string): number | null => {
  const [head, index] = parseFieldPath(path);
  return head === "levels" && typeof index === "number" ? index : null;
};
/** Month numbers ("3, 11") as month names. */
const months = (w: Words, k: string) =>
  s(w.p, k)
    .split(",")
    .map((m) => Number(m.trim()))
    .filter((m) => m >= 1 && m <= 12)
    .map((m) => w.format.monthName(m))
    .join(PUNCTUATION[w.ctx.language].list);
/** "company" or a segment's members, as the engine names a seasonality's scope. */
const scope = (w: Words) => {
  const v = s(w.p, "scope");
  if (v === "company" || v === "(total)" || v === "")
    return isZh(w) ? "全公司" : "the whole company";
  return v;
};
/** A list the engine joins with commas ("East, West"), joined the language's way. */
const list = (w: Words, k: string) => (isZh(w) ? s(w.p, k).split(", ").join("、") : s(w.p, k));
/** The sheet a reader message is about, quoted the language's way. */
const sheet = (w: Words) => `“${s(w.p, "sheet")}”`;
const role = (w: Words) => dimensionName(w.ctx.t, s(w.p, "role"));
const suggestion = (w: Words) => (w.p.suggestion !== undefined ? s(w.p, "suggestion") : "");

/** A lock's name before what belongs to it: "对华南的锁定金额", but "锁定 1 的金额". */
const ofLockZh = (lock: string) => (lock.startsWith("对") ? lock : `${lock}的`);

/** The kind of value a lock is fixed by, as its field is labelled. */
function lockKindWord(w: Words, index: number | null): string {
  const kind = index === null ? "amount" : (w.ctx.draft?.locks[index]?.kind ?? "amount");
  const word = w.ctx.t.breakdown.lockValue(kind).replace(/\s*[(（].*$/, "");
  return isZh(w) ? word : word.toLowerCase();
}

/** "% of last year" or an amount, for a suggested bound. */
function boundValue(w: Words): string {
  const to = Number(w.p.boundTo);
  if (w.p.boundKind === "ofLastYear") {
    const percent = w.format.percent(to, 1);
    return isZh(w) ? `上年的 ${percent}` : `${percent} of last year`;
  }
  return w.format.amount(to);
}

/**
 * A cap/lock conflict: which children, which bound, the amounts, and the ways out with the figures
 * that would hold (the bound per child, the parent's amount through its lock or the target).
 */
function capsConflict(w: Words): string {
  const zh = isZh(w);
  const children = dim(w, "level");
  const where = parent(w);
  const bound = s(w.p, "bound");
  if (bound === "crossed") {
    const member = s(w.p, "member");
    return zh
      ? `${where}下的${children}“${member}”的下限高于其上限：请调低每个${children}的下限，或调高上限。`
      : `Under ${where}, the minimum of ${children} ${member} is above its maximum: lower the minimum per ${children} or raise the maximum.`;
  }
  const isMax = bound !== "min";
  const total = amount(w, isMax ? "maxTotal" : "minTotal");
  const needed = amount(w, "amount");
  const fix: string[] = [];
  if (w.p.boundTo !== undefined) {
    fix.push(
      zh
        ? `把每个${children}的${isMax ? "上限调高" : "下限调低"}到${isMax ? "至少" : "至多"} ${boundValue(w)}`
        : `${isMax ? "raise" : "lower"} the ${isMax ? "maximum" : "minimum"} per ${children} to ${boundValue(w)}`,
    );
  }
  const to = amount(w, "parentTo");
  const verb = zh ? (isMax ? "调低" : "调高") : isMax ? "lower" : "raise";
  if (w.p.parentLock !== undefined) {
    const lock = lockName(w.ctx, Number(w.p.parentLock));
    fix.push(zh ? `把${lock}${verb}到 ${to}` : `${verb} ${lock} to ${to}`);
  } else if (w.p.parent === "(total)") {
    fix.push(zh ? `把年度目标${verb}到 ${to}` : `${verb} the annual target to ${to}`);
  } else if (w.p.parentTo !== undefined) {
    fix.push(zh ? `锁定${where}为 ${to}` : `lock ${where} at ${to}`);
  }
  const locked =
    Number(w.p.locked) > 0
      ? zh
        ? `（另有 ${amount(w, "locked")} 已锁定）`
        : ` (besides ${amount(w, "locked")} locked)`
      : "";
  if (zh) {
    const head = isMax
      ? `${where}下的${children}按上限最多只能分到 ${total}，但需分配 ${needed}${locked}`
      : `${where}下的${children}按下限至少要分到 ${total}，但只有 ${needed}${locked}可分`;
    return fix.length > 0 ? `${head}：请${fix.join("，或")}。` : `${head}。`;
  }
  const head = isMax
    ? `The ${children} members under ${where} can take at most ${total} at their maximum, but ${needed} is to be split${locked}`
    : `The ${children} members under ${where} need at least ${total} at their minimum, but only ${needed} is to be split${locked}`;
  return fix.length > 0 ? `${head}: ${fix.join(", or ")}.` : `${head}.`;
}

/** The pane's words for what the engine's plan-file and plan messages say in plan-file terms. */
const PLAN_WORDS: Record<string, PaneWording> = {
  "plan-not-json": {
    "en-US": () => "The plan stored in this workbook cannot be read.",
    "zh-CN": () => "无法读取此工作簿中保存的计划。",
  },
  "plan-unknown-key": {
    "en-US": (w) => `${w.Subject} is not something the planner knows.`,
    "zh-CN": (w) => `规划无法识别${w.subject}。`,
  },
  "plan-unknown-key-suggest": {
    "en-US": (w) => `${w.Subject} is not something the planner knows.`,
    "zh-CN": (w) => `规划无法识别${w.subject}。`,
  },
  "plan-missing": {
    "en-US": (w) => `Fill in ${w.subject}.`,
    "zh-CN": (w) => `请填写${w.subject}。`,
  },
  "plan-wrong-type": {
    "en-US": (w) => `${w.Subject} must be a ${s(w.p, "expected") === "int" ? "whole " : ""}number.`,
    "zh-CN": (w) => `${w.subject}必须是${s(w.p, "expected") === "int" ? "整数" : "数字"}。`,
  },
  "plan-not-one-of": {
    "en-US": (w) => `${w.Subject} is not one the planner offers: choose one from the list.`,
    "zh-CN": (w) => `${w.subject}不是可选的值：请从列表中选择。`,
  },
  "plan-not-one-of-suggest": {
    "en-US": (w) => `${w.Subject} is not one the planner offers: choose one from the list.`,
    "zh-CN": (w) => `${w.subject}不是可选的值：请从列表中选择。`,
  },
  "plan-too-small": {
    "en-US": (w) => {
      if (s(w.p, "got").startsWith('"')) return `Fill in ${w.subject}.`;
      const value = typed(w);
      return `${w.Subject} must be ${w.p.inclusive ? "at least" : "more than"} ${limit(w, "limit")}${value ? `, not ${value}` : ""}.`;
    },
    "zh-CN": (w) => {
      if (s(w.p, "got").startsWith('"')) return `请填写${w.subject}。`;
      const value = typed(w);
      return `${w.subject}应${w.p.inclusive ? "不小于" : "大于"} ${limit(w, "limit")}${value ? `，而不是 ${value}` : ""}。`;
    },
  },
  "plan-too-big": {
    "en-US": (w) => {
      const value = typed(w);
      return `${w.Subject} must be ${w.p.inclusive ? "at most" : "less than"} ${limit(w, "limit")}${value ? `, not ${value}` : ""}.`;
    },
    "zh-CN": (w) => {
      const value = typed(w);
      return `${w.subject}应${w.p.inclusive ? "不大于" : "小于"} ${limit(w, "limit")}${value ? `，而不是 ${value}` : ""}。`;
    },
  },
  "plan-bad-format": {
    "en-US": (w) => `${w.Subject} must be a month of the plan year.`,
    "zh-CN": (w) => `${w.subject}必须是计划年度内的月份。`,
  },
  "plan-wrong-shape": {
    "en-US": (w) => {
      if (w.field === "target") return "Enter the growth or the annual target.";
      if (/\.(min|max)$/.test(w.field)) return `Enter ${w.subject}, or choose None.`;
      if (w.field.startsWith("measures.")) return `Enter ${measureValueName(w)}.`;
      return `Complete ${w.subject}.`;
    },
    "zh-CN": (w) => {
      if (w.field === "target") return "请填写增长率或年度目标。";
      if (/\.(min|max)$/.test(w.field)) return `请填写${w.subject}，或选择“无”。`;
      if (w.field.startsWith("measures.")) return `请填写${measureValueName(w)}。`;
      return `请补全${w.subject}。`;
    },
  },
  "plan-required-for-manual": {
    "en-US": (w) => `With manual weights, give the members of ${levelOf(w)} a weight each.`,
    "zh-CN": (w) => `使用手工权重时，请为${levelOf(w)}的每个成员填写权重。`,
  },
  "plan-required-for-blend": {
    "en-US": (w) => `Add at least one method to the blend of ${levelOf(w)}.`,
    "zh-CN": (w) => `请为${levelOf(w)}的混合至少添加一种方法。`,
  },
  "plan-required-for-manual-time": {
    "en-US": () => "Give each of the 12 months a weight.",
    "zh-CN": () => "请为 12 个月分别填写权重。",
  },
  "plan-lock-needs-one-of": {
    "en-US": (w) => `Enter the ${lockKindWord(w, lockIndex(w.field))} of ${lockOf(w, w.field)}.`,
    "zh-CN": (w) => `请填写${ofLockZh(lockOf(w, w.field))}${lockKindWord(w, lockIndex(w.field))}。`,
  },
  "plan-lock-where-empty": {
    "en-US": (w) => `Choose the segment ${lockOf(w, w.field)} fixes.`,
    "zh-CN": (w) => `请选择${lockOf(w, w.field)}锁定的对象。`,
  },
  "plan-lock-repeated": {
    "en-US": (w) => {
      const self = lockIndex(w.field);
      const other = lockIndex(s(w.p, "other"));
      return `${cap(self === null ? w.subject : lockNumber(w.ctx, self))} fixes the same ${dim(w, "level")}, ${s(w.p, "member")}${underEn(w)}, as ${other === null ? "another lock" : lockNumber(w.ctx, other)}: a segment takes one lock, so remove one of them.`;
    },
    "zh-CN": (w) => {
      const self = lockIndex(w.field);
      const other = lockIndex(s(w.p, "other"));
      return `${self === null ? w.subject : lockNumber(w.ctx, self)}与${other === null ? "另一个锁定" : lockNumber(w.ctx, other)}锁定的是同一个${dim(w, "level")}（${underZh(w)}“${s(w.p, "member")}”）：每个对象只能有一个锁定，请删除其中一个。`;
    },
  },
  "plan-dimension-reserved": {
    "en-US": (w) =>
      `${cap(levelColumn(w))} has a name the plan sheets use for their own figures: rename that column's header in the history.`,
    "zh-CN": (w) => `${levelColumn(w)}与计划工作表自用的名称相同：请在历史数据中给该列换一个标题。`,
  },
  "plan-level-repeated": {
    "en-US": (w) => `${cap(levelColumn(w))} is already a level: choose another column.`,
    "zh-CN": (w) => `${levelColumn(w)}已是一个层级：请选择其他列。`,
  },
  "plan-asof-outside-plan-year": {
    "en-US": (w) => `${w.Subject} must be a month of the plan year.`,
    "zh-CN": (w) => `${w.subject}必须是计划年度内的月份。`,
  },
  "plan-invalid": {
    "en-US": (w) => `${w.Subject} is not valid.`,
    "zh-CN": (w) => `${w.subject}无效。`,
  },
  "manual-time-weights-zero": {
    "en-US": () =>
      "The 12 month weights add up to zero: give at least one month a weight above zero.",
    "zh-CN": () => "12 个月的权重之和为零：请至少为一个月填写大于零的权重。",
  },
  "no-sales-in-window": {
    "en-US": (w) =>
      `There are no positive sales in ${s(w.p, "window")} (${scope(w)}) to learn the seasonality from: choose other years or another spread over the months.`,
    "zh-CN": (w) =>
      `${s(w.p, "window")}（${scope(w)}）没有正的销售额，无法计算季节性：请选择其他年份或其他按月分配方式。`,
  },
  "moving-average-needs-24-months": {
    "en-US": (w) =>
      `The ratio to moving average needs at least 24 months of history in ${s(w.p, "window")}; there are ${s(w.p, "months")}.`,
    "zh-CN": (w) =>
      `移动平均比率法至少需要 24 个月的历史（${s(w.p, "window")}），实际只有 ${s(w.p, "months")} 个月。`,
  },
  "lock-not-multiple-of-unit": {
    "en-US": (w) =>
      `The amount of ${lockOf(w, w.field)}, ${amount(w, "amount")}, is not a multiple of the rounding unit ${amount(w, "unit")}: change the amount or choose a smaller unit.`,
    "zh-CN": (w) =>
      `${ofLockZh(lockOf(w, w.field))}金额 ${amount(w, "amount")} 不是取整单位 ${amount(w, "unit")} 的整数倍：请修改金额或选择更小的单位。`,
  },
  "lock-unknown-node": {
    "en-US": (w) =>
      `There is no ${dim(w, "level")} ${s(w.p, "member")} under ${parent(w)} in the history: if it is new, tick “${w.ctx.t.breakdown.lockNew}”.`,
    "zh-CN": (w) =>
      `历史数据中${parent(w)}下没有${dim(w, "level")}“${s(w.p, "member")}”：如是新增，请勾选“${w.ctx.t.breakdown.lockNew}”。`,
  },
  "lock-unknown-node-suggest": {
    "en-US": (w) =>
      `There is no ${dim(w, "level")} ${s(w.p, "member")} under ${parent(w)} in the history: did you mean ${suggestion(w)}? If it is new, tick “${w.ctx.t.breakdown.lockNew}”.`,
    "zh-CN": (w) =>
      `历史数据中${parent(w)}下没有${dim(w, "level")}“${s(w.p, "member")}”：是否应为“${suggestion(w)}”？如是新增，请勾选“${w.ctx.t.breakdown.lockNew}”。`,
  },
  "lock-parent-unknown": {
    "en-US": (w) =>
      `There is no ${dim(w, "level")} ${s(w.p, "member")} under ${parent(w)} in the history to hold ${lockOf(w, w.field)}: if it is new, add a lock on it with “${w.ctx.t.breakdown.lockNew}” ticked.`,
    "zh-CN": (w) =>
      `历史数据中${parent(w)}下没有${dim(w, "level")}“${s(w.p, "member")}”，无法放置${lockOf(w, w.field)}：如是新增，请先单独锁定它并勾选“${w.ctx.t.breakdown.lockNew}”。`,
  },
  "lock-parent-unknown-suggest": {
    "en-US": (w) =>
      `There is no ${dim(w, "level")} ${s(w.p, "member")} under ${parent(w)} in the history to hold ${lockOf(w, w.field)}: did you mean ${suggestion(w)}?`,
    "zh-CN": (w) =>
      `历史数据中${parent(w)}下没有${dim(w, "level")}“${s(w.p, "member")}”，无法放置${lockOf(w, w.field)}：是否应为“${suggestion(w)}”？`,
  },
  "lock-growth-without-base": {
    "en-US": (w) =>
      `${s(w.p, "member")}${underEn(w)} had no sales last year to grow from: fix ${lockOf(w, w.field)} as an amount or a share instead.`,
    "zh-CN": (w) =>
      `${underZh(w)}“${s(w.p, "member")}”上年没有销售额，无法按增长率锁定：请把${lockOf(w, w.field)}改为金额或占比。`,
  },
  "locks-exceed-parent": {
    "en-US": (w) =>
      `The locks on ${list(w, "members")} total ${amount(w, "locked")}, more than ${parent(w)} has (${amount(w, "parentAmount")}): lower them.`,
    "zh-CN": (w) =>
      `对${list(w, "members")}的锁定合计 ${amount(w, "locked")}，超过了${parent(w)}的 ${amount(w, "parentAmount")}：请调低这些锁定。`,
  },
  "locks-leave-remainder": {
    "en-US": (w) =>
      `Every member of ${parent(w)} is locked, leaving ${amount(w, "remainder")} with nowhere to go: remove a lock or raise one by that much.`,
    "zh-CN": (w) =>
      `${parent(w)}的所有成员都已锁定，剩余 ${amount(w, "remainder")} 无处分配：请删除一个锁定，或把某个锁定调高这么多。`,
  },
  "caps-infeasible": { "en-US": capsConflict, "zh-CN": capsConflict },
  "lock-dimension-not-a-level": {
    "en-US": (w) =>
      `${cap(dim(w, "dimension"))} is not a level of this plan: lock a segment of one of its levels.`,
    "zh-CN": (w) => `“${dim(w, "dimension")}”不是本计划的层级：请锁定某个层级中的对象。`,
  },
  "lock-missing-level": {
    "en-US": (w) =>
      `Choose the ${dim(w, "dimension")} above the segment ${lockOf(w, w.field)} fixes.`,
    "zh-CN": (w) => `请为${lockOf(w, w.field)}选择上级${dim(w, "dimension")}。`,
  },
  "level-column-missing": {
    "en-US": (w) =>
      `The history has no ${dim(w, "dimension")} column: pick it on the Data step, or split by another column.`,
    "zh-CN": (w) =>
      `历史数据中没有“${dim(w, "dimension")}”列：请在“数据”步骤中选择它，或按其他列拆分。`,
  },
  "asof-bad-format": {
    "en-US": (w) => `${w.Subject} must be a month of the plan year.`,
    "zh-CN": (w) => `${w.subject}必须是计划年度内的月份。`,
  },
  "asof-outside-plan-year": {
    "en-US": (w) => `${w.Subject} must be a month of the plan year ${s(w.p, "planYear")}.`,
    "zh-CN": (w) => `${w.subject}必须是计划年度 ${s(w.p, "planYear")} 年内的月份。`,
  },
  "target-not-multiple-of-unit": {
    "en-US": (w) =>
      `The annual target ${amount(w, "amount")} is not a multiple of the rounding unit ${amount(w, "unit")}: change the target or choose a smaller unit.`,
    "zh-CN": (w) =>
      `年度目标 ${amount(w, "amount")} 不是取整单位 ${amount(w, "unit")} 的整数倍：请修改目标或选择更小的单位。`,
  },
  "target-too-large": {
    "en-US": (w) =>
      `The annual target ${amount(w, "amount")} is too large: at most ${amount(w, "limit")} can be split in whole units.`,
    "zh-CN": (w) =>
      `年度目标 ${amount(w, "amount")} 过大：最多只能按整单位分解 ${amount(w, "limit")}。`,
  },
  "growth-needs-full-base-year": {
    "en-US": (w) =>
      `A growth target needs sales in all 12 months of ${s(w.p, "baseYear")}; ${months(w, "missing")} have none: give an amount instead.`,
    "zh-CN": (w) =>
      `按增长率设定目标需要 ${s(w.p, "baseYear")} 年全部 12 个月的销售数据，缺少${months(w, "missing")}：请改为填写金额。`,
  },
  "no-history-before-plan-year": {
    "en-US": (w) =>
      `The history has no rows before ${s(w.p, "planYear")}: there is nothing to plan from` +
      (Number(w.p.count) > 0
        ? ` (all its ${s(w.p, "count")} rows are in ${s(w.p, "planYear")} or later; is the plan year right?)`
        : "") +
      ".",
    "zh-CN": (w) =>
      `历史数据中没有 ${s(w.p, "planYear")} 年之前的记录，无从制定计划` +
      (Number(w.p.count) > 0
        ? `（全部 ${s(w.p, "count")} 行都在 ${s(w.p, "planYear")} 年或之后；计划年度是否正确？）`
        : "。"),
  },
  "base-not-positive": {
    "en-US": (w) =>
      `Net sales of ${s(w.p, "baseYear")} are ${amount(w, "base")}: a growth target needs a positive base; give an amount instead.`,
    "zh-CN": (w) =>
      `${s(w.p, "baseYear")} 年净销售额为 ${amount(w, "base")}：按增长率设定目标需要正的基数，请改为填写金额。`,
  },
  "no-base-year-sales": {
    "en-US": (w) =>
      `The history has no rows in ${s(w.p, "baseYear")} (its latest month is ${s(w.p, "latest")}): the plan has no last year to compare with; is the plan year right?`,
    "zh-CN": (w) =>
      `历史数据中没有 ${s(w.p, "baseYear")} 年的记录（最近的月份为 ${s(w.p, "latest")}）：计划没有上一年可比；计划年度是否正确？`,
  },
  "negative-month-clamped": {
    "en-US": (w) =>
      `Net sales of ${months(w, "months")} are negative (${scope(w)}): counted as zero in the seasonality.`,
    "zh-CN": (w) => `${months(w, "months")}的净销售额为负（${scope(w)}）：季节性计算中按零处理。`,
  },
  "equal-fallback": {
    "en-US": (w) =>
      `No ${dim(w, "level")} under ${parent(w)} had positive sales in the window: split equally among those with any history.`,
    "zh-CN": (w) =>
      `${parent(w)}下没有${dim(w, "level")}在窗口期内有正的销售额：在有历史记录的成员间平均分配。`,
  },
  "manual-member-without-history": {
    "en-US": (w) => `${s(w.p, "member")}${underEn(w)} has a manual weight but no history.`,
    "zh-CN": (w) => `${underZh(w)}“${s(w.p, "member")}”有手工权重，但没有历史数据。`,
  },
  "manual-member-without-history-suggest": {
    "en-US": (w) =>
      `${s(w.p, "member")}${underEn(w)} has a manual weight but no history: did you mean ${suggestion(w)}?`,
    "zh-CN": (w) =>
      `${underZh(w)}“${s(w.p, "member")}”有手工权重，但没有历史数据：是否应为“${suggestion(w)}”？`,
  },
  "negative-net-members": {
    "en-US": (w) =>
      `${cap(dim(w, "level"))} ${list(w, "members")}${underEn(w)}: negative net sales in ${s(w.p, "window")}, so left out of the split with no target.`,
    "zh-CN": (w) =>
      `${underZh(w)}${dim(w, "level")}${list(w, "members")}在 ${s(w.p, "window")} 年的净销售额为负，因此不参与分配，没有目标。`,
  },
  "manual-weights-leave-out": {
    "en-US": (w) =>
      `${cap(paramField(w))} leave out ${dim(w, "level")} ${list(w, "members")}${underEn(w)}, which have history: they get no target.`,
    "zh-CN": (w) =>
      `${paramField(w)}未列出${underZh(w)}有历史数据的${dim(w, "level")}${list(w, "members")}：它们没有目标。`,
  },
  "blend-part-leaves-out": {
    "en-US": (w) =>
      `${cap(paramField(w))} leave out ${dim(w, "level")} ${list(w, "members")}${underEn(w)}, which have history: they get no share of that part of the blend.`,
    "zh-CN": (w) =>
      `${paramField(w)}未列出${underZh(w)}有历史数据的${dim(w, "level")}${list(w, "members")}：它们分不到混合中这一部分的份额。`,
  },
  "growth-above-one": {
    "en-US": (w) =>
      `${cap(paramField(w))} is +${s(w.p, "percent")} %: is that meant? For ${s(w.p, "growth")} %, enter ${s(w.p, "growth")}.`,
    "zh-CN": (w) =>
      `${paramField(w)}为 +${s(w.p, "percent")} %：是否有误？如要增长 ${s(w.p, "growth")} %，请填写 ${s(w.p, "growth")}。`,
  },
  "rows-after-plan-year": {
    "en-US": (w) => `${s(w.p, "count")} row(s) dated after ${s(w.p, "planYear")} were left out.`,
    "zh-CN": (w) => `${s(w.p, "count")} 行日期晚于 ${s(w.p, "planYear")} 年，已忽略。`,
  },
  "actuals-after-as-of": {
    "en-US": (w) =>
      `${s(w.p, "count")} plan-year row(s) after ${s(w.p, "asOf")} are not counted in tracking yet.`,
    "zh-CN": (w) => `${s(w.p, "count")} 行计划年度数据晚于 ${s(w.p, "asOf")}，暂不计入跟踪。`,
  },
  "segment-growth-far": {
    "en-US": (w) =>
      `${s(w.p, "segment")}: the target means ${s(w.p, "growth")} growth on its last year, far from the plan's ${s(w.p, "overall")}.`,
    "zh-CN": (w) =>
      `${s(w.p, "segment")}：目标相对其上年增长 ${s(w.p, "growth")}，与整体计划的 ${s(w.p, "overall")} 相差较大。`,
  },
  "unplanned-actuals": {
    "en-US": (w) =>
      `Actual sales of ${s(w.p, "count")} segment(s) not in the plan are shown as unplanned: ${list(w, "members")}.`,
    "zh-CN": (w) =>
      `${s(w.p, "count")} 个不在计划中的细分有实际销售，已列为计划外：${list(w, "members")}。`,
  },
  "no-amount-column": {
    "en-US": (w) =>
      `Sheet ${sheet(w)} has no column the planner recognises as the amount: choose it under Columns on the Data step.`,
    "zh-CN": (w) => `工作表${sheet(w)}中没有可识别的金额列：请在“数据”步骤的“列”中选择。`,
  },
  "no-date-column": {
    "en-US": (w) =>
      `Sheet ${sheet(w)} has no column the planner recognises as the date, and no month columns: choose the date under Columns on the Data step.`,
    "zh-CN": (w) =>
      `工作表${sheet(w)}中没有可识别的日期列，也没有月份列：请在“数据”步骤的“列”中选择日期列。`,
  },
  "column-not-found": {
    "en-US": (w) =>
      `The ${role(w)} column “${s(w.p, "header")}” is not in the header row of sheet ${sheet(w)}: choose another under Columns on the Data step.`,
    "zh-CN": (w) =>
      `工作表${sheet(w)}的标题行中没有${role(w)}列“${s(w.p, "header")}”：请在“数据”步骤的“列”中另选一列。`,
  },
  "no-dimension-column": {
    "en-US": (w) =>
      `A level splits by ${role(w)}, but sheet ${sheet(w)} has no ${role(w)} column: choose it under Columns on the Data step, or remove the level.`,
    "zh-CN": (w) =>
      `有一个层级按${role(w)}拆分，但工作表${sheet(w)}中没有${role(w)}列：请在“数据”步骤的“列”中选择，或删除该层级。`,
  },
  "level-column-not-found": {
    "en-US": (w) =>
      `A level splits by “${s(w.p, "dimension")}”, which is not a column of sheet ${sheet(w)}: choose another column for it.`,
    "zh-CN": (w) =>
      `有一个层级按“${s(w.p, "dimension")}”拆分，但它不是工作表${sheet(w)}中的列：请为它另选一列。`,
  },
  "ui-plan-store-unreadable": {
    "en-US": () =>
      "The plan stored in this workbook could not be read: the pane starts a new plan.",
    "zh-CN": () => "无法读取此工作簿中保存的计划：窗格将从新计划开始。",
  },
  "ui-not-a-number": {
    "en-US": (w) => `${w.Subject} must be a number; “${s(w.p, "value")}” is not one.`,
    "zh-CN": (w) => `${w.subject}必须是数字，“${s(w.p, "value")}”不是数字。`,
  },
  "ui-not-a-whole-number": {
    "en-US": (w) => `${w.Subject} must be a whole number; “${s(w.p, "value")}” is not one.`,
    "zh-CN": (w) => `${w.subject}必须是整数，“${s(w.p, "value")}”不是整数。`,
  },
  // Measures: the pane names the history's columns and its own steps, never the plan file's keys.
  "measure-column-missing": {
    "en-US": (w) =>
      `Planning the ${measure(w)} needs ${isA(rolesOf(w))} ${rolesOf(w)} column in the history, and none was found: choose it on the Data step, or plan without the ${measure(w)}.`,
    "zh-CN": (w) =>
      `计划${measure(w)}需要历史数据中的${rolesOf(w)}列，但未找到：请在“数据”步骤中选择该列，或不计划${measure(w)}。`,
  },
  "measure-too-large": {
    "en-US": (w) =>
      `${cap(node(w))}: its ${measure(w)} would pass ${amount(w, "limit")} at its ${ratio(w)} of ${s(w.p, "ratio")} (are its net sales all but cancelled by returns?): check its history, or plan without the ${measure(w)}.`,
    "zh-CN": (w) =>
      `${cap(node(w))}：按其${ratio(w)} ${s(w.p, "ratio")} 计算，${measure(w)}将超过 ${amount(w, "limit")}（净销售额是否几乎被退货抵消？）：请检查其历史数据，或不计划${measure(w)}。`,
  },
  "measure-no-ratio": {
    "en-US": (w) =>
      w.p.measure === "quantity"
        ? `${cap(node(w))} has no price to plan its quantity by: neither it nor any level above it, up to the whole company, sold a positive quantity for positive net sales in the ${s(w.p, "years")} year(s) before ${s(w.p, "planYear")}. Check the quantity column on the Data step.`
        : `${cap(node(w))} has no margin to plan its gross profit by: neither it nor any level above it, up to the whole company, has positive net sales in the ${s(w.p, "years")} year(s) before ${s(w.p, "planYear")}.`,
    "zh-CN": (w) =>
      w.p.measure === "quantity"
        ? `${cap(node(w))} 无法确定计划单价：它及其所有上级（直至全公司）在 ${s(w.p, "planYear")} 年之前的 ${s(w.p, "years")} 年内都没有同时为正的净销售额和净数量。请在“数据”步骤检查数量列。`
        : `${cap(node(w))} 无法确定计划毛利率：它及其所有上级（直至全公司）在 ${s(w.p, "planYear")} 年之前的 ${s(w.p, "years")} 年内都没有为正的净销售额。`,
  },
  "gross-profit-target-not-multiple-of-unit": {
    "en-US": (w) =>
      `The gross profit target ${amount(w, "amount")} is not a multiple of the rounding unit ${amount(w, "unit")}: change the target or choose a smaller unit.`,
    "zh-CN": (w) =>
      `毛利目标 ${amount(w, "amount")} 不是取整单位 ${amount(w, "unit")} 的整数倍：请修改目标或选择更小的单位。`,
  },
  "expenses-not-multiple-of-unit": {
    "en-US": (w) =>
      `The sales expenses ${amount(w, "amount")} are not a multiple of the rounding unit ${amount(w, "unit")}: change the amount or choose a smaller unit.`,
    "zh-CN": (w) =>
      `销售费用 ${amount(w, "amount")} 不是取整单位 ${amount(w, "unit")} 的整数倍：请修改金额或选择更小的单位。`,
  },
  "gross-profit-split-by-amount": {
    "en-US": (w) =>
      `No segment of ${parent(w)} makes a gross profit at its own margin: its gross profit target, ${amount(w, "amount")}, is split by the sales targets instead.`,
    "zh-CN": (w) =>
      `${parent(w)}下没有按自身毛利率计算毛利为正的细分：其毛利目标 ${amount(w, "amount")} 改按销售目标分摊。`,
  },
  "gross-profit-loss-leaf": {
    "en-US": (w) =>
      `${s(w.p, "member")} sold at a loss (margin ${s(w.p, "margin")}%): its gross profit is planned at ${amount(w, "amount")}.`,
    "zh-CN": (w) =>
      `${s(w.p, "member")} 亏损销售（毛利率 ${s(w.p, "margin")}%）：其计划毛利为 ${amount(w, "amount")}。`,
  },
  "gross-profit-loss-leaf-zero": {
    "en-US": (w) =>
      `${s(w.p, "member")} sold at a loss (margin ${s(w.p, "margin")}%): it takes no share of the gross profit target.`,
    "zh-CN": (w) => `${s(w.p, "member")} 亏损销售（毛利率 ${s(w.p, "margin")}%）：不分摊毛利目标。`,
  },
  "gross-profit-loss-leaf-share": {
    "en-US": (w) =>
      `${s(w.p, "member")} sold at a loss (margin ${s(w.p, "margin")}%), yet takes ${amount(w, "amount")} of the gross profit target: no segment beside it makes a gross profit to take it.`,
    "zh-CN": (w) =>
      `${s(w.p, "member")} 亏损销售（毛利率 ${s(w.p, "margin")}%），但同级没有毛利为正的细分可承担，仍分得毛利目标 ${amount(w, "amount")}。`,
  },
  "measure-ratio-inherited": {
    "en-US": (w) =>
      `${s(w.p, "count")} segment(s) have no ${ratio(w)} of their own in the base year or the ${s(w.p, "years")}-year window and take the one of the level above them: ${list(w, "members")}.`,
    "zh-CN": (w) =>
      `${s(w.p, "count")} 个细分在基准年及 ${s(w.p, "years")} 年窗口内都没有自己的${ratio(w)}，已沿用其上级的${ratio(w)}：${list(w, "members")}。`,
  },
};

/**
 * The value a measure's option asks for, as the draft chose it: the target margin or the gross
 * profit target, the expense rate or the expenses.
 */
function measureValueName(w: Words): string {
  const measures = w.ctx.draft?.measures;
  if (w.field === "measures.grossProfit.target" && measures?.grossProfit.target === "margin")
    return fieldName(w.ctx, "measures.grossProfit.target.margin") ?? w.subject;
  if (w.field === "measures.expenses" && measures?.expenses.kind === "rate")
    return fieldName(w.ctx, "measures.expenses.rate") ?? w.subject;
  return w.subject;
}

/** A measure's name in the pane's language ("quantity" / "数量"). */
function measure(w: Words): string {
  return roleWord(s(w.p, "measure"), w.ctx.language);
}

/** The columns a measure reads, as alternatives ("cost or gross profit" / "成本或毛利"). */
function rolesOf(w: Words): string {
  return s(w.p, "roles")
    .split(",")
    .map((r) => r.trim())
    .filter((r) => r !== "")
    .map((r) => roleWord(r, w.ctx.language))
    .join(isZh(w) ? "或" : " or ");
}

/** "a" or "an" before an English word. */
function isA(word: string): string {
  return /^[aeiou]/i.test(word) ? "an" : "a";
}

/** The ratio a measure is planned by: the price of a quantity, the margin of gross profit. */
function ratio(w: Words): string {
  const quantity = w.p.measure === "quantity";
  if (isZh(w)) return quantity ? "单价" : "毛利率";
  return quantity ? "price" : "margin";
}

/** The level a field belongs to, in words ("level 2 (Product)"). */
function levelOf(w: Words): string {
  const index = levelIndex(w.field);
  return index === null ? w.subject : levelName(w.ctx, index);
}

/** The column a level's dimension field names, in words. */
function levelColumn(w: Words): string {
  const index = levelIndex(w.field);
  const dimension = index === null ? undefined : w.ctx.draft?.levels[index]?.dimension;
  return dimension ? dimensionName(w.ctx.t, dimension) : w.subject;
}

/** A plan-file path the engine passes as a parameter (`field`), in words. */
function paramField(w: Words): string {
  return fieldName(w.ctx, s(w.p, "field")) ?? w.subject;
}

/** Every code the pane words itself, over the engine's plan-file wording. */
export const PANE_WORDED_CODES: readonly string[] = Object.keys(PLAN_WORDS);

/**
 * A problem in the pane's words: the user's things named (the weight of East, the lock on 华东),
 * never a field path or a plan-file key; other notices (the reader's, Excel's) from the catalogs.
 * @example problemWords({ field: "levels[0].weights.East", code: "plan-too-small", params: { limit: "0", inclusive: 1, got: "-1" } }, ctx, format) === "The weight of East must be at least 0, not -1."
 */
export function problemWords(problem: PaneProblem, ctx: NamingContext, format: Formatters): string {
  const wording = PLAN_WORDS[problem.code];
  if (!wording) return formatNotice(problem, ctx.language, PANE_NOTICES);
  const field = problem.field ?? "(plan)";
  const subject = fieldName(ctx, field) ?? (ctx.language === "zh-CN" ? "此项" : "this value");
  return wording[ctx.language]({
    ctx,
    format,
    p: problem.params,
    subject,
    Subject: cap(subject),
    field,
  });
}
