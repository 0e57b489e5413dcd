import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { runStp, tempFolder } from "./runStp";

const ROOT = path.join(__dirname, "..", "..");
const PACKAGE_VERSION = (
  JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }
).version;

describe("stp --help and --version", () => {
  it("lists every command with a line saying what it does", async () => {
    const run = await runStp(["--help"]);
    expect(run.code).toBe(0);
    expect(run.err).toEqual([]);
    const text = run.out.join("\n");
    expect(text).toMatch(/^ {2}plan {5}plan next year from a sales history/m);
    expect(text).toMatch(/^ {2}sample {3}write a generated sales history/m);
    expect(text).toContain("--version");
    expect(text).toContain("stp <command> --help");
    for (const alias of [["-h"], ["help"]]) expect((await runStp(alias)).out).toEqual(run.out);
  });

  it("prints the overview on stderr with exit 2 when no command is given", async () => {
    const run = await runStp([]);
    expect(run.code).toBe(2);
    expect(run.out).toEqual([]);
    expect(run.err.join("\n")).toContain("Commands:");
  });

  it("prints each command's own usage for its --help", async () => {
    const plan = await runStp(["plan", "--help"]);
    expect(plan.code).toBe(0);
    expect(plan.out.join("\n")).toMatch(/^Usage:\n {2}stp plan --history FILE/);
    expect(plan.out.join("\n")).toContain("--as-of YYYY-MM");

    for (const flag of ["--help", "-h"]) {
      const sample = await runStp(["sample", flag]);
      expect(sample.code).toBe(0);
      expect(sample.err).toEqual([]);
      const text = sample.out.join("\n");
      expect(text).toMatch(/^Usage:\n {2}stp sample --out FILE/);
      for (const option of ["--language", "--rows", "--seed", "--clean", "--plan-year"])
        expect(text).toContain(option);
      expect(text).not.toContain("--history");
    }
  });

  it("follows a usage error with the usage of the command that was used", async () => {
    const sample = await runStp(["sample", "--rows", "many", "--out", "x.csv"]);
    expect(sample.code).toBe(2);
    expect(sample.err[0]).toBe('--rows must be a whole number, got "many"');
    expect(sample.err.slice(1).join("\n")).toMatch(/^Usage:\n {2}stp sample/);

    const plan = await runStp(["plan", "--history", "h.xlsx"]);
    expect(plan.code).toBe(2);
    expect(plan.err[0]).toBe("--config is required");
    expect(plan.err.slice(1).join("\n")).toMatch(/^Usage:\n {2}stp plan/);

    const unknown = await runStp(["plna"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err[0]).toBe('unknown command "plna"');
    expect(unknown.err.slice(1).join("\n")).toContain("Commands:");
  });

  it("speaks Chinese when the environment does", async () => {
    const overview = await runStp(["--help"], "zh_CN.UTF-8");
    expect(overview.out.join("\n")).toMatch(/^用法：/);
    expect(overview.out.join("\n")).toContain("  sample   生成一份销售历史");
    const sample = await runStp(["sample", "--help"], "zh_CN.UTF-8");
    expect(sample.out.join("\n")).toMatch(/^用法：\n {2}stp sample --out FILE/);
    expect(sample.out.join("\n")).toContain("退出码：0 成功");
    const bad = await runStp(["sample", "--out", "x.txt"], "zh_CN.UTF-8");
    expect(bad.code).toBe(2);
    expect(bad.err[0]).toBe("--out 必须以 .xlsx 或 .csv 结尾，实际为 “x.txt”");
  });

  it("prints the version of package.json", async () => {
    expect(PACKAGE_VERSION).toMatch(/^\d+\.\d+\.\d+/);
    for (const flag of ["--version", "-V"]) {
      const run = await runStp([flag]);
      expect(run).toEqual({ code: 0, out: [PACKAGE_VERSION], err: [] });
    }
  });

  it("says what stp sample wrote, in the environment's language", async () => {
    const folder = await tempFolder();
    try {
      const out = folder.file("s.csv");
      const run = await runStp(["sample", "--out", out, "--rows", "40"], "zh_CN.UTF-8");
      expect(run.code).toBe(0);
      expect(run.out).toHaveLength(1);
      expect(run.out[0].startsWith(`${out}：`)).toBe(true);
      expect(run.out[0]).toMatch(/：\d+ 行（工作表 “Sales”）$/);
    } finally {
      await folder.remove();
    }
  });
});

describe("the stp command (bin/stp.js over build/, which npm ci builds)", () => {
  const main = path.join(ROOT, "build", "cli", "main.js");

  it("prints package.json's version and the commands", async () => {
    if (!existsSync(main)) throw new Error("build/cli/main.js is missing: run npm run build:cli");
    const run = (args: string[]) =>
      promisify(execFile)(process.execPath, [path.join(ROOT, "bin", "stp.js"), ...args], {
        env: { ...process.env, LANG: "en_US.UTF-8", STP_LANG: "" },
      });
    expect((await run(["--version"])).stdout).toBe(`${PACKAGE_VERSION}\n`);
    const help = await run(["sample", "--help"]);
    expect(help.stdout).toMatch(/^Usage:\n {2}stp sample --out FILE/);
  });
});

describe("stp usage mistakes", () => {
  it("names an unknown option with the nearest one, in the user's language", async () => {
    const en = await runStp(["plan", "--histroy", "h.xlsx"]);
    expect(en.code).toBe(2);
    expect(en.err[0]).toBe("unknown option --histroy; did you mean --history?");
    const zh = await runStp(["plan", "--histroy", "h.xlsx"], "zh_CN.UTF-8");
    expect(zh.err[0]).toBe("未知参数 --histroy，是否是 --history？");
    const sample = await runStp(["sample", "--row", "5"]);
    expect(sample.err[0]).toBe("unknown option --row; did you mean --rows?");
  });

  it("says an option lacks its value, and that a stray argument follows no option", async () => {
    expect((await runStp(["plan", "--history"])).err[0]).toBe("--history needs a value");
    const stray = await runStp(["plan", "h.xlsx"]);
    expect(stray.code).toBe(2);
    expect(stray.err[0]).toBe('unexpected argument "h.xlsx": every value follows its option');
  });

  it("refuses an --as-of that is no month as a usage mistake, not the plan file's", async () => {
    for (const asOf of ["2026-3", "2026-13"]) {
      const run = await runStp([
        "plan",
        "--history",
        "h.xlsx",
        "--config",
        "p.json",
        "--out",
        "o.xlsx",
        "--as-of",
        asOf,
      ]);
      expect(run.code).toBe(2);
      expect(run.err[0]).toBe(`--as-of "${asOf}" is not a month like 2026-04`);
    }
  });
});
