/**
 * GB18030 bytes of a text (ASCII and the two-byte GBK range, which covers common Chinese), built
 * by inverting Node's own decoder: tests write files as Chinese Excel saves them without an
 * encoder dependency.
 */
export function encodeGb18030(text: string): Uint8Array {
  const table = gbkTable();
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) {
      bytes.push(code);
      continue;
    }
    const pair = table.get(ch);
    if (pair === undefined) throw new Error(`no two-byte GB18030 code for ${ch}`);
    bytes.push(pair >> 8, pair & 0xff);
  }
  return Uint8Array.from(bytes);
}

let cached: Map<string, number> | undefined;

function gbkTable(): Map<string, number> {
  if (cached) return cached;
  const decoder = new TextDecoder("gb18030", { fatal: true });
  const table = new Map<string, number>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      try {
        const ch = decoder.decode(Uint8Array.of(lead, trail));
        if (!table.has(ch)) table.set(ch, (lead << 8) | trail);
      } catch {
        // Not a character in this encoding.
      }
    }
  }
  cached = table;
  return table;
}
