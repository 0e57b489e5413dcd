import { promises as fsp } from "node:fs";
import path from "node:path";
import { runStp, tempFolder } from "./runStp";

const ROOT = path.join(__dirname, "..", "..");
const GOLDEN = path.join(__dirname, "golden");

/**
 * The result JSON that outside scripts read, pinned byte for byte on both samples (plans without
 * `measures`): what measures add appears only when a plan asks for them. The golden files are the
 * output of the release before measures, with the Chinese skipped-row reasons since written in
 * full-width punctuation (金额不是数字：“N/A”).
 */
describe("stp plan --json on the samples", () => {
  let folder: Awaited<ReturnType<typeof tempFolder>>;
  beforeAll(async () => {
    folder = await tempFolder();
  });
  afterAll(() => folder.remove());

  it.each(["en", "zh"])("writes the same result JSON as before measures (%s)", async (lang) => {
    const json = folder.file(`result-${lang}.json`);
    const run = await runStp([
      "plan",
      ...["--history", path.join(ROOT, "samples", `sales-history-${lang}.xlsx`)],
      ...["--config", path.join(ROOT, "samples", `plan-${lang}.json`)],
      ...["--out", folder.file(`plan-${lang}.xlsx`), "--json", json],
    ]);
    expect(run.code).toBe(0);
    const written = await fsp.readFile(json);
    const golden = await fsp.readFile(path.join(GOLDEN, `result-${lang}.json`));
    expect(written.equals(golden)).toBe(true);
    expect(JSON.parse(written.toString("utf8"))).not.toHaveProperty("measures");
  });
});
