import { createContext, useContext, type ReactNode } from "react";
import type { ExcelPort } from "../../excel/excelPort";

const PortContext = createContext<ExcelPort | null>(null);

/** Gives the pane its Excel port: the real one in Excel, one over an in-memory workbook in tests. */
export function PortProvider(props: { port: ExcelPort; children: ReactNode }) {
  return <PortContext.Provider value={props.port}>{props.children}</PortContext.Provider>;
}

/** The Excel port the pane was given. */
export function usePort(): ExcelPort {
  const port = useContext(PortContext);
  if (!port) throw new Error("the task pane was rendered without an Excel port");
  return port;
}
