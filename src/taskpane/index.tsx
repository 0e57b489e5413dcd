import { createRoot } from "react-dom/client";
import { pickLanguage } from "../engine/language";
import { loadExcelPane } from "./app/loadExcelPane";
import { OutsideOffice } from "./app/OutsideOffice";
import { PaneLoadFailed } from "./app/PaneLoadFailed";
import { Starting } from "./app/Starting";
import { detectOffice, type OfficeGlobal } from "./host/detectOffice";

/**
 * The add-in's composition root: shows a spinner at once, waits for office.js to say where it
 * runs, then shows the pane over Excel (through the Excel port), or explains how to open it in
 * Excel. The pane's code is a file of its own, downloaded while office.js starts.
 */
async function start(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) return;
  const root = createRoot(container);
  root.render(<Starting language={pickLanguage(navigator.language)} />);
  const pane = loadExcelPane().catch(() => null);
  const office = (globalThis as { Office?: OfficeGlobal }).Office;
  const host = await detectOffice(office, navigator.language);
  document.documentElement.lang = host.language;
  if (host.kind === "outside") {
    root.render(
      <OutsideOffice language={host.language} theme={host.theme} otherHost={host.otherHost} />,
    );
    return;
  }
  const loaded = await pane;
  if (!loaded) {
    root.render(<PaneLoadFailed language={host.language} theme={host.theme} />);
    return;
  }
  const ExcelPane = loaded.default;
  root.render(<ExcelPane language={host.language} theme={host.theme} />);
}

void start();
