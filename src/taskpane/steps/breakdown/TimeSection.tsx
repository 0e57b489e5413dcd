import {
  Dropdown,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  tokens,
} from "@fluentui/react-components";
import { useMemo } from "react";
import type { HistoryRecord } from "../../../engine/history";
import { TIME_METHODS, type TimeMethod } from "../../../engine/plan/planSchema";
import { LazySeasonalityChart } from "../../chart/LazySeasonalityChart";
import { ExplainedLabel } from "../../components/ExplainedLabel";
import { PlanField } from "../../components/PlanField";
import { useFieldProblem } from "../../components/problems";
import { Section } from "../../components/Section";
import { useI18n } from "../../i18n/I18nContext";
import { fieldDomId } from "../../model/fieldPaths";
import { parseNumberText } from "../../model/parseNumberText";
import { seasonalityLines } from "../../model/seasonalityLines";
import type { TimeDraft } from "../../model/planDraft";
import type { Planner } from "../../state/usePlanner";

const useStyles = makeStyles({
  control: { width: "100%", minWidth: 0 },
  months: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(72px, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
});

function ChartFor(props: { records: readonly HistoryRecord[]; planYear: number; time: TimeDraft }) {
  const { t, format } = useI18n();
  const years = Math.max(1, Math.min(20, Math.trunc(Number(props.time.years)) || 3));
  const weightsKey = props.time.weights.join("|");
  const lines = useMemo(() => {
    const weights = weightsKey.split("|").map((w) => {
      const value = parseNumberText(w);
      return typeof value === "number" && value >= 0 ? value : 0;
    });
    return seasonalityLines(props.records, props.planYear, {
      method: props.time.method,
      years,
      weights,
    });
  }, [props.records, props.planYear, props.time.method, years, weightsKey]);
  const monthNames = Array.from({ length: 12 }, (_, i) => format.monthName(i + 1));
  if (lines.years.length === 0 && !lines.result) return <>{t.breakdown.chartNoData}</>;
  return (
    <LazySeasonalityChart
      loadingLabel={t.breakdown.chartLoading}
      lines={lines}
      monthNames={monthNames}
      title={t.breakdown.chartTitle}
      description={t.breakdown.chartDescription(lines.years.map((y) => String(y.year)).join(", "))}
      planLabel={t.breakdown.chartResult}
      formatPercent={(v) => format.percent(v, 0)}
    />
  );
}

/** How the annual target is spread over the months, with the seasonality chart. */
export function TimeSection(props: { planner: Planner; records: readonly HistoryRecord[] }) {
  const { planner } = props;
  const { t, format } = useI18n();
  const styles = useStyles();
  const time = planner.draft.time;
  const planYear = Number(planner.draft.planYear);
  const weightsProblem = useFieldProblem("time.weights").message;
  const change = (patch: Partial<TimeDraft>) =>
    planner.update((d) => ({ ...d, time: { ...d.time, ...patch } }));
  const usesYears = time.method !== "equal" && time.method !== "manual";

  return (
    <Section title={t.breakdown.time} id={fieldDomId("time")}>
      <PlanField
        path="time.method"
        alsoShows={["time"]}
        label={{
          children: (_: unknown, labelProps: object) => (
            <ExplainedLabel
              {...labelProps}
              label={t.breakdown.timeMethod}
              about={t.breakdown.aboutTimeMethods}
              items={TIME_METHODS.map((m) => ({
                term: t.timeMethods[m],
                text: t.timeMethodInfo[m],
              }))}
            />
          ),
        }}
      >
        <Dropdown
          className={styles.control}
          value={t.timeMethods[time.method]}
          selectedOptions={[time.method]}
          onOptionSelect={(_, data) =>
            data.optionValue && change({ method: data.optionValue as TimeMethod })
          }
        >
          {TIME_METHODS.map((m) => (
            <Option key={m} value={m}>
              {t.timeMethods[m]}
            </Option>
          ))}
        </Dropdown>
      </PlanField>
      {usesYears && (
        <PlanField path="time.years" label={t.breakdown.timeYears}>
          <Input
            inputMode="numeric"
            value={time.years}
            onChange={(_, data) => change({ years: data.value })}
          />
        </PlanField>
      )}
      {time.method !== "equal" && time.method !== "manual" && planner.draft.levels.length > 0 && (
        <Field label={t.breakdown.timeProfile}>
          <Dropdown
            className={styles.control}
            value={time.profile === "leaf" ? t.breakdown.profileLeaf : t.breakdown.profileCompany}
            selectedOptions={[time.profile]}
            onOptionSelect={(_, data) =>
              data.optionValue && change({ profile: data.optionValue as TimeDraft["profile"] })
            }
          >
            <Option value="company">{t.breakdown.profileCompany}</Option>
            <Option value="leaf">{t.breakdown.profileLeaf}</Option>
          </Dropdown>
        </Field>
      )}
      {time.method === "manual" && (
        <div role="group" aria-label={t.breakdown.monthWeights} id={fieldDomId("time.weights")}>
          {weightsProblem && (
            <MessageBar intent="error">
              <MessageBarBody>{weightsProblem}</MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.months}>
            {time.weights.map((weight, i) => (
              <PlanField key={i} path={`time.weights[${i}]`} label={format.monthName(i + 1)}>
                <Input
                  size="small"
                  inputMode="decimal"
                  value={weight}
                  onChange={(_, data) =>
                    change({
                      weights: time.weights.map((w, j) => (j === i ? data.value : w)),
                    })
                  }
                />
              </PlanField>
            ))}
          </div>
        </div>
      )}
      {Number.isInteger(planYear) && (
        <ChartFor records={props.records} planYear={planYear} time={time} />
      )}
    </Section>
  );
}
