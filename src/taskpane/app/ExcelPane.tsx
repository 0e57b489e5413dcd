import { useState } from "react";
import type { Language } from "../../engine/language";
import { createExcelPort } from "../../excel/createExcelPort";
import type { PaneTheme } from "../host/officeTheme";
import { Pane } from "./Pane";

/** The planning pane over the running Excel (through `Excel.run`). */
export default function ExcelPane(props: { language: Language; theme: PaneTheme }) {
  const [port] = useState(() => createExcelPort({ run: (batch) => Excel.run(batch) }));
  return <Pane port={port} language={props.language} theme={props.theme} />;
}
