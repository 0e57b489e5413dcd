import {
  Dropdown,
  Field,
  Input,
  makeStyles,
  Option,
  Radio,
  RadioGroup,
  Text,
  tokens,
} from "@fluentui/react-components";
import { PlanField } from "../components/PlanField";
import { Stat } from "../components/Stat";
import { useI18n } from "../i18n/I18nContext";
import type { Planner } from "../state/usePlanner";
import { MeasuresSection } from "./target/MeasuresSection";

const useStyles = makeStyles({
  // The input above the figures it leads to, never beside them: nothing to cover at any width,
  // and room for its problem under it.
  pair: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    minWidth: 0,
  },
  input: { maxWidth: "280px", minWidth: 0 },
  stats: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL },
  full: { width: "100%", minWidth: 0 },
});

/**
 * Step 2: the plan year, the annual target as an amount or as growth, the tracking month, and
 * the measures planned beside the amount.
 */
export function TargetStep(props: { planner: Planner }) {
  const { planner } = props;
  const { draft, yearTotals, preview } = planner;
  const { t, format } = useI18n();
  const styles = useStyles();
  const planYear = Number(draft.planYear);
  const baseYear = Number.isInteger(planYear) ? planYear - 1 : NaN;

  // Summed by the planning engine when it read the history, not over the records here.
  const base = yearTotals && Number.isFinite(baseYear) ? (yearTotals[baseYear] ?? null) : null;

  // The annual target is known beside a problem deeper in the breakdown too.
  const target = preview?.ok
    ? preview.result.target
    : preview && !preview.ok && preview.partial
      ? preview.partial.result.target
      : null;
  const setTarget = (change: Partial<typeof draft.target>) =>
    planner.update((d) => ({ ...d, target: { ...d.target, ...change } }));
  const asOfText = draft.asOf ? format.month(draft.asOf) : t.target.asOfAuto;

  return (
    <>
      <Text>{t.target.intro}</Text>
      <PlanField path="planYear" label={t.target.planYear}>
        <Input
          inputMode="numeric"
          value={draft.planYear}
          onChange={(_, data) => planner.update((d) => ({ ...d, planYear: data.value }))}
        />
      </PlanField>

      <Field label={t.target.kind}>
        <RadioGroup
          value={draft.target.kind}
          onChange={(_, data) => setTarget({ kind: data.value as "growth" | "amount" })}
        >
          <Radio
            value="growth"
            label={t.target.kindGrowth(Number.isFinite(baseYear) ? baseYear : 0)}
          />
          <Radio value="amount" label={t.target.kindAmount} />
        </RadioGroup>
      </Field>

      <div className={styles.pair}>
        {draft.target.kind === "growth" ? (
          <PlanField path="target.growth" label={t.target.growth} className={styles.input}>
            <Input
              inputMode="decimal"
              value={draft.target.growthPercent}
              contentAfter={<Text aria-hidden>%</Text>}
              onChange={(_, data) => setTarget({ growthPercent: data.value })}
            />
          </PlanField>
        ) : (
          <PlanField path="target.amount" label={t.target.amount} className={styles.input}>
            <Input
              inputMode="decimal"
              value={draft.target.amount}
              onChange={(_, data) => setTarget({ amount: data.value })}
            />
          </PlanField>
        )}
        <div className={styles.stats}>
          <Stat
            label={t.target.baseActual(Number.isFinite(baseYear) ? baseYear : 0)}
            value={base === null ? t.target.noBase : format.amount(base)}
          />
          {target !== null && (
            <Stat
              label={t.target.resultingTarget}
              value={format.amount(target)}
              detail={base && base > 0 ? format.change(target / base - 1) : undefined}
            />
          )}
        </div>
      </div>

      <PlanField path="asOf" label={t.target.asOf} hint={t.target.asOfHint}>
        <Dropdown
          className={styles.full}
          value={asOfText}
          selectedOptions={[draft.asOf]}
          onOptionSelect={(_, data) =>
            planner.update((d) => ({ ...d, asOf: data.optionValue ?? "" }))
          }
        >
          <Option value="" text={t.target.asOfAuto}>
            {t.target.asOfAuto}
          </Option>
          {Number.isInteger(planYear) &&
            Array.from({ length: 12 }, (_, i) => {
              const period = `${planYear}-${String(i + 1).padStart(2, "0")}`;
              const text = format.month(period);
              return (
                <Option key={period} value={period} text={text}>
                  {text}
                </Option>
              );
            })}
        </Dropdown>
      </PlanField>

      <MeasuresSection planner={planner} />
    </>
  );
}
