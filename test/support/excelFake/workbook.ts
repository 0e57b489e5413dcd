import { FakeApplication } from "./application";
import { FakeClientObject } from "./clientObject";
import { FakeNamedItemCollection, FakeSettingCollection } from "./keyedItems";
import type { FakeRequestContext } from "./requestContext";
import { FakeTableCollection } from "./tables";
import { FakeWorksheetCollection } from "./worksheet";
import type { FakeWorkbookState } from "./workbookState";

/** `context.workbook`. */
export class FakeWorkbookObject extends FakeClientObject<FakeWorkbookState> {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly names: FakeNamedItemCollection;
  readonly settings: FakeSettingCollection;
  readonly application: FakeApplication;

  constructor(context: FakeRequestContext) {
    super(context, "Workbook", "workbook");
    this.worksheets = new FakeWorksheetCollection(context);
    this.tables = new FakeTableCollection(context, "tables", null);
    this.names = new FakeNamedItemCollection(context);
    this.settings = new FakeSettingCollection(context);
    this.application = new FakeApplication(context);
  }
  protected scalars(): readonly string[] {
    return [];
  }
  protected locate(): FakeWorkbookState {
    return this.context.engine.state;
  }
  protected snapshot(): unknown {
    return undefined;
  }
}
