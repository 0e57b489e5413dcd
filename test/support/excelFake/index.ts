export {
  createFakeWorkbook,
  type FakeSheetInit,
  type FakeTableInit,
  type FakeWorkbook,
  type FakeWorkbookInit,
} from "./createFakeWorkbook";
export type { FakeChartView } from "./charts";
export type { FakeStats } from "./fakeEngine";
export { PAYLOAD_LIMIT } from "./fakeEngine";
export { FakeWorkbookInspector, type PageLayoutView, type SheetSnapshot } from "./inspector";
export { FakeOfficeError, type FakeErrorCode } from "./officeError";
export type {
  FakeBorder,
  FakeCell,
  FakeCellFormat,
  FakeCellValue,
  FakeConditionalFormat,
  FakeSheet,
  FakeTable,
  FakeValidation,
  FakeVisibility,
} from "./workbookState";
