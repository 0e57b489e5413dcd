#!/usr/bin/env node
"use strict";
/**
 * `npm run bench`: measures the planner against a peer in the same run and writes
 * bench-results.json. Not part of the tests. engine_1m_rows needs Debian's python3 with pandas and
 * xlsxwriter (`apt-get install python3-pandas python3-xlsxwriter`); the rest only `npm ci`.
 *
 * engine_1m_rows: a seeded 1,000,000-row history (8 regions × 40 products × 200 reps × 4
 * channels, January three years before the plan year to mid plan year), planned region → product
 * → rep by last year with seasonality and tracking, by `stp plan` as a whole process (workbook and
 * result JSON) and by bench/pandas_plan.py (result JSON and an .xlsx of allocation and tracking),
 * each run BENCH_RUNS times (default 3); the ratio is of the medians; the two result JSONs must agree.
 *
 * excel_read_1m_rows, excel_write_200_reps: the Excel port over the strict in-memory workbook
 * (bench/excelPort.ts, compiled by bench/tsconfig.json into bench/.work/js): round trips and the
 * largest request in bytes reading the same history from a sheet, and writing a 200-rep plan;
 * `growth` lists smaller runs (250,000 and 500,000 rows; 50 and 100 reps) beside the full one.
 *
 * taskpane_initial_js_gzip_bytes: the production build (`npm run build:addin`, into dist/), the
 * gzip size of the scripts dist/taskpane.html loads before its first paint; lazily loaded chunks
 * are not counted. taskpane_initial_js lists the files.
 *
 * taskpane_long_tasks_100k_rows: the same build's test host (the pane over the in-memory workbook,
 * planning in its Web Worker) in headless Chromium with a 100,000-row history: per phase (Read
 * again, Preview after a change of the target, Generate, Refresh actuals) the longest task that
 * blocked the page and how many were over the goal of 100 ms (bench/taskpaneLongTasks.ts; needs
 * Debian's chromium or $CHROMIUM), the median of BENCH_RUNS runs with each run's figure beside it.
 * Opening the pane is reported beside them, not judged.
 *
 * engine_regenerate_1m_rows: the same plan written new by `stp plan`, then regenerated in place
 * (the same --out, another growth and method): wall time and peak resident memory of each, their
 * ratio (goals: ≤ 1 GB, ≤ 1.5 × written new); and `stp plan` from the same history saved as a
 * 1,000,000-row .xlsx (peak ≤ 1 GB: it bounds the .xlsx reader's). A run that dies is reported.
 *
 * BENCH_ONLY=excel,taskpane (any of engine, regenerate, excel, taskpane) runs only those; the other figures
 * of an earlier bench-results.json are kept.
 */
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const WORK = path.join(__dirname, ".work");
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS || 3));
const PYTHON = process.env.BENCH_PYTHON || "/usr/bin/python3";
const STP = path.join(ROOT, "bin", "stp.js");
const { initialScripts } = require("./initialScripts");
const BENCHMARKS = ["engine", "regenerate", "excel", "taskpane"];

function run(command, args, options = {}) {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 1 << 26,
    ...options,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(" ")} failed (${result.status}):\n${result.stderr || result.error}`,
    );
  }
  return { seconds, stdout: result.stdout };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function close(a, b) {
  if (typeof a === "number" && typeof b === "number")
    return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
  return a === b;
}

/** The fields both result JSONs have must agree: target, base, every row and tracking row. */
function compareResults(ours, theirs) {
  const problems = [];
  for (const key of ["target", "base", "unit"])
    if (!close(ours[key], theirs[key])) problems.push(`${key}: ${ours[key]} vs ${theirs[key]}`);
  if (ours.rows.length !== theirs.rows.length)
    problems.push(`rows: ${ours.rows.length} vs ${theirs.rows.length}`);
  ours.rows.forEach((row, i) => {
    const other = theirs.rows[i];
    if (!other) return;
    const same =
      ["region", "product", "rep", "annual"].every((k) =>
        close(row[k] ?? null, other[k] ?? null),
      ) && row.months.every((m, j) => m === other.months[j]);
    if (!same && problems.length < 10)
      problems.push(`row ${i}: ${JSON.stringify(row)} vs ${JSON.stringify(other)}`);
  });
  if (ours.tracking.length !== theirs.tracking.length)
    problems.push(`tracking: ${ours.tracking.length} vs ${theirs.tracking.length}`);
  ours.tracking.forEach((t, i) => {
    const other = theirs.tracking[i];
    if (!other) return;
    const fields = [
      "period",
      "status",
      "target",
      "actual",
      "variance",
      "attainment",
      "ytdTarget",
      "ytdActual",
      "reforecast",
    ];
    const bad = fields.filter((k) => !close(t[k] ?? null, other[k] ?? null));
    if (bad.length && problems.length < 10)
      problems.push(
        `tracking ${i} ${bad.join(",")}: ${JSON.stringify(t)} vs ${JSON.stringify(other)}`,
      );
  });
  return problems;
}

/** The seeded 1,000,000-row history (.csv, or .xlsx for the reading benchmark), made once. */
function benchHistory(extension = "csv") {
  fs.mkdirSync(WORK, { recursive: true });
  const history = path.join(WORK, `history-1m.${extension}`);
  if (!fs.existsSync(history)) {
    console.log(`generating the 1,000,000-row history (.${extension})…`);
    run(process.execPath, [
      STP,
      "sample",
      "--out",
      history,
      "--language",
      "en-US",
      "--rows",
      "1000000",
      "--regions",
      "8",
      "--products",
      "40",
      "--reps",
      "200",
      "--channels",
      "4",
      "--actual-months",
      "6",
      "--seed",
      "1000000",
      "--clean",
    ]);
  }
  return history;
}

/** The benchmark's plan file: region → product → rep by last year, seasonality. */
function benchPlan(name = "plan.json", growth = 0.1, method = "lastYear") {
  const plan = path.join(WORK, name);
  fs.writeFileSync(
    plan,
    JSON.stringify({
      version: 1,
      planYear: 2026,
      target: { growth },
      levels: [
        { dimension: "region", method: "lastYear" },
        { dimension: "product", method: "lastYear" },
        { dimension: "rep", method },
      ],
      time: { grain: "month", method: "seasonality", years: 3, profile: "company" },
      rounding: { unit: 1 },
      language: "en-US",
    }),
  );
  return plan;
}

function engineBenchmark() {
  const history = benchHistory();
  const plan = benchPlan();
  const ours = [];
  const peaks = [];
  const theirs = [];
  for (let i = 0; i < RUNS; i++) {
    fs.rmSync(path.join(WORK, "stp-plan.xlsx"), { force: true });
    const r = run(process.execPath, [
      path.join(__dirname, "measure.js"),
      "plan",
      "--history",
      history,
      "--config",
      plan,
      "--out",
      path.join(WORK, "stp-plan.xlsx"),
      "--json",
      path.join(WORK, "stp-result.json"),
    ]);
    ours.push(r.seconds);
    peaks.push(JSON.parse(r.stdout.trim().split("\n").pop()).peakMb);
    const p = run(PYTHON, [
      path.join(__dirname, "pandas_plan.py"),
      "--history",
      history,
      "--plan",
      plan,
      "--out",
      path.join(WORK, "pandas-plan.xlsx"),
      "--json",
      path.join(WORK, "pandas-result.json"),
    ]);
    theirs.push(p.seconds);
    console.log(
      `run ${i + 1}/${RUNS}: stp ${r.seconds.toFixed(2)} s, pandas ${p.seconds.toFixed(2)} s`,
    );
  }
  const problems = compareResults(
    JSON.parse(fs.readFileSync(path.join(WORK, "stp-result.json"), "utf8")),
    JSON.parse(fs.readFileSync(path.join(WORK, "pandas-result.json"), "utf8")),
  );
  if (problems.length) throw new Error(`the two result JSONs disagree:\n${problems.join("\n")}`);
  const seconds = median(ours);
  const pandasSeconds = median(theirs);
  return {
    seconds,
    pandas_seconds: pandasSeconds,
    ratio: seconds / pandasSeconds,
    peak_mb: Math.max(...peaks),
    results_agree: true,
  };
}

/**
 * `stp` as a whole process, timed from outside, with its peak resident memory: measure.js's
 * figure, or /usr/bin/time's when the process dies before it can say (out of memory). A failure
 * is a figure too: it is returned, not thrown.
 */
function measuredStp(args) {
  const timeFile = path.join(WORK, "time-peak.txt");
  fs.rmSync(timeFile, { force: true });
  const useTime = fs.existsSync("/usr/bin/time");
  const command = useTime ? "/usr/bin/time" : process.execPath;
  const prefix = useTime ? ["-f", "%M", "-o", timeFile, process.execPath] : [];
  const started = process.hrtime.bigint();
  const result = spawnSync(command, [...prefix, path.join(__dirname, "measure.js"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const last = (result.stdout || "").trim().split("\n").pop();
  let peakMb = null;
  try {
    peakMb = JSON.parse(last).peakMb;
  } catch {
    // measure.js could not say: the process died; /usr/bin/time saw its peak.
    const kb = fs.existsSync(timeFile)
      ? Number(fs.readFileSync(timeFile, "utf8").trim().split("\n").pop())
      : NaN;
    peakMb = Number.isFinite(kb) ? kb / 1024 : null;
  }
  const ok = result.status === 0;
  // Node's out-of-memory death prints a stack after the line that says why.
  const lines = (result.stderr || String(result.error)).trim().split("\n");
  const error = ok
    ? null
    : (lines.find((l) => /FATAL ERROR/.test(l)) ?? lines.slice(-2).join(" | ")).trim();
  return { ok, seconds, peakMb, error };
}

/**
 * engine_regenerate_1m_rows: the 1,000,000-row plan written new, then `stp plan` run again onto
 * the same --out with a changed growth and method (regenerated in place); and `stp plan` reading
 * the same history as a 1,000,000-row .xlsx (Excel's row limit) — its peak bounds the reader's.
 */
function regenerateBenchmark() {
  const history = benchHistory();
  const out = path.join(WORK, "stp-regenerate.xlsx");
  fs.rmSync(out, { force: true });
  const args = (plan, from = history, to = out) => [
    "plan",
    "--history",
    from,
    "--config",
    plan,
    "--out",
    to,
  ];
  const fresh = measuredStp(args(benchPlan()));
  console.log(`written new: ${fresh.seconds.toFixed(2)} s, ${fresh.peakMb?.toFixed(0)} MB`);
  if (!fresh.ok) throw new Error(`stp plan (new) failed: ${fresh.error}`);
  const again = measuredStp(args(benchPlan("plan-regenerate.json", 0.12, "history")));
  console.log(
    `regenerated: ${again.seconds.toFixed(2)} s, ${again.peakMb?.toFixed(0)} MB${again.ok ? "" : ` — failed: ${again.error}`}`,
  );
  const xlsxHistory = benchHistory("xlsx");
  const xlsxOut = path.join(WORK, "stp-from-xlsx.xlsx");
  fs.rmSync(xlsxOut, { force: true });
  const fromXlsx = measuredStp(args(benchPlan(), xlsxHistory, xlsxOut));
  console.log(
    `from the .xlsx history: ${fromXlsx.seconds.toFixed(2)} s, ${fromXlsx.peakMb?.toFixed(0)} MB${fromXlsx.ok ? "" : ` — failed: ${fromXlsx.error}`}`,
  );
  return {
    new_seconds: fresh.seconds,
    new_peak_mb: fresh.peakMb,
    seconds: again.seconds,
    peak_mb: again.peakMb,
    ratio: again.seconds / fresh.seconds,
    regenerated: again.ok,
    ...(again.ok ? {} : { error: again.error }),
    xlsx_history_read: {
      seconds: fromXlsx.seconds,
      peak_mb: fromXlsx.peakMb,
      ok: fromXlsx.ok,
      ...(fromXlsx.ok ? {} : { error: fromXlsx.error }),
    },
  };
}

/** Compiles the benchmarks written in TypeScript (bench/tsconfig.json) into bench/.work/js. */
function compileBenchmarks() {
  run(process.execPath, [
    path.join(ROOT, "node_modules", "typescript", "bin", "tsc"),
    "-p",
    path.join(__dirname, "tsconfig.json"),
  ]);
}

/** Compiles the Excel port's benchmark and runs it in a process of its own. */
function excelBenchmarks() {
  compileBenchmarks();
  const r = run(
    process.execPath,
    ["--max-old-space-size=8192", path.join(WORK, "js", "bench", "excelPort.js")],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  return JSON.parse(r.stdout.trim().split("\n").pop());
}

const PANE_PHASES = ["read", "preview", "generate", "refresh"];

/**
 * The pane's long tasks at 100,000 rows (bench/taskpaneLongTasks.ts on the built dist/), BENCH_RUNS
 * times in fresh browsers: per phase, the median over the runs of the run's longest task and of
 * its count over the goal, with each run's longest beside them (other work on a shared machine
 * lengthens single tasks).
 */
function taskpaneLongTasks() {
  console.log(`measuring the pane's long tasks in Chromium at 100,000 rows (${RUNS} runs)…`);
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const r = run(
      process.execPath,
      [path.join(WORK, "js", "bench", "taskpaneLongTasks.js"), path.join(ROOT, "dist")],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    runs.push(JSON.parse(r.stdout.trim().split("\n").pop()));
  }
  const phase = (name) => ({
    longest_ms: median(runs.map((r) => r[name].longest_ms)),
    over_goal: median(runs.map((r) => r[name].over_goal)),
    runs_longest_ms: runs.map((r) => r[name].longest_ms),
    runs_tasks_ms: runs.map((r) => r[name].tasks_ms),
  });
  const phases = Object.fromEntries([...PANE_PHASES, "opening"].map((p) => [p, phase(p)]));
  const goal = runs[0].goal_ms;
  return {
    rows: runs[0].rows,
    runs: RUNS,
    goal_ms: goal,
    longest_ms: Math.max(...PANE_PHASES.map((p) => phases[p].longest_ms)),
    met: PANE_PHASES.every((p) => phases[p].longest_ms <= goal),
    ...phases,
  };
}

/** Builds the add-in for production and sizes the scripts the task pane loads before first paint. */
function taskpaneBenchmark() {
  console.log("building the add-in (npm run build:addin)…");
  run(process.execPath, [
    path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js"),
    "--mode",
    "production",
  ]);
  const scripts = initialScripts(path.join(ROOT, "dist"), "taskpane.html");
  console.log(
    `taskpane.html loads ${scripts.files.map((f) => `${f.file} (${f.gzipBytes} B gzip)`).join(", ")}`,
  );
  compileBenchmarks();
  const tasks = taskpaneLongTasks();
  console.table(
    Object.fromEntries(
      [...PANE_PHASES, "opening"].map((phase) => [
        phase,
        {
          [`longest task (ms, median of ${tasks.runs})`]: tasks[phase].longest_ms,
          "longest of each run": tasks[phase].runs_longest_ms.join(", "),
          [`over ${tasks.goal_ms} ms (median)`]: tasks[phase].over_goal,
          goal: phase === "opening" ? "(told)" : `≤ ${tasks.goal_ms} ms`,
        },
      ]),
    ),
  );
  return {
    taskpane_long_tasks_100k_rows: tasks,
    taskpane_initial_js_gzip_bytes: scripts.gzipBytes,
    taskpane_initial_js: Object.fromEntries(
      scripts.files.map((f) => [f.file.replace(/\.[0-9a-f]{8}\.js$/, ".js"), f.gzipBytes]),
    ),
  };
}

function main() {
  const only = (process.env.BENCH_ONLY || BENCHMARKS.join(","))
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = only.filter((name) => !BENCHMARKS.includes(name));
  if (unknown.length)
    throw new Error(`BENCH_ONLY: unknown ${unknown.join(", ")}; use ${BENCHMARKS.join(", ")}`);
  const out = path.join(ROOT, "bench-results.json");
  const earlier = fs.existsSync(out) ? JSON.parse(fs.readFileSync(out, "utf8")) : {};
  const measured = {};
  // The cheap parts first: they fail fast.
  if (only.includes("excel")) Object.assign(measured, excelBenchmarks());
  if (only.includes("taskpane")) Object.assign(measured, taskpaneBenchmark());
  if (only.includes("engine")) measured.engine_1m_rows = engineBenchmark();
  if (only.includes("regenerate")) measured.engine_regenerate_1m_rows = regenerateBenchmark();
  const order = [
    "engine_1m_rows",
    "engine_regenerate_1m_rows",
    "excel_read_1m_rows",
    "excel_write_200_reps",
    "taskpane_initial_js_gzip_bytes",
    "taskpane_initial_js",
    "taskpane_long_tasks_100k_rows",
  ];
  const merged = { ...earlier, ...measured };
  const results = Object.fromEntries(
    [...order, ...Object.keys(merged)].filter((k) => k in merged).map((k) => [k, merged[k]]),
  );
  fs.writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(JSON.stringify(measured, null, 2));
  const kept = Object.keys(results).filter((k) => !(k in measured));
  if (kept.length) console.log(`kept from an earlier run: ${kept.join(", ")}`);
  console.log(`wrote ${path.relative(ROOT, out)}`);
}

main();
