import {
  Button,
  Dropdown,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  OptionGroup,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import { ArrowClockwiseRegular } from "@fluentui/react-icons";
import { DIMENSIONS, type HistoryRole } from "../../engine/history";
import { PlanField } from "../components/PlanField";
import { Section } from "../components/Section";
import { PUNCTUATION } from "../../engine/language";
import { useI18n } from "../i18n/I18nContext";
import { headerTexts } from "../model/headerTexts";
import { historyCandidates, sourceFromKey, sourceKey } from "../model/historySources";
import { currentSourceKey, type Planner } from "../state/usePlanner";
import { SkippedRows } from "./SkippedRows";

const useStyles = makeStyles({
  row: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1, minWidth: 0 },
  dropdown: { minWidth: 0, width: "100%" },
  roles: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(200px, 1fr))",
    gap: tokens.spacingVerticalS,
  },
});

/**
 * The roles a long history's columns are mapped to, in the order a user checks them: the date and
 * amount, the figures the measures are planned from (the quantity; the cost, or the gross profit
 * cost is worked out from), then the dimensions.
 */
const LONG_ROLES: readonly HistoryRole[] = [
  "date",
  "amount",
  "quantity",
  "cost",
  "grossProfit",
  ...DIMENSIONS,
];

/** Step 1: which sheet or table holds the history, its columns, and the rows it skipped. */
export function DataStep(props: { planner: Planner }) {
  const { planner } = props;
  const { t, format, notice, language } = useI18n();
  const styles = useStyles();
  const { outline, history, grid } = planner;

  const sheets = outline ? historyCandidates(outline) : [];
  const tables = outline?.tables ?? [];
  const selectedKey = currentSourceKey(planner);
  const selectedText = planner.source
    ? planner.source.kind === "table"
      ? t.data.tableOption(
          planner.source.name,
          tables.find((tb) => tb.name === planner.source?.name)?.sheet ?? "",
        )
      : planner.source.name
    : "";

  const roles: readonly HistoryRole[] = history?.layout === "wide" ? DIMENSIONS : LONG_ROLES;
  const headers =
    grid && history && history.headerRow >= 0 ? headerTexts(grid, history.headerRow) : [];
  const overridden = Object.keys(planner.draft.columns).length > 0;

  return (
    <>
      <Text>{t.data.intro}</Text>
      {outline && sheets.length === 0 && tables.length === 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{t.data.noSheets}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Field label={t.data.source} className={styles.grow}>
          <Dropdown
            className={styles.dropdown}
            value={selectedText}
            selectedOptions={selectedKey ? [selectedKey] : []}
            onOptionSelect={(_, data) => {
              const next = data.optionValue ? sourceFromKey(data.optionValue) : null;
              if (next) planner.chooseSource(next);
            }}
          >
            {sheets.length > 0 && (
              <OptionGroup label={t.data.sheetsGroup}>
                {sheets.map((s) => (
                  <Option key={sourceKey(s)} value={sourceKey(s)}>
                    {s.name}
                  </Option>
                ))}
              </OptionGroup>
            )}
            {tables.length > 0 && (
              <OptionGroup label={t.data.tablesGroup}>
                {tables.map((tb) => {
                  const key = sourceKey({ kind: "table", name: tb.name });
                  const text = t.data.tableOption(tb.name, tb.sheet);
                  return (
                    <Option key={key} value={key} text={text}>
                      {text}
                    </Option>
                  );
                })}
              </OptionGroup>
            )}
          </Dropdown>
        </Field>
        <Button
          icon={<ArrowClockwiseRegular />}
          aria-label={t.data.reread}
          title={t.data.reread}
          disabled={!planner.source || planner.reading}
          onClick={planner.reread}
        />
      </div>

      {planner.reading && <Spinner size="tiny" label={t.data.reading} />}
      {planner.readFailure && (
        <MessageBar intent="error">
          <MessageBarBody>{notice(planner.readFailure)}</MessageBarBody>
        </MessageBar>
      )}
      {history && !planner.reading && history.error && (
        <MessageBar intent="error" id="stp-field-history">
          <MessageBarBody>
            {history.error.cell
              ? `${history.sheet}!${history.error.cell}${PUNCTUATION[language].colon}`
              : ""}
            {notice(history.error)}
          </MessageBarBody>
        </MessageBar>
      )}
      {history && !history.error && (
        <Text>
          {t.data.readSummary({
            rows: format.count(history.records.length),
            sheet: history.sheet,
            header: history.headerRow + 1,
            layout:
              history.layout === "wide"
                ? t.data.layoutWide(history.monthColumns.length)
                : t.data.layoutLong,
          })}
        </Text>
      )}

      {history && headers.length > 0 && (
        <Section title={t.data.columns}>
          <Text size={200}>{t.data.columnsHint}</Text>
          <div className={styles.roles}>
            {roles.map((role) => {
              const current = planner.draft.columns[role] ?? history.columns[role]?.header ?? "";
              return (
                <PlanField key={role} path={`columns.${role}`} label={t.roles[role]}>
                  <Dropdown
                    className={styles.dropdown}
                    value={current}
                    placeholder={t.data.notFound}
                    selectedOptions={current ? [current] : []}
                    onOptionSelect={(_, data) => {
                      const header = data.optionValue;
                      if (!header) return;
                      planner.update((d) => ({ ...d, columns: { ...d.columns, [role]: header } }));
                    }}
                  >
                    {headers.map((h) => (
                      <Option key={h.header} value={h.header} text={h.header}>
                        {`${h.column} · ${h.header}`}
                      </Option>
                    ))}
                  </Dropdown>
                </PlanField>
              );
            })}
          </div>
          {overridden && (
            <div>
              <Button onClick={() => planner.update((d) => ({ ...d, columns: {} }))}>
                {t.data.resetColumns}
              </Button>
            </div>
          )}
        </Section>
      )}

      {/* With no record read, the skipped rows are what the user needs to see, each a click away. */}
      {history && (!history.error || history.skipped.length > 0) && (
        <SkippedRows history={history} />
      )}

      {history && history.notes.length > 0 && (
        <Section title={t.data.notes}>
          <ul>
            {history.notes.map((n, i) => (
              <li key={i}>
                <Text>{notice(n)}</Text>
              </li>
            ))}
          </ul>
        </Section>
      )}
    </>
  );
}
