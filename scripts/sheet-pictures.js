#!/usr/bin/env node
"use strict";
/**
 * `npm run pictures`: pictures of generated sheets as LibreOffice renders them, for the README.
 * For each language, `stp plan` plans the bundled sample (tracking to March), LibreOffice exports
 * the workbook to PDF one page per sheet, and poppler's pdftoppm draws the top of the first rep
 * tab and of the tracking sheet into docs/pictures/<language>-rep-tab.png and -tracking.png.
 * Needs LibreOffice and the CJK font (scripts/install-system-deps.sh) and poppler-utils (installed
 * here when missing).
 */
const { execFileSync, spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { pathToFileURL } = require("url");

const ROOT = path.join(__dirname, "..");
const OUT = path.join(ROOT, "docs", "pictures");
const STP = path.join(ROOT, "bin", "stp.js");
/** Pixels per inch of the pictures, and how much of each page's top they show (in pixels). */
const DPI = 80;
const CROPS = { "rep-tab": { width: 1740, height: 1500 }, tracking: { width: 1240, height: 900 } };
const LANGUAGES = [
  { language: "en-US", history: "sales-history-en.xlsx", plan: "plan-en.json" },
  { language: "zh-CN", history: "sales-history-zh.xlsx", plan: "plan-zh.json" },
];

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: "utf8", ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} failed (${result.status}):\n${result.stderr}`);
  }
  return result.stdout;
}

function ensurePoppler() {
  if (spawnSync("pdftoppm", ["-v"]).status === 0) return;
  const sudo = process.getuid && process.getuid() === 0 ? [] : ["sudo"];
  const apt = (...args) =>
    run(sudo[0] ?? "apt-get", [...sudo.slice(1), ...(sudo.length ? ["apt-get"] : []), ...args], {
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  console.log("installing poppler-utils (pdftoppm)…");
  apt("update", "-qq");
  apt("install", "-y", "-qq", "--no-install-recommends", "poppler-utils");
}

/** The page (1-based) of each generated sheet kind's first sheet, from the plan store's registry. */
async function pagesOf(workbook) {
  const { readHistoryFile } = require(path.join(ROOT, "build", "xlsx", "readHistoryFile.js"));
  const { readPlanStore, PLAN_STORE_SHEET } = require(
    path.join(ROOT, "build", "sheets", "planStoreSheet.js"),
  );
  const grids = await readHistoryFile(workbook);
  const store = grids.find((g) => g.sheet === PLAN_STORE_SHEET);
  const registry = readPlanStore(store.values).sheets;
  // LibreOffice draws the visible sheets in workbook order, one page each.
  const visible = grids.filter((g) => g.state === "visible").map((g) => g.sheet);
  const pages = {};
  for (const kind of Object.keys(CROPS)) {
    const sheet = registry.find((s) => s.kind === kind);
    pages[kind] = { sheet: sheet.name, page: visible.indexOf(sheet.name) + 1 };
  }
  return pages;
}

async function main() {
  ensurePoppler();
  fs.mkdirSync(OUT, { recursive: true });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "stp-pictures-"));
  try {
    for (const { language, history, plan } of LANGUAGES) {
      const workbook = path.join(work, `${language}.xlsx`);
      run(process.execPath, [
        STP,
        "plan",
        "--history",
        path.join(ROOT, "samples", history),
        "--config",
        path.join(ROOT, "samples", plan),
        "--out",
        workbook,
        "--as-of",
        "2026-03",
      ]);
      run("soffice", [
        `-env:UserInstallation=${pathToFileURL(path.join(work, "profile")).href}`,
        "--headless",
        "--norestore",
        "--convert-to",
        'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}',
        "--outdir",
        work,
        workbook,
      ]);
      const pdf = path.join(work, `${language}.pdf`);
      for (const [kind, { sheet, page }] of Object.entries(await pagesOf(workbook))) {
        // The page's first line is the sheet's title: a check that the page is the right one.
        const title = execFileSync("pdftotext", ["-f", `${page}`, "-l", `${page}`, pdf, "-"], {
          encoding: "utf8",
        }).split("\n")[0];
        const crop = CROPS[kind];
        const stem = path.join(work, `${language}-${kind}`);
        run("pdftoppm", [
          ...["-png", "-singlefile", "-r", `${DPI}`, "-f", `${page}`, "-l", `${page}`],
          ...["-x", "0", "-y", "0", "-W", `${crop.width}`, "-H", `${crop.height}`],
          pdf,
          stem,
        ]);
        fs.copyFileSync(`${stem}.png`, path.join(OUT, `${language}-${kind}.png`));
        console.log(`${language} ${kind}: sheet "${sheet}" (page ${page}, "${title}")`);
      }
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  console.log(`wrote ${path.relative(ROOT, OUT)}/`);
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
