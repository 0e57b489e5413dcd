import { createRoot } from "react-dom/client";
import { pickLanguage } from "../engine/language";
import { createExcelPort } from "../excel/createExcelPort";
import { OutsideOffice } from "./app/OutsideOffice";
import { Pane } from "./app/Pane";
import { Starting } from "./app/Starting";
import { detectOffice, type OfficeGlobal } from "./host/detectOffice";

/**
 * The add-in's composition root: waits for office.js to say where it runs, then shows the pane
 * over Excel (through the Excel port), or explains how to open it in Excel.
 */
async function start(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) return;
  const root = createRoot(container);
  root.render(<Starting language={pickLanguage(navigator.language)} />);
  const office = (globalThis as { Office?: OfficeGlobal }).Office;
  const host = await detectOffice(office, navigator.language);
  document.documentElement.lang = host.language;
  if (host.kind === "outside") {
    root.render(
      <OutsideOffice language={host.language} theme={host.theme} otherHost={host.otherHost} />,
    );
    return;
  }
  const port = createExcelPort({ run: (batch) => Excel.run(batch) });
  root.render(<Pane port={port} language={host.language} theme={host.theme} />);
}

void start();
