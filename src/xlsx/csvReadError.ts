/** Why a CSV file's text cannot be read as it was written. */
export type CsvReadErrorCode =
  /** A quote opens a field and never closes (or closes lines later, inside a field). */
  | "csv-quote-unclosed"
  /** The bytes are not text in an encoding Excel saves CSV in. */
  | "csv-encoding-unknown";

/**
 * A CSV file that cannot be read without guessing: `line` (1-based, as an editor counts them)
 * is where the trouble starts; `closes`, for a quote closed lines later, where it closes.
 */
export class CsvReadError extends Error {
  readonly code: CsvReadErrorCode;
  readonly params: { line: number; closes?: number };

  constructor(code: CsvReadErrorCode, params: { line: number; closes?: number }) {
    super(`line ${params.line}: ${code}`);
    this.name = "CsvReadError";
    this.code = code;
    this.params = params;
  }
}

/**
 * The 1-based line of a position in a text, counting CRLF, LF and CR line ends.
 * @example lineAt("a\r\nb\nc", 5) === 3
 */
export function lineAt(text: string, position: number): number {
  let line = 1;
  for (let i = 0; i < position && i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) line++;
    else if (code === 13 && text.charCodeAt(i + 1) !== 10) line++;
  }
  return line;
}
