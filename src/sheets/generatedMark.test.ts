import { checkedRegistry, markOf, markText, withMark } from "./generatedMark";
import type { PlanStore } from "./planStoreSheet";

describe("the mark of a generated sheet", () => {
  it("is read back from the first row of the sheet's values, kind and member", () => {
    const model = withMark({
      name: "Ann",
      kind: "rep-tab",
      key: '["East","Ann"]',
      rows: [[{ value: "Ann — quota" }], [null, null, { value: 5 }]],
    });
    const values = model.rows.map((row) => row.map((cell) => cell?.value ?? null));
    expect(values[0]).toEqual(["Ann — quota", null, null, markText(model)]);
    expect(model.hiddenColumns).toEqual([3]);
    expect(markOf(values)).toEqual({ kind: "rep-tab", key: '["East","Ann"]' });
  });

  it("is not found in a user's sheet, nor in text that only looks like it", () => {
    expect(markOf([["Regional notes", 3.5]])).toBeNull();
    expect(markOf([])).toBeNull();
    expect(markOf([["Sales Target Planner sheet {broken"]])).toBeNull();
    expect(markOf([['Sales Target Planner sheet {"kind":3}']])).toBeNull();
    expect(markOf([[null], [markText({ kind: "summary" })]])).toBeNull();
  });
});

describe("the registry checked against the workbook", () => {
  const store: PlanStore = {
    plan: "{}",
    sheets: [
      { name: "Plan Summary", kind: "summary" },
      { name: "Tracking", kind: "tracking" },
      { name: "Regional notes", kind: "allocation" },
      { name: "Ann", kind: "rep-tab", key: '["East","Ann"]' },
    ],
  };
  const sheets = [
    { name: "Plan Summary", mark: { kind: "summary" } },
    // The generated Tracking sheet deleted and a user's own added under its name.
    { name: "Tracking", mark: null },
    // The store edited to list a user's sheet.
    { name: "Regional notes", mark: null },
    { name: "ann", mark: { kind: "rep-tab", key: '["East","Ann"]' } },
    { name: "Bo (copy)", mark: { kind: "rep-tab", key: '["East","Bo"]' } },
  ];

  it("lists only the sheets that carry the mark the store names for them", () => {
    expect(checkedRegistry(store, sheets)).toEqual([
      { name: "Plan Summary", kind: "summary" },
      { name: "Ann", kind: "rep-tab", key: '["East","Ann"]' },
    ]);
  });

  it("is the store's list in a workbook written before sheets were marked", () => {
    const unmarked = sheets.map((s) => ({ ...s, mark: null }));
    expect(checkedRegistry(store, unmarked)).toEqual(store.sheets);
  });

  it("is every marked sheet when the store is missing or unreadable", () => {
    expect(checkedRegistry(null, sheets)).toEqual([
      { name: "Plan Summary", kind: "summary" },
      { name: "ann", kind: "rep-tab", key: '["East","Ann"]' },
      { name: "Bo (copy)", kind: "rep-tab", key: '["East","Bo"]' },
    ]);
  });
});
