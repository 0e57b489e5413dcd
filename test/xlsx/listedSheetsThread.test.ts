import { existsSync, promises as fsp } from "node:fs";
import * as path from "node:path";
import JSZip from "jszip";
import { describeWithTools, runPython } from "../support/openpyxl";
import { HISTORY, typingFor, TYPE_WITH_OPENPYXL } from "../support/resavedPlans";
import { planArgs, regionRepPlan, runStp, tempFolder, writePlan } from "../cli/runStp";
import type * as Thread from "../../src/xlsx/listedSheetsThread";
import type * as Reader from "../../src/xlsx/readGeneratedSheets";
import type { ListedSheetScan } from "../../src/xlsx/readGeneratedSheets";
import type * as Errors from "../../src/xlsx/fileErrors";
import { KEY_COLUMN_ID, parseRowKey } from "../../src/sheets/rowSignature";
import { foldSheetName } from "../../src/sheets/sheetNames";

/**
 * The reader as `stp` runs it, compiled (`npm run build:cli`, which `npm ci` runs): only there is
 * the worker of the second thread at hand.
 */
const BUILT = path.join(__dirname, "..", "..", "build", "xlsx", "readGeneratedSheets.js");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const built = (): typeof Reader => require(BUILT) as typeof Reader;
const builtErrors = (): typeof Errors =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(path.join(path.dirname(BUILT), "fileErrors.js")) as typeof Errors;
const thread = (): typeof Thread =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(path.join(path.dirname(BUILT), "listedSheetsThread.js")) as typeof Thread;

/** A regional plan with rep tabs written by `stp` into `out`. */
async function writtenPlan(folder: { file: (name: string) => string }): Promise<string> {
  const out = folder.file("plan.xlsx");
  await writePlan(folder.file("plan.json"), regionRepPlan());
  expect((await runStp(planArgs(HISTORY, folder.file("plan.json"), out))).code).toBe(0);
  return out;
}

/** Types over one target of each keyed sheet and comments on another cell, with openpyxl. */
const TYPE_OVER = `
import sys, openpyxl
from openpyxl.comments import Comment
book = openpyxl.load_workbook(sys.argv[1])
for ws in book.worksheets:
    if ws.sheet_state != "visible":
        continue
    for row in ws.iter_rows():
        ids = [c.value for c in row]
        if "__key" in ids and "target" in ids:
            below = ws.cell(row=row[0].row + 3, column=ids.index("target") + 1)
            below.value = 424242
            ws.cell(row=row[0].row + 4, column=ids.index("target") + 1).comment = Comment("why?", "Ann")
            break
book.save(sys.argv[1])
`;

describe("reading a plan's listed sheets on a second thread", () => {
  it("is there once built", () => {
    expect(existsSync(BUILT)).toBe(true);
    expect(existsSync(path.join(path.dirname(BUILT), "listedSheetsWorker.js"))).toBe(true);
  });

  it("fails as one thread fails, naming the file and the part, when a sheet it reads is broken", async () => {
    const folder = await tempFolder();
    try {
      const out = await writtenPlan(folder);
      const zip = await JSZip.loadAsync(await fsp.readFile(out));
      // A sheet the second thread reads, as a first read hands it over.
      const { readListedSheetsOnThread } = thread();
      // The class the compiled reader throws (the sources' is another).
      const { FileAccessError } = builtErrors();
      let sent: ListedSheetScan[] = [];
      await built().readGeneratedSheets(out, {
        secondThreadFrom: 0,
        secondThread: (file, scans) => {
          sent = scans;
          return readListedSheetsOnThread(file, scans);
        },
      });
      expect(sent.length).toBeGreaterThan(0);
      const part = sent[0].part;
      zip.file(part, `<!DOCTYPE lol [<!ENTITY a "aaaa">]><worksheet/>`);
      await fsp.writeFile(
        out,
        await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }),
      );
      const { readGeneratedSheets } = built();
      const one = await readGeneratedSheets(out, { secondThreadFrom: Infinity }).catch((e) => e);
      const two = await readGeneratedSheets(out, { secondThreadFrom: 0 }).catch((e) => e);
      expect(one).toMatchObject({ name: "FileAccessError", code: "file-unreadable" });
      expect(one.params.reason).toContain(part);
      expect(two).toMatchObject({ name: "FileAccessError", code: one.code, params: one.params });
      // The thread itself says it as this one would (not only this thread reading its share again).
      const there = await readListedSheetsOnThread(out, sent).catch((e) => e);
      expect(there).toBeInstanceOf(FileAccessError);
      expect(there).toMatchObject({ code: one.code, params: one.params });
    } finally {
      await folder.remove();
    }
  }, 60_000);
});

describeWithTools("a plan typed into with openpyxl, read on two threads", ["openpyxl"], () => {
  it("gives what one thread reads: values carried, cells typed over, comments", async () => {
    const folder = await tempFolder();
    try {
      const out = await writtenPlan(folder);
      const { readGeneratedSheets } = built();
      const first = await readGeneratedSheets(out, { secondThreadFrom: Infinity });
      const plan = first.values.get(foldSheetName("Action Plan"))!;
      const ids = plan.find((row) => row.includes(KEY_COLUMN_ID))!;
      const keys = plan.flatMap((row) => {
        const key = parseRowKey(row[ids.indexOf(KEY_COLUMN_ID)] ?? null);
        return key ? [`${key.path[key.path.length - 1]}|${key.period}`] : [];
      });
      const typingFile = folder.file("typing.json");
      await fsp.writeFile(typingFile, JSON.stringify(typingFor(keys)));
      await runPython(folder.dir, TYPE_WITH_OPENPYXL, [out, out, typingFile]);
      await runPython(folder.dir, TYPE_OVER, [out]);

      const one = await readGeneratedSheets(out, { secondThreadFrom: Infinity });
      const { readListedSheetsOnThread } = thread();
      let sent = 0;
      const two = await readGeneratedSheets(out, {
        secondThreadFrom: 0,
        secondThread: (file, scans) => {
          sent = scans.length;
          return readListedSheetsOnThread(file, scans);
        },
      });
      expect(sent).toBeGreaterThan(0);
      expect(two).toEqual(one);
      expect([...two.values.keys()]).toEqual([...one.values.keys()]);
      // What was typed is among what both read.
      const typedOver = (read: typeof one) =>
        [...read.values.values()].filter((v) => v.some((row) => row.includes(424242))).length;
      expect(typedOver(one)).toBeGreaterThan(1);
      expect([...one.comments.values()].flat()).toContainEqual(
        expect.objectContaining({ text: "why?" }),
      );
    } finally {
      await folder.remove();
    }
  }, 120_000);
});
