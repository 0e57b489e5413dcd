import { makeStyles, Text, tokens } from "@fluentui/react-components";
import type { PlanResult } from "../../../engine/plan/planResult";
import { hasProfitPlan } from "../../../sheets/profitPlanSheet";
import { useI18n } from "../../i18n/I18nContext";

const useStyles = makeStyles({
  table: {
    width: "100%",
    borderCollapse: "collapse",
    tableLayout: "fixed",
    fontSize: tokens.fontSizeBase200,
  },
  caption: { textAlign: "left", fontWeight: tokens.fontWeightSemibold, paddingBottom: "4px" },
  label: {
    textAlign: "left",
    fontWeight: tokens.fontWeightRegular,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
  // The result lines of the P&L stand out from the lines they come from.
  strong: { fontWeight: tokens.fontWeightSemibold },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  row: { borderTop: `1px solid ${tokens.colorNeutralStroke3}` },
  numberColumn: { width: "50%" },
  note: { color: tokens.colorNeutralForeground2 },
});

type Line = { key: string; label: string; value: string; strong?: boolean };

/**
 * The plan's sales P&L for the year, as the engine planned it: sales, quantity, cost of sales,
 * gross profit and its margin, expenses and net profit, each there when its measures are planned.
 * Nothing is computed here: every figure is the engine's total.
 */
export function ProfitTotals(props: { result: PlanResult }) {
  const styles = useStyles();
  const { t, format } = useI18n();
  const measures = props.result.measures;
  if (!measures) return null;
  const total = measures.profit.total;
  const lines: Line[] = [
    { key: "sales", label: t.measures.sales, value: format.amount(total.sales.annual) },
  ];
  if (measures.quantity) {
    lines.push({
      key: "quantity",
      label: t.measures.quantityTotal,
      value: format.amount(measures.quantity.total),
    });
  }
  if (total.cost && total.grossProfit) {
    lines.push(
      { key: "cost", label: t.measures.cost, value: format.amount(total.cost.annual) },
      {
        key: "grossProfit",
        label: t.measures.grossProfitTotal,
        value: format.amount(total.grossProfit.annual),
        strong: true,
      },
      {
        key: "margin",
        label: t.measures.margin,
        value: total.margin?.annual == null ? "–" : format.percent(total.margin.annual),
      },
    );
  }
  if (total.expenses) {
    lines.push({
      key: "expenses",
      label: t.measures.expensesTotal,
      value: format.amount(total.expenses.annual),
    });
  }
  if (total.netProfit) {
    lines.push({
      key: "netProfit",
      label: t.measures.netProfit,
      value: format.amount(total.netProfit.annual),
      strong: true,
    });
  }
  return (
    <>
      <table className={styles.table}>
        <caption className={styles.caption}>{t.measures.profitTitle}</caption>
        <colgroup>
          <col />
          <col className={styles.numberColumn} />
        </colgroup>
        <tbody>
          {lines.map((line) => (
            <tr key={line.key} className={styles.row}>
              <th scope="row" className={styles.label}>
                {line.strong ? <span className={styles.strong}>{line.label}</span> : line.label}
              </th>
              <td className={styles.number}>
                {line.strong ? <span className={styles.strong}>{line.value}</span> : line.value}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {hasProfitPlan(props.result) && (
        <Text size={200} className={styles.note}>
          {t.measures.profitSheetNote}
        </Text>
      )}
    </>
  );
}
