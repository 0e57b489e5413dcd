import { CsvReadError } from "./csvReadError";

/** Bytes looked at to tell UTF-16 without a byte-order mark. */
const UTF16_SAMPLE = 4096;
/**
 * The most double-byte characters of a GB18030 text that may lie outside GB2312's letters,
 * symbols and hanzi: Chinese text is nearly all inside; Shift-JIS, Big5 or Latin-1 bytes read as
 * GB18030 are mostly outside.
 */
const MAX_OUTSIDE_GB2312 = 0.25;

/**
 * UTF-16 without a byte-order mark, by its NUL bytes: CSV text is full of ASCII (delimiters,
 * digits, line ends), whose UTF-16 units have a NUL high byte — at odd positions in little-endian,
 * even ones in big-endian — and UTF-8 or GB18030 text has no NUL at all.
 */
function utf16Order(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const length = Math.min(bytes.length, UTF16_SAMPLE) & ~1;
  if (length < 2) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = length / 2;
  if (odd * 8 >= pairs && odd > even * 4) return "utf-16le";
  if (even * 8 >= pairs && even > odd * 4) return "utf-16be";
  return null;
}

function lineOfByte(bytes: Uint8Array, position: number): number {
  let line = 1;
  for (let i = 0; i < position; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  }
  return line;
}

/**
 * Where GB18030 bytes stop looking like Chinese text: the first double-byte character outside
 * GB2312, when more than a quarter of them are or when a sequence GB18030 does not have follows
 * (else that sequence). `-1` when they read as Chinese text.
 */
function implausibleGb18030(bytes: Uint8Array): number {
  let doubles = 0;
  let outside = 0;
  let firstOutside = -1;
  const invalid = (at: number) => (firstOutside >= 0 ? firstOutside : at);
  for (let i = 0; i < bytes.length;) {
    const lead = bytes[i];
    if (lead < 0x80 || lead === 0x80 || lead === 0xff) {
      if (lead === 0xff) return invalid(i);
      i++;
      continue;
    }
    const second = bytes[i + 1];
    if (second === undefined) return invalid(i);
    if (second >= 0x30 && second <= 0x39) {
      // Four bytes: rare characters and everything outside GBK.
      const third = bytes[i + 2];
      const fourth = bytes[i + 3];
      const valid =
        third !== undefined && third >= 0x81 && third <= 0xfe && fourth >= 0x30 && fourth <= 0x39;
      if (!valid) return invalid(i);
      doubles++;
      outside++;
      if (firstOutside < 0) firstOutside = i;
      i += 4;
      continue;
    }
    if (second < 0x40 || second === 0x7f || second === 0xff) return invalid(i);
    doubles++;
    // GB2312: symbols in rows A1–A9, hanzi in rows B0–F7, each with a trail of A1–FE.
    const row = (lead >= 0xa1 && lead <= 0xa9) || (lead >= 0xb0 && lead <= 0xf7);
    const gb2312 = row && second >= 0xa1 && second <= 0xfe;
    if (!gb2312) {
      outside++;
      if (firstOutside < 0) firstOutside = i;
    }
    i += 2;
  }
  return outside > doubles * MAX_OUTSIDE_GB2312 ? firstOutside : -1;
}

/**
 * Text of a CSV file as Excel saves it: UTF-8 with or without a byte-order mark ("CSV UTF-8"),
 * UTF-16 with a byte-order mark ("Unicode text") or without one (told by its NUL bytes), or
 * GB18030 ("CSV" from Chinese Excel, which uses the system's ANSI code page). Bytes in none of
 * these — Shift-JIS, Big5, Latin-1, whose bytes GB18030 would turn into other characters — are
 * refused rather than read as garbage: `CsvReadError` (`csv-encoding-unknown`) with the line of
 * the first byte that gives them away.
 * @example decodeCsvBytes(Uint8Array.of(0xc8, 0xd5, 0xc6, 0xda)) === "日期"
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder("utf-8").decode(bytes.subarray(3));
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  }
  const order = utf16Order(bytes);
  if (order) return new TextDecoder(order).decode(bytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: what Excel's plain "CSV" format writes on a Chinese system, or something else.
  }
  const wrong = implausibleGb18030(bytes);
  if (wrong >= 0)
    throw new CsvReadError("csv-encoding-unknown", { line: lineOfByte(bytes, wrong) });
  return new TextDecoder("gb18030").decode(bytes);
}
