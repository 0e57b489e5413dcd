import {
  Checkbox,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useId, type ReactNode } from "react";
import { columnLetters } from "../../../engine/address";
import type { HistoryReadResult, HistoryRole } from "../../../engine/history";
import { MEASURES, type RatioMeasure } from "../../../engine/measures";
import { CollapsibleCard } from "../../components/CollapsibleCard";
import { PlanField } from "../../components/PlanField";
import {
  useFieldProblem,
  useHasShownProblemUnder,
  useProblemsUnder,
} from "../../components/problems";
import { useI18n, type I18n } from "../../i18n/I18nContext";
import { fieldDomId } from "../../model/fieldPaths";
import { parseNumberText } from "../../model/parseNumberText";
import { plansMeasures, type MeasuresDraft } from "../../model/planDraft";
import type { Planner } from "../../state/usePlanner";

const useStyles = makeStyles({
  // A measure's options under its switch, indented so they read as its own.
  options: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalXXL,
    minWidth: 0,
  },
  block: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  input: { maxWidth: "200px", minWidth: 0 },
  source: { color: tokens.colorNeutralForeground2 },
  missing: { color: tokens.colorPaletteRedForeground1 },
});

/** A typed figure for the summary: a number formatted, or the text as typed while it is not one. */
function typedFigure(text: string, percent: boolean, format: I18n["format"]): string {
  const value = parseNumberText(text);
  if (typeof value !== "number") return text.trim() || "…";
  return percent ? format.percent(value / 100, value % 1 === 0 ? 0 : 1) : format.amount(value);
}

/**
 * The folded section's one line: "Sales amount only", or each measure planned with its target
 * ("quantity · gross profit at 30% margin · expenses 8% of sales").
 */
export function measuresSummary(measures: MeasuresDraft, i18n: I18n): string {
  const { t, format } = i18n;
  if (!plansMeasures(measures)) return t.measures.summaryNone;
  const parts: string[] = [];
  if (measures.quantity.on) parts.push(t.measures.summaryQuantity);
  const gp = measures.grossProfit;
  if (gp.on) {
    const value =
      gp.target === "margin"
        ? typedFigure(gp.marginPercent, true, format)
        : gp.target === "amount"
          ? typedFigure(gp.amount, false, format)
          : "";
    parts.push(t.measures.summaryGrossProfit(gp.target, value));
  }
  const expenses = measures.expenses;
  if (expenses.kind !== "none") {
    const percent = expenses.kind === "rate";
    const typed = percent ? expenses.ratePercent : expenses.amount;
    parts.push(t.measures.summaryExpenses(expenses.kind, typedFigure(typed, percent, format)));
  }
  const text = parts.join(t.measures.separator);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Where a measure's figures come from: the history column found for it, or none. */
type MeasureSource = { found: true; role: HistoryRole; column: string } | { found: false };

/**
 * Which history column feeds a measure, as the reader found it: the quantity column; the cost
 * column, else the gross profit column cost is worked out from. Null while no history is read.
 */
function measureSource(
  measure: RatioMeasure,
  history: HistoryReadResult | null,
  t: I18n["t"],
): MeasureSource | null {
  if (!history || history.error) return null;
  const role = MEASURES[measure].roles.find((r) => history.columns[r]);
  const found = role ? history.columns[role] : undefined;
  if (!role || !found) return { found: false };
  return {
    found: true,
    role,
    column: t.measures.column(columnLetters(found.column), found.header),
  };
}

/**
 * A measure's switch and, when on, where its figures come from (or, with no column for it, where
 * to choose one), its problems and its options. The block carries the id a problem on the measure
 * links to.
 */
function MeasureBlock(props: {
  measure: RatioMeasure;
  label: string;
  on: boolean;
  onChange: (on: boolean) => void;
  history: HistoryReadResult | null;
  children?: ReactNode;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const path = `measures.${props.measure}`;
  const sourceId = useId();
  const { onLeave } = useFieldProblem(path);
  const source = props.on ? measureSource(props.measure, props.history, t) : null;
  // A missing column is said at once below the switch, in the Data step's terms: the engine's
  // words for the same problem would only repeat it.
  const problems = useProblemsUnder(path).filter(
    (p) => p.field === path && !(p.code === "measure-column-missing" && source?.found === false),
  );
  const roles = MEASURES[props.measure].roles;
  return (
    <div
      id={fieldDomId(path)}
      className={styles.block}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) onLeave();
      }}
    >
      <Checkbox
        label={props.label}
        checked={props.on}
        aria-describedby={source ? sourceId : undefined}
        aria-invalid={source?.found === false || problems.length > 0 ? true : undefined}
        onChange={(_, data) => props.onChange(data.checked === true)}
      />
      {props.on && (
        <div className={styles.options}>
          {source?.found === false && (
            <Text size={200} id={sourceId} className={styles.missing}>
              {t.measures.columnMissing(
                roles.map((r) => t.roles[r].toLowerCase()).join(t.measures.or),
                t.steps.data,
              )}
            </Text>
          )}
          {source?.found && (
            <Text size={200} id={sourceId} className={styles.source}>
              {source.role === "grossProfit"
                ? t.measures.costFromGrossProfit(source.column)
                : t.measures.fromColumn(t.roles[source.role], source.column)}
            </Text>
          )}
          {problems.map((p) => (
            <Text key={p.code} size={200} className={styles.missing}>
              {p.words}
            </Text>
          ))}
          {props.children}
        </div>
      )}
    </div>
  );
}

/**
 * The Target step's measures: the quantity (and its rounding), the gross profit (at each
 * segment's margin, or a target margin or amount) and the sales expenses (a rate or an amount),
 * each saying which history column feeds it. Folded to one line until opened.
 */
export function MeasuresSection(props: { planner: Planner }) {
  const { planner } = props;
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useStyles();
  const measures = planner.draft.measures;
  const hasProblem = useHasShownProblemUnder("measures");
  const change = (edit: (m: MeasuresDraft) => MeasuresDraft) =>
    planner.update((d) => ({ ...d, measures: edit(d.measures) }));
  const gp = measures.grossProfit;
  const expenses = measures.expenses;

  return (
    <CollapsibleCard
      id={fieldDomId("measures")}
      title={t.measures.title}
      summary={measuresSummary(measures, i18n)}
      initiallyOpen={false}
      hasProblem={hasProblem}
    >
      <Text size={200}>{t.measures.intro}</Text>

      <MeasureBlock
        measure="quantity"
        label={t.measures.quantity}
        on={measures.quantity.on}
        onChange={(on) => change((m) => ({ ...m, quantity: { ...m.quantity, on } }))}
        history={planner.history}
      >
        <PlanField
          path="measures.quantity.unit"
          label={t.measures.quantityUnit}
          className={styles.input}
        >
          <Input
            inputMode="numeric"
            value={measures.quantity.unit}
            onChange={(_, data) =>
              change((m) => ({ ...m, quantity: { ...m.quantity, unit: data.value } }))
            }
          />
        </PlanField>
      </MeasureBlock>

      <MeasureBlock
        measure="grossProfit"
        label={t.measures.grossProfit}
        on={gp.on}
        onChange={(on) => change((m) => ({ ...m, grossProfit: { ...m.grossProfit, on } }))}
        history={planner.history}
      >
        <Field label={t.measures.grossProfitTarget}>
          <RadioGroup
            value={gp.target}
            onChange={(_, data) =>
              change((m) => ({
                ...m,
                grossProfit: {
                  ...m.grossProfit,
                  target: data.value as MeasuresDraft["grossProfit"]["target"],
                },
              }))
            }
          >
            {(["none", "margin", "amount"] as const).map((kind) => (
              <Radio key={kind} value={kind} label={t.measures.grossProfitTargets[kind]} />
            ))}
          </RadioGroup>
        </Field>
        {gp.target === "margin" && (
          <PlanField
            path="measures.grossProfit.target.margin"
            alsoShows={["measures.grossProfit.target"]}
            label={t.measures.grossProfitMargin}
            className={styles.input}
          >
            <Input
              inputMode="decimal"
              value={gp.marginPercent}
              contentAfter={<Text aria-hidden>%</Text>}
              onChange={(_, data) =>
                change((m) => ({
                  ...m,
                  grossProfit: { ...m.grossProfit, marginPercent: data.value },
                }))
              }
            />
          </PlanField>
        )}
        {gp.target === "amount" && (
          <PlanField
            path="measures.grossProfit.target.amount"
            alsoShows={["measures.grossProfit.target"]}
            label={t.measures.grossProfitAmount}
            className={styles.input}
          >
            <Input
              inputMode="decimal"
              value={gp.amount}
              onChange={(_, data) =>
                change((m) => ({ ...m, grossProfit: { ...m.grossProfit, amount: data.value } }))
              }
            />
          </PlanField>
        )}
      </MeasureBlock>

      <Field label={t.measures.expenses}>
        <RadioGroup
          value={expenses.kind}
          onChange={(_, data) =>
            change((m) => ({
              ...m,
              expenses: { ...m.expenses, kind: data.value as MeasuresDraft["expenses"]["kind"] },
            }))
          }
        >
          {(["none", "rate", "amount"] as const).map((kind) => (
            <Radio key={kind} value={kind} label={t.measures.expenseKinds[kind]} />
          ))}
        </RadioGroup>
      </Field>
      {expenses.kind === "rate" && (
        <div className={styles.options}>
          <PlanField
            path="measures.expenses.rate"
            alsoShows={["measures.expenses"]}
            label={t.measures.expenseRate}
            className={styles.input}
          >
            <Input
              inputMode="decimal"
              value={expenses.ratePercent}
              contentAfter={<Text aria-hidden>%</Text>}
              onChange={(_, data) =>
                change((m) => ({ ...m, expenses: { ...m.expenses, ratePercent: data.value } }))
              }
            />
          </PlanField>
        </div>
      )}
      {expenses.kind === "amount" && (
        <div className={styles.options}>
          <PlanField
            path="measures.expenses.amount"
            alsoShows={["measures.expenses"]}
            label={t.measures.expenseAmount}
            className={styles.input}
          >
            <Input
              inputMode="decimal"
              value={expenses.amount}
              onChange={(_, data) =>
                change((m) => ({ ...m, expenses: { ...m.expenses, amount: data.value } }))
              }
            />
          </PlanField>
        </div>
      )}
    </CollapsibleCard>
  );
}
