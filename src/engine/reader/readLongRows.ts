import type { HistoryRecord, HistoryRole, Notice, SkippedRow, SkipCode } from "../history";
import { MEASURES, type MeasureFigure } from "../measures";
import type { HeaderAnalysis } from "./analyzeHeaderRow";
import { cellTextForMessage, isBlankCell } from "./cellText";
import { detectDayOrder } from "./detectDayOrder";
import { findTotalCell } from "./findTotalCell";
import type { GridView } from "./gridView";
import { makeAmountReader, type AmountReader } from "./makeAmountReader";
import { isPlannableAmount, parseAmount } from "./parseAmount";
import { dataColumnsOf, prepareDataArea } from "./prepareDataArea";
import { readDateCell, type DateCellReading, type DateNumberKind } from "./readDateCell";
import { dimensionColumns, readRowDimensions } from "./readRowDimensions";
import { walkDataRows } from "./walkDataRows";
import { isWonStage, sortsByStage } from "./wonStages";
import { monthOfYearCell, yearCell } from "./yearAndMonthCells";

/** Distinct date texts remembered while reading (a few years of days, with room to spare). */
const MAX_CACHED_DATE_TEXTS = 100_000;

/** What reading the rows of a history adds to the result; `error` when they cannot be read. */
export type RowsRead = {
  records: HistoryRecord[];
  skipped: SkippedRow[];
  notes: Notice[];
  error?: Notice & { cell: string };
};

/**
 * A column a measure's figure is read from: the quantity, the cost, or the gross profit (which
 * gives the cost as amount − gross profit). `reader` is set when the plan asks for the measure:
 * its cells are then read like amounts, an unreadable one skips the row, blank ones are counted.
 */
type FigureColumn = {
  figure: MeasureFigure;
  role: HistoryRole;
  column: number;
  header: string;
  reader?: AmountReader;
  blank: number;
  firstBlank?: string;
};

/**
 * The figure columns of a header: for each measure, the first of its roles the header has.
 * @example figureColumns(header, ["quantity"], view) → [{ figure: "quantity", role: "quantity", reader, … }]
 */
function figureColumns(
  view: GridView,
  header: HeaderAnalysis,
  measures: readonly string[],
): FigureColumn[] {
  const columns: FigureColumn[] = [];
  for (const measure of Object.values(MEASURES)) {
    const role = measure.roles.find((r) => header.roles[r]);
    const found = role ? header.roles[role] : undefined;
    if (!role || !found) continue;
    const asked = measures.includes(measure.key);
    columns.push({
      figure: measure.figure,
      role,
      column: found.column,
      header: found.header,
      blank: 0,
      ...(asked
        ? {
            reader: makeAmountReader(columnStrings(view, header.row + 1, found.column), {
              column: found.header,
            }),
          }
        : {}),
    });
  }
  return columns;
}

/** A row's date, or the cell to blame when it has none. */
type RowDate =
  | { ok: true; year: number; month: number; assumed?: DateNumberKind }
  | { ok: false; reason: "missing" | "unreadable"; column: number };

function* columnStrings(view: GridView, fromRow: number, column: number): Iterable<string> {
  for (let row = fromRow; row < view.rowCount; row++) {
    const value = view.cell(row, column);
    if (typeof value === "string") yield value;
  }
}

/**
 * Reads the rows of a long history (one row per transaction or per period) below its header:
 * a record per row with a readable date and amount, a skip with its reason and cell otherwise.
 * `header` must have a date and an amount column.
 * @example readLongRows(view, analyzeHeaderRow(view, 0, {})).records[0].amount
 */
export function readLongRows(
  grid: GridView,
  header: HeaderAnalysis,
  measures: readonly string[] = [],
): RowsRead {
  const read: RowsRead = { records: [], skipped: [], notes: [] };
  const dateColumn = header.roles.date;
  const amountColumn = header.roles.amount;
  if (!dateColumn || !amountColumn) return read;
  const area = prepareDataArea(grid, header.row, dataColumnsOf(header, "long"));
  if (area.error) return { ...read, error: area.error };
  const view = area.view;
  read.notes.push(...area.notes);
  const figures = figureColumns(view, header, measures);
  for (const f of figures) if (f.reader) read.notes.push(...f.reader.notes);
  const yearColumn = header.yearColumn;
  const dimensions = dimensionColumns(header);

  const dayOrder = detectDayOrder(columnStrings(view, header.row + 1, dateColumn.column));
  if (dayOrder) {
    read.notes.push({
      code: "date-order-assumed",
      params: { column: dateColumn.header, ...dayOrder },
    });
  }
  const order = dayOrder?.order ?? "month-first";
  const amounts = makeAmountReader(columnStrings(view, header.row + 1, amountColumn.column), {
    column: amountColumn.header,
  });
  read.notes.push(...amounts.notes);
  const assumedKinds = new Set<DateNumberKind>();
  let yearColumnUsed = false;

  const readRowDate = (row: number): RowDate => {
    const value = view.cell(row, dateColumn.column);
    const format = view.format(row, dateColumn.column);
    const month = yearColumn ? monthOfYearCell(value, format) : null;
    if (yearColumn && month !== null) {
      const yearValue = view.cell(row, yearColumn.column);
      const year = yearCell(yearValue);
      if (year === null) {
        const reason = isBlankCell(yearValue) ? "missing" : "unreadable";
        return { ok: false, reason, column: yearColumn.column };
      }
      if (!yearColumnUsed) {
        yearColumnUsed = true;
        read.notes.push({
          code: "year-column-used",
          params: { column: dateColumn.header, yearColumn: yearColumn.header },
        });
      }
      return { ok: true, year, month };
    }
    const reading =
      typeof value === "string" ? dateOfText(value) : readDateCell(value, format, order);
    return reading.ok ? reading : { ...reading, column: dateColumn.column };
  };
  // A history repeats the same date texts row after row: each distinct text is parsed once.
  const textDates = new Map<string, DateCellReading>();
  const dateOfText = (value: string): DateCellReading => {
    let reading = textDates.get(value);
    if (reading === undefined) {
      reading = readDateCell(value, undefined, order);
      if (textDates.size < MAX_CACHED_DATE_TEXTS) textDates.set(value, reading);
    }
    return reading;
  };

  const stageColumn = header.stageColumn;
  const byStage = stageColumn ? sortsByStage(view, header.row, stageColumn.column) : false;

  walkDataRows(view, header.row, header.firstColumn, read.skipped, (row) => {
    if (stageColumn && byStage) {
      const stage = view.cell(row, stageColumn.column);
      if (!(typeof stage === "string" && isWonStage(stage)) && !findTotalCell(view, row)) {
        read.skipped.push({
          sheet: view.sheet,
          cell: view.address(row, stageColumn.column),
          code: "stage-not-won",
          params: { stage: cellTextForMessage(stage), column: stageColumn.header },
        });
        return;
      }
    }
    const date = readRowDate(row);
    const total = findTotalCell(view, row);
    if (total && (total.kind === "total" || !date.ok)) {
      read.skipped.push({
        sheet: view.sheet,
        cell: view.address(row, total.column),
        code: "total-row",
        params: { label: total.label },
      });
      return;
    }

    const amountCell = view.address(row, amountColumn.column);
    const amountValue = view.cell(row, amountColumn.column);
    if (isBlankCell(amountValue)) {
      read.skipped.push({
        sheet: view.sheet,
        cell: amountCell,
        code: "amount-missing",
        params: { column: amountColumn.header },
      });
      return;
    }
    const amount = amounts.amount(amountValue);
    if (amount === null) {
      const skip = amounts.skip(amountValue, amountColumn.header);
      read.skipped.push({ sheet: view.sheet, cell: amountCell, ...skip });
      return;
    }

    if (!date.ok) {
      const dateValue = view.cell(row, date.column);
      read.skipped.push({
        sheet: view.sheet,
        cell: view.address(row, date.column),
        code: date.reason === "missing" ? "date-missing" : "date-not-readable",
        params:
          date.reason === "missing"
            ? { column: dateColumn.header }
            : { value: cellTextForMessage(dateValue), column: dateColumn.header },
      });
      return;
    }
    if (date.assumed && !assumedKinds.has(date.assumed)) {
      assumedKinds.add(date.assumed);
      read.notes.push({
        code: "date-number-assumed",
        params: {
          column: dateColumn.header,
          kind: date.assumed,
          example: cellTextForMessage(view.cell(row, dateColumn.column)),
          reads: `${date.year}-${String(date.month).padStart(2, "0")}`,
        },
      });
    }

    const record: HistoryRecord = {
      year: date.year,
      month: date.month,
      amount,
      dims: readRowDimensions(view, row, dimensions),
      cell: amountCell,
      transaction: true,
    };
    for (const f of figures) {
      const value = view.cell(row, f.column);
      let figure: number | null;
      if (!f.reader) {
        // A measure the plan does not ask for: taken when readable, never a reason to skip.
        const parsed = parseAmount(value);
        figure = parsed !== null && isPlannableAmount(parsed) ? parsed : null;
      } else if (isBlankCell(value)) {
        f.blank += 1;
        f.firstBlank ??= view.address(row, f.column);
        figure = 0;
      } else {
        figure = f.reader.amount(value);
        if (figure === null) {
          const skip = f.reader.skip(value, f.header);
          read.skipped.push({
            sheet: view.sheet,
            cell: view.address(row, f.column),
            code: skip.code.replace(/^amount-/, "measure-") as SkipCode,
            params: { ...skip.params, role: f.role },
          });
          return;
        }
      }
      if (figure === null) continue;
      // A gross profit column gives the row's cost: its amount less its gross profit.
      record[f.figure] = f.role === "grossProfit" ? amount - figure : figure;
    }
    read.records.push(record);
  });
  for (const f of figures) {
    if (f.blank === 0 || f.firstBlank === undefined) continue;
    read.notes.push({
      code: "measure-blank-cells",
      params: {
        role: f.role,
        column: f.header,
        count: f.blank,
        cell: `${view.sheet}!${f.firstBlank}`,
      },
    });
  }
  return read;
}
