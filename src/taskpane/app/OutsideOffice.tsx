import {
  Body1,
  FluentProvider,
  makeStyles,
  Subtitle2,
  Title3,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import type { Language } from "../../engine/language";
import type { PaneTheme } from "../host/officeTheme";
import { UI_STRINGS } from "../i18n/uiStringsByLanguage";
import { FILL_PANE } from "./fillPane";

const useStyles = makeStyles({
  page: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    maxWidth: "560px",
    minHeight: "100vh",
    boxSizing: "border-box",
  },
  logo: { width: "40px", height: "40px" },
  heading: { margin: 0 },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
});

/**
 * What the pane shows when it is not running in Excel (a plain browser, or office.js could not be
 * loaded): what it is and how to open it in Excel.
 */
export function OutsideOffice(props: {
  language: Language;
  theme: PaneTheme;
  otherHost?: boolean;
}) {
  const styles = useStyles();
  const t = UI_STRINGS[props.language];
  return (
    <FluentProvider
      theme={props.theme === "dark" ? webDarkTheme : webLightTheme}
      lang={props.language}
      style={FILL_PANE}
    >
      <main className={styles.page}>
        <img className={styles.logo} src="assets/icon-80.png" alt="" />
        <h1 className={styles.heading}>
          <Title3>{t.outside.title}</Title3>
        </h1>
        {props.otherHost && <Body1>{t.outside.otherHost}</Body1>}
        <Body1>{t.outside.intro}</Body1>
        <h2 className={styles.heading}>
          <Subtitle2>{t.outside.howTitle}</Subtitle2>
        </h2>
        <ul className={styles.list}>
          <li>
            <Body1>{t.outside.howWeb}</Body1>
          </li>
          <li>
            <Body1>{t.outside.howDesktop}</Body1>
          </li>
        </ul>
        <Body1>{t.outside.readme}</Body1>
      </main>
    </FluentProvider>
  );
}
