/** The command line's synopsis, printed for `--help` and after a usage error. */
export const USAGE = `Usage:
  stp plan --history FILE [--sheet NAME] --config PLAN.json --out OUT.xlsx [--json RESULT.json] [--as-of YYYY-MM]

  --history FILE   sales history: .xlsx, or .csv in UTF-8 (with or without BOM) or GB18030
  --sheet NAME     the history sheet (default: the first with a date or month columns and an amount)
  --config FILE    the plan file (JSON, version 1)
  --out FILE       the plan workbook (.xlsx); an existing one is regenerated in place
  --json FILE      also write the result as JSON
  --as-of YYYY-MM  close the plan year's months up to this one (default: the plan file's asOf,
                   else the last month with plan-year rows)

Exit codes: 0 success, 1 bad input, 2 usage, 3 files that cannot be read or written.`;
