import { MAX_COLUMNS, MAX_ROWS, parseBounds } from "./addresses";
import { FakeClientObject } from "./clientObject";
import { invalidArgument } from "./officeError";
import { FakeRange } from "./range";
import type { FakeRequestContext } from "./requestContext";
import type { FakeSheet } from "./workbookState";

/** `worksheet.freezePanes` (ExcelApi 1.7). */
export class FakeFreezePanes extends FakeClientObject<FakeSheet> {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly sheet: () => FakeSheet,
  ) {
    super(context, "WorksheetFreezePanes", path, { minVersion: "1.7" });
  }
  protected scalars(): readonly string[] {
    return [];
  }
  protected locate(): FakeSheet {
    return this.sheet();
  }
  protected snapshot(): unknown {
    return undefined;
  }

  private static count(n: unknown, max: number, where: string): number {
    if (typeof n !== "number" || !Number.isInteger(n) || n < 0 || n >= max) {
      throw invalidArgument(`${where}: ${String(n)} is not a count of rows or columns`, where);
    }
    return n;
  }

  /** Freezes the rows and columns down to and right of the range's bottom-right cell. */
  freezeAt(frozenRange: FakeRange | string): void {
    const label = typeof frozenRange === "string" ? frozenRange : frozenRange.path;
    this.act("call", "freezeAt", [label], (sheet) => {
      const bounds =
        typeof frozenRange === "string" ? parseBounds(frozenRange) : frozenRange.resolve().bounds;
      const rows = bounds.top === 0 && bounds.bottom === MAX_ROWS - 1 ? 0 : bounds.bottom + 1;
      const columns = bounds.left === 0 && bounds.right === MAX_COLUMNS - 1 ? 0 : bounds.right + 1;
      sheet.freeze = { rows, columns };
    });
  }

  freezeRows(count = 1): void {
    const rows = FakeFreezePanes.count(count, MAX_ROWS, "WorksheetFreezePanes.freezeRows");
    this.act("call", "freezeRows", [count], (sheet) => {
      sheet.freeze = rows === 0 ? null : { rows, columns: 0 };
    });
  }

  freezeColumns(count = 1): void {
    const columns = FakeFreezePanes.count(count, MAX_COLUMNS, "WorksheetFreezePanes.freezeColumns");
    this.act("call", "freezeColumns", [count], (sheet) => {
      sheet.freeze = columns === 0 ? null : { rows: 0, columns };
    });
  }

  unfreeze(): void {
    this.act("call", "unfreeze", [], (sheet) => {
      sheet.freeze = null;
    });
  }

  /** The frozen cells as a range, or a null object when nothing is frozen. */
  getLocationOrNullObject(): FakeRange {
    return new FakeRange(
      this.context,
      `${this.path}.getLocationOrNullObject()`,
      () => {
        this.context.engine.require("1.7", "WorksheetFreezePanes.getLocationOrNullObject");
        const sheet = this.resolve();
        const freeze = sheet.freeze;
        if (!freeze) return null;
        return {
          sheet,
          bounds: {
            top: 0,
            left: 0,
            bottom: freeze.rows === 0 ? MAX_ROWS - 1 : freeze.rows - 1,
            right: freeze.columns === 0 ? MAX_COLUMNS - 1 : freeze.columns - 1,
          },
        };
      },
      { nullable: true, minVersion: "1.7" },
    );
  }
}
