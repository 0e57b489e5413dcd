import { workedExampleRecords } from "../../../src/engine/plan/testing/workedExample";
import { PlanError } from "../../../src/engine/planError";
import {
  addLevel,
  addLock,
  moveLevel,
  removeLevel,
  setLevelMethod,
  startingWeights,
} from "../../../src/taskpane/model/draftEdits";
import {
  fieldDomId,
  fieldPathAncestors,
  stepOfField,
} from "../../../src/taskpane/model/fieldPaths";
import { gridHead, headerTexts } from "../../../src/taskpane/model/headerTexts";
import { readHistory } from "../../../src/engine/reader/readHistory";
import {
  historyCandidates,
  sourceFromKey,
  sourceKey,
} from "../../../src/taskpane/model/historySources";
import { membersOf } from "../../../src/taskpane/model/members";
import { parseNumberText } from "../../../src/taskpane/model/parseNumberText";
import { defaultDraft } from "../../../src/taskpane/model/planDraft";
import { isCancelled, portFailure } from "../../../src/taskpane/model/portFailure";

describe("parseNumberText", () => {
  it.each([
    ["1,234.5", 1234.5],
    [" 12 ", 12],
    ["１２％", 12],
    ["¥1,000", 1000],
    ["$ 250", 250],
    ["-3.5", -3.5],
    ["−3", -3],
    [".5", 0.5],
    ["12%", 12],
  ])("reads %p as %p", (text, value) => expect(parseNumberText(text)).toBe(value));

  it.each(["abc", "1.2.3", "--1", "12a", "%"])("refuses %p", (text) =>
    expect(parseNumberText(text)).toBeNull(),
  );

  it("leaves blank as undefined", () => expect(parseNumberText("  ")).toBeUndefined());
});

describe("field paths", () => {
  it("makes DOM ids from plan-file paths", () => {
    expect(fieldDomId("locks[0].amount")).toBe("stp-field-locks-0-amount");
    expect(fieldDomId('levels[0].weights["华东"]')).toBe("stp-field-levels-0-weights-华东");
    expect(fieldDomId("(plan)")).toBe("stp-field-plan");
  });

  it("knows each field's step", () => {
    expect(stepOfField("columns.region")).toBe("data");
    expect(stepOfField("target.growth")).toBe("target");
    expect(stepOfField("asOf")).toBe("target");
    expect(stepOfField("levels[1].max")).toBe("breakdown");
    expect(stepOfField("locks[0].where.rep")).toBe("breakdown");
    expect(stepOfField("time.weights[3]")).toBe("breakdown");
    expect(stepOfField("(plan)")).toBe("preview");
  });

  it("lists a path's ancestors, nearest first", () => {
    expect(fieldPathAncestors("locks[0].where.region")).toEqual([
      "locks[0].where.region",
      "locks[0].where",
      "locks[0]",
      "locks",
    ]);
    expect(fieldPathAncestors("planYear")).toEqual(["planYear"]);
  });
});

describe("draft edits", () => {
  const history = {
    sheet: "S",
    layout: "long" as const,
    headerRow: 0,
    columns: {
      region: { column: 1, header: "Region", overridden: false },
      rep: { column: 2, header: "Rep", overridden: false },
    },
    otherColumns: [],
    monthColumns: [],
    records: workedExampleRecords(),
    skipped: [],
    notes: [],
  };

  it("adds, moves and removes levels with stable keys", () => {
    let draft = defaultDraft(history, "en-US");
    draft = addLevel(draft, "product");
    expect(draft.levels.map((l) => l.dimension)).toEqual(["region", "rep", "product"]);
    const productKey = draft.levels[2].key;
    draft = moveLevel(draft, productKey, -1);
    expect(draft.levels.map((l) => l.dimension)).toEqual(["region", "product", "rep"]);
    expect(moveLevel(draft, draft.levels[0].key, -1)).toBe(draft);
    draft = removeLevel(draft, productKey);
    expect(draft.levels.map((l) => l.dimension)).toEqual(["region", "rep"]);
    expect(new Set(addLock(addLock(draft)).locks.map((l) => l.key)).size).toBe(2);
  });

  it("starts manual weights from last year's shares in percent", () => {
    expect(startingWeights(workedExampleRecords(), "region", 2026)).toEqual({
      East: "65.2",
      West: "34.8",
    });
    const draft = defaultDraft(history, "en-US");
    const manual = setLevelMethod(draft, draft.levels[0].key, "manual", workedExampleRecords());
    expect(manual.levels[0].weights).toEqual({ East: "65.2", West: "34.8" });
    const blend = setLevelMethod(draft, draft.levels[1].key, "blend", workedExampleRecords());
    expect(blend.levels[1].parts.map((p) => p.method)).toEqual(["lastYear", "history"]);
  });
});

describe("members, header texts and sources", () => {
  it("lists members before the plan year, under a parent", () => {
    const records = workedExampleRecords();
    expect(membersOf(records, "rep", 2026)).toEqual(["Ann", "Bo", "Cy"]);
    expect(membersOf(records, "rep", 2026, { region: "East" })).toEqual(["Ann", "Bo"]);
    expect(membersOf(records, "rep", 2023)).toEqual([]);
  });

  it("offers the header row's texts with their columns", () => {
    expect(
      headerTexts(
        {
          sheet: "S",
          values: [["Sales ledger"], ["Date", "", "Amount", "Date"]],
          origin: { row: 2, column: 1 },
        },
        3,
      ),
    ).toEqual([
      { header: "Date", column: "B" },
      { header: "Amount", column: "D" },
    ]);
  });

  it("keeps of a long history only the rows its header is found in, and offers the same texts", () => {
    const title = Array.from({ length: 14 }, (_, i) => (i === 0 ? ["Sales ledger 2023–2025"] : []));
    const data = Array.from({ length: 5000 }, (_, i) => [
      `2024-${String((i % 12) + 1).padStart(2, "0")}-01`,
      ["East", "West"][i % 2],
      100 + i,
    ]);
    const grid = {
      sheet: "Sales",
      values: [...title, ["Date", "Region", "Amount"], ...data],
      origin: { row: 1, column: 2 },
    };
    const { headerRow } = readHistory(grid, {});
    expect(headerRow).toBe(15);
    const head = gridHead(grid);
    expect(head.values.length).toBeLessThan(30);
    expect(head.origin).toEqual(grid.origin);
    expect(headerTexts(head, headerRow)).toEqual(headerTexts(grid, headerRow));
    expect(headerTexts(head, headerRow).map((o) => o.column)).toEqual(["C", "D", "E"]);
  });

  it("puts the active sheet first and leaves out generated and hidden sheets", () => {
    const outline = {
      activeSheet: "Sales",
      sheets: [
        { name: "Notes", visibility: "Visible" as const },
        { name: "Plan Summary", visibility: "Visible" as const, generatedKind: "summary" },
        { name: "Sales", visibility: "Visible" as const },
        { name: "Old", visibility: "Hidden" as const },
        { name: "_stp_plan", visibility: "VeryHidden" as const },
      ],
      tables: [],
    };
    expect(historyCandidates(outline).map((s) => s.name)).toEqual(["Sales", "Notes"]);
    expect(sourceFromKey(sourceKey({ kind: "table", name: "T:1" }))).toEqual({
      kind: "table",
      name: "T:1",
    });
    expect(sourceFromKey("nonsense")).toBeNull();
  });
});

describe("portFailure", () => {
  it("keeps the port's code and its params", () => {
    const failure = Object.assign(new Error("taken"), {
      code: "sheet-name-taken",
      params: { sheet: "Tracking", written: ["A", "B"], nested: { x: 1 } },
    });
    expect(portFailure(failure)).toEqual({
      code: "sheet-name-taken",
      params: { sheet: "Tracking", written: "A, B" },
    });
  });

  it("turns anything else into an Excel error with its words", () => {
    const office = Object.assign(new Error("The request payload size has exceeded the limit."), {
      code: "RequestPayloadSizeLimitExceeded",
    });
    expect(portFailure(office)).toEqual({
      code: "excel-error",
      params: { detail: "The request payload size has exceeded the limit." },
    });
    expect(portFailure("boom")).toEqual({ code: "excel-error", params: { detail: "boom" } });
  });

  it("knows a cancel, from the port or from an abort", () => {
    expect(isCancelled({ code: "cancelled", params: {} })).toBe(true);
    expect(isCancelled(Object.assign(new Error("x"), { name: "AbortError" }))).toBe(true);
    expect(portFailure(new PlanError("caps-infeasible", { parent: "East" }))).toEqual({
      code: "caps-infeasible",
      params: { parent: "East" },
    });
  });
});
