import { createContext, useContext, type ReactNode } from "react";
import type { ExcelPort } from "../../excel/excelPort";
import type { PlanningEngine } from "./planningEngine";

const PortContext = createContext<ExcelPort | null>(null);
const EngineContext = createContext<PlanningEngine | null>(null);

/**
 * Gives the pane its Excel port (the real one in Excel, one over an in-memory workbook in tests)
 * and its planning engine (a Web Worker in the browser, the page's own thread in jsdom).
 */
export function PortProvider(props: {
  port: ExcelPort;
  engine: PlanningEngine;
  children: ReactNode;
}) {
  return (
    <PortContext.Provider value={props.port}>
      <EngineContext.Provider value={props.engine}>{props.children}</EngineContext.Provider>
    </PortContext.Provider>
  );
}

/** The planning engine the pane was given. */
export function useEngine(): PlanningEngine {
  const engine = useContext(EngineContext);
  if (!engine) throw new Error("the task pane was rendered without a planning engine");
  return engine;
}

/** The Excel port the pane was given. */
export function usePort(): ExcelPort {
  const port = useContext(PortContext);
  if (!port) throw new Error("the task pane was rendered without an Excel port");
  return port;
}
