import {
  CounterBadge,
  makeStyles,
  mergeClasses,
  Tab,
  TabList,
  tokens,
} from "@fluentui/react-components";
import { useI18n } from "../i18n/I18nContext";
import { STEPS, type StepId } from "../i18n/uiStrings";
import { useStepProblemCounts } from "./problems";

const useStyles = makeStyles({
  bar: { containerType: "inline-size", minWidth: 0 },
  tabs: {
    flexWrap: "nowrap",
    overflowX: "auto",
    scrollbarWidth: "none",
  },
  tab: {
    flexShrink: 0,
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
  },
  content: {
    display: "inline-flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXXS,
    whiteSpace: "nowrap",
  },
  // A little air after the number (the figure's own side bearing is thin in Latin fonts).
  label: { marginLeft: tokens.spacingHorizontalXXS },
  // Too narrow for every name: the steps not on screen show their number only (their names stay
  // their accessible names and tooltips).
  labelEn: {
    "@container (max-width: 560px)": { display: "none" },
  },
  labelZh: {
    "@container (max-width: 330px)": { display: "none" },
  },
  // Narrower still, the step on screen too: its name heads the step right below.
  selectedEn: {
    "@container (max-width: 260px)": { display: "none" },
  },
  badge: { marginLeft: tokens.spacingHorizontalXXS },
});

/**
 * The step tabs, on one line at any pane width: each with its number and name (the name of the
 * steps off screen dropped when the pane is narrow) and a count of the problems on its step.
 */
export function StepTabs(props: { step: StepId; onSelect: (step: StepId) => void }) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const counts = useStepProblemCounts(props.step);
  return (
    <div className={styles.bar}>
      <TabList
        className={styles.tabs}
        size="small"
        aria-label={t.stepsLabel}
        selectedValue={props.step}
        onTabSelect={(_, data) => props.onSelect(data.value as StepId)}
      >
        {STEPS.map((id, i) => {
          const name = t.stepTab(i + 1, t.steps[id], counts[id]);
          return (
            <Tab key={id} value={id} className={styles.tab} aria-label={name} title={name}>
              <span className={styles.content}>
                <span>{`${i + 1}.`}</span>
                <span
                  className={mergeClasses(
                    styles.label,
                    id === props.step
                      ? language === "zh-CN"
                        ? undefined
                        : styles.selectedEn
                      : language === "zh-CN"
                        ? styles.labelZh
                        : styles.labelEn,
                  )}
                >
                  {t.steps[id]}
                </span>
                {counts[id] > 0 && (
                  <CounterBadge
                    className={styles.badge}
                    count={counts[id]}
                    size="small"
                    color="danger"
                    aria-hidden
                  />
                )}
              </span>
            </Tab>
          );
        })}
      </TabList>
    </div>
  );
}
