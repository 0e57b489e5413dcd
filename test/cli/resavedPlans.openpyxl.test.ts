import { promises as fsp } from "node:fs";
import * as path from "node:path";
import { describeWithTools, runPython } from "../support/openpyxl";
import { regeneratesAfter, TYPE_WITH_OPENPYXL } from "../support/resavedPlans";

describeWithTools(
  "a plan re-saved by openpyxl regenerates with every typed cell kept",
  ["openpyxl"],
  () => {
    it(
      "30/30 notes and statuses typed by openpyxl at their (rep, month), user sheets unchanged",
      regeneratesAfter(async (dir, plan, typing) => {
        const typingFile = path.join(dir, "typing.json");
        await fsp.writeFile(typingFile, JSON.stringify(typing));
        await runPython(dir, TYPE_WITH_OPENPYXL, [plan, plan, typingFile]);
      }),
      180_000,
    );
  },
);
