import { type Bounds, MAX_COLUMNS, MAX_ROWS, parseBounds, splitSheet } from "./addresses";
import { FakeClientObject } from "./clientObject";
import { invalidArgument } from "./officeError";
import type { FakeRange } from "./range";
import type { FakeRequestContext } from "./requestContext";
import {
  type FakeHeadersFooters,
  type FakePageZoom,
  type FakeSheet,
  folded,
} from "./workbookState";

const ORIENTATIONS = ["Portrait", "Landscape"];
const HEADER_FOOTER_PARTS = [
  "leftHeader",
  "centerHeader",
  "rightHeader",
  "leftFooter",
  "centerFooter",
  "rightFooter",
] as const;

/**
 * Bounds of a range argument (a range object or an A1 address, optionally on this sheet) as the
 * page layout's setters take it; InvalidArgument for a bad address or another sheet's range.
 */
function argumentBounds(sheet: FakeSheet, argument: FakeRange | string, where: string): Bounds[] {
  if (typeof argument !== "string") {
    const target = argument.resolve();
    if (target.sheet !== sheet) {
      throw invalidArgument(`${argument.path} is not on "${sheet.name}"`, where);
    }
    return [target.bounds];
  }
  if (argument.trim() === "") throw invalidArgument("The address is empty", where);
  return argument.split(",").map((part) => {
    const split = splitSheet(part.trim());
    if (split.sheet !== undefined && folded(split.sheet) !== folded(sheet.name)) {
      throw invalidArgument(`"${argument}" is not on "${sheet.name}"`, where);
    }
    try {
      return parseBounds(split.address);
    } catch {
      throw invalidArgument(`The argument is invalid or missing: "${argument}"`, where);
    }
  });
}

function checkFitCount(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > 32767) {
    throw invalidArgument(`PageLayoutZoomOptions.${name}: ${String(value)}`, "PageLayout.zoom");
  }
  return value;
}

/** The zoom Excel keeps: a scale of 10…400 %, or pages to fit to (0: as many as needed). */
function checkedZoom(zoom: unknown): FakePageZoom {
  if (typeof zoom !== "object" || zoom === null) {
    throw invalidArgument("PageLayout.zoom must be set as an object", "PageLayout.zoom");
  }
  const options = zoom as Record<string, unknown>;
  for (const key of Object.keys(options)) {
    if (!["horizontalFitToPages", "verticalFitToPages", "scale"].includes(key)) {
      throw invalidArgument(`PageLayoutZoomOptions has no "${key}"`, "PageLayout.zoom");
    }
  }
  const horizontalFitToPages = checkFitCount(options.horizontalFitToPages, "horizontalFitToPages");
  const verticalFitToPages = checkFitCount(options.verticalFitToPages, "verticalFitToPages");
  const scale = options.scale;
  const fits = horizontalFitToPages !== undefined || verticalFitToPages !== undefined;
  if (scale !== undefined && scale !== null) {
    if (typeof scale !== "number" || scale < 10 || scale > 400 || fits) {
      throw invalidArgument(`PageLayoutZoomOptions.scale: ${String(scale)}`, "PageLayout.zoom");
    }
    return { scale };
  }
  if (!fits) throw invalidArgument("PageLayoutZoomOptions is empty", "PageLayout.zoom");
  return { horizontalFitToPages, verticalFitToPages };
}

/** `worksheet.pageLayout` (ExcelApi 1.9): what the sheet prints and how. */
export class FakePageLayout extends FakeClientObject<FakeSheet> {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly sheet: () => FakeSheet,
  ) {
    super(context, "PageLayout", path, { minVersion: "1.9" });
  }
  protected scalars(): readonly string[] {
    return ["orientation", "zoom"];
  }
  protected locate(): FakeSheet {
    return this.sheet();
  }
  protected snapshot(name: string, sheet: FakeSheet): unknown {
    if (name === "orientation") return sheet.pageLayout.orientation;
    if (name === "zoom") return { ...sheet.pageLayout.zoom };
    return undefined;
  }

  get orientation(): string {
    return this.loaded("orientation");
  }
  set orientation(orientation: string) {
    if (!ORIENTATIONS.includes(orientation)) {
      throw invalidArgument(`PageLayout.orientation: "${orientation}"`, "PageLayout.orientation");
    }
    this.setProperty("orientation", orientation, (sheet) => {
      sheet.pageLayout.orientation = orientation as FakeSheet["pageLayout"]["orientation"];
    });
  }

  get zoom(): FakePageZoom {
    return this.loaded("zoom");
  }
  set zoom(zoom: FakePageZoom) {
    const checked = checkedZoom(zoom);
    this.setProperty("zoom", zoom, (sheet) => {
      sheet.pageLayout.zoom = checked;
    });
  }

  /** Rows repeated at the top of every page: whole rows only, as Excel requires. */
  setPrintTitleRows(printTitleRows: FakeRange | string): void {
    const where = "PageLayout.setPrintTitleRows";
    const label = typeof printTitleRows === "string" ? printTitleRows : printTitleRows.path;
    this.act("call", "setPrintTitleRows", [label], (sheet) => {
      const areas = argumentBounds(sheet, printTitleRows, where);
      const [bounds] = areas;
      if (areas.length !== 1 || bounds.left !== 0 || bounds.right !== MAX_COLUMNS - 1) {
        throw invalidArgument(`"${label}" does not span entire rows`, where);
      }
      sheet.pageLayout.printTitleRows = bounds;
    });
  }

  /** The cells printed: one range or several (comma-separated). */
  setPrintArea(printArea: FakeRange | string): void {
    const where = "PageLayout.setPrintArea";
    const label = typeof printArea === "string" ? printArea : printArea.path;
    this.act("call", "setPrintArea", [label], (sheet) => {
      const areas = argumentBounds(sheet, printArea, where);
      if (
        areas.some(
          (b) =>
            b.top === 0 && b.bottom === MAX_ROWS - 1 && b.left === 0 && b.right === MAX_COLUMNS - 1,
        )
      ) {
        throw invalidArgument(`"${label}" is the whole sheet`, where);
      }
      sheet.pageLayout.printArea = areas;
    });
  }

  get headersFooters(): FakeHeaderFooterGroup {
    return new FakeHeaderFooterGroup(this.context, `${this.path}.headersFooters`, () =>
      this.resolve(),
    );
  }
}

/** `pageLayout.headersFooters`: only the headers and footers of every page are emulated. */
export class FakeHeaderFooterGroup extends FakeClientObject<FakeSheet> {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly sheet: () => FakeSheet,
  ) {
    super(context, "HeaderFooterGroup", path, { minVersion: "1.9" });
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

  get defaultForAllPages(): FakeHeaderFooter {
    return new FakeHeaderFooter(this.context, `${this.path}.defaultForAllPages`, () =>
      this.resolve(),
    );
  }
}

/** One set of header and footer texts (Excel's `&P`, `&N`… codes kept as written). */
export class FakeHeaderFooter extends FakeClientObject<FakeSheet> {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly sheet: () => FakeSheet,
  ) {
    super(context, "HeaderFooter", path, { minVersion: "1.9" });
  }
  protected scalars(): readonly string[] {
    return HEADER_FOOTER_PARTS;
  }
  protected locate(): FakeSheet {
    return this.sheet();
  }
  protected snapshot(name: string, sheet: FakeSheet): unknown {
    return sheet.pageLayout.headersFooters[name as keyof FakeHeadersFooters];
  }

  get leftHeader(): string {
    return this.loaded("leftHeader");
  }
  set leftHeader(text: string) {
    this.setPart("leftHeader", text);
  }
  get centerHeader(): string {
    return this.loaded("centerHeader");
  }
  set centerHeader(text: string) {
    this.setPart("centerHeader", text);
  }
  get rightHeader(): string {
    return this.loaded("rightHeader");
  }
  set rightHeader(text: string) {
    this.setPart("rightHeader", text);
  }
  get leftFooter(): string {
    return this.loaded("leftFooter");
  }
  set leftFooter(text: string) {
    this.setPart("leftFooter", text);
  }
  get centerFooter(): string {
    return this.loaded("centerFooter");
  }
  set centerFooter(text: string) {
    this.setPart("centerFooter", text);
  }
  get rightFooter(): string {
    return this.loaded("rightFooter");
  }
  set rightFooter(text: string) {
    this.setPart("rightFooter", text);
  }

  private setPart(part: (typeof HEADER_FOOTER_PARTS)[number], text: unknown): void {
    if (typeof text !== "string") {
      throw invalidArgument(
        `HeaderFooter.${part} must be text, not ${typeof text}`,
        "HeaderFooter",
      );
    }
    this.setProperty(part, text, (sheet) => {
      sheet.pageLayout.headersFooters[part] = text;
    });
  }
}
