import { spawnSync } from "node:child_process";
import * as path from "node:path";

const ROOT = path.join(__dirname, "..", "..");

type Probe = { file: string; source: string };

/**
 * Lints source texts as if they were files of the project, with the project's own ESLint config,
 * in one child process (ESLint's flat config is ESM); returns the rule ids hit per probe.
 */
function lintAll(probes: Probe[]): string[][] {
  const script = `
    const { ESLint } = require("eslint");
    const probes = JSON.parse(require("fs").readFileSync(0, "utf8"));
    (async () => {
      const eslint = new ESLint({ cwd: ${JSON.stringify(ROOT)} });
      const out = [];
      for (const p of probes) {
        const [r] = await eslint.lintText(p.source, { filePath: p.file });
        out.push(r.messages.map((m) => m.ruleId ?? "(parse) " + m.message));
      }
      process.stdout.write(JSON.stringify(out));
    })().catch((e) => { console.error(e); process.exit(1); });`;
  const run = spawnSync(process.execPath, ["-e", script], {
    cwd: ROOT,
    input: JSON.stringify(probes),
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as string[][];
}

const forbidden: [string, string][] = [
  ["React", 'import React from "react";\nexport const x = React;\n'],
  ["Office", 'import "office-js";\nexport const x = 1;\n'],
  ["Fluent UI", 'import { Button } from "@fluentui/react-components";\nexport const x = Button;\n'],
  ["Node's fs", 'import { readFileSync } from "node:fs";\nexport const x = readFileSync;\n'],
  ["ExcelJS", 'import ExcelJS from "exceljs";\nexport const x = ExcelJS;\n'],
  ["a port", 'import { readHistoryFile } from "../xlsx";\nexport const x = readHistoryFile;\n'],
];
const globals =
  "export const a = Office;\nexport const b = Excel;\nexport const c = window;\nexport const d = process;\n";
const zlib = 'import * as zlib from "node:zlib";\nexport const x = zlib;\n';
const testTools = [
  'import ExcelJS from "exceljs";\nexport const x = ExcelJS;\n',
  'import JSZip from "jszip";\nexport const x = JSZip;\n',
];

describe("the pure layers stay pure (lint)", () => {
  const results = lintAll([
    ...forbidden.map(([, source]) => ({ file: "src/engine/probe.ts", source })),
    ...forbidden.map(([, source]) => ({ file: "src/sheets/probe.ts", source })),
    { file: "src/sheets/probe.ts", source: globals },
    { file: "src/xlsx/probe.ts", source: zlib },
    ...testTools.map((source) => ({ file: "src/xlsx/probe.ts", source })),
    ...testTools.map((source) => ({ file: "src/cli/probe.ts", source })),
  ]);

  it.each(forbidden.map(([what], i) => [what, i] as const))(
    "an import of %s fails lint in src/engine and src/sheets",
    (_what, i) => {
      expect(results[i]).toContain("no-restricted-imports");
      expect(results[forbidden.length + i]).toContain("no-restricted-imports");
    },
  );

  it("the globals Office, Excel, window and process are refused", () => {
    expect(results[2 * forbidden.length].filter((h) => h === "no-restricted-globals")).toHaveLength(
      4,
    );
  });

  it("the ports may import what they need", () => {
    expect(results[2 * forbidden.length + 1]).toEqual([]);
  });

  it("ExcelJS and JSZip, test tools only, fail lint in the file port and the command line", () => {
    const hits = results.slice(2 * forbidden.length + 2);
    expect(hits).toHaveLength(2 * testTools.length);
    for (const hit of hits) expect(hit).toContain("no-restricted-imports");
  });
});
