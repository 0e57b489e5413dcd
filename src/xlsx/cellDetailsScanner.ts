import { shiftFormula } from "../sheets/shiftFormula";
import type { CellDetails } from "../sheets/userEdits";
import { WorksheetScanner } from "./sheetValuesScanner";
import { GENERAL, type StyleFormat } from "./styleFormats";
import { xmlAttribute } from "./xmlScanner";

type Found = { style: number; formula?: string; shared?: string };

/**
 * Collects, as a worksheet part is scanned, the formula and number format of the cells asked for
 * (0-based, by `row:column`). A formula filled down is saved once, on the first cell of its
 * shared group, and as a reference elsewhere: the master of every shared group is kept, so each
 * cell asked for gets its own formula, moved as Excel moves it (`shiftFormula`).
 * @example const s = new CellDetailsScanner(new Set(["2:10"]), formats); new XmlScanner(s).feed(bytes); s.details([{ row: 2, column: 10 }])
 */
export class CellDetailsScanner extends WorksheetScanner {
  private readonly found = new Map<string, Found>();
  private readonly masters = new Map<string, { formula: string; row: number; column: number }>();

  constructor(
    private readonly wanted: ReadonlySet<string>,
    private readonly formats: readonly StyleFormat[],
  ) {
    super();
    this.readsStyles = true;
    this.readsFormulas = true;
  }

  protected cell(row: number, column: number, _type: string | undefined, style: number) {
    const attributes = this.formulaAttributes;
    const shared =
      attributes !== null && xmlAttribute(attributes, "t") === "shared"
        ? xmlAttribute(attributes, "si")
        : undefined;
    if (shared !== undefined && this.formulaText !== "" && !this.masters.has(shared)) {
      this.masters.set(shared, { formula: this.formulaText, row, column });
    }
    const key = `${row}:${column}`;
    if (!this.wanted.has(key)) return;
    this.found.set(key, {
      style,
      ...(this.formulaText !== "" ? { formula: this.formulaText } : {}),
      ...(shared !== undefined && this.formulaText === "" ? { shared } : {}),
    });
  }

  /** What was found of each cell, in the order asked. */
  details(cells: readonly { row: number; column: number }[]): CellDetails[] {
    return cells.map(({ row, column }) => {
      const found = this.found.get(`${row}:${column}`);
      if (!found) return {};
      const master = found.shared === undefined ? undefined : this.masters.get(found.shared);
      const formula =
        found.formula ??
        (master
          ? shiftFormula(master.formula, row - master.row, column - master.column)
          : undefined);
      const numFmt = (this.formats[found.style] ?? GENERAL).code;
      return {
        ...(formula === undefined ? {} : { formula }),
        ...(numFmt === "General" ? {} : { numFmt }),
      };
    });
  }
}
