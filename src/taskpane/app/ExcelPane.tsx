import { useState } from "react";
import type { Language } from "../../engine/language";
import { createExcelPort } from "../../excel/createExcelPort";
import type { PaneTheme } from "../host/officeTheme";
import { Pane } from "./Pane";
import { startPlanningWorker } from "./startPlanningWorker";

/**
 * The planning pane over the running Excel (through `Excel.run`, one undo group per write where
 * ExcelApi 1.20 offers it), with the planning engine in a Web Worker.
 */
export default function ExcelPane(props: { language: Language; theme: PaneTheme }) {
  const [port] = useState(() =>
    createExcelPort({
      run: (batch, options) => (options ? Excel.run(options, batch) : Excel.run(batch)),
    }),
  );
  const [engine] = useState(() => startPlanningWorker() ?? undefined);
  return <Pane port={port} engine={engine} language={props.language} theme={props.theme} />;
}
