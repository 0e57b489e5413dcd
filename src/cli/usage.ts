import type { Language } from "../engine/language";

/** What `--help` can be asked about: `stp` itself, or one of its commands. */
export type UsageTopic = "stp" | "plan" | "sample";

/** The commands of `stp`, in the order `stp --help` lists them. */
export const COMMANDS = ["plan", "sample"] as const;
export type Command = (typeof COMMANDS)[number];

const EXIT_CODES: Record<Language, string> = {
  "en-US": "Exit codes: 0 success, 1 bad input, 2 usage, 3 files that cannot be read or written.",
  "zh-CN": "退出码：0 成功，1 输入有误，2 用法错误，3 文件无法读取或写入。",
};

const SUMMARIES: Record<Language, Record<Command, string>> = {
  "en-US": {
    plan: "plan next year from a sales history: the plan workbook, and the result as JSON",
    sample: "write a generated sales history (.xlsx or .csv) to try the planner on",
  },
  "zh-CN": {
    plan: "根据销售历史制定下一年度计划：生成计划工作簿，并可输出 JSON 结果",
    sample: "生成一份销售历史（.xlsx 或 .csv），用于试用本工具",
  },
};

function overview(language: Language): string {
  const lines =
    language === "zh-CN"
      ? ["用法：", "  stp <命令> [选项]", "", "命令："]
      : ["Usage:", "  stp <command> [options]", "", "Commands:"];
  for (const command of COMMANDS)
    lines.push(`  ${command.padEnd(8)} ${SUMMARIES[language][command]}`);
  lines.push(
    "",
    ...(language === "zh-CN"
      ? [
          "  -h, --help      显示本帮助；stp <命令> --help 显示该命令的选项",
          "  -V, --version   显示 stp 的版本",
        ]
      : [
          "  -h, --help      this help; stp <command> --help shows a command's options",
          "  -V, --version   the version of stp",
        ]),
    "",
    EXIT_CODES[language],
  );
  return lines.join("\n");
}

const PLAN_SYNOPSIS =
  "stp plan --history FILE [--sheet NAME] --config PLAN.json --out OUT.xlsx [--json RESULT.json] [--as-of YYYY-MM]";

const PLAN_OPTIONS: Record<Language, string> = {
  "en-US": `  --history FILE   sales history: .xlsx, or .csv in UTF-8 (with or without BOM) or GB18030
  --sheet NAME     the history sheet (default: the first visible sheet with a date or month
                   columns and an amount; hidden sheets only when no visible one has them)
  --config FILE    the plan file (JSON, version 1)
  --out FILE       the plan workbook (.xlsx); an existing one is regenerated in place
  --json FILE      also write the result as JSON
  --as-of YYYY-MM  close the plan year's months up to this one (default: the plan file's asOf,
                   else the last month with plan-year rows)
  -h, --help       this help`,
  "zh-CN": `  --history 文件   销售历史：.xlsx，或 UTF-8（带或不带 BOM）、GB18030 编码的 .csv
  --sheet 名称     历史数据所在的工作表（默认：第一个表头含日期或月份列及金额的可见工作表；
                   只有可见工作表都不符合时才使用隐藏工作表）
  --config 文件    计划文件（JSON，version 1）
  --out 文件       计划工作簿（.xlsx）；已存在时就地重新生成
  --json 文件      同时把结果写成 JSON
  --as-of YYYY-MM  关闭计划年度截至该月的月份（默认：计划文件的 asOf，
                   否则为有计划年度数据的最后一个月）
  -h, --help       显示本帮助`,
};

const SAMPLE_SYNOPSIS =
  "stp sample --out FILE [--language en-US|zh-CN] [--rows N] [--seed N] [--clean] [--plan-year Y] [--actual-months M] [--regions N] [--products N] [--reps N] [--channels N]";

const SAMPLE_OPTIONS: Record<Language, string> = {
  "en-US": `  --out FILE           where to write the history: .xlsx or .csv
  --language LANG      headers and names in en-US (default) or zh-CN
  --rows N             about how many transaction rows (default 3000)
  --seed N             the same seed gives the same history (default 20260101)
  --clean              without the mess real exports have (text dates and amounts, blank rows,
                       N/A cells, a total row)
  --plan-year Y        the year to plan: history from January three years before (default 2026)
  --actual-months M    months of the plan year with actuals, 0 to 12 (default 4)
  --regions N          regions, 1 to 8 (default 4)
  --products N         products (default 5)
  --reps N             sales reps (default 12)
  --channels N         channels, 1 to 4 (default 3)
  -h, --help           this help`,
  "zh-CN": `  --out 文件           写入的位置：.xlsx 或 .csv
  --language 语言      表头和名称使用 en-US（默认）或 zh-CN
  --rows N             大约多少行交易（默认 3000）
  --seed N             随机种子：相同的种子生成相同的历史（默认 20260101）
  --clean              不加入真实导出中常见的杂乱内容（文本日期和金额、空行、N/A、合计行）
  --plan-year Y        计划年度：历史从其前三年的 1 月开始（默认 2026）
  --actual-months M    计划年度中已有实际数据的月数，0 到 12（默认 4）
  --regions N          区域数，1 到 8（默认 4）
  --products N         产品数（默认 5）
  --reps N             销售代表人数（默认 12）
  --channels N         渠道数，1 到 4（默认 3）
  -h, --help           显示本帮助`,
};

/**
 * The help of `stp` (its commands, one line each) or of one command (its synopsis and options),
 * printed for `--help` and after a usage error.
 * @example usage("sample", "en-US").startsWith("Usage:\n  stp sample --out FILE")
 */
export function usage(topic: UsageTopic, language: Language): string {
  if (topic === "stp") return overview(language);
  const [synopsis, options] =
    topic === "plan" ? [PLAN_SYNOPSIS, PLAN_OPTIONS] : [SAMPLE_SYNOPSIS, SAMPLE_OPTIONS];
  const head = language === "zh-CN" ? "用法：" : "Usage:";
  return [head, `  ${synopsis}`, "", options[language], "", EXIT_CODES[language]].join("\n");
}
