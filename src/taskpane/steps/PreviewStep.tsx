import {
  Badge,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useMemo } from "react";
import { useAllProblems } from "../components/problems";
import { Section } from "../components/Section";
import { Stat } from "../components/Stat";
import { useI18n } from "../i18n/I18nContext";
import { stepOfField } from "../model/fieldPaths";
import type { GrowthWarning } from "../model/growthWarnings";
import { companyMonths, levelTotals, type LevelTotals } from "../model/levelTotals";
import type { Planner } from "../state/usePlanner";
import { dimensionName } from "../i18n/dimensionName";
import { ProfitTotals } from "./preview/ProfitTotals";

/** Segments listed per level before the rest is left to the Allocation sheet. */
const LISTED = 40;

const useStyles = makeStyles({
  stats: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXL },
  table: {
    width: "100%",
    borderCollapse: "collapse",
    tableLayout: "fixed",
    fontSize: tokens.fontSizeBase200,
  },
  caption: { textAlign: "left", fontWeight: tokens.fontWeightSemibold, paddingBottom: "4px" },
  head: {
    textAlign: "left",
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground2,
  },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  // A column's heading may wrap in a narrow pane; its figures never do.
  headNumber: {
    textAlign: "right",
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground2,
    overflowWrap: "anywhere",
  },
  segment: {
    textAlign: "left",
    fontWeight: tokens.fontWeightRegular,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
  row: { borderTop: `1px solid ${tokens.colorNeutralStroke3}` },
  numberColumn: { width: "34%" },
  changeColumn: { width: "22%" },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  badge: { marginLeft: tokens.spacingHorizontalXS },
});

function LevelTable(props: { level: LevelTotals; title: string }) {
  const styles = useStyles();
  const { t, format } = useI18n();
  const shown = props.level.segments.slice(0, LISTED);
  const more = props.level.segments.length - shown.length;
  return (
    <>
      <table className={styles.table}>
        <caption className={styles.caption}>{props.title}</caption>
        <colgroup>
          <col />
          <col className={styles.numberColumn} />
          <col className={styles.changeColumn} />
        </colgroup>
        <thead>
          <tr>
            <th scope="col" className={styles.head}>
              {t.preview.segment}
            </th>
            <th scope="col" className={styles.headNumber}>
              {t.preview.targetColumn}
            </th>
            <th scope="col" className={styles.headNumber}>
              {t.preview.vsLastYear}
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((s) => {
            const label = s.path.join(" / ");
            return (
              <tr key={label} className={styles.row}>
                <th scope="row" className={styles.segment} title={label}>
                  {label}
                  {s.isNew && (
                    <Badge
                      className={styles.badge}
                      size="small"
                      appearance="tint"
                      color="informative"
                    >
                      {t.preview.newMember}
                    </Badge>
                  )}
                  {s.locked && !s.isNew && (
                    <Badge
                      className={styles.badge}
                      size="small"
                      appearance="tint"
                      color="important"
                    >
                      {t.preview.locked}
                    </Badge>
                  )}
                </th>
                <td className={styles.number}>{format.amount(s.target)}</td>
                <td className={styles.number}>
                  {s.growth === null ? "–" : format.change(s.growth)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {more > 0 && <Text size={200}>{t.preview.moreRows(format.count(more))}</Text>}
    </>
  );
}

/** Problems that stop writing, in the user's words, each with a link to the field that caused it. */
export function BlockingProblems(props: { onGoTo: (field: string) => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const problems = useAllProblems();
  if (problems.length === 0) return null;
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t.preview.blocking}</MessageBarTitle>
        <ul className={styles.problems}>
          {problems.map((p) => {
            const step = stepOfField(p.field);
            const linked = !p.field.startsWith("(");
            return (
              <li key={`${p.field}|${p.code}`}>
                {p.words}{" "}
                {linked && (
                  <Link as="button" inline onClick={() => props.onGoTo(p.field)}>
                    {t.preview.goToField(t.steps[step])}
                  </Link>
                )}
              </li>
            );
          })}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

const NO_WARNINGS: GrowthWarning[] = [];

/**
 * Step 4: the plan as it will be written — totals per level, the P&L totals when measures are
 * planned, warnings and blocking problems.
 */
export function PreviewStep(props: { planner: Planner; onGoTo: (field: string) => void }) {
  const { planner } = props;
  const { t, format, problem } = useI18n();
  const styles = useStyles();
  const preview = planner.preview;
  // Beside a problem at a level, what still plans: the levels above it.
  const partial = preview && !preview.ok ? (preview.partial ?? null) : null;
  const result = preview?.ok ? preview.result : (partial?.result ?? null);
  const levels = useMemo(() => (result ? levelTotals(result) : []), [result]);
  // Computed with the plan, in the planning engine: they walk every record of the history.
  const far = preview?.ok ? preview.warnings : (partial?.warnings ?? NO_WARNINGS);
  const months = useMemo(() => (result ? companyMonths(result) : []), [result]);

  return (
    <>
      <Text>{t.preview.intro}</Text>
      {!planner.history && <Text>{t.preview.needHistory}</Text>}
      <BlockingProblems onGoTo={props.onGoTo} />
      {partial && partial.levels < planner.draft.levels.length && (
        <Text>
          {t.preview.partial(
            partial.levels === 0
              ? null
              : dimensionName(t, planner.draft.levels[partial.levels - 1].dimension),
            dimensionName(t, planner.draft.levels[partial.levels].dimension),
          )}
        </Text>
      )}
      {result && (
        <>
          <div className={styles.stats}>
            <Stat label={t.preview.target} value={format.amount(result.target)} />
            <Stat label={t.preview.base(result.baseYear)} value={format.amount(result.base)} />
            {result.base > 0 && (
              <Stat
                label={t.preview.growth}
                value={format.change(result.target / result.base - 1)}
              />
            )}
          </div>
          <ProfitTotals result={result} />
          {levels.map((level) => (
            <LevelTable
              key={level.dimension}
              level={level}
              title={t.preview.byLevel(dimensionName(t, level.dimension))}
            />
          ))}
          <table className={styles.table}>
            <caption className={styles.caption}>{t.preview.months}</caption>
            <tbody>
              {months.map((amount, i) => (
                <tr key={i} className={styles.row}>
                  <th scope="row" className={styles.segment}>
                    {format.month(result.periods[i])}
                  </th>
                  <td className={styles.number}>{format.amount(amount)}</td>
                  <td className={styles.number}>{format.percent(result.shares[i])}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Section title={t.preview.warnings}>
            {far.length === 0 && result.warnings.length === 0 && (
              <Text>{t.preview.noWarnings}</Text>
            )}
            <ul className={styles.problems}>
              {far.map((w) => (
                <li key={w.path.join("/")}>
                  <Text>
                    {t.preview.farFromHistory({
                      segment: w.path.join(" / "),
                      implied: format.change(w.implied),
                      history: format.change(w.history),
                    })}
                  </Text>
                </li>
              ))}
              {result.warnings.map((w, i) => (
                <li key={`${w.code}-${i}`}>
                  <Text>{problem(w, planner.draft)}</Text>
                </li>
              ))}
            </ul>
          </Section>
        </>
      )}
    </>
  );
}
