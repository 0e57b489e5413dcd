import type { MessageCatalog, MessageParams } from "../../engine/messageCatalog";

const s = (p: MessageParams, k: string) => String(p[k] ?? "");

/**
 * Messages for what the pane itself reports: the Excel port's failures and input the pane could
 * not read. `formatNotice(notice, language, PANE_NOTICES)` reads these first, then the engine's.
 */
export const PANE_NOTICES: MessageCatalog = {
  "sheet-name-taken": {
    "en-US": (p) =>
      `a sheet named "${s(p, "sheet")}" already exists and was not written by the planner: rename it, then write again`,
    "zh-CN": (p) => `已存在名为"${s(p, "sheet")}"的工作表,且不是规划写入的:请先重命名它,再重新写入`,
  },
  "source-not-found": {
    "en-US": (p) => `"${s(p, "name")}" is no longer in the workbook`,
    "zh-CN": (p) => `工作簿中已没有"${s(p, "name")}"`,
  },
  cancelled: {
    "en-US": () => "cancelled",
    "zh-CN": () => "已取消",
  },
  "excel-error": {
    "en-US": (p) => `Excel refused the request: ${s(p, "detail")}`,
    "zh-CN": (p) => `Excel 拒绝了请求:${s(p, "detail")}`,
  },
  "ui-not-a-number": {
    "en-US": (p) => `"${s(p, "value")}" is not a number`,
    "zh-CN": (p) => `"${s(p, "value")}"不是数字`,
  },
  "ui-not-a-whole-number": {
    "en-US": (p) => `"${s(p, "value")}" is not a whole number`,
    "zh-CN": (p) => `"${s(p, "value")}"不是整数`,
  },
  "ui-plan-store-unreadable": {
    "en-US": (p) => `the plan stored in this workbook could not be read: ${s(p, "detail")}`,
    "zh-CN": (p) => `无法读取此工作簿中保存的计划:${s(p, "detail")}`,
  },
  "ui-unexpected": {
    "en-US": (p) => `something went wrong: ${s(p, "detail")}`,
    "zh-CN": (p) => `出现错误:${s(p, "detail")}`,
  },
};
