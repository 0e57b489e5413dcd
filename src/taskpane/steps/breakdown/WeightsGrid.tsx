import {
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  tokens,
} from "@fluentui/react-components";
import { useId, useMemo } from "react";
import type { DimensionKey } from "../../../engine/history";
import { formatFieldPath } from "../../../engine/plan/validatePlanFile";
import { useFieldProblem, useProblemsUnder } from "../../components/problems";
import { useI18n } from "../../i18n/I18nContext";
import { fieldDomId } from "../../model/fieldPaths";
import { parseNumberText } from "../../model/parseNumberText";
import { dimensionName } from "../../i18n/dimensionName";

const useStyles = makeStyles({
  table: {
    width: "100%",
    borderCollapse: "collapse",
    tableLayout: "fixed",
    fontSize: tokens.fontSizeBase200,
  },
  caption: {
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
    paddingBottom: tokens.spacingVerticalXS,
  },
  head: {
    textAlign: "left",
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground2,
  },
  member: {
    textAlign: "left",
    fontWeight: tokens.fontWeightRegular,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    paddingRight: tokens.spacingHorizontalXS,
  },
  weightColumn: { width: "84px" },
  shareColumn: { width: "56px" },
  input: { width: "100%", minWidth: 0 },
  share: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  total: {
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    fontWeight: tokens.fontWeightSemibold,
  },
});

function WeightRow(props: {
  member: string;
  value: string;
  share: number | null;
  path: string;
  /** The id of the words of the grid's problems, which this input's problem is among. */
  problemsId: string;
  onChange: (value: string) => void;
}) {
  const styles = useStyles();
  const { t, format } = useI18n();
  const { message, onLeave } = useFieldProblem(props.path);
  return (
    <tr>
      <th scope="row" className={styles.member} title={props.member}>
        {props.member}
      </th>
      <td>
        {/* Outlined and marked invalid in its own row; the words are above the table. */}
        <Field
          id={fieldDomId(props.path)}
          validationState={message ? "error" : "none"}
          onBlur={onLeave}
        >
          <Input
            className={styles.input}
            size="small"
            inputMode="decimal"
            aria-label={t.breakdown.weightFor(props.member)}
            aria-describedby={message ? props.problemsId : undefined}
            title={message}
            value={props.value}
            onChange={(_, data) => props.onChange(data.value)}
          />
        </Field>
      </td>
      <td className={styles.share}>{props.share === null ? "–" : format.percent(props.share)}</td>
    </tr>
  );
}

/**
 * Manual weights of a level: one row per member with its weight and the share it makes, updated as
 * the user types.
 */
export function WeightsGrid(props: {
  levelIndex: number;
  dimension: DimensionKey;
  members: string[];
  weights: Record<string, string>;
  onChange: (weights: Record<string, string>) => void;
}) {
  const styles = useStyles();
  const { t, format } = useI18n();
  const prefix = `levels[${props.levelIndex}].weights`;
  const problems = useProblemsUnder(prefix);
  const problemsId = useId();
  const rows = useMemo(() => {
    const names = [...new Set([...props.members, ...Object.keys(props.weights)])];
    const values = names.map((m) => {
      const parsed = parseNumberText(props.weights[m] ?? "");
      return typeof parsed === "number" && parsed > 0 ? parsed : 0;
    });
    const total = values.reduce((a, b) => a + b, 0);
    return {
      total,
      rows: names.map((member, i) => ({
        member,
        share: total > 0 ? values[i] / total : null,
      })),
    };
  }, [props.members, props.weights]);

  return (
    <div id={fieldDomId(prefix)} tabIndex={-1}>
      {problems.length > 0 && (
        <MessageBar intent="error">
          <MessageBarBody id={problemsId}>{problems.map((p) => p.words).join(" ")}</MessageBarBody>
        </MessageBar>
      )}
      <table className={styles.table}>
        <caption className={styles.caption}>{t.breakdown.weights}</caption>
        <colgroup>
          <col />
          <col className={styles.weightColumn} />
          <col className={styles.shareColumn} />
        </colgroup>
        <thead>
          <tr>
            <th scope="col" className={styles.head}>
              {dimensionName(t, props.dimension)}
            </th>
            <th scope="col" className={styles.head}>
              {t.breakdown.weight}
            </th>
            <th scope="col" className={`${styles.head} ${styles.share}`}>
              {t.breakdown.share}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.rows.map((row) => (
            <WeightRow
              key={row.member}
              member={row.member}
              value={props.weights[row.member] ?? ""}
              share={row.share}
              path={formatFieldPath(["levels", props.levelIndex, "weights", row.member])}
              problemsId={problemsId}
              onChange={(value) => props.onChange({ ...props.weights, [row.member]: value })}
            />
          ))}
        </tbody>
        <tfoot>
          <tr className={styles.total}>
            <th scope="row" className={styles.member}>
              {t.breakdown.weightsTotal}
            </th>
            <td className={styles.share}>{format.amount(rows.total)}</td>
            <td className={styles.share}>{rows.total > 0 ? format.percent(1) : "–"}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
