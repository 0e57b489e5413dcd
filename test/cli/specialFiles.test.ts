import { execFileSync } from "node:child_process";
import { existsSync, promises as fsp } from "node:fs";
import { writeFixtureXlsx } from "../support/buildWorkbook";
import { plainHistory } from "./fixtures";
import { runStp, tempFolder, writePlan } from "./runStp";

// Only regular files are read: a named pipe would wait for a writer forever and /dev/zero never
// ends. Each case must be refused at once; a regression would hang here until the timeout.
const QUICKLY_MS = 5000;

const PLAN = { version: 1, planYear: 2026, target: { growth: 0.1 } };

let folder: Awaited<ReturnType<typeof tempFolder>>;
beforeAll(async () => {
  folder = await tempFolder();
  await writeFixtureXlsx(folder.file("h.xlsx"), [
    {
      name: "Sales",
      rows: plainHistory([{ region: "East", rep: "Ann", monthly: { 2024: 100, 2025: 120 } }]),
    },
  ]);
  await writePlan(folder.file("p.json"), PLAN);
  execFileSync("mkfifo", [folder.file("pipe.json"), folder.file("pipe.csv")]);
  await fsp.mkdir(folder.file("folder.json"));
  await fsp.mkdir(folder.file("folder.csv"));
  await fsp.symlink("/dev/zero", folder.file("zero.csv"));
});
afterAll(() => folder.remove());

async function plan(history: string, config: string, lang = "en_US.UTF-8") {
  const out = folder.file("o.xlsx");
  const started = Date.now();
  const run = await runStp(["plan", "--history", history, "--config", config, "--out", out], lang);
  return { ...run, ms: Date.now() - started, wrote: existsSync(out) };
}

describe("stp plan reads only regular files", () => {
  it.each([
    ["a named pipe", "pipe.json", "a named pipe"],
    ["a folder", "folder.json", "a folder"],
  ])(
    "refuses --config naming %s, at once, with exit 3",
    async (_what, name, kind) => {
      const config = folder.file(name);
      const run = await plan(folder.file("h.xlsx"), config);
      expect(run.ms).toBeLessThan(QUICKLY_MS);
      expect(run.code).toBe(3);
      expect(run.err).toEqual([
        `${config}: ${kind}, not a regular file (stp reads only regular files); nothing was written: name a file and run stp again`,
      ]);
      expect(run.wrote).toBe(false);
    },
    QUICKLY_MS * 2,
  );

  it(
    "refuses --config /dev/zero at once instead of reading it without end",
    async () => {
      const run = await plan(folder.file("h.xlsx"), "/dev/zero");
      expect(run.ms).toBeLessThan(QUICKLY_MS);
      expect(run.code).toBe(3);
      expect(run.err).toHaveLength(1);
      expect(run.err[0]).toMatch(/^\/dev\/zero: a device, not a regular file/);
      const zh = await plan(folder.file("h.xlsx"), "/dev/zero", "zh_CN.UTF-8");
      expect(zh.err[0]).toMatch(/^\/dev\/zero：是设备，不是普通文件（stp 只读取普通文件）/);
    },
    QUICKLY_MS * 2,
  );

  it.each([
    ["a named pipe", "pipe.csv", "a named pipe"],
    ["a folder", "folder.csv", "a folder"],
    ["a link to /dev/zero", "zero.csv", "a device"],
  ])(
    "refuses --history naming %s, at once, with exit 3",
    async (_what, name, kind) => {
      const history = folder.file(name);
      const run = await plan(history, folder.file("p.json"));
      expect(run.ms).toBeLessThan(QUICKLY_MS);
      expect(run.code).toBe(3);
      expect(run.err).toHaveLength(1);
      expect(run.err[0]).toContain(`${history}: ${kind}, not a regular file`);
      expect(run.wrote).toBe(false);
    },
    QUICKLY_MS * 2,
  );

  it(
    "refuses a plan file over 10 MB from its size alone, with exit 3",
    async () => {
      const big = folder.file("big.json");
      // Sparse: its size says 10 MB and a byte, though nothing was written into it.
      await fsp.writeFile(big, "");
      await fsp.truncate(big, 10 * 1024 * 1024 + 1);
      const run = await plan(folder.file("h.xlsx"), big);
      expect(run.ms).toBeLessThan(QUICKLY_MS);
      expect(run.code).toBe(3);
      expect(run.err).toEqual([
        `${big}: 10.1 MB, more than the 10 MB this file may have (a plan file is a few KB): is it the right file? Nothing was written`,
      ]);
      const zh = await plan(folder.file("h.xlsx"), big, "zh_CN.UTF-8");
      expect(zh.err[0]).toContain("超过该文件允许的 10 MB");
    },
    QUICKLY_MS * 2,
  );

  it("still reads a plan file of exactly 10 MB", async () => {
    const padded = folder.file("padded.json");
    const text = JSON.stringify(PLAN);
    await fsp.writeFile(padded, text + " ".repeat(10 * 1024 * 1024 - text.length));
    const run = await plan(folder.file("h.xlsx"), padded);
    expect(run.err.filter((line) => !line.startsWith("warning"))).toEqual([]);
    expect(run.code).toBe(0);
  });
});
