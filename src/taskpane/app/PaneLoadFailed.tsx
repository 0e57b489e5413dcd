import { Body1, FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import type { Language } from "../../engine/language";
import type { PaneTheme } from "../host/officeTheme";
import { UI_STRINGS } from "../i18n/uiStringsByLanguage";
import { FILL_PANE } from "./fillPane";

/** What the pane shows when its own code could not be loaded (the add-in's server unreachable). */
export function PaneLoadFailed(props: { language: Language; theme: PaneTheme }) {
  return (
    <FluentProvider
      theme={props.theme === "dark" ? webDarkTheme : webLightTheme}
      lang={props.language}
      style={FILL_PANE}
    >
      <main style={{ padding: 16 }}>
        <Body1 role="alert">{UI_STRINGS[props.language].loadFailed}</Body1>
      </main>
    </FluentProvider>
  );
}
