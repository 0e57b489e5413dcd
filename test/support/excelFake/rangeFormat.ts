import { FakeClientObject } from "./clientObject";
import { invalidArgument, notImplemented } from "./officeError";
import { type RangeTarget, uniformOver, updateLook } from "./rangeWrites";
import type { FakeRequestContext } from "./requestContext";
import type { FakeBorder, FakeCell, FakeCellFormat } from "./workbookState";

const HORIZONTAL = [
  "General",
  "Left",
  "Center",
  "Right",
  "Fill",
  "Justify",
  "CenterAcrossSelection",
  "Distributed",
];
const VERTICAL = ["Top", "Center", "Bottom", "Justify", "Distributed"];
const BORDER_STYLES = [
  "None",
  "Continuous",
  "Dash",
  "DashDot",
  "DashDotDot",
  "Dot",
  "Double",
  "SlantDashDot",
];
const BORDER_WEIGHTS = ["Hairline", "Thin", "Medium", "Thick"];
const BORDER_INDEXES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideHorizontal",
  "InsideVertical",
];

/**
 * Excel takes `#RRGGBB` or a color name; the fake takes `#RRGGBB` only and stores it upper-case.
 */
export function checkColor(color: unknown, where: string): string {
  if (typeof color !== "string" || !/^#[0-9A-Fa-f]{6}$/.test(color)) {
    throw invalidArgument(`${where}: "${String(color)}" is not a #RRGGBB color`, where);
  }
  return color.toUpperCase();
}

function oneOf(value: unknown, allowed: readonly string[], where: string): string {
  if (typeof value !== "string" || !allowed.includes(value)) {
    throw invalidArgument(
      `${where}: "${String(value)}" is not one of ${allowed.join(", ")}`,
      where,
    );
  }
  return value;
}

abstract class FakeFormatPart extends FakeClientObject<RangeTarget> {
  constructor(
    context: FakeRequestContext,
    typeName: string,
    path: string,
    private readonly range: () => RangeTarget,
  ) {
    super(context, typeName, path);
  }

  protected locate(): RangeTarget {
    return this.range();
  }

  /** Queues a change of look of every cell. */
  protected restyle(
    name: string,
    value: unknown,
    change: (format: FakeCellFormat) => FakeCellFormat,
  ): void {
    this.setProperty(name, value, (t) =>
      updateLook(t, `${this.typeName}.${name}`, (f) => change(f)),
    );
  }

  protected uniform<T>(
    target: RangeTarget,
    read: (format: FakeCellFormat, cell?: FakeCell) => T,
  ): T | null {
    return uniformOver(target, (cell) => read(cell?.format ?? {}, cell));
  }
}

/** `range.format.font`. */
export class FakeRangeFont extends FakeFormatPart {
  constructor(context: FakeRequestContext, path: string, range: () => RangeTarget) {
    super(context, "RangeFont", path, range);
  }
  protected scalars(): readonly string[] {
    return ["bold", "italic", "size", "color", "name"];
  }
  protected snapshot(name: string, target: RangeTarget): unknown {
    switch (name) {
      case "bold":
        return this.uniform(target, (f) => f.bold ?? false);
      case "italic":
        return this.uniform(target, (f) => f.italic ?? false);
      case "size":
        return this.uniform(target, (f) => f.fontSize ?? 11);
      case "color":
        return this.uniform(target, (f) => f.fontColor ?? "#000000");
      case "name":
        return this.uniform(target, (f) => f.fontName ?? "Calibri");
    }
    return undefined;
  }
  get bold(): boolean | null {
    return this.loaded("bold");
  }
  set bold(bold: boolean) {
    this.restyle("bold", bold, (f) => ({ ...f, bold }));
  }
  get italic(): boolean | null {
    return this.loaded("italic");
  }
  set italic(italic: boolean) {
    this.restyle("italic", italic, (f) => ({ ...f, italic }));
  }
  get size(): number | null {
    return this.loaded("size");
  }
  set size(size: number) {
    if (typeof size !== "number" || size < 1 || size > 409)
      throw invalidArgument(`font size ${size}`, "RangeFont.size");
    this.restyle("size", size, (f) => ({ ...f, fontSize: size }));
  }
  get color(): string | null {
    return this.loaded("color");
  }
  set color(color: string) {
    const checked = checkColor(color, "RangeFont.color");
    this.restyle("color", color, (f) => ({ ...f, fontColor: checked }));
  }
  get name(): string | null {
    return this.loaded("name");
  }
  set name(name: string) {
    this.restyle("name", name, (f) => ({ ...f, fontName: name }));
  }
}

/** `range.format.fill`. */
export class FakeRangeFill extends FakeFormatPart {
  constructor(context: FakeRequestContext, path: string, range: () => RangeTarget) {
    super(context, "RangeFill", path, range);
  }
  protected scalars(): readonly string[] {
    return ["color"];
  }
  protected snapshot(_name: string, target: RangeTarget): unknown {
    return this.uniform(target, (f) => f.fillColor ?? "#FFFFFF");
  }
  get color(): string | null {
    return this.loaded("color");
  }
  set color(color: string) {
    const checked = checkColor(color, "RangeFill.color");
    this.restyle("color", color, (f) => ({ ...f, fillColor: checked }));
  }
  clear(): void {
    this.act("call", "clear", [], (t) =>
      updateLook(t, "RangeFill.clear", (f) => {
        const next = { ...f };
        delete next.fillColor;
        return next;
      }),
    );
  }
}

type Side = "top" | "bottom" | "left" | "right";

/** Which sides of which cells an Excel border index paints. */
function sidesOf(index: string, target: RangeTarget, row: number, column: number): Side[] {
  const { top, bottom, left, right } = target.bounds;
  switch (index) {
    case "EdgeTop":
      return row === top ? ["top"] : [];
    case "EdgeBottom":
      return row === bottom ? ["bottom"] : [];
    case "EdgeLeft":
      return column === left ? ["left"] : [];
    case "EdgeRight":
      return column === right ? ["right"] : [];
    case "InsideHorizontal":
      return [
        ...(row > top ? (["top"] as Side[]) : []),
        ...(row < bottom ? (["bottom"] as Side[]) : []),
      ];
    case "InsideVertical":
      return [
        ...(column > left ? (["left"] as Side[]) : []),
        ...(column < right ? (["right"] as Side[]) : []),
      ];
  }
  return [];
}

/** One border of a range (`range.format.borders.getItem("EdgeTop")`). */
export class FakeRangeBorder extends FakeFormatPart {
  constructor(
    context: FakeRequestContext,
    path: string,
    range: () => RangeTarget,
    private readonly index: string,
  ) {
    super(context, "RangeBorder", path, range);
  }
  protected scalars(): readonly string[] {
    return ["style", "color", "weight", "sideIndex"];
  }
  private edge(target: RangeTarget, key: keyof FakeBorder, fallback: string): string | null {
    const side = sidesOf(this.index, target, target.bounds.top, target.bounds.left)[0] ?? "top";
    return this.uniform(target, (f) => f.borders?.[side]?.[key] ?? fallback);
  }
  protected snapshot(name: string, target: RangeTarget): unknown {
    switch (name) {
      case "style":
        return this.edge(target, "style", "None");
      case "color":
        return this.edge(target, "color", "#000000");
      case "weight":
        return this.edge(target, "weight", "Thin");
      case "sideIndex":
        return this.index;
    }
    return undefined;
  }
  private paint(name: keyof FakeBorder, value: string): void {
    this.setProperty(name, value, (t) =>
      updateLook(t, `RangeBorder.${name}`, (f, r, c) => {
        const sides = sidesOf(this.index, t, r, c);
        if (sides.length === 0) return f;
        const borders = { ...(f.borders ?? {}) };
        for (const side of sides) borders[side] = { ...(borders[side] ?? {}), [name]: value };
        return { ...f, borders };
      }),
    );
  }
  get style(): string | null {
    return this.loaded("style");
  }
  set style(style: string) {
    this.paint("style", oneOf(style, BORDER_STYLES, "RangeBorder.style"));
  }
  get color(): string | null {
    return this.loaded("color");
  }
  set color(color: string) {
    this.paint("color", checkColor(color, "RangeBorder.color"));
  }
  get weight(): string | null {
    return this.loaded("weight");
  }
  set weight(weight: string) {
    this.paint("weight", oneOf(weight, BORDER_WEIGHTS, "RangeBorder.weight"));
  }
}

/** `range.format.borders`. */
export class FakeRangeBorderCollection extends FakeFormatPart {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly rangeTarget: () => RangeTarget,
  ) {
    super(context, "RangeBorderCollection", path, rangeTarget);
  }
  protected scalars(): readonly string[] {
    return [];
  }
  protected snapshot(): unknown {
    return undefined;
  }
  getItem(index: string): FakeRangeBorder {
    if (!BORDER_INDEXES.includes(index))
      throw notImplemented(`RangeBorderCollection.getItem("${index}")`);
    return new FakeRangeBorder(
      this.context,
      `${this.path}.getItem("${index}")`,
      this.rangeTarget,
      index,
    );
  }
}

/** `range.format`: alignment, wrapping, column width and row height, and its font, fill and borders. */
export class FakeRangeFormat extends FakeFormatPart {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly rangeTarget: () => RangeTarget,
  ) {
    super(context, "RangeFormat", path, rangeTarget);
  }
  protected scalars(): readonly string[] {
    return ["columnWidth", "rowHeight", "horizontalAlignment", "verticalAlignment", "wrapText"];
  }
  protected snapshot(name: string, target: RangeTarget): unknown {
    const { sheet, bounds } = target;
    const same = <T>(values: T[]): T | null =>
      values.every((v) => v === values[0]) ? values[0] : null;
    switch (name) {
      case "columnWidth": {
        const widths: number[] = [];
        for (let c = bounds.left; c <= bounds.right; c++)
          widths.push(sheet.columnWidths.get(c) ?? sheet.standardWidth);
        return same(widths);
      }
      case "rowHeight": {
        const heights: number[] = [];
        for (let r = bounds.top; r <= Math.min(bounds.bottom, bounds.top + 100_000); r++)
          heights.push(sheet.rowHeights.get(r) ?? 15);
        return same(heights);
      }
      case "horizontalAlignment":
        return this.uniform(target, (f) => f.horizontalAlignment ?? "General");
      case "verticalAlignment":
        return this.uniform(target, (f) => f.verticalAlignment ?? "Bottom");
      case "wrapText":
        return this.uniform(target, (f) => f.wrapText ?? false);
    }
    return undefined;
  }
  get font(): FakeRangeFont {
    return new FakeRangeFont(this.context, `${this.path}.font`, this.rangeTarget);
  }
  get fill(): FakeRangeFill {
    return new FakeRangeFill(this.context, `${this.path}.fill`, this.rangeTarget);
  }
  get borders(): FakeRangeBorderCollection {
    return new FakeRangeBorderCollection(this.context, `${this.path}.borders`, this.rangeTarget);
  }
  get columnWidth(): number | null {
    return this.loaded("columnWidth");
  }
  /** Width in points of every column of the range; for the whole sheet, the standard width. */
  set columnWidth(points: number) {
    if (typeof points !== "number" || points < 0 || points > 1800)
      throw invalidArgument(`column width ${points}`, "RangeFormat.columnWidth");
    this.setProperty("columnWidth", points, ({ sheet, bounds }) => {
      if (bounds.left === 0 && bounds.right === 16_383) {
        sheet.columnWidths.clear();
        sheet.standardWidth = points;
        return;
      }
      for (let c = bounds.left; c <= bounds.right; c++) sheet.columnWidths.set(c, points);
    });
  }
  get rowHeight(): number | null {
    return this.loaded("rowHeight");
  }
  set rowHeight(points: number) {
    if (typeof points !== "number" || points < 0 || points > 409)
      throw invalidArgument(`row height ${points}`, "RangeFormat.rowHeight");
    this.setProperty("rowHeight", points, ({ sheet, bounds }) => {
      if (bounds.bottom - bounds.top > 100_000)
        throw notImplemented("RangeFormat.rowHeight on more than 100,000 rows");
      for (let r = bounds.top; r <= bounds.bottom; r++) sheet.rowHeights.set(r, points);
    });
  }
  get horizontalAlignment(): string | null {
    return this.loaded("horizontalAlignment");
  }
  set horizontalAlignment(value: string) {
    const checked = oneOf(value, HORIZONTAL, "RangeFormat.horizontalAlignment");
    this.restyle("horizontalAlignment", value, (f) => ({ ...f, horizontalAlignment: checked }));
  }
  get verticalAlignment(): string | null {
    return this.loaded("verticalAlignment");
  }
  set verticalAlignment(value: string) {
    const checked = oneOf(value, VERTICAL, "RangeFormat.verticalAlignment");
    this.restyle("verticalAlignment", value, (f) => ({ ...f, verticalAlignment: checked }));
  }
  get wrapText(): boolean | null {
    return this.loaded("wrapText");
  }
  set wrapText(wrap: boolean) {
    this.restyle("wrapText", wrap, (f) => ({ ...f, wrapText: wrap }));
  }
}
