import { readHistory } from "./readHistory";
import { isStageHeader, isWonStage } from "./wonStages";

describe("opportunity stages", () => {
  it.each(["Stage", "Opportunity Stage", "Stage Name", "商机阶段", "阶段"])(
    "%j is a stage column",
    (header) => expect(isStageHeader(header)).toBe(true),
  );
  it.each(["Status", "Stage Duration", "Stage Date"])("%j is not", (header) =>
    expect(isStageHeader(header)).toBe(false),
  );
  it.each(["Closed Won", "closed-won", "Won", "赢单", "已成交"])("%j is won", (stage) =>
    expect(isWonStage(stage)).toBe(true),
  );
  it.each(["Closed Lost", "Prospecting", "Negotiation/Review", "输单", "Wonder"])(
    "%j is not won",
    (stage) => expect(isWonStage(stage)).toBe(false),
  );

  const report = (stages: string[]) =>
    readHistory({
      sheet: "S",
      values: [
        ["Close Date", "Stage", "Amount"],
        ...stages.map((stage, i) => [`2025-0${i + 1}-15`, stage, 100 * (i + 1)]),
      ],
    });

  it("counts won opportunities only, each other one skipped with its stage", () => {
    const read = report(["Closed Won", "Closed Lost", "Prospecting", "Closed Won"]);
    expect(read.records.map((r) => r.amount)).toEqual([100, 400]);
    expect(read.skipped.map((s) => [s.cell, s.code, s.params.stage])).toEqual([
      ["B3", "stage-not-won", "Closed Lost"],
      ["B4", "stage-not-won", "Prospecting"],
    ]);
  });

  it("counts every row of a report whose stages never say won", () => {
    const read = report(["Delivered", "Invoiced"]);
    expect(read.records.map((r) => r.amount)).toEqual([100, 200]);
  });
});
