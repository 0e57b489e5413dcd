import { pickLanguage, type Language } from "../../engine/language";
import { themeFromOffice, type PaneTheme } from "./officeTheme";

/** Where the pane is running. */
export type HostInfo =
  | { kind: "excel"; language: Language; theme: PaneTheme }
  | { kind: "outside"; language: Language; theme: PaneTheme; otherHost: boolean };

/** The part of office.js the pane looks at before it starts. */
export type OfficeGlobal = {
  onReady(): Promise<{ host: unknown; platform: unknown }>;
  HostType?: { Excel?: unknown };
  context?: {
    displayLanguage?: string;
    officeTheme?: { bodyBackgroundColor?: string; isDarkTheme?: boolean };
  };
};

/** How long office.js may take to say where it runs before the pane says it is not in Excel. */
export const OFFICE_READY_TIMEOUT_MS = 5000;

/**
 * Where the pane runs: in Excel (with Office's display language and theme), or outside it — no
 * office.js (blocked or unreachable), `Office.onReady` reporting no host, another Office host, or
 * no answer within the timeout.
 * @example await detectOffice(undefined, "zh-CN") → { kind: "outside", language: "zh-CN", theme: "light", otherHost: false }
 */
export async function detectOffice(
  office: OfficeGlobal | undefined,
  browserLanguage: string | undefined,
  timeoutMs = OFFICE_READY_TIMEOUT_MS,
): Promise<HostInfo> {
  const outside = (otherHost: boolean): HostInfo => ({
    kind: "outside",
    language: pickLanguage(browserLanguage),
    theme: "light",
    otherHost,
  });
  if (!office || typeof office.onReady !== "function") return outside(false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  let info: { host: unknown } | null;
  try {
    info = await Promise.race([office.onReady(), timeout]);
  } catch {
    info = null;
  } finally {
    clearTimeout(timer);
  }
  if (!info || info.host === null || info.host === undefined) return outside(false);
  const excel = office.HostType?.Excel ?? "Excel";
  if (info.host !== excel) return outside(true);
  return {
    kind: "excel",
    language: pickLanguage(office.context?.displayLanguage ?? browserLanguage),
    theme: themeFromOffice(office.context?.officeTheme),
  };
}
