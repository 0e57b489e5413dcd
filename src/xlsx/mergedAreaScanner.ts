import { fromA1 } from "../engine/address";

/** Text kept between chunks: a `<mergeCell ref="…"/>` element is far shorter. */
const CARRY = 256;
const TAG = "<mergeCell";

/**
 * Finds, chunk by chunk as a worksheet part is inflated, its merged areas
 * (`<mergeCell ref="B3:B5"/>`) and counts the cells they cover, without holding the part: they
 * come after the cells, and the grid reader must know them before it reads a cell. Counted so that
 * `A1:XFD1048576` in a 5 KB file is refused before anything notes its 17 billion cells.
 * @example const scan = new MergedAreaScanner(); scan.feed(Buffer.from('<mergeCell ref="B3:B5"/>')); scan.cells === 3
 */
export class MergedAreaScanner {
  /** Cells covered by the merged areas seen so far. */
  cells = 0;
  /** The largest merged area seen, as written (`A1:XFD1048576`). */
  largest = "";
  /** The merged areas seen so far, as written (`B3:B5`). */
  readonly refs: string[] = [];
  private largestCells = 0;
  private carry = "";

  /** Takes the next piece of the part's bytes. */
  feed(chunk: Uint8Array): void {
    // Tags and cell references are ASCII: one character per byte is enough to find them.
    const text =
      this.carry + Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length).toString("latin1");
    let from = 0;
    for (let at = text.indexOf(TAG); at >= 0; at = text.indexOf(TAG, from)) {
      const end = text.indexOf(">", at);
      if (end < 0) {
        this.carry = text.slice(at, at + CARRY);
        return;
      }
      this.count(text.slice(at, end));
      from = end + 1;
    }
    this.carry = text.slice(Math.max(from, text.length - TAG.length));
  }

  private count(element: string): void {
    const ref = /\sref\s*=\s*["']([^"']*)["']/.exec(element)?.[1];
    if (!ref) return;
    const [first, last = first] = ref.split(":");
    const a = fromA1(first);
    const b = fromA1(last);
    if (!a || !b) return;
    this.refs.push(ref);
    const cells = (Math.abs(b.row - a.row) + 1) * (Math.abs(b.column - a.column) + 1);
    this.cells += cells;
    if (cells > this.largestCells) {
      this.largestCells = cells;
      this.largest = ref;
    }
  }
}
