import {
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import type { HistoryReadResult, Notice } from "../../engine/history";
import { skippedRowCount } from "../../engine/reader/withNoRecordsError";
import { Section } from "../components/Section";
import { useI18n } from "../i18n/I18nContext";
import { portFailure } from "../model/portFailure";
import { usePort } from "../state/PortContext";

/** Rows listed before the rest are summed up in one line. */
const LISTED = 100;

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    maxHeight: "240px",
    overflowY: "auto",
  },
  address: { fontFamily: tokens.fontFamilyMonospace },
});

/** The rows the reader skipped, each with its cell: a click selects that cell in the workbook. */
export function SkippedRows(props: { history: HistoryReadResult }) {
  const { t, format, notice } = useI18n();
  const port = usePort();
  const styles = useStyles();
  const [failure, setFailure] = useState<Notice | null>(null);
  const { skipped } = props.history;

  const select = (sheet: string, cell: string) => {
    setFailure(null);
    port.select(sheet, cell).catch((e: unknown) => setFailure(portFailure(e)));
  };

  return (
    <Section title={t.data.skipped(format.count(skippedRowCount(skipped)))}>
      {skipped.length === 0 ? (
        <Text>{t.data.skippedNone}</Text>
      ) : (
        <ul className={styles.list}>
          {skipped.slice(0, LISTED).map((row) => (
            <li key={`${row.sheet}!${row.cell}`}>
              <Link
                as="button"
                aria-label={`${t.data.selectCell(row.cell)}: ${notice(row)}`}
                onClick={() => select(row.sheet, row.cell)}
              >
                <span className={styles.address}>{row.cell}</span>
              </Link>{" "}
              <Text size={200}>{notice(row)}</Text>
            </li>
          ))}
        </ul>
      )}
      {skipped.length > LISTED && (
        <Text size={200}>{t.data.skippedMore(format.count(skipped.length - LISTED))}</Text>
      )}
      {failure && (
        <MessageBar intent="error">
          <MessageBarBody>{notice(failure)}</MessageBarBody>
        </MessageBar>
      )}
    </Section>
  );
}
