import { promises as fsp } from "node:fs";
import type { ResultJson } from "../../src/engine/plan/resultJson";
import { writeFixtureXlsx } from "../support/buildWorkbook";
import { plainHistory } from "./fixtures";
import { runStp, tempFolder, writePlan } from "./runStp";

// What stp says of a plan file and of the splits it makes: the value that is wrong, in the
// plan's language, a lock that cannot hold, and every member a split leaves without a target.

const REPS = [
  { region: "East", rep: "Ann", monthly: { 2024: 1000, 2025: 1200 } },
  { region: "East", rep: "Bo", monthly: { 2024: 800, 2025: 900 } },
  // Returns outweigh sales in 2025: a net of −600 over the base year.
  { region: "East", rep: "Dee", monthly: { 2024: 300, 2025: -50 } },
  { region: "West", rep: "Cy", monthly: { 2024: 700, 2025: 750 } },
];
const LEVELS = [
  { dimension: "region", method: "lastYear" },
  { dimension: "rep", method: "lastYear" },
];

let folder: Awaited<ReturnType<typeof tempFolder>>;
beforeAll(async () => {
  folder = await tempFolder();
  await writeFixtureXlsx(folder.file("h.xlsx"), [{ name: "Sales", rows: plainHistory(REPS) }]);
});
afterAll(() => folder.remove());

/** Runs `stp plan` on the history with this plan, written as `name`. */
async function planWith(plan: Record<string, unknown>, name = "p.json", lang = "en_US.UTF-8") {
  await writePlan(folder.file(name), { version: 1, planYear: 2026, levels: LEVELS, ...plan });
  const json = folder.file("r.json");
  await fsp.rm(json, { force: true });
  const run = await runStp(
    [
      "plan",
      "--history",
      folder.file("h.xlsx"),
      "--config",
      folder.file(name),
      "--out",
      folder.file("o.xlsx"),
      "--json",
      json,
    ],
    lang,
  );
  const result =
    run.code === 0 ? (JSON.parse(await fsp.readFile(json, "utf8")) as ResultJson) : null;
  return { ...run, result };
}

describe("stp plan: what is wrong with a plan file's value", () => {
  it('says a growth of "15%" is not a number, not that growth is an unknown key', async () => {
    const run = await planWith({ target: { growth: "15%" } });
    expect(run.code).toBe(1);
    expect(run.err).toEqual(['p.json: target.growth: must be a number, got "15%"']);
  });

  it("says it in the plan's language even though the plan has a problem", async () => {
    const run = await planWith(
      { target: { growth: "15%" }, language: "zh-CN" },
      "plan.json",
      "en_US.UTF-8",
    );
    expect(run.code).toBe(1);
    expect(run.err).toEqual(['plan.json：target.growth：必须是数字，实际为 "15%"']);
  });

  it("says what is wrong with a cap's value", async () => {
    const run = await planWith({
      target: { growth: 0.1 },
      levels: [{ dimension: "rep", method: "lastYear", max: { ofLastYear: "130%" } }],
    });
    expect(run.code).toBe(1);
    expect(run.err).toEqual(['p.json: levels[0].max.ofLastYear: must be a number, got "130%"']);
  });

  it("plans a growth of 15 as written and warns that it means +1,500 %", async () => {
    const run = await planWith({ target: { growth: 15 } });
    expect(run.code).toBe(0);
    expect(run.err).toContain(
      "warning: target.growth is 15, which means +1,500 %: for 15 % write 0.15",
    );
    expect(run.result?.growth).toBeCloseTo(15, 2);
    expect(run.result?.warnings.map((w) => w.code)).toContain("growth-above-one");
  });

  it("refuses two locks on the same node, naming both", async () => {
    const run = await planWith({
      target: { growth: 0.1 },
      locks: [
        { where: { region: "East" }, amount: 30000 },
        { where: { region: "East " }, share: 0.6 },
      ],
    });
    expect(run.code).toBe(1);
    expect(run.err).toEqual([
      'p.json: locks[1]: the same node as locks[0] (region "East"): a node takes one lock',
    ]);
    const zh = await planWith({
      target: { growth: 0.1 },
      locks: [
        { where: { region: "East", rep: "Ann" }, amount: 30000 },
        { where: { region: "East", rep: "Ann" }, share: 0.6 },
      ],
      language: "zh-CN",
    });
    expect(zh.err).toEqual([
      "p.json：locks[1]：与 locks[0] 锁定的是同一节点（East 下的销售代表 “Ann”）：每个节点只能有一个锁定",
    ]);
  });
});

describe("stp plan: a lock under a parent the history lacks", () => {
  it("is refused with the nearest name, never dropped without a word", async () => {
    const run = await planWith({
      target: { growth: 0.1 },
      locks: [{ where: { region: "Eats", rep: "Ann" }, amount: 20000 }],
    });
    expect(run.code).toBe(1);
    expect(run.err).toEqual([
      'p.json: locks[0].where.region: no region "Eats" under the whole plan in the history to hold this lock: did you mean "East"? (a new one needs its own lock with "new": true)',
    ]);
  });
});

describe("stp plan: members a split leaves without a target", () => {
  it("warns of a member with negative net sales, naming it, its net and its parent", async () => {
    const run = await planWith({ target: { growth: 0.1 } });
    expect(run.code).toBe(0);
    expect(run.result?.rows.map((r) => r.rep)).toEqual(["Ann", "Bo", "Cy"]);
    expect(run.err).toContain(
      "warning: rep Dee (-600) under East: negative net sales in 2025, so left out of the split with no target (a split goes to members with positive net sales)",
    );
  });

  it("warns of members with history that manual weights leave out", async () => {
    const run = await planWith({
      target: { growth: 0.1 },
      levels: [{ dimension: "rep", method: "manual", weights: { Ann: 2, Cy: 1 } }],
      language: "zh-CN",
    });
    expect(run.code).toBe(0);
    expect(run.result?.rows.map((r) => r.rep)).toEqual(["Ann", "Cy"]);
    expect(run.err).toContain(
      "警告：levels[0].weights 未列出有历史数据的销售代表 Bo, Dee：它们没有目标",
    );
  });
});
