import {
  Button,
  Dropdown,
  Field,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  ProgressBar,
  Text,
  tokens,
} from "@fluentui/react-components";
import { ArrowSyncRegular, DocumentTableRegular } from "@fluentui/react-icons";
import { useState } from "react";
import type { Notice } from "../../engine/history";
import { LANGUAGES, type Language } from "../../engine/language";
import { PlanField } from "../components/PlanField";
import { Section } from "../components/Section";
import { useI18n } from "../i18n/I18nContext";
import { portFailure } from "../model/portFailure";
import { usePort } from "../state/PortContext";
import type { Planner } from "../state/usePlanner";
import type { Writer } from "../state/useWriter";

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  control: { width: "100%", minWidth: 0 },
  links: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
});

function SheetLinks(props: { sheets: string[] }) {
  const { t, notice } = useI18n();
  const port = usePort();
  const styles = useStyles();
  const [failure, setFailure] = useState<Notice | null>(null);
  return (
    <>
      <ul className={styles.links}>
        {props.sheets.map((sheet) => (
          <li key={sheet}>
            <Link
              as="button"
              onClick={() => {
                setFailure(null);
                port.select(sheet, "A1").catch((e: unknown) => setFailure(portFailure(e)));
              }}
            >
              {t.generate.openSheet(sheet)}
            </Link>
          </li>
        ))}
      </ul>
      {failure && (
        <MessageBar intent="error">
          <MessageBarBody>{notice(failure)}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

/** Step 5: write the plan sheets (with progress and cancel), and refresh the actuals later. */
export function GenerateStep(props: { planner: Planner; writer: Writer }) {
  const { planner, writer } = props;
  const { t, format, notice } = useI18n();
  const styles = useStyles();
  const { state } = writer;
  const ready = Boolean(planner.preview?.ok && planner.check.plan && planner.problems.length === 0);
  const progress = state.status === "running" ? state.progress : null;

  return (
    <>
      <Text>{t.generate.intro}</Text>
      <PlanField path="language" label={t.generate.language}>
        <Dropdown
          className={styles.control}
          value={t.generate.languages[planner.draft.language]}
          selectedOptions={[planner.draft.language]}
          onOptionSelect={(_, data) =>
            data.optionValue &&
            planner.update((d) => ({ ...d, language: data.optionValue as Language }))
          }
        >
          {LANGUAGES.map((l) => (
            <Option key={l} value={l}>
              {t.generate.languages[l]}
            </Option>
          ))}
        </Dropdown>
      </PlanField>

      {!ready && !writer.running && (
        <MessageBar intent="warning">
          <MessageBarBody>{t.generate.blocked}</MessageBarBody>
        </MessageBar>
      )}

      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={<DocumentTableRegular />}
          disabled={!ready || writer.running}
          onClick={writer.write}
        >
          {t.generate.write}
        </Button>
        {writer.running && <Button onClick={writer.cancel}>{t.generate.cancel}</Button>}
      </div>

      {state.status === "running" && (
        <Field
          label={state.task === "write" ? t.generate.writing : t.generate.refreshing}
          hint={progress ? t.generate.progress(progress.done, progress.total) : undefined}
        >
          <ProgressBar
            value={progress && progress.total > 0 ? progress.done / progress.total : undefined}
            max={1}
          />
        </Field>
      )}

      <div role="status" aria-live="polite">
        {state.status === "written" && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t.generate.done(state.sheets.length)}</MessageBarTitle>
              <SheetLinks sheets={state.sheets} />
            </MessageBarBody>
          </MessageBar>
        )}
        {state.status === "refreshed" && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t.generate.refreshed(format.month(state.asOf))}</MessageBarTitle>
              <SheetLinks sheets={state.sheets} />
            </MessageBarBody>
          </MessageBar>
        )}
        {state.status === "cancelled" && (
          <MessageBar intent="warning">
            <MessageBarBody>{t.generate.cancelled}</MessageBarBody>
          </MessageBar>
        )}
        {state.status === "no-actuals" && (
          <MessageBar intent="info">
            <MessageBarBody>{t.generate.noActuals(state.planYear)}</MessageBarBody>
          </MessageBar>
        )}
        {state.status === "no-stored-plan" && (
          <MessageBar intent="info">
            <MessageBarBody>{t.generate.noStoredPlan}</MessageBarBody>
          </MessageBar>
        )}
        {state.status === "failed" && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t.generate.failed}</MessageBarTitle>
              {notice(state.failure)}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>

      <Section title={t.generate.refreshTitle}>
        <Text size={200}>{t.generate.refreshIntro}</Text>
        <div>
          <Button
            icon={<ArrowSyncRegular />}
            disabled={writer.running || !planner.source}
            onClick={writer.refresh}
          >
            {t.generate.refresh}
          </Button>
        </div>
      </Section>
    </>
  );
}
