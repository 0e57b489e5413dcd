/**
 * UTF-8 length of a string, without building the bytes.
 * @example utf8Length("销售") === 6
 */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * UTF-8 bytes of a value serialized as JSON: what it adds to a request or response.
 * @example jsonBytes([["Ann", 1]]) === 11
 */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? "");
}

/**
 * Bytes each queued action adds beyond its data, bounding Office.js's own framing (the action,
 * the object path it runs on and its address). Measured sizes add this per action so that what
 * is measured is never less than what is sent.
 */
export const ACTION_OVERHEAD_BYTES = 512;

/** The most a port request may carry by its own measure; Excel on the web refuses 5 MB. */
export const REQUEST_BUDGET_BYTES = 3_500_000;

/** The most a read may bring back in one response, by estimate. */
export const RESPONSE_BUDGET_BYTES = 3_000_000;
