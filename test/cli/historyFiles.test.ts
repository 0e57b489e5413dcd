import { execFile, execFileSync } from "node:child_process";
import { existsSync, promises as fsp, readdirSync, statSync } from "node:fs";
import * as path from "node:path";
import type { ResultJson } from "../../src/engine/plan/resultJson";
import { writeFixtureXlsx, type FixtureValue } from "../support/buildWorkbook";
import { rawXlsx, rowXml } from "../support/rawWorkbook";
import { zipBombWorkbook } from "../support/zipBomb";
import { runStp, tempFolder, writePlan } from "./runStp";

// `stp plan` on history files that other programs write and that used to be read wrong without a
// word: formulas never calculated, merged cells, broken or foreign CSV, a stray far cell, a zip
// bomb. Each is read right with a note, or refused with one line naming the cell, line or part.

type Folder = Awaited<ReturnType<typeof tempFolder>>;
let folder: Folder;
let runs = 0;

beforeAll(async () => {
  folder = await tempFolder();
  await writePlan(folder.file("plan.json"), {
    version: 1,
    planYear: 2026,
    target: { growth: 0.1 },
    levels: [{ dimension: "region", method: "lastYear" }],
  });
});
afterAll(() => folder.remove());

async function plan(history: string, lang = "en_US.UTF-8") {
  runs++;
  const json = folder.file(`result${runs}.json`);
  const run = await runStp(
    [
      "plan",
      "--history",
      history,
      "--config",
      folder.file("plan.json"),
      "--out",
      folder.file(`plan${runs}.xlsx`),
      "--json",
      json,
    ],
    lang,
  );
  const result = existsSync(json)
    ? (JSON.parse(await fsp.readFile(json, "utf8")) as ResultJson)
    : null;
  return { ...run, result };
}

/** Net sales of 2024 and 2025, one row per region and month: [date, region, rep, amount]. */
function salesRows(): [string, string, string, number][] {
  const rows: [string, string, string, number][] = [];
  for (const year of [2024, 2025]) {
    for (let month = 1; month <= 12; month++) {
      const date = `${year}-${String(month).padStart(2, "0")}-15`;
      rows.push([date, "East", "Ann", 1000 + month], [date, "West", "Bo", 500 + month]);
    }
  }
  return rows;
}

const BASE_2025 = 12 * 1500 + 2 * 78;

describe("an .xlsx whose formulas were never calculated", () => {
  let file = "";
  beforeAll(async () => {
    // Columns as an ERP export has them; 金额 (G) is 数量 × 100, written without a saved value
    // from the second data row on, as a program that does not calculate writes it.
    let rows = rowXml(1, ["日期", "大区", "业务员", "产品", "客户", "数量", "金额"]);
    salesRows().forEach(([date, region, rep], i) => {
      const r = i + 2;
      const amount = r === 2 ? 300 : { xml: `<c r="{ref}"><f>F${r}*100</f></c>` };
      rows += rowXml(r, [date, region, rep, "阀门", "甲公司", 3, amount]);
    });
    file = folder.file("uncalculated.xlsx");
    await fsp.writeFile(file, await rawXlsx([{ name: "销售明细", rows }]));
  });

  it("is refused, naming the first amount cell without a value and what to do", async () => {
    const run = await plan(file);
    expect(run.code).toBe(1);
    expect(run.err).toEqual([
      "销售明细!G3: amount is a formula with no saved value: open the file in Excel or LibreOffice, recalculate and save it",
    ]);
    expect(run.result).toBeNull();
  });

  it("says so in Chinese", async () => {
    const run = await plan(file, "zh_CN.UTF-8");
    expect(run.code).toBe(1);
    expect(run.err).toEqual([
      "销售明细!G3：金额是公式，但文件中没有保存它的计算结果：请用 Excel 或 LibreOffice 打开文件，重新计算后保存",
    ]);
  });
});

describe("an .xlsx with merged region cells", () => {
  it("reads each merged region for every row it covers, and says which ranges were filled", async () => {
    // Each region's 24 months sit together, the region merged over them.
    const data: FixtureValue[][] = salesRows().sort(
      (a, b) => a[1].localeCompare(b[1]) || a[0].localeCompare(b[0]),
    );
    const merges = ["B2:B25", "B26:B49"];
    data.forEach((row, i) => {
      if (i % 24 !== 0) row[1] = null;
    });
    const rows = [["日期", "大区", "业务员", "金额"], ...data];
    const file = folder.file("merged.xlsx");
    await writeFixtureXlsx(file, [{ name: "销售明细", rows, merges }]);

    const run = await plan(file);
    expect(run.code).toBe(0);
    expect(run.result!.base).toBe(BASE_2025);
    expect(run.result!.rows.map((r) => r.region)).toEqual(["East", "West"]);
    expect(run.result!.skipped).toEqual([]);
    expect(run.err).toEqual([
      "warning: merged cells read as their top-left value in every row they cover: 销售明细!B2:B25, 销售明细!B26:B49 (2 areas)",
    ]);
  });
});

describe("CSV files", () => {
  const header = "Date,Region,Rep,Amount";
  const csvLines = () => salesRows().map((row) => row.join(","));

  it("refuses a quote that is never closed, naming the line where it opened", async () => {
    const lines = [header, ...csvLines().slice(0, 36)];
    lines[10] = '2024-05-15,"West,Bo,505';
    const file = folder.file("sales.csv");
    await fsp.writeFile(file, lines.join("\r\n") + "\r\n");
    const run = await plan(file);
    expect(run.code).toBe(3);
    expect(run.err).toHaveLength(1);
    expect(run.err[0]).toMatch(/sales\.csv line 11: a quote opened here is never closed/);

    const zh = await plan(file, "zh_CN.UTF-8");
    expect(zh.err[0]).toMatch(/sales\.csv 第 11 行：此处开始的引号没有闭合/);
  });

  it("reads UTF-16 without a byte-order mark", async () => {
    const file = folder.file("utf16.csv");
    const text = ["日期,大区,业务员,金额", ...csvLines()].join("\r\n");
    await fsp.writeFile(file, Buffer.from(text, "utf16le"));
    const run = await plan(file);
    expect(run.code).toBe(0);
    expect(run.result!.base).toBe(BASE_2025);
  });

  it("refuses Shift-JIS rather than reading it as garbage", async () => {
    // 日付,地域,担当,売上 in Shift-JIS: valid GB18030 bytes of other characters.
    const sjis = Buffer.from("93fa95742c926e88e62c92539396" + "2c948483e3", "hex");
    const file = folder.file("japan.csv");
    await fsp.writeFile(file, Buffer.concat([sjis, Buffer.from(`\r\n${csvLines().join("\r\n")}`)]));
    const run = await plan(file);
    expect(run.code).toBe(3);
    expect(run.err).toEqual([
      `${file} line 1: the file is not in UTF-8, UTF-16 or GB18030, so its text would be misread: save it as CSV UTF-8 and run stp again`,
    ]);
  });

  it("takes Excel's sep=| line as the delimiter, not as a row", async () => {
    const file = folder.file("pipes.csv");
    const lines = [
      "sep=|",
      "Date|Region|Rep|Amount",
      ...csvLines().map((l) => l.replace(/,/g, "|")),
    ];
    await fsp.writeFile(file, lines.join("\r\n"));
    const run = await plan(file);
    expect(run.code).toBe(0);
    expect(run.result!.base).toBe(BASE_2025);
    expect(run.out.join("\n")).toContain(`${salesRows().length} record(s), 0 row(s) skipped`);
  });

  it("counts each row of a run of blank rows it skipped, in both languages", async () => {
    const file = folder.file("gaps.csv");
    const lines = csvLines();
    // Three blank rows together (one entry, "3 blank rows") and an amount that is not one.
    const text = [
      "Date,Region,Rep,Amount",
      ...lines.slice(0, 4),
      ",,,",
      ",,,",
      ",,,",
      "2025-06-15,East,Ann,N/A",
      ...lines.slice(4),
    ].join("\r\n");
    await fsp.writeFile(file, text);
    const english = await plan(file);
    expect(english.code).toBe(0);
    expect(english.out.join("\n")).toContain(`${salesRows().length} record(s), 4 row(s) skipped`);
    const chinese = await plan(file, "zh_CN.UTF-8");
    expect(chinese.out.join("\n")).toContain(`${salesRows().length} 条记录，跳过 4 行`);
  });
});

/** The compiled `stp`, built again when any of its sources is newer than the build. */
function builtStp(): string {
  const root = path.join(__dirname, "..", "..");
  const main = path.join(root, "build", "cli", "main.js");
  const newest = (dir: string): number =>
    Math.max(
      0,
      ...readdirSync(dir).map((name) => {
        const full = path.join(dir, name);
        const stat = statSync(full);
        return stat.isDirectory() ? newest(full) : stat.mtimeMs;
      }),
    );
  const sources = ["engine", "sheets", "sample", "xlsx", "cli"].map((d) =>
    path.join(root, "src", d),
  );
  if (!existsSync(main) || statSync(main).mtimeMs < Math.max(...sources.map(newest))) {
    execFileSync(
      process.execPath,
      [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"],
      {
        cwd: root,
      },
    );
  }
  return path.join(root, "bin", "stp.js");
}

type Measured = { code: number | null; err: string; seconds: number; peakMb: number | null };

/** Runs `node bin/stp.js` in its own process; its peak resident memory, by its own count. */
async function measuredStp(args: string[]): Promise<Measured> {
  const stp = builtStp();
  const hook = folder.file("peak.js");
  const peak = folder.file(`peak${++runs}.txt`);
  await fsp.writeFile(
    hook,
    'process.on("exit", () => require("fs").writeFileSync(process.env.STP_PEAK_FILE, String(process.resourceUsage().maxRSS)));\n',
  );
  const started = Date.now();
  const { code, err } = await new Promise<{ code: number | null; err: string }>((resolve) => {
    const child = execFile(
      process.execPath,
      ["--require", hook, stp, ...args],
      { env: { ...process.env, LANG: "en_US.UTF-8", STP_PEAK_FILE: peak }, timeout: 60_000 },
      (error, _out, stderr) => resolve({ code: error ? (child.exitCode ?? null) : 0, err: stderr }),
    );
  });
  const seconds = (Date.now() - started) / 1000;
  const peakMb = existsSync(peak) ? Number(await fsp.readFile(peak, "utf8")) / 1024 : null;
  return { code, err, seconds, peakMb };
}

function planArgs(history: string): string[] {
  runs++;
  return [
    "plan",
    "--history",
    history,
    "--config",
    folder.file("plan.json"),
    "--out",
    folder.file(`far${runs}.xlsx`),
  ];
}

describe("files made to exhaust memory, through the built stp in its own process", () => {
  it("reads a 5 KB .xlsx with one cell at XFD1048576 in bounded memory and time, saying it left it out", async () => {
    let rows = rowXml(1, ["Date", "Region", "Rep", "Amount"]);
    salesRows().forEach((row, i) => (rows += rowXml(i + 2, row)));
    rows += '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>';
    const file = folder.file("far.xlsx");
    await fsp.writeFile(file, await rawXlsx([{ name: "Sales", rows, dimension: "A1:XFD1048576" }]));
    expect((await fsp.stat(file)).size).toBeLessThan(5 * 1024);

    const run = await measuredStp(planArgs(file));
    expect(run.err).toContain(
      "warning: 1 cell(s) far outside the data were not read: Sales!XFD1048576",
    );
    expect(run.code).toBe(0);
    expect(run.seconds).toBeLessThan(10);
    expect(run.peakMb).not.toBeNull();
    expect(run.peakMb!).toBeLessThan(1024);
  });

  it("refuses a small .xlsx whose one merged area covers the whole sheet, before building it", async () => {
    const rows = rowXml(1, ["Date", "Region", "Rep", "Amount"]);
    const after = '<mergeCells count="1"><mergeCell ref="A2:XFD1048576"/></mergeCells>';
    const file = folder.file("merged-bomb.xlsx");
    await fsp.writeFile(file, await rawXlsx([{ name: "Sales", rows, after }]));
    expect((await fsp.stat(file)).size).toBeLessThan(5 * 1024);
    const run = await measuredStp(planArgs(file));
    expect(run.code).toBe(3);
    expect(run.err.trim()).toBe(
      `${file}: its merged areas cover 17,179,852,800 cells (xl/worksheets/sheet1.xml, e.g. A2:XFD1048576), more than can be read: unmerge them, or save the history sheet as CSV UTF-8 and give that file`,
    );
    expect(run.seconds).toBeLessThan(10);
    expect(run.peakMb!).toBeLessThan(1024);
  });

  it.each([
    [
      "says its size",
      false,
      "expands to 1 GB from 1020 KB (xl/worksheets/sheet1.xml): refused as a zip bomb",
    ],
    [
      "lies about it",
      true,
      "expands to more than the 64 KB its zip header declares (xl/worksheets/sheet1.xml): refused as a zip bomb",
    ],
  ])("refuses a zip bomb whose header %s, before inflating it", async (_name, lie, words) => {
    const file = folder.file(`bomb-${lie ? "liar" : "honest"}.xlsx`);
    await fsp.writeFile(file, zipBombWorkbook(lie));
    const run = await measuredStp(planArgs(file));
    expect(run.code).toBe(3);
    expect(run.err.trim()).toBe(`${file}: holds a part that ${words}; nothing was read`);
    expect(run.seconds).toBeLessThan(10);
    expect(run.peakMb!).toBeLessThan(1024);
  });
});
