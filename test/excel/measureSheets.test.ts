import type { Language } from "../../src/engine/language";
import { sheetLabels } from "../../src/sheets/labels";
import { open } from "./support/openPort";
import { expectSheetWritten } from "./support/expectWritten";
import { planFixture } from "./support/planFixture";

describe("a plan with measures, written through the Excel port", () => {
  it.each<Language>(["en-US", "zh-CN"])(
    "writes the Profit Plan and the measure columns as the models say, with no change to the writer (%s)",
    async (language) => {
      const fixture = planFixture({
        reps: 4,
        rows: 800,
        regions: 2,
        language,
        measures: { quantity: { unit: 1 }, expenses: { rate: 0.05 } },
      });
      const labels = sheetLabels(language);
      const names = fixture.models.map((m) => m.name);
      expect(names.slice(0, 4)).toEqual([
        labels.sheetNames.summary,
        labels.sheetNames.allocation,
        labels.sheetNames.allocationTable,
        labels.sheetNames.profitPlan,
      ]);
      const allocation = fixture.models[1];
      expect(allocation.rows[3].map((c) => c?.value)).toContain(labels.measures.quantity);

      const { fake, port } = open([fixture.historySheet]);
      const report = await port.writeSheets(fixture.models);
      expect(report).toMatchObject({ added: names, replaced: [], removed: [] });
      for (const model of fixture.models) expectSheetWritten(fake, model);
    },
  );
});
