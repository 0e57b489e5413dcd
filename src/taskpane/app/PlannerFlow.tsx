import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { useEffect, useRef, useState, useTransition } from "react";
import { ProblemsProvider } from "../components/problems";
import { StepTabs } from "../components/StepTabs";
import { useI18n } from "../i18n/I18nContext";
import { STEPS, type StepId } from "../i18n/uiStrings";
import { fieldDomId, fieldPathAncestors, stepOfField } from "../model/fieldPaths";
import { useEngine, usePort } from "../state/PortContext";
import { usePlanner } from "../state/usePlanner";
import { useWriter } from "../state/useWriter";
import { DataStep } from "../steps/DataStep";
import {
  BreakdownStep,
  GenerateStep,
  preloadSteps,
  PreviewStep,
  TargetStep,
} from "../steps/LazySteps";
import { StepBar, StepBarMain } from "./StepBar";
import { StepBoundary } from "./StepBoundary";

const useStyles = makeStyles({
  pane: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    boxSizing: "border-box",
    width: "100%",
    minWidth: "250px",
  },
  step: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    flexGrow: 1,
    minWidth: 0,
    outlineStyle: "none",
  },
  stepHeading: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
});

/** Moves focus to the field that shows a problem, or the nearest container that does. */
function focusField(field: string): boolean {
  for (const path of fieldPathAncestors(field)) {
    const element = document.getElementById(fieldDomId(path));
    if (!element) continue;
    const control = element.matches("input, button, [role='combobox']")
      ? element
      : element.querySelector<HTMLElement>(
          "input, button:not([disabled]), [role='combobox'], textarea",
        );
    (control ?? element).focus();
    element.scrollIntoView?.({ block: "center" });
    return true;
  }
  return false;
}

/**
 * The guided flow: Data → Target → Breakdown → Preview → Generate, over one Excel workbook. The
 * steps after Data come from files of their own, fetched once the pane is open; moving to a step
 * is a transition, so the current step stays until the next one is ready.
 */
export function PlannerFlow() {
  const port = usePort();
  const { t, language, notice } = useI18n();
  const styles = useStyles();
  const planner = usePlanner(port, language, useEngine());
  const writer = useWriter(port, planner, language);
  const [step, setStep] = useState<StepId>("data");
  const [pendingFocus, setPendingFocus] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const movedByUser = useRef(false);
  const [, startStepChange] = useTransition();

  useEffect(() => {
    if (!planner.opening) preloadSteps();
  }, [planner.opening]);

  useEffect(() => {
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    if (pendingFocus) {
      focusField(pendingFocus);
      setPendingFocus(null);
    } else if (movedByUser.current) {
      // Once the new step is painted: focusing it before would force its layout in the same task
      // as its render (with a large history, a long one).
      frame = requestAnimationFrame(() => {
        timer = setTimeout(() => headingRef.current?.focus());
      });
    }
    movedByUser.current = false;
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
    // Runs after the step has rendered its fields.
  }, [step, pendingFocus]);

  const goTo = (next: StepId) => {
    movedByUser.current = true;
    startStepChange(() => setStep(next));
  };
  const goToField = (field: string) => {
    startStepChange(() => {
      setStep(stepOfField(field));
      setPendingFocus(field);
    });
  };

  if (planner.opening) {
    return (
      <div className={styles.pane}>
        <Spinner label={t.starting} />
      </div>
    );
  }

  const index = STEPS.indexOf(step);
  return (
    <ProblemsProvider problems={planner.problems} draft={planner.draft} step={step}>
      <StepBarMain className={styles.pane}>
        <StepTabs step={step} onSelect={goTo} />

        {planner.restored && (
          <MessageBar intent="info">
            <MessageBarBody>{t.restored(planner.restored.length)}</MessageBarBody>
            <MessageBarActions
              containerAction={
                <Button
                  appearance="transparent"
                  aria-label={t.dismiss}
                  icon={<DismissRegular />}
                  onClick={planner.dismissRestored}
                />
              }
            />
          </MessageBar>
        )}
        {planner.storeProblem && (
          <MessageBar intent="warning">
            <MessageBarBody>{notice(planner.storeProblem)}</MessageBarBody>
          </MessageBar>
        )}

        <div className={styles.step} role="tabpanel" aria-labelledby={`stp-step-${step}`}>
          <h2 className={styles.stepHeading} id={`stp-step-${step}`} tabIndex={-1} ref={headingRef}>
            {t.steps[step]}
            <Text size={200}> · {t.stepOf(index + 1, STEPS.length)}</Text>
          </h2>
          <StepBoundary step={step} loadingLabel={t.loadingStep} failedMessage={t.stepLoadFailed}>
            {step === "data" && <DataStep planner={planner} />}
            {step === "target" && <TargetStep planner={planner} />}
            {step === "breakdown" && <BreakdownStep planner={planner} />}
            {step === "preview" && <PreviewStep planner={planner} onGoTo={goToField} />}
            {step === "generate" && <GenerateStep planner={planner} writer={writer} />}
          </StepBoundary>
        </div>

        <StepBar
          label={t.stepsLabel}
          backLabel={t.back}
          nextLabel={t.next}
          onBack={index > 0 ? () => goTo(STEPS[index - 1]) : null}
          onNext={index < STEPS.length - 1 ? () => goTo(STEPS[index + 1]) : null}
        />
      </StepBarMain>
    </ProblemsProvider>
  );
}
