import { promises as fsp } from "node:fs";
import ExcelJS from "exceljs";
import type { ResultJson } from "../../src/engine/plan/resultJson";
import { formatCsv } from "../../src/xlsx/writeCsv";
import { writeFixtureXlsx } from "../support/buildWorkbook";
import { chineseMessyHistory, englishWideHistory, WIDE_REPS, ZH_REPS } from "./fixtures";
import { runStp, tempFolder, writePlan } from "./runStp";

type Folder = Awaited<ReturnType<typeof tempFolder>>;

async function readJson(file: string): Promise<ResultJson> {
  return JSON.parse(await fsp.readFile(file, "utf8")) as ResultJson;
}

function expectExactRows(result: ResultJson): void {
  expect(result.rows.reduce((s, r) => s + r.annual, 0)).toBe(result.target);
  for (const row of result.rows) {
    expect(row.months).toHaveLength(12);
    expect(row.months.reduce((a, b) => a + b, 0)).toBe(row.annual);
    row.months.forEach((m) => expect(m % result.unit).toBe(0));
  }
}

describe("stp plan — Chinese long history with the usual mess", () => {
  let folder: Folder;
  const fixture = chineseMessyHistory();
  let result: ResultJson;
  let run: Awaited<ReturnType<typeof runStp>>;

  beforeAll(async () => {
    folder = await tempFolder();
    await writeFixtureXlsx(folder.file("H.xlsx"), [fixture.sheet]);
    await writePlan(folder.file("P.json"), {
      version: 1,
      planYear: 2026,
      target: { growth: 0.1 },
      levels: [
        { dimension: "region", method: "lastYear" },
        { dimension: "rep", method: "lastYear" },
      ],
      rounding: { unit: 100 },
    });
    run = await runStp([
      "plan",
      "--history",
      folder.file("H.xlsx"),
      "--config",
      folder.file("P.json"),
      "--out",
      folder.file("O.xlsx"),
      "--json",
      folder.file("R.json"),
    ]);
    result = await readJson(folder.file("R.json"));
  });
  afterAll(() => folder.remove());

  it("exits 0 and says what it did", () => {
    expect(run.code).toBe(0);
    expect(run.out.join("\n")).toMatch(/Plan 2026: target/);
  });

  it("takes the base year without the N/A row and without the typed total row", () => {
    expect(result.base).toBe(fixture.base2025);
    expect(result.target).toBe(Math.floor((fixture.base2025 * 1.1) / 100 + 0.5) * 100);
  });

  it("splits the target exactly: rows sum to the target, months to each row", () => {
    expectExactRows(result);
    expect(result.rows.map((r) => [r.region, r.rep])).toEqual([
      ["华东", "张三"],
      ["华东", "李四"],
      ["华南", "王五"],
    ]);
  });

  it("reports the N/A amount in skipped with its address", () => {
    const na = result.skipped.find((s) => s.cell === fixture.naCell);
    expect(na).toMatchObject({ sheet: "销售明细", code: "amount-not-number" });
    expect(na?.reason).toContain("N/A");
  });

  it("never counts the total row", () => {
    expect(result.skipped.some((s) => s.code === "total-row")).toBe(true);
    const closedActual = result.tracking.reduce((s, t) => s + (t.actual ?? 0), 0);
    const expectedActual =
      Object.values(fixture.actuals2026)
        .flat()
        .reduce((a, b) => a + b, 0) + 3000;
    expect(closedActual).toBeCloseTo(expectedActual, 6);
  });

  it("fills tracking for the closed months and the re-forecast for the open ones", () => {
    expect(result.asOf).toBe("2026-03");
    for (const { rep } of ZH_REPS) {
      const rows = result.tracking.filter((t) => t.rep === rep);
      expect(rows).toHaveLength(12);
      rows.slice(0, 3).forEach((t, i) => {
        expect(t.status).toBe("closed");
        expect(t.actual).toBeCloseTo(fixture.actuals2026[rep][i], 6);
        expect(t.variance).toBeCloseTo((t.actual ?? 0) - t.target, 6);
      });
      const open = rows.slice(3);
      open.forEach((t) => {
        expect(t.status).toBe("open");
        expect(t.reforecast).not.toBeNull();
      });
      const annual = result.rows.find((r) => r.rep === rep)!.annual;
      const ytd = rows[2].ytdActual ?? 0;
      expect(open.reduce((s, t) => s + (t.reforecast ?? 0), 0)).toBe(
        Math.max(0, Math.floor((annual - ytd) / 100 + 0.5) * 100),
      );
    }
  });

  it("shows the unplanned rep's actuals", () => {
    const zhao = result.tracking.filter((t) => t.rep === "赵六");
    expect(zhao.length).toBe(3);
    expect(zhao.every((t) => t.unplanned)).toBe(true);
    expect(zhao[1].actual).toBe(3000);
  });

  it("writes the summary, allocation and tracking sheets, the store very hidden", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(folder.file("O.xlsx"));
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ["Plan Summary", "visible"],
      ["Allocation", "visible"],
      ["Allocation Table", "visible"],
      ["Action Plan", "visible"],
      ["Tracking", "visible"],
      ["张三", "visible"],
      ["李四", "visible"],
      ["王五", "visible"],
      ["_stp_plan", "veryHidden"],
    ]);
  });

  it("leaves the history file as it was", async () => {
    const again = await tempFolder();
    await writeFixtureXlsx(again.file("H.xlsx"), [fixture.sheet]);
    const load = async (file: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      return wb.worksheets.map((w) => w.getSheetValues());
    };
    expect(await load(folder.file("H.xlsx"))).toEqual(await load(again.file("H.xlsx")));
    await again.remove();
  });
});

describe("stp plan — wide English history, a lock, unit 1000", () => {
  let folder: Folder;
  const fixture = englishWideHistory();
  let result: ResultJson;
  let code: number;

  beforeAll(async () => {
    folder = await tempFolder();
    await writeFixtureXlsx(folder.file("wide.xlsx"), [fixture.sheet]);
    await writePlan(folder.file("plan.json"), {
      version: 1,
      planYear: 2026,
      target: { growth: 0.1 },
      levels: [
        { dimension: "region", method: "lastYear" },
        { dimension: "rep", method: "lastYear" },
      ],
      locks: [{ where: { region: "East", rep: "Bo" }, amount: 80000 }],
      rounding: { unit: 1000 },
      language: "en-US",
    });
    ({ code } = await runStp([
      "plan",
      "--history",
      folder.file("wide.xlsx"),
      "--config",
      folder.file("plan.json"),
      "--out",
      folder.file("out.xlsx"),
      "--json",
      folder.file("result.json"),
    ]));
    result = await readJson(folder.file("result.json"));
  });
  afterAll(() => folder.remove());

  it("reads the months, ignores the Total column and the Grand Total row", () => {
    expect(code).toBe(0);
    expect(result.base).toBe(fixture.base2025);
    expect(result.skipped.some((s) => s.code === "total-row")).toBe(true);
  });

  it("holds the lock and rounds everything to 1000", () => {
    expect(result.unit).toBe(1000);
    expect(result.target % 1000).toBe(0);
    expect(result.rows.find((r) => r.rep === "Bo")?.annual).toBe(80000);
    expectExactRows(result);
    expect(result.rows.map((r) => r.rep)).toEqual(WIDE_REPS.map((r) => r.rep));
  });

  it("tracks January and February of the plan year", () => {
    expect(result.asOf).toBe("2026-02");
    const ann = result.tracking.filter((t) => t.rep === "Ann");
    expect(ann.filter((t) => t.status === "closed")).toHaveLength(2);
    expect(ann.filter((t) => t.status === "open").every((t) => t.reforecast !== null)).toBe(true);
  });
});

describe("stp plan — CSV as Excel saves it (BOM, CRLF)", () => {
  let folder: Folder;
  beforeAll(async () => {
    folder = await tempFolder();
  });
  afterAll(() => folder.remove());

  it("plans from a CSV UTF-8 file exactly as from the workbook", async () => {
    const fixture = chineseMessyHistory();
    const text = fixture.sheet.rows.map((row) =>
      row.map((v) =>
        v instanceof Date ? v.toISOString().slice(0, 10) : v === null ? "" : String(v),
      ),
    );
    await fsp.writeFile(folder.file("sales.csv"), formatCsv(text));
    expect((await fsp.readFile(folder.file("sales.csv"))).subarray(0, 3)).toEqual(
      Buffer.from([0xef, 0xbb, 0xbf]),
    );
    await writePlan(folder.file("p.json"), {
      version: 1,
      planYear: 2026,
      target: { growth: 0.1 },
      levels: [{ dimension: "region", method: "lastYear" }],
      rounding: { unit: 100 },
    });
    const run = await runStp([
      "plan",
      "--history",
      folder.file("sales.csv"),
      "--config",
      folder.file("p.json"),
      "--out",
      folder.file("o.xlsx"),
      "--json",
      folder.file("r.json"),
    ]);
    expect(run).toMatchObject({ code: 0 });
    const result = await readJson(folder.file("r.json"));
    expect(result.base).toBe(fixture.base2025);
    expect(result.skipped.find((s) => s.cell === fixture.naCell)?.sheet).toBe("sales");
    expectExactRows(result);
  });
});

describe("stp plan — failures", () => {
  let folder: Folder;
  beforeAll(async () => {
    folder = await tempFolder();
    await writePlan(folder.file("p.json"), { version: 1, planYear: 2026, target: { growth: 0.1 } });
    await writeFixtureXlsx(folder.file("noamount.xlsx"), [
      {
        name: "Sales",
        rows: [
          ["Date", "Region", "Rep"],
          ["2025-01-03", "East", "Ann"],
        ],
      },
    ]);
    await writeFixtureXlsx(folder.file("h.xlsx"), [chineseMessyHistory().sheet]);
  });
  afterAll(() => folder.remove());

  const plan = (history: string, config = "p.json", out = "o.xlsx") => [
    "plan",
    "--history",
    folder.file(history),
    "--config",
    folder.file(config),
    "--out",
    folder.file(out),
  ];

  it("exits 1 with one line naming the missing amount column", async () => {
    const run = await runStp(plan("noamount.xlsx"));
    expect(run.code).toBe(1);
    expect(run.err).toHaveLength(1);
    expect(run.err[0]).toMatch(/amount/i);
  });

  it("exits 1 naming the field of a mistaken plan file, with a suggestion", async () => {
    await writePlan(folder.file("bad.json"), {
      version: 1,
      planYear: 2026,
      target: { growth: 0.1 },
      levels: [{ dimension: "region", method: "histroy" }],
    });
    const run = await runStp(plan("h.xlsx", "bad.json"));
    expect(run.code).toBe(1);
    expect(run.err).toHaveLength(1);
    expect(run.err[0]).toContain("levels[0].method");
    expect(run.err[0]).toContain('did you mean "history"');
  });

  it("speaks Chinese when the environment does", async () => {
    const run = await runStp(plan("noamount.xlsx"), "zh_CN.UTF-8");
    expect(run.code).toBe(1);
    expect(run.err[0]).toMatch(/金额/);
  });

  it("refuses --out equal to --history (usage, exit 2) and leaves it alone", async () => {
    const before = await fsp.readFile(folder.file("h.xlsx"));
    const run = await runStp(plan("h.xlsx", "p.json", "h.xlsx"));
    expect(run.code).toBe(2);
    expect(await fsp.readFile(folder.file("h.xlsx"))).toEqual(before);
  });

  it("exits 2 on a missing option and 3 on a missing file", async () => {
    expect((await runStp(["plan", "--history", folder.file("h.xlsx")])).code).toBe(2);
    expect((await runStp(["plan", "--bogus"])).code).toBe(2);
    const missing = await runStp(plan("nope.xlsx"));
    expect(missing.code).toBe(3);
    expect(missing.err[0]).toContain("nope.xlsx");
  });

  it("exits 1 on a CSV holding only its header, naming the sheet, and writes nothing", async () => {
    await fsp.writeFile(folder.file("sales.csv"), formatCsv([["Date", "Region", "Amount"]]));
    const run = await runStp(plan("sales.csv"));
    expect(run.code).toBe(1);
    expect(run.err).toEqual(["sales: the sheet has a header but no rows below it"]);
    await expect(fsp.access(folder.file("o.xlsx"))).rejects.toThrow();
    const zh = await runStp(plan("sales.csv"), "zh_CN.UTF-8");
    expect(zh.code).toBe(1);
    expect(zh.err).toEqual(["sales：工作表有标题行，但其下没有数据行"]);
  });

  it("exits 1 when no amount of a CSV can be read, with the first skipped cell", async () => {
    const rows = [["Date", "Region", "Amount"]];
    for (let m = 1; m <= 12; m++) rows.push([`2025-${String(m).padStart(2, "0")}-15`, "East", "x"]);
    await fsp.writeFile(folder.file("unreadable.csv"), formatCsv(rows));
    const run = await runStp(plan("unreadable.csv"));
    expect(run.code).toBe(1);
    expect(run.err).toEqual([
      'unreadable: no sales rows could be read (12 rows skipped; the first: C2: amount is not a number: "x")',
    ]);
  });

  it("exits 1 for a lock on a name the history lacks, suggesting the nearest", async () => {
    await writePlan(folder.file("lock.json"), {
      version: 1,
      planYear: 2026,
      target: { growth: 0.1 },
      levels: [{ dimension: "region", method: "lastYear" }],
      locks: [{ where: { region: "华栋" }, amount: 1000 }],
    });
    const run = await runStp(plan("h.xlsx", "lock.json"));
    expect(run.code).toBe(1);
    expect(run.err[0]).toContain("locks[0].where.region");
    expect(run.err[0]).toContain("华东");
  });
});

describe("stp plan — regenerating an existing workbook", () => {
  let folder: Folder;
  beforeAll(async () => {
    folder = await tempFolder();
    await writeFixtureXlsx(folder.file("h.xlsx"), [chineseMessyHistory().sheet]);
  });
  afterAll(() => folder.remove());

  it("rewrites its own sheets, keeps the user's sheet, and is stable", async () => {
    const planFile = folder.file("p.json");
    const args = [
      "plan",
      "--history",
      folder.file("h.xlsx"),
      "--config",
      planFile,
      "--out",
      folder.file("o.xlsx"),
    ];
    await writePlan(planFile, {
      version: 1,
      planYear: 2026,
      target: { growth: 0.1 },
      levels: [{ dimension: "rep", method: "lastYear" }],
    });
    expect((await runStp(args)).code).toBe(0);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(folder.file("o.xlsx"));
    const mine = wb.addWorksheet("My notes");
    mine.getCell("A1").value = "keep me";
    mine.getCell("B2").value = 42;
    await wb.xlsx.writeFile(folder.file("o.xlsx"));

    await writePlan(planFile, {
      version: 1,
      planYear: 2026,
      target: { growth: 0.2 },
      levels: [{ dimension: "rep", method: "lastYear" }],
    });
    expect((await runStp(args)).code).toBe(0);
    const first = await fsp.readFile(folder.file("o.xlsx"));
    const after = new ExcelJS.Workbook();
    await after.xlsx.readFile(folder.file("o.xlsx"));
    expect(after.getWorksheet("My notes")?.getCell("A1").value).toBe("keep me");
    expect(after.getWorksheet("My notes")?.getCell("B2").value).toBe(42);
    expect(after.worksheets.map((w) => w.name)).toEqual([
      "Plan Summary",
      "Allocation",
      "Allocation Table",
      "Action Plan",
      "Tracking",
      "张三",
      "李四",
      "王五",
      "_stp_plan",
      "My notes",
    ]);

    expect((await runStp(args)).code).toBe(0);
    const values = async (file: string) => {
      const w = new ExcelJS.Workbook();
      await w.xlsx.readFile(file);
      return w.worksheets.map((s) => [s.name, s.state, JSON.stringify(s.getSheetValues())]);
    };
    await fsp.writeFile(folder.file("first.xlsx"), first);
    expect(await values(folder.file("o.xlsx"))).toEqual(await values(folder.file("first.xlsx")));
  });
});
