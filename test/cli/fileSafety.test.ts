import { spawnSync } from "node:child_process";
import { existsSync, promises as fsp } from "node:fs";
import { writeFixtureXlsx } from "../support/buildWorkbook";
import { plainHistory } from "./fixtures";
import { runStp, tempFolder, writePlan } from "./runStp";

// `stp plan` never lets one of its own outputs replace another file it was given, writes the
// result JSON before it replaces the workbook, and cleans up after a run that was killed.

type Folder = Awaited<ReturnType<typeof tempFolder>>;

let folder: Folder;

beforeAll(async () => {
  folder = await tempFolder();
  await writeFixtureXlsx(folder.file("h.xlsx"), [
    {
      name: "Sales",
      rows: plainHistory([
        { region: "East", rep: "Ann", monthly: { 2024: 900, 2025: 1000 } },
        { region: "West", rep: "Bo", monthly: { 2024: 500, 2025: 600 } },
      ]),
    },
  ]);
  await writePlan(folder.file("p.json"), {
    version: 1,
    planYear: 2026,
    target: { growth: 0.1 },
    levels: [{ dimension: "rep", method: "lastYear" }],
    language: "en-US",
  });
});
afterAll(() => folder.remove());

function plan(out: string, json?: string) {
  return runStp([
    "plan",
    "--history",
    folder.file("h.xlsx"),
    "--config",
    folder.file("p.json"),
    "--out",
    out,
    ...(json === undefined ? [] : ["--json", json]),
  ]);
}

/** A pid no process has now: one of a process that has ended. */
function endedPid(): number {
  const child = spawnSync(process.execPath, ["-e", ""]);
  return child.pid;
}

describe("stp plan keeps the files it is given", () => {
  test.each([
    ["out", "plan.xlsx"],
    ["config", "p.json"],
    ["history", "h.xlsx"],
  ])(
    "--json naming the --%s file is a usage error and the file is untouched",
    async (option, name) => {
      const out = folder.file("clash.xlsx");
      expect((await plan(out)).code).toBe(0);
      const target = option === "out" ? out : folder.file(name);
      const before = await fsp.readFile(target);
      const run = await plan(out, target);
      expect(run.code).toBe(2);
      expect(run.err[0]).toBe(
        `--json must not be the --${option} file ("${target}"): it would be replaced by the result`,
      );
      expect((await fsp.readFile(target)).equals(before)).toBe(true);
    },
  );

  test("a result JSON that cannot be written leaves the workbook as it was, and says so", async () => {
    const out = folder.file("kept.xlsx");
    expect((await plan(out)).code).toBe(0);
    const before = await fsp.readFile(out);
    // The same plan writes the same bytes: the file's inode tells a replaced workbook apart.
    const inode = (await fsp.stat(out)).ino;
    // A folder where the JSON should go: the file cannot replace it.
    const json = folder.file("result.json");
    await fsp.mkdir(json, { recursive: true });
    await fsp.writeFile(`${json}/inside.txt`, "x");
    const run = await plan(out, json);
    expect(run.code).toBe(3);
    expect(run.err[0]).toContain(json);
    expect(run.err[0]).toMatch(
      new RegExp(`; ${out.replace(/[.\\]/g, "\\$&")} was left as it was$`),
    );
    expect((await fsp.readFile(out)).equals(before)).toBe(true);
    expect((await fsp.stat(out)).ino).toBe(inode);
  });

  test("the result JSON is written with the workbook, and names both", async () => {
    const out = folder.file("both.xlsx");
    const json = folder.file("both.json");
    const run = await plan(out, json);
    expect(run.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(JSON.parse(await fsp.readFile(json, "utf8"))).toHaveProperty("target");
    expect(run.out[run.out.length - 1]).toContain(`${out}, ${json}`);
  });

  test("a temporary file a killed run left beside --out is removed by the next run", async () => {
    const out = folder.file("again.xlsx");
    expect((await plan(out)).code).toBe(0);
    const leftover = folder.file(`.again.xlsx.${endedPid()}.0a1b2c3d.tmp`);
    await fsp.writeFile(leftover, "half a workbook");
    // One of a run still going, and a file of the user's named alike, are left alone.
    const running = folder.file(`.again.xlsx.${process.pid}.0a1b2c3e.tmp`);
    await fsp.writeFile(running, "being written");
    const users = folder.file(".again.xlsx.notes.tmp");
    await fsp.writeFile(users, "mine");
    expect((await plan(out)).code).toBe(0);
    expect(existsSync(leftover)).toBe(false);
    expect(existsSync(running)).toBe(true);
    expect(existsSync(users)).toBe(true);
  });
});
