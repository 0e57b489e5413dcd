import type { PlanStore } from "./planStoreSheet";
import { PlacementError, planSheetWrites, type SheetInventory } from "./sheetPlacement";
import type { SheetModel } from "./sheetModel";

const model = (name: string, kind: string): SheetModel => ({ name, kind, rows: [[null]] });
const models = [
  model("Plan Summary", "summary"),
  model("Tracking (2)", "tracking"),
  model("_stp_plan", "plan-store"),
];
const store: PlanStore = {
  plan: "{}",
  sheets: [
    { name: "Plan Summary", kind: "summary" },
    { name: "Tracking", kind: "tracking" },
    { name: "Regional notes", kind: "allocation" },
  ],
};

describe("placing a plan's sheets, checked against the marks the workbook's sheets carry", () => {
  it("never rewrites or removes a sheet without the mark, whatever the store lists", () => {
    const inventory: SheetInventory = {
      sheets: [
        { name: "Sales", tag: null },
        { name: "Plan Summary", tag: "summary" },
        { name: "Tracking", tag: null },
        { name: "Regional notes", tag: null },
        { name: "_stp_plan", tag: null },
      ],
      tables: [],
      store,
    };
    const plan = planSheetWrites(models, inventory);
    expect(plan.replaced.map((r) => r.existing)).toEqual(["Plan Summary", "_stp_plan"]);
    expect(plan.added.map((m) => m.name)).toEqual(["Tracking (2)"]);
    expect(plan.removed).toEqual([]);
    expect(() => planSheetWrites([model("Tracking", "tracking")], inventory)).toThrow(
      PlacementError,
    );
  });

  it("takes the marked sheets as the plan's when the store is lost, so nothing is duplicated", () => {
    const inventory: SheetInventory = {
      sheets: [
        { name: "Sales", tag: null },
        { name: "Plan Summary", tag: "summary" },
        { name: "Tracking (2)", tag: "tracking" },
      ],
      tables: [],
      store: null,
    };
    const plan = planSheetWrites(models, inventory);
    expect(plan.replaced.map((r) => r.existing)).toEqual(["Plan Summary", "Tracking (2)"]);
    expect(plan.added.map((m) => m.name)).toEqual(["_stp_plan"]);
    expect(plan.finalOrder).toEqual(["Sales", "Plan Summary", "Tracking (2)", "_stp_plan"]);
  });
});
