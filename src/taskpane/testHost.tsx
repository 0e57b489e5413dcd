/**
 * The task pane over an in-memory workbook instead of Excel, for browser tests (dist/test-host.html;
 * never referenced by the manifest). The workbook starts with the bundled sample history,
 * generated in the page, and is exposed as `window.__stpWorkbook` for the test to inspect.
 * Query: `?lang=zh-CN` (default en-US), `?theme=dark`, `?rows=N` (about N sales rows),
 * `?latency=150` (milliseconds per round trip, as Excel on the web; default 0, which still lets the
 * page turn between requests as Excel's asynchronous calls do), `?excelApi=1.19` (the highest
 * ExcelApi the workbook supports; default 1.20). As in Excel, a spinner shows first and the pane's
 * code comes from a file of its own; the planning runs in the Web Worker the add-in uses. Once the
 * workbook is made, the page marks `stp-host-ready` (performance.mark) for tests that time the pane.
 */
import type { ComponentType } from "react";
import { createRoot } from "react-dom/client";
import { createFakeWorkbook, type FakeWorkbook } from "../../test/support/excelFake";
import { pickLanguage } from "../engine/language";
import { createExcelPort } from "../excel/createExcelPort";
import { generateHistory } from "../sample/generateHistory";
import type { PaneProps } from "./app/Pane";
import { Starting } from "./app/Starting";
import { startPlanningWorker } from "./app/startPlanningWorker";

declare global {
  interface Window {
    __stpWorkbook?: FakeWorkbook;
  }
}

/** The in-memory workbook measures requests in UTF-8 bytes the way Node does. */
function provideByteLength(): void {
  const scope = globalThis as { Buffer?: unknown };
  if (scope.Buffer) return;
  const encoder = new TextEncoder();
  scope.Buffer = { byteLength: (text: string) => encoder.encode(text).length };
}

/** The pane, from the file the bundle splits it into. */
function loadPane(): Promise<{ Pane: ComponentType<PaneProps> }> {
  return import(/* webpackChunkName: "test-host-pane" */ "./app/Pane.js") as unknown as Promise<{
    Pane: ComponentType<PaneProps>;
  }>;
}

async function start(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) return;
  const query = new URLSearchParams(window.location.search);
  const language = pickLanguage(query.get("lang") ?? "en-US");
  const theme = query.get("theme") === "dark" ? "dark" : "light";
  const rows = Number(query.get("rows") ?? "3000");
  const latency = Number(query.get("latency") ?? "0");
  const excelApi = /^1\.\d+$/.test(query.get("excelApi") ?? "") ? query.get("excelApi") : null;
  const root = createRoot(container);
  root.render(<Starting language={language} />);
  const pane = loadPane();
  provideByteLength();
  // The same history as samples/sales-history-*.xlsx (`stp sample` defaults).
  const grid = generateHistory({
    language,
    planYear: 2026,
    actualMonths: 4,
    rows: Number.isFinite(rows) && rows > 0 ? rows : 3000,
    seed: 20260101,
    messy: true,
  });
  const fake = createFakeWorkbook({
    sheets: [{ name: grid.sheet, values: grid.values, numberFormats: grid.numberFormats }],
    ...(excelApi ? { requirementSets: [`ExcelApi ${excelApi}`] } : {}),
  });
  fake.setLatency(Number.isFinite(latency) && latency > 0 ? latency : 0);
  window.__stpWorkbook = fake;
  performance.mark("stp-host-ready");
  document.documentElement.lang = language;
  const { Pane } = await pane;
  root.render(
    <Pane
      port={createExcelPort(fake.host, { isSetSupported: fake.isSetSupported })}
      engine={startPlanningWorker() ?? undefined}
      language={language}
      theme={theme}
    />,
  );
}

void start();
