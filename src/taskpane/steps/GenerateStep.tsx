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
import { StepBarActions, StepBarStatus } from "../app/StepBar";
import { PlanField } from "../components/PlanField";
import { Section } from "../components/Section";
import { useI18n } from "../i18n/I18nContext";
import { portFailure } from "../model/portFailure";
import { usePort } from "../state/PortContext";
import type { Planner } from "../state/usePlanner";
import { useWritePreview } from "../state/useWritePreview";
import type { Writer, WrittenEdits, WrittenPlan } from "../state/useWriter";
import { WritePreviewPanel } from "./WritePreviewPanel";

const useStyles = makeStyles({
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

/** Where the write put what users had typed, with a way to the sheet of their edits. */
function EditsOutcome(props: { edits: WrittenEdits }) {
  const { t, notice } = useI18n();
  const port = usePort();
  const [failure, setFailure] = useState<Notice | null>(null);
  const { edits } = props;
  const lines = [
    edits.sheet && edits.typedOverKept > 0
      ? t.writePreview.doneTypedOverKept(edits.typedOverKept, edits.sheet)
      : null,
    edits.typedOverRewritten > 0
      ? t.writePreview.doneTypedOverRewritten(edits.typedOverRewritten)
      : null,
    edits.sheet && edits.moved > 0 ? t.writePreview.doneMoved(edits.moved, edits.sheet) : null,
    edits.kept > 0 ? t.writePreview.doneKept(edits.kept) : null,
  ].filter((line): line is string => line !== null);
  if (lines.length === 0) return null;
  const sheet = edits.sheet;
  return (
    <>
      {lines.map((line) => (
        <Text key={line} block>
          {line}
        </Text>
      ))}
      {sheet && (
        <div>
          <Link
            as="button"
            onClick={() => {
              setFailure(null);
              port.select(sheet, "A1").catch((e: unknown) => setFailure(portFailure(e)));
            }}
          >
            {t.writePreview.openEdits(sheet)}
          </Link>
        </div>
      )}
      {failure && <Text block>{notice(failure)}</Text>}
    </>
  );
}

/**
 * The plan the workbook holds is not the plan now: the plan was changed, or its total moved (the
 * history read again). A refresh of actuals leaves both as they were.
 */
function isOutOfDate(planner: Planner, written: WrittenPlan | null): boolean {
  if (!written) return false;
  const plan = planner.check.plan;
  if (!plan || JSON.stringify(plan) !== JSON.stringify(written.plan)) return true;
  const now = planner.computed?.preview;
  return now?.ok === true && now.result.target !== written.total;
}

/** Step 5: write the plan sheets (with progress and cancel), and refresh the actuals later. */
export function GenerateStep(props: { planner: Planner; writer: Writer }) {
  const { planner, writer } = props;
  const { t, format, notice, language } = useI18n();
  const port = usePort();
  const styles = useStyles();
  const { state } = writer;
  const check = useWritePreview(port, planner, language, writer.running);
  // Typed-over plan figures are kept unless the user chooses to overwrite them.
  const [keepTypedOver, setKeepTypedOver] = useState(true);
  const computed = planner.computed;
  const ready = Boolean(computed?.preview.ok && planner.problems.length === 0);
  const outOfDate = !writer.running && isOutOfDate(planner, writer.lastWritten);
  const nowTotal = computed?.preview.ok ? format.amount(computed.preview.result.target) : null;
  const running = state.status === "running" ? state : null;
  const progress = running?.progress;
  const progressText = !progress
    ? undefined
    : progress.stage === "writing" && progress.sheet
      ? t.writeState.sheetProgress(progress.sheet)
      : progress.stage === "reading"
        ? t.writeState.readingHistory
        : t.writeState.preparing;

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

      {outOfDate && writer.lastWritten && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.writeState.outOfDateTitle}</MessageBarTitle>
            {t.writeState.outOfDate(format.amount(writer.lastWritten.total), nowTotal)}
          </MessageBarBody>
        </MessageBar>
      )}

      <Text size={200}>
        {port.writeIsOneUndoStep() ? t.writeState.undoOne : t.writeState.undoNone}
      </Text>

      <WritePreviewPanel
        state={check.state}
        keepTypedOver={keepTypedOver}
        onKeepTypedOver={setKeepTypedOver}
        onCheckAgain={check.check}
      />

      <StepBarActions>
        <Button
          appearance="primary"
          icon={<DocumentTableRegular />}
          disabled={!ready || writer.running}
          onClick={() => writer.write({ keepTypedOver })}
        >
          {t.generate.write}
        </Button>
        {running && (
          <Button disabled={!running.cancellable} onClick={writer.cancel}>
            {t.generate.cancel}
          </Button>
        )}
      </StepBarActions>

      {running && (
        <StepBarStatus>
          <Field
            label={running.task === "write" ? t.generate.writing : t.generate.refreshing}
            hint={
              running.cancellable ? progressText : `${progressText ?? ""} ${t.writeState.committed}`
            }
          >
            <ProgressBar value={running.progress.value} max={1} />
          </Field>
        </StepBarStatus>
      )}

      <div role="status" aria-live="polite">
        {state.status === "written" && !outOfDate && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t.generate.done(state.sheets.length)}</MessageBarTitle>
              <EditsOutcome edits={state.edits} />
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
          <MessageBar intent="info">
            <MessageBarBody>
              {state.task === "write"
                ? t.writeState.cancelledWrite(state.previous)
                : t.writeState.cancelledRefresh}
            </MessageBarBody>
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
              {state.changed && ` ${t.writeState.failedPart}`}
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
