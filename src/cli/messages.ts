import type { MessageCatalog, MessageParams } from "../engine/messageCatalog";

const s = (p: MessageParams, k: string) => String(p[k] ?? "");

/** What a path that is not a regular file is, in words (`readRegularFile`'s kinds). */
const KINDS: Record<string, { en: string; zh: string }> = {
  directory: { en: "a folder", zh: "文件夹" },
  fifo: { en: "a named pipe", zh: "命名管道" },
  "character-device": { en: "a device", zh: "设备" },
  "block-device": { en: "a disk device", zh: "磁盘设备" },
  socket: { en: "a socket", zh: "套接字" },
};

/**
 * A size in bytes as megabytes to one decimal, rounded up ("10.1 MB" for a byte over 10 MB), so
 * that a size over a limit never reads as the limit itself.
 */
const megabytes = (p: MessageParams, k: string) =>
  `${(Math.ceil((Number(p[k] ?? 0) / (1024 * 1024)) * 10) / 10).toFixed(1).replace(/\.0$/, "")} MB`;

/** The command line's own messages: usage, files, the workbook writer. */
export const CLI_MESSAGES: MessageCatalog = {
  "usage-unknown-command": {
    "en-US": (p) => `unknown command "${s(p, "command")}"`,
    "zh-CN": (p) => `未知命令 “${s(p, "command")}”`,
  },
  "usage-bad-option": {
    "en-US": (p) => s(p, "detail"),
    "zh-CN": (p) => `参数错误：${s(p, "detail")}`,
  },
  "usage-unknown-option": {
    "en-US": (p) =>
      `unknown option ${s(p, "option")}` +
      (p.suggestion !== undefined ? `; did you mean ${s(p, "suggestion")}?` : ""),
    "zh-CN": (p) =>
      `未知参数 ${s(p, "option")}` +
      (p.suggestion !== undefined ? `，是否是 ${s(p, "suggestion")}？` : ""),
  },
  "usage-option-needs-value": {
    "en-US": (p) => `${s(p, "option")} needs a value`,
    "zh-CN": (p) => `参数 ${s(p, "option")} 缺少取值`,
  },
  "usage-stray-argument": {
    "en-US": (p) => `unexpected argument "${s(p, "argument")}": every value follows its option`,
    "zh-CN": (p) => `多余的参数“${s(p, "argument")}”：每个取值都应跟在其参数名之后`,
  },
  "usage-bad-as-of": {
    "en-US": (p) => `--as-of "${s(p, "value")}" is not a month like 2026-04`,
    "zh-CN": (p) => `--as-of “${s(p, "value")}”不是形如 2026-04 的月份`,
  },
  "usage-missing-option": {
    "en-US": (p) => `--${s(p, "option")} is required`,
    "zh-CN": (p) => `缺少必需参数 --${s(p, "option")}`,
  },
  "usage-not-whole-number": {
    "en-US": (p) => `--${s(p, "option")} must be a whole number, got "${s(p, "value")}"`,
    "zh-CN": (p) => `--${s(p, "option")} 必须是非负整数，实际为 “${s(p, "value")}”`,
  },
  "usage-sample-out-type": {
    "en-US": (p) => `--out must end in .xlsx or .csv, got "${s(p, "path")}"`,
    "zh-CN": (p) => `--out 必须以 .xlsx 或 .csv 结尾，实际为 “${s(p, "path")}”`,
  },
  "summary-sample": {
    "en-US": (p) => `${s(p, "path")}: ${s(p, "rows")} rows (sheet "${s(p, "sheet")}")`,
    "zh-CN": (p) => `${s(p, "path")}：${s(p, "rows")} 行（工作表 “${s(p, "sheet")}”）`,
  },
  "usage-out-is-history": {
    "en-US": () => "--out must not be the history file: the history is never modified",
    "zh-CN": () => "--out 不能是历史数据文件：历史数据永远不会被修改",
  },
  "usage-json-clash": {
    "en-US": (p) =>
      `--json must not be the --${s(p, "option")} file ("${s(p, "path")}"): it would be replaced by the result`,
    "zh-CN": (p) => `--json 不能是 --${s(p, "option")} 的文件（“${s(p, "path")}”）：它会被结果覆盖`,
  },
  "workbook-left-unchanged": {
    "en-US": (p) => `${s(p, "path")} was left as it was`,
    "zh-CN": (p) => `${s(p, "path")} 保持原样，未被修改`,
  },
  "usage-out-not-xlsx": {
    "en-US": (p) => `--out must be an .xlsx file, got "${s(p, "path")}"`,
    "zh-CN": (p) => `--out 必须是 .xlsx 文件，实际为 “${s(p, "path")}”`,
  },
  "file-not-found": {
    "en-US": (p) => `${s(p, "path")}: file not found`,
    "zh-CN": (p) => `${s(p, "path")}：文件不存在`,
  },
  "file-unreadable": {
    "en-US": (p) =>
      `${s(p, "path")}: cannot be read${p.reason ? ` (${s(p, "reason")})` : ""}; nothing was written: check that Excel opens it, then run stp again`,
    "zh-CN": (p) =>
      `${s(p, "path")}：无法读取${p.reason ? `（${s(p, "reason")}）` : ""}；未写入任何内容：请确认 Excel 能打开它，然后再次运行 stp`,
  },
  "file-unwritable": {
    "en-US": (p) =>
      `${s(p, "path")}: cannot be written${p.reason ? ` (${s(p, "reason")})` : ""}; it was left as it was: close it in any program that has it open and check that its folder can be written, then run stp again, or choose another path`,
    "zh-CN": (p) =>
      `${s(p, "path")}：无法写入${p.reason ? `（${s(p, "reason")}）` : ""}；原文件保持不变：请在打开它的程序中关闭它，并确认所在文件夹可写，然后再次运行 stp，或换一个路径`,
  },
  "file-changed": {
    "en-US": (p) =>
      `${s(p, "path")}: changed while the plan was being written (saved, replaced or removed by another program); nothing was written: run stp again`,
    "zh-CN": (p) =>
      `${s(p, "path")}：在写入计划期间被其他程序保存、替换或删除；未写入任何内容：请再次运行 stp`,
  },
  "file-not-regular": {
    "en-US": (p) =>
      `${s(p, "path")}: ${KINDS[s(p, "kind")]?.en ?? "a special file"}, not a regular file (stp reads only regular files); nothing was written: name a file and run stp again`,
    "zh-CN": (p) =>
      `${s(p, "path")}：是${KINDS[s(p, "kind")]?.zh ?? "特殊文件"}，不是普通文件（stp 只读取普通文件）；未写入任何内容：请指定一个文件，然后再次运行 stp`,
  },
  "file-too-large": {
    "en-US": (p) =>
      `${s(p, "path")}: ${megabytes(p, "size")}, more than the ${megabytes(p, "limit")} this file may have (a plan file is a few KB): is it the right file? Nothing was written`,
    "zh-CN": (p) =>
      `${s(p, "path")}：大小为 ${megabytes(p, "size")}，超过该文件允许的 ${megabytes(p, "limit")}（计划文件通常只有几 KB）：是否选错了文件？未写入任何内容`,
  },
  "unsupported-file-type": {
    "en-US": (p) =>
      `${s(p, "path")}: not an .xlsx or .csv file${p.reason ? ` (${s(p, "reason")})` : ""}`,
    "zh-CN": (p) =>
      `${s(p, "path")}：不是 .xlsx 或 .csv 文件${p.reason ? `（${s(p, "reason")}）` : ""}`,
  },
  "zip-bomb": {
    "en-US": (p) =>
      p.declared
        ? `${s(p, "path")}: holds a part that expands to more than the ${s(p, "declared")} its zip header declares (${s(p, "part")}): refused as a zip bomb; nothing was read`
        : `${s(p, "path")}: holds a part that expands to ${s(p, "size")} from ${s(p, "compressed")} (${s(p, "part")}): refused as a zip bomb; nothing was read`,
    "zh-CN": (p) =>
      p.declared
        ? `${s(p, "path")}：其中的部件（${s(p, "part")}）解压后超过其 zip 头声明的 ${s(p, "declared")}：疑似压缩炸弹，已拒绝读取`
        : `${s(p, "path")}：其中的部件（${s(p, "part")}）从 ${s(p, "compressed")} 解压后达 ${s(p, "size")}：疑似压缩炸弹，已拒绝读取`,
  },
  "workbook-too-large": {
    "en-US": (p) =>
      p.part
        ? `${s(p, "path")}: holds a part that expands to ${s(p, "size")} (${s(p, "part")}), more than can be read: save the history sheet as CSV UTF-8 and give that file`
        : `${s(p, "path")}: expands to ${s(p, "size")} in all, more than can be read: save the history sheet as CSV UTF-8 and give that file`,
    "zh-CN": (p) =>
      p.part
        ? `${s(p, "path")}：其中的部件（${s(p, "part")}）解压后达 ${s(p, "size")}，超出可读取的大小：请将历史数据工作表另存为“CSV UTF-8”后使用该文件`
        : `${s(p, "path")}：解压后共 ${s(p, "size")}，超出可读取的大小：请将历史数据工作表另存为“CSV UTF-8”后使用该文件`,
  },
  "merged-cells-too-many": {
    "en-US": (p) =>
      `${s(p, "path")}: its merged areas cover ${s(p, "cells")} cells (${s(p, "part")}, e.g. ${s(p, "area")}), more than can be read: unmerge them, or save the history sheet as CSV UTF-8 and give that file`,
    "zh-CN": (p) =>
      `${s(p, "path")}：合并单元格共覆盖 ${s(p, "cells")} 个单元格（${s(p, "part")}，如 ${s(p, "area")}），超出可读取的范围：请取消合并，或将历史数据工作表另存为“CSV UTF-8”后使用该文件`,
  },
  "csv-quote-unclosed": {
    "en-US": (p) =>
      p.closes !== undefined
        ? `${s(p, "path")} line ${s(p, "line")}: a quote opened here closes only on line ${s(p, "closes")}, inside a field; the lines between would be read as one cell: fix the quotes and run stp again`
        : `${s(p, "path")} line ${s(p, "line")}: a quote opened here is never closed; every line after it would be read as one cell: fix the quotes and run stp again`,
    "zh-CN": (p) =>
      p.closes !== undefined
        ? `${s(p, "path")} 第 ${s(p, "line")} 行：此处开始的引号到第 ${s(p, "closes")} 行的字段中间才闭合，其间各行会被读成一个单元格：请修正引号后再次运行 stp`
        : `${s(p, "path")} 第 ${s(p, "line")} 行：此处开始的引号没有闭合，其后各行会被读成一个单元格：请修正引号后再次运行 stp`,
  },
  "csv-encoding-unknown": {
    "en-US": (p) =>
      `${s(p, "path")} line ${s(p, "line")}: the file is not in UTF-8, UTF-16 or GB18030, so its text would be misread: save it as CSV UTF-8 and run stp again`,
    "zh-CN": (p) =>
      `${s(p, "path")} 第 ${s(p, "line")} 行：文件编码不是 UTF-8、UTF-16 或 GB18030，文字会被读错：请另存为“CSV UTF-8”后再次运行 stp`,
  },
  "sheet-name-taken": {
    "en-US": (p) =>
      `${s(p, "path")}: a sheet named "${s(p, "sheet")}" is yours, not generated: rename it or choose another --out`,
    "zh-CN": (p) =>
      `${s(p, "path")}：工作表 “${s(p, "sheet")}” 是用户自己的工作表：请重命名或换一个 --out`,
  },
  "table-name-taken": {
    "en-US": (p) =>
      `${s(p, "path")}: the table "${s(p, "table")}" on the sheet "${s(p, "sheet")}" is yours, and a generated table needs its name: rename the table or choose another --out`,
    "zh-CN": (p) =>
      `${s(p, "path")}：工作表“${s(p, "sheet")}”上的表格“${s(p, "table")}”是用户自己的，生成的表格需要这个名称：请重命名该表格或换一个 --out`,
  },
  "workbook-has-unkeepable-parts": {
    "en-US": (p) =>
      `${s(p, "path")}: holds ${s(p, "parts")}, which rewriting would lose: nothing was written; choose another --out`,
    "zh-CN": (p) =>
      `${s(p, "path")}：包含 ${s(p, "parts")}，重写会丢失这些内容：未写入任何内容；请换一个 --out`,
  },
  "sheet-name-invalid": {
    "en-US": (p) => `"${s(p, "sheet")}" cannot be a sheet name (${s(p, "reason")})`,
    "zh-CN": (p) => `“${s(p, "sheet")}” 不能作为工作表名（${s(p, "reason")}）`,
  },
  "cell-value-invalid": {
    "en-US": (p) => `${s(p, "cell")}: cannot be written (${s(p, "reason")})`,
    "zh-CN": (p) => `${s(p, "cell")}：无法写入（${s(p, "reason")}）`,
  },
  "no-visible-sheet": {
    "en-US": () => "the workbook would have no visible sheet",
    "zh-CN": () => "工作簿将没有可见的工作表",
  },
  "sheet-not-found": {
    "en-US": (p) =>
      `no sheet named "${s(p, "sheet")}"${p.suggestion ? ` (did you mean "${s(p, "suggestion")}"?)` : ""}; sheets: ${s(p, "sheets")}`,
    "zh-CN": (p) =>
      `没有名为 “${s(p, "sheet")}” 的工作表${p.suggestion ? `（是否应为 “${s(p, "suggestion")}”？）` : ""}；现有工作表：${s(p, "sheets")}`,
  },
  "no-history-sheet": {
    "en-US": (p) =>
      `no sheet has a header row with a date (or month columns) and an amount; sheets: ${s(p, "sheets")}`,
    "zh-CN": (p) => `没有工作表的表头同时包含日期（或月份列）与金额；现有工作表：${s(p, "sheets")}`,
  },
  "history-sheet-hidden": {
    "en-US": (p) =>
      `the history was read from the hidden sheet "${s(p, "sheet")}": no visible sheet holds a history; name another with --sheet`,
    "zh-CN": (p) =>
      `历史数据读自隐藏的工作表 “${s(p, "sheet")}”：没有可见的工作表包含历史数据；如需其他工作表，请用 --sheet 指定`,
  },
  "summary-plan": {
    "en-US": (p) =>
      `Plan ${s(p, "year")}: target ${s(p, "target")} (base ${s(p, "base")}${p.growth ? `, ${s(p, "growth")}` : ""}), ${s(p, "rows")} row(s), rounded to ${s(p, "unit")}`,
    "zh-CN": (p) =>
      `${s(p, "year")} 年计划：目标 ${s(p, "target")}（基准 ${s(p, "base")}${p.growth ? `，${s(p, "growth")}` : ""}），${s(p, "rows")} 行，取整到 ${s(p, "unit")}`,
  },
  "summary-measures": {
    "en-US": (p) =>
      [
        p.quantity !== undefined ? `quantity ${s(p, "quantity")}` : "",
        p.grossProfit !== undefined
          ? `gross profit ${s(p, "grossProfit")}${p.margin !== undefined ? ` (${s(p, "margin")})` : ""}`
          : "",
        p.cost !== undefined ? `cost of sales ${s(p, "cost")}` : "",
        p.expenses !== undefined ? `expenses ${s(p, "expenses")}` : "",
        p.netProfit !== undefined ? `net profit ${s(p, "netProfit")}` : "",
      ]
        .filter((part) => part !== "")
        .join(", "),
    "zh-CN": (p) =>
      [
        p.quantity !== undefined ? `数量 ${s(p, "quantity")}` : "",
        p.grossProfit !== undefined
          ? `毛利 ${s(p, "grossProfit")}${p.margin !== undefined ? `（${s(p, "margin")}）` : ""}`
          : "",
        p.cost !== undefined ? `销售成本 ${s(p, "cost")}` : "",
        p.expenses !== undefined ? `销售费用 ${s(p, "expenses")}` : "",
        p.netProfit !== undefined ? `净利 ${s(p, "netProfit")}` : "",
      ]
        .filter((part) => part !== "")
        .join("，"),
  },
  "summary-history": {
    "en-US": (p) =>
      `History: sheet "${s(p, "sheet")}", ${s(p, "layout")} layout, ${s(p, "records")} record(s), ${s(p, "skipped")} row(s) skipped`,
    "zh-CN": (p) =>
      `历史数据：工作表 “${s(p, "sheet")}”，${p.layout === "wide" ? "宽表" : "长表"}，${s(p, "records")} 条记录，跳过 ${s(p, "skipped")} 行`,
  },
  "summary-columns": {
    "en-US": (p) => `Columns: ${s(p, "columns")}`,
    "zh-CN": (p) => `读取的列：${s(p, "columns")}`,
  },
  "summary-tracking": {
    "en-US": (p) =>
      `Tracking: ${s(p, "closed")} month(s) closed (to ${s(p, "asOf")}), re-forecast for the rest`,
    "zh-CN": (p) => `跟踪：已结 ${s(p, "closed")} 个月（截至 ${s(p, "asOf")}），其余月份滚动预测`,
  },
  "summary-wrote": {
    "en-US": (p) => `Wrote ${s(p, "files")}`,
    "zh-CN": (p) => `已写入 ${s(p, "files")}`,
  },
  "summary-carried": {
    "en-US": (p) =>
      `${s(p, "sheet")}: kept ${s(p, "carried")} cell(s) you typed${Number(p.orphaned) > 0 ? `; ${s(p, "orphaned")} row(s) no longer in the plan kept below the data` : ""}`,
    "zh-CN": (p) =>
      `${s(p, "sheet")}：保留了 ${s(p, "carried")} 个手填单元格${Number(p.orphaned) > 0 ? `；${s(p, "orphaned")} 行已不在计划中，保留在数据下方` : ""}`,
  },
  "summary-edits-kept": {
    "en-US": (p) =>
      `Kept ${s(p, "kept")} cell(s) you typed beside the plan's cells where they were${Number(p.columns) > 0 ? `, and ${s(p, "columns")} column(s) you added to a table` : ""}`,
    "zh-CN": (p) =>
      `在原位置保留了 ${s(p, "kept")} 个您在计划单元格旁填写的单元格${Number(p.columns) > 0 ? `，以及您在表格中添加的 ${s(p, "columns")} 列` : ""}`,
  },
  "edits-moved": {
    "en-US": (p) =>
      `${s(p, "count")} cell(s) you had typed where the new plan writes (${s(p, "cells")}) were moved, with their addresses, to the sheet "${s(p, "sheet")}"`,
    "zh-CN": (p) =>
      `您在新计划要写入的位置填写的 ${s(p, "count")} 个单元格（${s(p, "cells")}）已连同原地址移到工作表“${s(p, "sheet")}”`,
  },
  "generated-cells-overwritten": {
    "en-US": (p) =>
      `${s(p, "sheet")}: ${s(p, "count")} generated cell(s) had been typed over and were rewritten: ${s(p, "cells")}`,
    "zh-CN": (p) =>
      `${s(p, "sheet")}：${s(p, "count")} 个生成的单元格曾被手工修改，已重新写入：${s(p, "cells")}`,
  },
  "dropped-add-in-settings": {
    "en-US": (p) =>
      `${s(p, "path")}: the Office add-in's task-pane settings were not written back; the add-in sets them again when it is opened`,
    "zh-CN": (p) =>
      `${s(p, "path")}：未写回 Office 加载项的任务窗格设置；再次打开加载项时会重新设置`,
  },
  "dropped-add-in-charts": {
    "en-US": (p) =>
      `${s(p, "path")}: the quota charts the add-in drew on rep tabs are not written by stp; Generate in Excel draws them again`,
    "zh-CN": (p) =>
      `${s(p, "path")}：stp 不写入加载项在销售代表工作表上绘制的配额图表；在 Excel 中点击“生成”会重新绘制`,
  },
  "label-warning": {
    "en-US": () => "warning",
    "zh-CN": () => "警告",
  },
  "label-skipped": {
    "en-US": () => "skipped",
    "zh-CN": () => "已跳过",
  },
};
