import { FluentProvider, Spinner, webLightTheme } from "@fluentui/react-components";
import type { Language } from "../../engine/language";
import { UI_STRINGS } from "../i18n/uiStringsByLanguage";

/** What the pane shows while office.js says where it runs (a few seconds at most). */
export function Starting(props: { language: Language }) {
  return (
    <FluentProvider theme={webLightTheme} lang={props.language}>
      <main style={{ padding: 16 }}>
        <Spinner label={UI_STRINGS[props.language].starting} />
      </main>
    </FluentProvider>
  );
}
