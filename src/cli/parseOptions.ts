import { parseArgs, type ParseArgsConfig } from "node:util";
import type { Notice } from "../engine/history";
import { suggestNearest } from "../engine/suggest";
import { CliFailure, EXIT } from "./cliFailure";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** The option a parse error of `node:util`'s parseArgs names (`'--histroy'`), without quotes. */
function namedOption(message: string): string | undefined {
  return /'(-{1,2}[^'\s]+)/.exec(message)?.[1];
}

/**
 * A command's options, or a usage failure in the user's language: an unknown option with the
 * nearest known one suggested, an option given without its value, a stray argument.
 * @example parseOptions(["--out", "x.xlsx"], { out: { type: "string" } }, say).out === "x.xlsx"
 */
export function parseOptions<T extends Options>(
  argv: string[],
  options: T,
  say: (notice: Notice) => string,
): ReturnType<typeof parseArgs<{ args: string[]; options: T; strict: true }>>["values"] {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (e) {
    const error = e as Error & { code?: string };
    const option = namedOption(error.message) ?? "";
    const known = Object.keys(options).map((name) => `--${name}`);
    let notice: Notice;
    if (error.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
      const suggestion = suggestNearest(option, known);
      notice = {
        code: "usage-unknown-option",
        params: { option, ...(suggestion ? { suggestion } : {}) },
      };
    } else if (error.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
      notice = { code: "usage-option-needs-value", params: { option } };
    } else if (error.code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") {
      const argument = /'([^']*)'/.exec(error.message)?.[1] ?? "";
      notice = { code: "usage-stray-argument", params: { argument } };
    } else {
      notice = { code: "usage-bad-option", params: { detail: error.message } };
    }
    throw new CliFailure(EXIT.usage, say(notice));
  }
}
