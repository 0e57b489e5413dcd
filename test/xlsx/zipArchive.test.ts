import { execFileSync } from "node:child_process";
import { promises as fsp } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import JSZip from "jszip";
import { ZipArchive } from "../../src/xlsx/zipArchive";

/** Text of about `size` characters: XML-like, some CJK, enough repetition to compress. */
function bulkyText(size: number, seed: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const piece = `<row r="${i + seed}"><c t="s"><v>${(i * 7919 + seed) % 1000}</v></c>华东${i % 13}</row>`;
    parts.push(piece);
    length += piece.length;
  }
  return parts.join("");
}

describe("ZipArchive", () => {
  it("gives back every entry exactly, in pieces of any size, entries of many chunks included", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            size: fc.oneof(fc.integer({ min: 0, max: 2_000 }), fc.constant(2_500_000)),
            piece: fc.integer({ min: 1, max: 300_000 }),
            level: fc.constantFrom(1, 6),
          }),
          { minLength: 1, maxLength: 3 },
        ),
        async (specs) => {
          const zip = new ZipArchive(6);
          const texts = specs.map((spec, i) => bulkyText(spec.size, i));
          for (const [i, spec] of specs.entries()) {
            const text = texts[i];
            await zip.addEntry(
              `part${i}.xml`,
              async (write) => {
                for (let at = 0; at < text.length; at += spec.piece)
                  await write(text.slice(at, at + spec.piece));
              },
              spec.level,
            );
          }
          const read = await JSZip.loadAsync(await zip.finish(), { checkCRC32: true });
          for (const [i, text] of texts.entries())
            expect(await read.file(`part${i}.xml`)!.async("string")).toBe(text);
        },
      ),
      { numRuns: 8 },
    );
  });

  it("writes the same bytes for the same entries, and a zip that unzip accepts", async () => {
    const build = async () => {
      const zip = new ZipArchive(1);
      await zip.addText("big.xml", bulkyText(3_000_000, 1));
      await zip.addText("small.xml", "<a/>");
      return await zip.finish();
    };
    const bytes = await build();
    expect((await build()).equals(bytes)).toBe(true);
    const dir = await fsp.mkdtemp(path.join(os.tmpdir(), "stp-zip-"));
    try {
      const file = path.join(dir, "a.zip");
      await fsp.writeFile(file, bytes);
      // Info-ZIP's own check of every entry's data and CRC.
      expect(execFileSync("unzip", ["-tq", file], { encoding: "utf8" })).toMatch(/No errors/);
    } finally {
      await fsp.rm(dir, { recursive: true, force: true });
    }
  });
});
