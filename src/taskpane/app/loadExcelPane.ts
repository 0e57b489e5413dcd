import type { ComponentType } from "react";
import type { Language } from "../../engine/language";
import type { PaneTheme } from "../host/officeTheme";

/**
 * Loads the planning pane — the steps, the engine, the Excel port — from its own file, which the
 * bundle splits off so that the first paint (a spinner) waits only for React and Fluent's core.
 */
export function loadExcelPane(): Promise<{
  default: ComponentType<{ language: Language; theme: PaneTheme }>;
}> {
  // The bundler resolves the ".js" path to the TypeScript source and emits a separate chunk.
  return import(/* webpackChunkName: "pane" */ "./ExcelPane.js") as unknown as Promise<{
    default: ComponentType<{ language: Language; theme: PaneTheme }>;
  }>;
}
