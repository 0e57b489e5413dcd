import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { useState } from "react";
import type { Language } from "../../engine/language";
import type { ExcelPort } from "../../excel/excelPort";
import { I18nProvider } from "../i18n/I18nContext";
import { PortProvider } from "../state/PortContext";
import { localPlanningEngine, type PlanningEngine } from "../state/planningEngine";
import type { PaneTheme } from "../host/officeTheme";
import { FILL_PANE } from "./fillPane";
import { PlannerFlow } from "./PlannerFlow";

export type PaneProps = {
  /** The workbook, through the Excel port. */
  port: ExcelPort;
  language: Language;
  theme: PaneTheme;
  /**
   * Reads histories and computes plans: the page passes one in a Web Worker
   * (`startPlanningWorker`); without it the pane works on the page's own thread.
   */
  engine?: PlanningEngine;
};

/** The task pane in Excel: Fluent theme, language and port for the planning flow. */
export function Pane(props: PaneProps) {
  const [own] = useState(localPlanningEngine);
  const engine = props.engine ?? own;
  return (
    <FluentProvider
      theme={props.theme === "dark" ? webDarkTheme : webLightTheme}
      lang={props.language}
      style={FILL_PANE}
    >
      <I18nProvider language={props.language}>
        <PortProvider port={props.port} engine={engine}>
          <PlannerFlow />
        </PortProvider>
      </I18nProvider>
    </FluentProvider>
  );
}
