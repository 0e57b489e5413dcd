import { existsSync, promises as fsp } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { writeFixtureXlsx } from "../support/buildWorkbook";
import { chineseMessyHistory } from "../cli/fixtures";
import { runStp, tempFolder, writePlan } from "../cli/runStp";

// `stp plan` when the files around it change or fail while it works: the workbook it regenerates
// is saved by someone else, removed or locked between reading and writing, or the disk fails
// half-way. The file that was there stays as it was, and the one line says what to do.

type Folder = Awaited<ReturnType<typeof tempFolder>>;

let folder: Folder;
let run = 0;
/** A plan workbook `stp plan` wrote, with the user's own sheet added: what each test regenerates. */
let planned = "";

beforeAll(async () => {
  folder = await tempFolder();
  await writeFixtureXlsx(folder.file("h.xlsx"), [chineseMessyHistory().sheet]);
  await writePlan(folder.file("p.json"), {
    version: 1,
    planYear: 2026,
    target: { growth: 0.1 },
    levels: [{ dimension: "rep", method: "lastYear" }],
    language: "en-US",
  });
  planned = folder.file("planned/plan.xlsx");
  expect((await stp(planned)).code).toBe(0);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(planned);
  workbook.addWorksheet("My notes").getCell("A1").value = "keep me";
  await workbook.xlsx.writeFile(planned);
});
afterAll(() => folder.remove());
afterEach(() => jest.restoreAllMocks());

/** A fresh output path, with a plan workbook already there (regeneration) unless `fresh`. */
async function outputFile(fresh = false): Promise<string> {
  run++;
  const out = folder.file(`out${run}/plan.xlsx`);
  await fsp.mkdir(path.dirname(out), { recursive: true });
  if (!fresh) await fsp.copyFile(planned, out);
  return out;
}

function stp(out: string, lang = "en_US.UTF-8", json?: string) {
  const args = ["plan", "--history", folder.file("h.xlsx"), "--config", folder.file("p.json")];
  args.push("--out", out, ...(json ? ["--json", json] : []));
  return runStp(args, lang);
}

/** What another program's save of the workbook looks like: the same file with one more sheet. */
async function saveByAnotherProgram(out: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await fsp.readFile(out)) as never);
  workbook.addWorksheet("Saved meanwhile").getCell("B2").value = "typed in Excel";
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  await fsp.writeFile(out, bytes);
  return bytes;
}

const realRename = fsp.rename.bind(fsp);
const realOpen = fsp.open.bind(fsp);

/**
 * Runs `after` once `out` has been read the first time (stp reads a file through a handle it
 * opens, checks and closes): another program's save right after stp read the workbook.
 */
function afterFirstRead(out: string, after: () => Promise<void>): void {
  let reads = 0;
  jest.spyOn(fsp, "open").mockImplementation((async (file: string, ...rest: unknown[]) => {
    const handle = await realOpen(file, ...(rest as [never, never]));
    if (path.resolve(String(file)) === path.resolve(out) && ++reads === 1) {
      const close = handle.close.bind(handle);
      handle.close = async () => {
        await close();
        await after();
      };
    }
    return handle;
  }) as typeof fsp.open);
}

/**
 * Runs `before` once the new workbook is on disk beside `out`, before it replaces `out`: the
 * moment another program's save would go unnoticed by a writer that does not look again.
 */
function beforeReplacing(out: string, before: () => Promise<void>): void {
  jest.spyOn(fsp, "open").mockImplementation((async (file: string, ...rest: unknown[]) => {
    const handle = await realOpen(file, ...(rest as [never, never]));
    if (isTemporaryOf(out, String(file))) {
      const close = handle.close.bind(handle);
      handle.close = async () => {
        await close();
        await before();
      };
    }
    return handle;
  }) as typeof fsp.open);
}

/** Whether a file is the temporary one the new version of `out` is first written to. */
function isTemporaryOf(out: string, file: string): boolean {
  return (
    path.dirname(path.resolve(file)) === path.dirname(path.resolve(out)) &&
    path.basename(file).startsWith(`.${path.basename(out)}.`) &&
    file.endsWith(".tmp")
  );
}

/** Fails the replacing of `out` with an operating-system error of this code. */
function failReplacing(out: string, code: string): void {
  jest.spyOn(fsp, "rename").mockImplementation(async (from, to) => {
    if (path.resolve(String(to)) === path.resolve(out)) {
      throw Object.assign(new Error(`${code}: rename`), { code });
    }
    return realRename(from, to);
  });
}

/** Whether a file holds exactly these bytes (compared whole: a failing diff of bytes is unreadable). */
async function holds(file: string, bytes: Buffer | null): Promise<boolean> {
  return bytes !== null && Buffer.compare(await fsp.readFile(file), bytes) === 0;
}

/** Files of the output's folder, temporary ones included. */
async function folderFiles(out: string): Promise<string[]> {
  return (await fsp.readdir(path.dirname(out))).sort();
}

/** One line, exit 3, with words saying the file was left as it was and what to do next. */
function expectSaysWhatToDo(result: { code: number; err: string[] }, out: string): void {
  expect(result.code).toBe(3);
  expect(result.err).toHaveLength(1);
  expect(result.err[0]).toContain(out);
  expect(result.err[0]).not.toMatch(/internal error|\n\s+at /);
  expect(result.err[0]).toMatch(/nothing was written|was left as it was/);
  expect(result.err[0]).toMatch(/run stp again|choose another --out/);
}

describe("stp plan while the output workbook changes", () => {
  it("does not overwrite a save made by another program between reading and writing", async () => {
    const out = await outputFile();
    let saved: Buffer | null = null;
    beforeReplacing(out, async () => {
      saved = await saveByAnotherProgram(out);
    });
    const result = await stp(out);
    expect(saved).not.toBeNull();
    expect(await holds(out, saved)).toBe(true);
    expectSaysWhatToDo(result, out);
    expect(result.err[0]).toContain("changed while the plan was being written");
    expect(await folderFiles(out)).toEqual(["plan.xlsx"]);

    // Run again: the other program's sheet is kept, the plan rewritten around it.
    jest.restoreAllMocks();
    expect((await stp(out)).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.getWorksheet("Saved meanwhile")?.getCell("B2").value).toBe("typed in Excel");
    expect(workbook.getWorksheet("My notes")?.getCell("A1").value).toBe("keep me");
  });

  it("does not write over a save made right after the workbook was first read", async () => {
    const out = await outputFile();
    let saved: Buffer | null = null;
    afterFirstRead(out, async () => {
      saved = await saveByAnotherProgram(out);
    });
    const result = await stp(out);
    expect(saved).not.toBeNull();
    expect(await holds(out, saved)).toBe(true);
    expectSaysWhatToDo(result, out);
  });

  it("leaves a workbook turned into something else after the first read as it is", async () => {
    const out = await outputFile();
    const theirs = Buffer.from("not a workbook any more");
    afterFirstRead(out, () => fsp.writeFile(out, theirs));
    const result = await stp(out);
    expectSaysWhatToDo(result, out);
    expect(result.err[0]).toContain("cannot be read");
    expect(await holds(out, theirs)).toBe(true);
  });

  it("says so in Chinese", async () => {
    const out = await outputFile();
    beforeReplacing(out, async () => {
      await saveByAnotherProgram(out);
    });
    const result = await stp(out, "zh_CN.UTF-8");
    expect(result.code).toBe(3);
    expect(result.err[0]).toContain("未写入任何内容");
    expect(result.err[0]).toContain("请再次运行 stp");
  });

  it("does not bring back a workbook removed between reading and writing", async () => {
    const out = await outputFile();
    beforeReplacing(out, () => fsp.rm(out));
    const result = await stp(out);
    expectSaysWhatToDo(result, out);
    expect(existsSync(out)).toBe(false);
    expect(await folderFiles(out)).toEqual([]);
  });

  it("does not write over a workbook put where there was none", async () => {
    const out = await outputFile(true);
    const theirs = Buffer.from("someone else's file");
    beforeReplacing(out, () => fsp.writeFile(out, theirs));
    const result = await stp(out);
    expectSaysWhatToDo(result, out);
    expect(await holds(out, theirs)).toBe(true);
  });

  it("leaves a locked workbook as it was", async () => {
    for (const code of ["EBUSY", "EPERM", "EACCES"]) {
      const out = await outputFile();
      const before = await fsp.readFile(out);
      failReplacing(out, code);
      const result = await stp(out);
      expectSaysWhatToDo(result, out);
      expect(result.err[0]).toContain(code);
      expect(await holds(out, before)).toBe(true);
      expect(await folderFiles(out)).toEqual(["plan.xlsx"]);
      jest.restoreAllMocks();
    }
  });
});

describe("stp plan when the disk fails", () => {
  it("leaves the workbook as it was when the disk fills half-way through the write", async () => {
    const out = await outputFile();
    const before = await fsp.readFile(out);
    jest.spyOn(fsp, "open").mockImplementation((async (file: string, ...rest: unknown[]) => {
      const handle = await realOpen(file, ...(rest as [never, never]));
      if (isTemporaryOf(out, String(file))) {
        handle.writeFile = async (data: unknown) => {
          const bytes = data as Uint8Array;
          await handle.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
          throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
        };
      }
      return handle;
    }) as typeof fsp.open);
    const result = await stp(out);
    expectSaysWhatToDo(result, out);
    expect(result.err[0]).toContain("ENOSPC");
    expect(await holds(out, before)).toBe(true);
    expect(await folderFiles(out)).toEqual(["plan.xlsx"]);
  });

  it("leaves the workbook as it was when its folder cannot be written", async () => {
    for (const code of ["EACCES", "EROFS"]) {
      const out = await outputFile();
      const before = await fsp.readFile(out);
      jest.spyOn(fsp, "open").mockImplementation((async (file: string, ...rest: unknown[]) => {
        if (isTemporaryOf(out, String(file))) {
          throw Object.assign(new Error(`${code}: open`), { code });
        }
        return realOpen(file, ...(rest as [never, never]));
      }) as typeof fsp.open);
      const result = await stp(out);
      expectSaysWhatToDo(result, out);
      expect(await holds(out, before)).toBe(true);
      expect(await folderFiles(out)).toEqual(["plan.xlsx"]);
      jest.restoreAllMocks();
    }
  });

  it("refuses an --out that is a folder, and one under a file", async () => {
    const out = await outputFile(true);
    await fsp.mkdir(out);
    const folderResult = await stp(out);
    expectSaysWhatToDo(folderResult, out);
    expect((await fsp.stat(out)).isDirectory()).toBe(true);

    const file = folder.file(`out${run}/a-file`);
    await fsp.writeFile(file, "x");
    const under = path.join(file, "plan.xlsx");
    const underResult = await stp(under);
    expectSaysWhatToDo(underResult, under);
    expect(await fsp.readFile(file, "utf8")).toBe("x");
  });

  it("keeps the previous result JSON when it cannot be replaced", async () => {
    const out = await outputFile();
    const json = folder.file(`out${run}/result.json`);
    await fsp.writeFile(json, '{"previous": true}\n');
    failReplacing(json, "EBUSY");
    const result = await stp(out, "en_US.UTF-8", json);
    expectSaysWhatToDo(result, json);
    expect(await fsp.readFile(json, "utf8")).toBe('{"previous": true}\n');
  });
});
