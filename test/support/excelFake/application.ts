import { FakeClientObject } from "./clientObject";
import { invalidArgument } from "./officeError";
import type { FakeRequestContext } from "./requestContext";
import type { FakeWorkbookState } from "./workbookState";

/** `context.workbook.application`: calculation and screen-updating suspension. */
export class FakeApplication extends FakeClientObject<FakeWorkbookState> {
  constructor(context: FakeRequestContext) {
    super(context, "Application", "application");
  }
  protected scalars(): readonly string[] {
    return ["calculationMode"];
  }
  protected locate(): FakeWorkbookState {
    return this.context.engine.state;
  }
  protected snapshot(): unknown {
    return "Automatic";
  }
  get calculationMode(): string {
    return this.loaded("calculationMode");
  }

  private suspend(name: string, api: "calculation" | "screenUpdating", version: string): void {
    const sync = this.context.engine.nextSync;
    this.act(
      "call",
      name,
      [],
      () => {
        this.context.engine.stats.suspendCalls.push({ sync, api });
      },
      version,
    );
  }

  /** Recalculates the workbook (the fake records the call; it does not calculate). */
  calculate(calculationType: string): void {
    if (!["Recalculate", "Full", "FullRebuild"].includes(calculationType)) {
      throw invalidArgument(
        `"${calculationType}" is not a calculation type`,
        "Application.calculate",
      );
    }
    const sync = this.context.engine.nextSync;
    this.act("call", "calculate", [calculationType], () => {
      this.context.engine.stats.calculations.push({ sync, type: calculationType });
    });
  }

  /** ExcelApi 1.6; recorded in `stats.suspendCalls`. */
  suspendApiCalculationUntilNextSync(): void {
    this.suspend("suspendApiCalculationUntilNextSync", "calculation", "1.6");
  }

  /** ExcelApi 1.9; recorded in `stats.suspendCalls`. */
  suspendScreenUpdatingUntilNextSync(): void {
    this.suspend("suspendScreenUpdatingUntilNextSync", "screenUpdating", "1.9");
  }
}
