import type { MessageCatalog, MessageParams } from "../../engine/messageCatalog";

const s = (p: MessageParams, k: string) => String(p[k] ?? "");

/** Excel's own words, without the full stop they often end with. */
const detail = (p: MessageParams) => s(p, "detail").replace(/[.。]\s*$/, "");

/**
 * What a failed port call changed and what to do, from where it failed (`phase`, `stage`): before
 * the first change nothing was; after it only generated sheets were, so writing again completes
 * them. Empty when the failure does not say where it happened.
 */
function excelErrorAdvice(p: MessageParams, language: "en" | "zh"): string {
  const stage = p.phase === "write" ? s(p, "stage") : "";
  if (stage === "prepare" || stage === "cells" || stage === "charts") {
    return language === "en"
      ? "Your history and your own sheets were not changed, but the plan sheets may be incomplete: write them again."
      : "您的历史数据和您自己的工作表没有改动，但计划工作表可能不完整：请重新写入。";
  }
  if (stage === "recalculate") {
    return language === "en"
      ? "The plan sheets were written but not recalculated: recalculate the workbook (Formulas › Calculate Now) or write them again."
      : "计划工作表已写入，但尚未重新计算：请重新计算工作簿（公式 › 开始计算）或重新写入。";
  }
  if (p.phase !== undefined) {
    return language === "en" ? "Nothing was changed: try again." : "未做任何改动：请再试一次。";
  }
  return "";
}

/**
 * Messages for what the pane itself reports: the Excel port's failures and input the pane could
 * not read. `formatNotice(notice, language, PANE_NOTICES)` reads these first, then the engine's.
 */
export const PANE_NOTICES: MessageCatalog = {
  "sheet-name-taken": {
    "en-US": (p) =>
      `a sheet named "${s(p, "sheet")}" already exists and was not written by the planner: rename it, then write again`,
    "zh-CN": (p) =>
      `已存在名为“${s(p, "sheet")}”的工作表，且不是规划写入的：请先重命名它，再重新写入。`,
  },
  "source-not-found": {
    "en-US": (p) =>
      `"${s(p, "name")}" is no longer in the workbook: choose the history again on the Data step`,
    "zh-CN": (p) => `工作簿中已没有“${s(p, "name")}”：请在“数据”步骤中重新选择历史数据。`,
  },
  cancelled: {
    "en-US": () => "cancelled",
    "zh-CN": () => "已取消",
  },
  "excel-error": {
    "en-US": (p) => {
      const advice = excelErrorAdvice(p, "en");
      return advice
        ? `Excel refused the request (${detail(p)}). ${advice}`
        : `Excel refused the request: ${s(p, "detail")}`;
    },
    "zh-CN": (p) => {
      const advice = excelErrorAdvice(p, "zh");
      return advice
        ? `Excel 拒绝了请求（${detail(p)}）。${advice}`
        : `Excel 拒绝了请求：${s(p, "detail")}`;
    },
  },
  "ui-not-a-number": {
    "en-US": (p) => `"${s(p, "value")}" is not a number`,
    "zh-CN": (p) => `“${s(p, "value")}”不是数字`,
  },
  "ui-not-a-whole-number": {
    "en-US": (p) => `"${s(p, "value")}" is not a whole number`,
    "zh-CN": (p) => `“${s(p, "value")}”不是整数`,
  },
  "ui-plan-store-unreadable": {
    "en-US": (p) => `the plan stored in this workbook could not be read: ${s(p, "detail")}`,
    "zh-CN": (p) => `无法读取此工作簿中保存的计划：${s(p, "detail")}`,
  },
  "ui-unexpected": {
    "en-US": (p) => `something went wrong: ${s(p, "detail")}`,
    "zh-CN": (p) => `出现错误：${s(p, "detail")}`,
  },
};
