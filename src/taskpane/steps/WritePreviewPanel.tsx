import {
  Button,
  Field,
  Link,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Text,
  tokens,
} from "@fluentui/react-components";
import { ChevronDownRegular, ChevronRightRegular } from "@fluentui/react-icons";
import { useId, useState } from "react";
import { toA1 } from "../../engine/address";
import type { CellValue } from "../../engine/grid";
import type { MovedCell, UserCell } from "../../sheets/userEdits";
import type { PlanWritePreview, SheetWriteStatus } from "../../workflow/writePlan";
import { useI18n } from "../i18n/I18nContext";
import type { WritePreviewState } from "../state/useWritePreview";

/** The most cells a list shows; the rest are counted. */
const SHOWN = 20;
const STATUSES: SheetWriteStatus[] = ["new", "rewritten", "kept", "not-in-plan", "removed"];

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  quiet: { color: tokens.colorNeutralForeground2 },
  countLine: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "baseline",
    columnGap: tokens.spacingHorizontalS,
    minWidth: 0,
  },
  toggle: { paddingLeft: 0, paddingRight: 0, minWidth: 0 },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    minWidth: 0,
    overflowWrap: "anywhere",
  },
  folded: { display: "none" },
  status: { color: tokens.colorNeutralForeground2 },
  names: { display: "block", color: tokens.colorNeutralForeground2 },
});

/** Rows of the sheet list: one per sheet, rep tabs of one status grouped. */
type SheetRow =
  | { kind: "sheet"; name: string; status: SheetWriteStatus }
  | { kind: "rep-tabs"; names: string[]; status: SheetWriteStatus };

function sheetRows(sheets: PlanWritePreview["sheets"]): SheetRow[] {
  const rows: SheetRow[] = [];
  const groups = new Map<SheetWriteStatus, Extract<SheetRow, { kind: "rep-tabs" }>>();
  for (const sheet of sheets) {
    if (sheet.kind !== "rep-tab") {
      rows.push({ kind: "sheet", name: sheet.name, status: sheet.status });
      continue;
    }
    const group = groups.get(sheet.status);
    if (group) group.names.push(sheet.name);
    else {
      const row = { kind: "rep-tabs" as const, names: [sheet.name], status: sheet.status };
      groups.set(sheet.status, row);
      rows.push(row);
    }
  }
  return rows;
}

/** A cell's address and what it holds, in the pane's words. */
function useCellWords() {
  const { t, format } = useI18n();
  const value = (v: CellValue) =>
    v === null || (typeof v === "string" && v.trim() === "")
      ? t.writePreview.empty
      : typeof v === "number"
        ? format.amount(v)
        : String(v);
  return (cell: UserCell, why?: string) =>
    t.writePreview.cell(
      `${cell.sheet}!${toA1(cell.row, cell.column)}`,
      value(cell.value),
      why ?? null,
    );
}

function CellList<C extends UserCell>(props: {
  cells: C[];
  why?: (cell: C) => string | undefined;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const words = useCellWords();
  const { cells } = props;
  return (
    <>
      <ul className={styles.list}>
        {cells.slice(0, SHOWN).map((cell) => (
          <li key={`${cell.sheet}!${cell.row}:${cell.column}`}>
            <Text size={200}>{words(cell, props.why?.(cell))}</Text>
          </li>
        ))}
      </ul>
      {cells.length > SHOWN && <Text size={200}>{t.writePreview.more(cells.length - SHOWN)}</Text>}
    </>
  );
}

function SheetList(props: { sheets: PlanWritePreview["sheets"] }) {
  const { t } = useI18n();
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const { sheets } = props;
  const counts = STATUSES.map((status) => [status, sheets.filter((s) => s.status === status)])
    .filter(([, of]) => of.length > 0)
    .map(([status, of]) => t.writePreview.statusCount[status as SheetWriteStatus](of.length));
  return (
    <>
      <div className={styles.countLine}>
        <Text>
          {t.writePreview.sheetsLine(
            t.writePreview.sheetsTitle(sheets.length),
            counts.join(t.writePreview.separator),
          )}
        </Text>
        <Button
          className={styles.toggle}
          appearance="transparent"
          size="small"
          icon={open ? <ChevronDownRegular /> : <ChevronRightRegular />}
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? t.writePreview.hideSheets : t.writePreview.showSheets}
        </Button>
      </div>
      <ul className={mergeClasses(styles.list, !open && styles.folded)} id={listId} hidden={!open}>
        {sheetRows(sheets).map((row) =>
          row.kind === "sheet" ? (
            <li key={`${row.status}:${row.name}`}>
              <Text size={200}>
                {row.name}{" "}
                <span className={styles.status}>— {t.writePreview.status[row.status]}</span>
              </Text>
            </li>
          ) : (
            <li key={`${row.status}:rep-tabs`}>
              <Text size={200}>
                {t.writePreview.repTabs(row.names.length)}{" "}
                <span className={styles.status}>— {t.writePreview.status[row.status]}</span>
                <span className={styles.names}>{row.names.join(t.writePreview.separator)}</span>
              </Text>
            </li>
          ),
        )}
      </ul>
    </>
  );
}

/**
 * What Generate will write, before writing: the sheets it touches with their status, the plan's
 * figures users typed over (with the choice to keep or overwrite them), the cells users typed
 * beside the tables (they stay) and those in the new plan's way (they move to the sheet of the
 * user's edits), each with its address.
 */
export function WritePreviewPanel(props: {
  state: WritePreviewState;
  keepTypedOver: boolean;
  onKeepTypedOver: (keep: boolean) => void;
  onCheckAgain: () => void;
}) {
  const { t, notice } = useI18n();
  const styles = useStyles();
  const { state } = props;
  const preview =
    state.status === "ready" ? state.preview : state.status === "checking" ? state.last : null;
  const choiceLabel = useId();
  if (state.status === "idle") return null;
  const reason = (cell: MovedCell) =>
    cell.reason === "typed-over" ? undefined : t.writePreview.movedReason[cell.reason];
  const edits = preview?.edits;
  const editsSheet = edits?.sheet ?? preview?.editsSheet ?? "";
  // Kept, typed-over figures go to the sheet of edits: then the write adds it, if nothing else does.
  const addsEditsSheet =
    preview !== null &&
    props.keepTypedOver &&
    preview.typedOver.length > 0 &&
    !preview.sheets.some((s) => s.kind === "user-edits");
  const sheets = !preview
    ? []
    : addsEditsSheet
      ? [
          ...preview.sheets.filter((s) => s.status !== "removed"),
          { name: preview.editsSheet, kind: "user-edits", status: "new" as const },
          ...preview.sheets.filter((s) => s.status === "removed"),
        ]
      : preview.sheets;

  return (
    <div className={styles.panel}>
      <div role="status" aria-live="polite">
        {state.status === "checking" && (
          <Text size={200} className={styles.quiet}>
            {t.writePreview.checking}
          </Text>
        )}
      </div>
      {state.status === "failed" && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t.writePreview.checkFailed(notice(state.failure))}</MessageBarBody>
        </MessageBar>
      )}
      {preview && (
        <>
          <SheetList sheets={sheets} />
          {preview.typedOver.length > 0 && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>
                  {t.writePreview.typedOverTitle(preview.typedOver.length)}
                </MessageBarTitle>
                <Text size={200} block>
                  {t.writePreview.typedOverIntro}
                </Text>
                <CellList cells={preview.typedOver} />
                <Field label={{ id: choiceLabel, children: t.writePreview.choiceLabel }}>
                  <RadioGroup
                    aria-labelledby={choiceLabel}
                    value={props.keepTypedOver ? "keep" : "overwrite"}
                    onChange={(_, data) => props.onKeepTypedOver(data.value === "keep")}
                  >
                    <Radio value="keep" label={t.writePreview.keep(preview.editsSheet)} />
                    <Radio value="overwrite" label={t.writePreview.overwrite} />
                  </RadioGroup>
                </Field>
              </MessageBarBody>
            </MessageBar>
          )}
          {edits && edits.keptCells.length > 0 && (
            <div>
              <Text size={200} block>
                {t.writePreview.keptBeside(edits.keptCells.length)}
              </Text>
              <CellList cells={edits.keptCells} />
            </div>
          )}
          {edits && edits.columns > 0 && (
            <Text size={200}>{t.writePreview.columnsKept(edits.columns)}</Text>
          )}
          {edits && edits.moved.length > 0 && (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>
                <Text size={200} block>
                  {t.writePreview.movedTitle(edits.moved.length, editsSheet)}
                </Text>
                <CellList cells={edits.moved} why={reason} />
              </MessageBarBody>
            </MessageBar>
          )}
        </>
      )}
      <div>
        <Link as="button" onClick={props.onCheckAgain}>
          {t.writePreview.checkAgain}
        </Link>
      </div>
    </div>
  );
}
