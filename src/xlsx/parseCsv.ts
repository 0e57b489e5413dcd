import { CsvReadError, lineAt } from "./csvReadError";
import { CELLS_PER_DATA_CELL, WHOLE_GRID_CELLS } from "./dataExtent";

/** A CSV file's cells: text as written (no number or date parsing), `null` for empty fields. */
export type CsvRows = (string | null)[][];

/** One character between fields: `,` `;` tab, or whatever a `sep=` line names (`|`). */
export type CsvDelimiter = string;

/**
 * Rows of a CSV text (RFC 4180): quoted fields with doubled quotes and embedded line breaks,
 * rows ended by CRLF, LF or CR. The delimiter is `,` unless the first line says `sep=X` (as Excel
 * writes it; any one character, the line is not a row) or clearly uses `;` or tab instead. Rows are
 * padded with `null` to one width, so the result has the shape of a worksheet range — unless one
 * far longer line would make that range many times larger than the file's fields: rows then stay
 * as long as they are —; a final line break does not make an empty row, but blank lines inside the file stay rows, so row numbers
 * match the file's line numbers. A quote opening a field and never closing — which would swallow
 * the rest of the file into one field — throws `CsvReadError` (`csv-quote-unclosed`) with the
 * line where it opened; so does one closing lines later in the middle of a field.
 * @example parseCsv('a,"b,c"\r\n1,""') → [["a", "b,c"], ["1", null]]
 */
export function parseCsv(text: string, delimiter?: CsvDelimiter): CsvRows {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let body = bom ? text.slice(1) : text;
  let sep = delimiter;
  let skipped = bom;
  if (!sep) {
    const hint = /^sep=([^"\r\n])(\r\n|\n|\r|$)/.exec(body);
    if (hint) {
      sep = hint[1];
      body = body.slice(hint[0].length);
      skipped += hint[0].length;
    } else {
      sep = detectDelimiter(body);
    }
  }
  let rows: CsvRows;
  try {
    rows = splitRows(body, sep);
  } catch (error) {
    if (!(error instanceof QuoteError)) throw error;
    const line = lineAt(text, skipped + error.opened);
    throw new CsvReadError(
      "csv-quote-unclosed",
      error.closed < 0 ? { line } : { line, closes: lineAt(text, skipped + error.closed) },
    );
  }
  let width = 0;
  let fields = 0;
  for (const row of rows) {
    width = Math.max(width, row.length);
    fields += row.length;
  }
  // One line of a million commas must not make every row a million cells wide.
  if (rows.length * width > Math.max(WHOLE_GRID_CELLS, CELLS_PER_DATA_CELL * fields)) return rows;
  for (const row of rows) while (row.length < width) row.push(null);
  return rows;
}

/**
 * The delimiter the first line uses: `;` or tab when it appears there more often than `,`
 * (outside quotes), else `,`.
 * @example detectDelimiter("Datum;Betrag\n1,5;2") === ";"
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && (ch === "," || ch === ";" || ch === "\t")) counts[ch]++;
  }
  if (counts["\t"] > counts[","] && counts["\t"] >= counts[";"]) return "\t";
  if (counts[";"] > counts[","]) return ";";
  return ",";
}

/** Field texts up to this length are shared between the cells that hold them. */
const MAX_SHARED_LENGTH = 64;
/** Distinct texts of one column past which its texts are no longer shared. */
const MAX_SHARED_PER_COLUMN = 50_000;

/**
 * The same text, not sharing memory with the string it was cut from (JavaScript engines keep long
 * slices as views of their source).
 */
function detached(text: string): string {
  return text.length < 13 ? text : (" " + text).slice(1);
}

const LF = 10;
const CR = 13;
const QUOTE = 34;

/** A quoted field opened at `opened` that never closes (`closed` -1) or closes mid-field. */
class QuoteError extends Error {
  constructor(
    readonly opened: number,
    readonly closed: number,
  ) {
    super("quote");
  }
}

function splitRows(text: string, sep: CsvDelimiter): CsvRows {
  const rows: CsvRows = [];
  let row: (string | null)[] = [];
  let field = "";
  // True once the current row has any character, so a final line break adds no empty row.
  let inRow = false;
  let i = 0;
  const n = text.length;
  // Histories repeat their names, dates and codes row after row: one string per distinct short
  // text keeps the grid small. A column of mostly distinct texts (amounts) stops being looked up.
  const seen: (Map<string, string> | null)[] = [];
  const endField = () => {
    const column = row.length;
    let shared: string | null = field === "" ? null : field;
    if (shared !== null && field.length <= MAX_SHARED_LENGTH) {
      let texts = seen[column];
      if (texts === undefined) texts = seen[column] = new Map();
      if (texts !== null) {
        const known = texts.get(field);
        if (known !== undefined) shared = known;
        else if (texts.size < MAX_SHARED_PER_COLUMN) {
          // A copy of its own: a slice would keep the whole file's text alive with the grid.
          shared = detached(field);
          texts.set(shared, shared);
        } else seen[column] = null;
      }
    }
    row.push(shared);
    field = "";
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
    inRow = false;
  };
  // Characters compared by code: this loop sees every character of the file.
  const SEP = sep.charCodeAt(0);
  const ends = (code: number) => code === SEP || code === LF || code === CR;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (code !== LF && code !== CR) inRow = true;
    if (code === QUOTE && field === "") {
      // Quoted field: runs to the next lone quote; `""` inside is one quote.
      const opened = i;
      i++;
      let start = i;
      let value = "";
      while (i < n) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          // Excel would take the rest of the file as this one field: rows vanish unseen.
          throw new QuoteError(opened, -1);
        }
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += text.slice(start, q + 1);
          i = q + 2;
          start = i;
          continue;
        }
        value += text.slice(start, q);
        i = q + 1;
        start = -1;
        break;
      }
      if (start >= 0) throw new QuoteError(opened, -1);
      // An empty quoted field (`""`) is blank, like any other empty field.
      field = value;
      // Text after the closing quote up to the delimiter is kept, as Excel does; after a field
      // spanning lines it means a stray quote closed one left open lines before.
      const closed = i - 1;
      if (i < n && !ends(text.charCodeAt(i)) && /[\r\n]/.test(value)) {
        throw new QuoteError(opened, closed);
      }
      while (i < n && !ends(text.charCodeAt(i))) field += text[i++];
      continue;
    }
    if (code === SEP) {
      endField();
      i++;
    } else if (code === LF || code === CR) {
      endRow();
      i += code === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    } else {
      let j = i + 1;
      while (j < n && !ends(text.charCodeAt(j))) j++;
      field += text.slice(i, j);
      i = j;
    }
  }
  // A final line break ends the last row; anything after it is a last row without one.
  if (inRow) endRow();
  return rows;
}
