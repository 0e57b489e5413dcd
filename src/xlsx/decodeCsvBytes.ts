/**
 * Text of a CSV file as Excel saves it: UTF-8 with or without a byte-order mark ("CSV UTF-8"),
 * UTF-16 with a byte-order mark ("Unicode text"), or GB18030 ("CSV" from Chinese Excel, which
 * uses the system's ANSI code page). The BOM decides first; bytes that are valid UTF-8 are UTF-8;
 * anything else is read as GB18030, a superset of GBK and GB2312.
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
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: what Excel's plain "CSV" format writes on a Chinese system.
    return new TextDecoder("gb18030").decode(bytes);
  }
}
