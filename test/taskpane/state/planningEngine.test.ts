import { readFileSync } from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import type { HistoryRecord } from "../../../src/engine/history";
import { parsePlanFileText } from "../../../src/engine/plan/validatePlanFile";
import { readHistory } from "../../../src/engine/reader/readHistory";
import { generateHistory } from "../../../src/sample/generateHistory";
import { growthWarnings } from "../../../src/taskpane/model/growthWarnings";
import { previewPlan } from "../../../src/taskpane/model/previewPlan";
import {
  PlanningCore,
  type PlanningReply,
  type PlanningRequest,
} from "../../../src/taskpane/state/planningCore";
import { localPlanningEngine } from "../../../src/taskpane/state/planningEngine";
import { sameReading } from "../../../src/taskpane/state/usePlanner";
import { decodeRecords, encodeRecords } from "../../../src/taskpane/state/recordColumns";
import {
  GRID_SLICE_ROWS,
  workerPlanningEngine,
  type WorkerEndpoint,
} from "../../../src/taskpane/state/workerPlanningEngine";

const grid = generateHistory({
  language: "zh-CN",
  planYear: 2026,
  actualMonths: 4,
  rows: 5000,
  seed: 7,
  messy: true,
});
const parsed = parsePlanFileText(
  readFileSync(path.join(__dirname, "..", "..", "..", "samples", "plan-zh.json"), "utf8"),
);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
const plan = parsed.plan;
const OPTIONS = { dimensions: plan.levels.map((level) => level.dimension) };

/**
 * A worker as the browser runs one, in this process: messages are copied with structuredClone
 * (transferred buffers leave the sender), delivered on a later turn, and answered by the same
 * PlanningCore the worker's file runs.
 */
function inProcessWorker(): WorkerEndpoint & { posted: PlanningRequest[]; terminated: boolean } {
  const core = new PlanningCore();
  const listeners: ((event: { data: PlanningReply }) => void)[] = [];
  const endpoint = {
    posted: [] as PlanningRequest[],
    terminated: false,
    postMessage(message: PlanningRequest) {
      const copy = structuredClone(message);
      endpoint.posted.push(copy);
      setTimeout(() => {
        const answer = core.handle(copy);
        if (!answer) return;
        const reply = structuredClone(answer.reply, { transfer: answer.transfer });
        for (const listener of listeners) listener({ data: reply });
      }, 0);
    },
    addEventListener(type: string, listener: (event: never) => void) {
      if (type === "message") listeners.push(listener as (event: { data: PlanningReply }) => void);
    },
    terminate() {
      endpoint.terminated = true;
    },
  };
  return endpoint;
}

describe("the planning engine", () => {
  const expected = readHistory(grid, OPTIONS);

  it("turns records into columns and back, each record as the reader made it", () => {
    const columns = encodeRecords(expected.records);
    expect(columns.count).toBe(expected.records.length);
    expect(decodeRecords(columns)).toStrictEqual(expected.records);
    expect(decodeRecords(columns, 10, 20)).toStrictEqual(expected.records.slice(10, 20));
  });

  it("gives records with the same members one frozen dims object", () => {
    const decoded = decodeRecords(encodeRecords(expected.records));
    const byMembers = new Map<string, object>();
    for (const record of decoded) {
      expect(Object.isFrozen(record.dims)).toBe(true);
      const key = JSON.stringify(record.dims);
      const seen = byMembers.get(key);
      if (seen) expect(record.dims).toBe(seen);
      else byMembers.set(key, record.dims);
    }
    expect(byMembers.size).toBeLessThan(decoded.length / 2);
  });

  it("turns any records into columns and back, optional fields only where set", () => {
    const member = fc.option(fc.constantFrom("East", "West", "华东", " ", "=1+1", "a,b", ""), {
      nil: undefined,
    });
    const record = fc.record(
      {
        year: fc.integer({ min: 1990, max: 2100 }),
        month: fc.integer({ min: 1, max: 12 }),
        amount: fc.double({ noNaN: true, noDefaultInfinity: true }),
        quantity: fc.double({ noNaN: true, noDefaultInfinity: true }),
        cost: fc.double({ noNaN: true, noDefaultInfinity: true }),
        dims: fc.record({ region: member, rep: member, 产品: member }, { requiredKeys: [] }),
        cell: fc.tuple(fc.constantFrom("A", "G", "XFD"), fc.integer({ min: 1, max: 1048576 })),
        transaction: fc.boolean(),
      },
      { requiredKeys: ["year", "month", "amount", "dims", "cell", "transaction"] },
    );
    fc.assert(
      fc.property(fc.array(record, { maxLength: 40 }), fc.nat(40), (drafts, first) => {
        const records: HistoryRecord[] = drafts.map(({ cell, dims, ...rest }) => ({
          ...rest,
          cell: `${cell[0]}${cell[1]}`,
          // Blank members are absent, as the reader leaves them.
          dims: Object.fromEntries(Object.entries(dims).filter(([, m]) => m !== undefined)),
        }));
        const columns = encodeRecords(records);
        expect(decodeRecords(columns)).toStrictEqual(records);
        expect(decodeRecords(columns, first, first + 5)).toStrictEqual(
          records.slice(first, first + 5),
        );
      }),
    );
  });

  it("shares dims by their members also where the combinations outnumber exact numbers", () => {
    // Six dimensions of 2,000 members each: 2,001^6 combinations, past 2^53.
    const keys = ["a", "b", "c", "d", "e", "f"];
    const members = Array.from({ length: 2000 }, (_, i) => `m${i}`);
    const records: HistoryRecord[] = [0, 1999, 0, 7].map((m, i) => ({
      year: 2025,
      month: 1 + i,
      amount: i,
      dims: Object.fromEntries(keys.map((key, k) => [key, members[(m + k) % 2000]])),
      cell: `G${i + 2}`,
      transaction: true,
    }));
    const columns = encodeRecords(records);
    for (const key of keys) columns.members[key] = [...members];
    for (const key of keys)
      columns.dims[key] = Int32Array.from(records, (r) => members.indexOf(r.dims[key] as string));
    const decoded = decodeRecords(columns);
    expect(decoded).toStrictEqual(records);
    expect(decoded[2].dims).toBe(decoded[0].dims);
    expect(decoded[1].dims).not.toBe(decoded[0].dims);
  });

  it("reads the history and computes the plan in the worker exactly as on the page", async () => {
    const worker = inProcessWorker();
    const engine = workerPlanningEngine(worker);
    const gridId = await engine.loadGrid(grid);
    // The grid goes over in slices, never whole.
    const slices = worker.posted.filter((m) => m.type === "rows");
    expect(slices.length).toBe(Math.ceil(grid.values.length / GRID_SLICE_ROWS));
    expect(slices.every((m) => m.type === "rows" && m.values.length <= GRID_SLICE_ROWS)).toBe(true);
    const read = await engine.readHistory(gridId, OPTIONS);
    expect(read.history).toEqual(expected);
    const preview = await engine.preview(read.id, plan);
    expect(preview.ok).toBe(true);
    expect(preview).toEqual(previewPlan(expected, plan));
    // What the pane shows that walks the records comes computed with the history and the plan.
    if (!preview.ok) throw new Error(preview.problem.code);
    expect(preview.warnings).toEqual(growthWarnings(expected.records, preview.result));
    const years = [...new Set(expected.records.map((r) => r.year))];
    for (const year of years) {
      const sum = expected.records.filter((r) => r.year === year).reduce((a, r) => a + r.amount, 0);
      expect(read.yearTotals[year]).toBeCloseTo(sum, 2);
    }
    expect(Object.keys(read.yearTotals).map(Number).sort()).toEqual(years.sort());
    expect(read.yearTotals[plan.planYear - 1]).toBe(preview.result.base);

    const local = localPlanningEngine();
    const localRead = await local.readHistory(await local.loadGrid(grid), OPTIONS);
    expect(localRead.history).toEqual(read.history);
    expect(localRead.yearTotals).toEqual(read.yearTotals);
    expect(await engine.defaultDraft(read.id, "zh-CN")).toEqual(
      await local.defaultDraft(localRead.id, "zh-CN"),
    );
    engine.dispose();
    expect(worker.terminated).toBe(true);
  });

  it("says which grid or history it no longer keeps instead of computing on another", async () => {
    const engine = workerPlanningEngine(inProcessWorker());
    const first = await engine.loadGrid(grid);
    await engine.loadGrid(grid);
    await engine.loadGrid(grid);
    await expect(engine.readHistory(first, {})).rejects.toThrow(`grid ${first} is no longer kept`);
    await expect(engine.preview(999, plan)).rejects.toThrow("history 999 is no longer kept");
  });

  it("rejects what waits when the worker fails, rather than waiting for ever", async () => {
    let fail: (event: { message?: string }) => void = () => undefined;
    const silent: WorkerEndpoint = {
      postMessage: () => undefined,
      addEventListener: (type: string, listener: (event: never) => void) => {
        if (type === "error") fail = listener as (event: { message?: string }) => void;
      },
      terminate: () => undefined,
    };
    const engine = workerPlanningEngine(silent);
    const pending = engine.preview(1, plan);
    fail({ message: "planning-worker.js: 404" });
    await expect(pending).rejects.toThrow("planning-worker.js: 404");
    await expect(engine.preview(1, plan)).rejects.toThrow("planning-worker.js: 404");
  });
});

describe("sameReading", () => {
  it("takes a history read for a refresh as the draft's when it holds what the draft reads", () => {
    const draft = { columns: {}, dimensions: ["region", "rep"] };
    expect(sameReading({ columns: undefined, dimensions: ["region", "rep"] }, draft)).toBe(true);
    expect(sameReading({ dimensions: ["region", "rep"], measures: ["quantity"] }, draft)).toBe(
      true,
    );
    expect(sameReading({ dimensions: ["region"] }, draft)).toBe(false);
    expect(sameReading({ columns: { amount: "Net" }, dimensions: ["region", "rep"] }, draft)).toBe(
      false,
    );
    expect(
      sameReading({ dimensions: ["region", "rep"] }, { ...draft, measures: ["quantity"] }),
    ).toBe(false);
  });
});
