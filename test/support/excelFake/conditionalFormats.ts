import { contains, intersects } from "./addresses";
import { FakeClientObject } from "./clientObject";
import { invalidArgument, notImplemented } from "./officeError";
import { checkColor } from "./rangeFormat";
import type { RangeTarget } from "./rangeWrites";
import type { FakeRequestContext } from "./requestContext";
import type { FakeConditionalFormat } from "./workbookState";

const OPERATORS = [
  "Between",
  "NotBetween",
  "EqualTo",
  "NotEqualTo",
  "GreaterThan",
  "LessThan",
  "GreaterThanOrEqual",
  "LessThanOrEqual",
];

type Rule = { formula1: string; formula2?: string; operator: string };

abstract class FakeFormatRulePart extends FakeClientObject<FakeConditionalFormat> {
  constructor(
    context: FakeRequestContext,
    typeName: string,
    path: string,
    private readonly owner: () => FakeConditionalFormat,
  ) {
    super(context, typeName, path, { minVersion: "1.6" });
  }
  protected locate(): FakeConditionalFormat {
    return this.owner();
  }
}

/** `conditionalFormat.cellValue.format.fill`. */
class FakeConditionalFill extends FakeFormatRulePart {
  protected scalars(): readonly string[] {
    return ["color"];
  }
  protected snapshot(_name: string, cf: FakeConditionalFormat): unknown {
    return cf.format.fillColor ?? null;
  }
  get color(): string | null {
    return this.loaded("color");
  }
  set color(color: string) {
    const checked = checkColor(color, "ConditionalFill.color");
    this.setProperty("color", color, (cf) => {
      cf.format.fillColor = checked;
    });
  }
}

/** `conditionalFormat.cellValue.format.font`. */
class FakeConditionalFont extends FakeFormatRulePart {
  protected scalars(): readonly string[] {
    return ["color", "bold", "italic"];
  }
  protected snapshot(name: string, cf: FakeConditionalFormat): unknown {
    if (name === "color") return cf.format.fontColor ?? null;
    return (name === "bold" ? cf.format.bold : cf.format.italic) ?? false;
  }
  get color(): string | null {
    return this.loaded("color");
  }
  set color(color: string) {
    const checked = checkColor(color, "ConditionalRangeFont.color");
    this.setProperty("color", color, (cf) => {
      cf.format.fontColor = checked;
    });
  }
  get bold(): boolean {
    return this.loaded("bold");
  }
  set bold(bold: boolean) {
    this.setProperty("bold", bold, (cf) => {
      cf.format.bold = bold;
    });
  }
  get italic(): boolean {
    return this.loaded("italic");
  }
  set italic(italic: boolean) {
    this.setProperty("italic", italic, (cf) => {
      cf.format.italic = italic;
    });
  }
}

/** `conditionalFormat.cellValue.format`. */
class FakeConditionalRangeFormat extends FakeFormatRulePart {
  protected scalars(): readonly string[] {
    return [];
  }
  protected snapshot(): unknown {
    return undefined;
  }
  get fill(): FakeConditionalFill {
    return new FakeConditionalFill(this.context, "ConditionalFill", `${this.path}.fill`, () =>
      this.resolve(),
    );
  }
  get font(): FakeConditionalFont {
    return new FakeConditionalFont(this.context, "ConditionalRangeFont", `${this.path}.font`, () =>
      this.resolve(),
    );
  }
}

/** `conditionalFormat.cellValue`: a rule comparing each cell's value with one or two formulas. */
class FakeCellValueConditionalFormat extends FakeFormatRulePart {
  protected scalars(): readonly string[] {
    return ["rule"];
  }
  protected snapshot(_name: string, cf: FakeConditionalFormat): unknown {
    return cf.rule;
  }
  get format(): FakeConditionalRangeFormat {
    return new FakeConditionalRangeFormat(
      this.context,
      "ConditionalRangeFormat",
      `${this.path}.format`,
      () => this.resolve(),
    );
  }
  get rule(): Rule {
    return this.loaded("rule");
  }
  set rule(rule: Rule) {
    const where = "CellValueConditionalFormat.rule";
    if (typeof rule !== "object" || rule === null) throw invalidArgument("a rule is needed", where);
    if (!OPERATORS.includes(rule.operator))
      throw invalidArgument(`operator "${rule.operator}"`, where);
    if (typeof rule.formula1 !== "string" || rule.formula1 === "")
      throw invalidArgument("formula1 is needed", where);
    const two = rule.operator === "Between" || rule.operator === "NotBetween";
    if (two && (typeof rule.formula2 !== "string" || rule.formula2 === "")) {
      throw invalidArgument(`${rule.operator} needs formula2`, where);
    }
    const stored: Rule = two
      ? { formula1: rule.formula1, formula2: rule.formula2, operator: rule.operator }
      : { formula1: rule.formula1, operator: rule.operator };
    this.setProperty("rule", stored, (cf) => {
      cf.rule = stored;
    });
  }
}

/** `conditionalFormat.custom.rule`: the formula deciding where the format applies. */
class FakeConditionalFormatRule extends FakeFormatRulePart {
  protected scalars(): readonly string[] {
    return ["formula"];
  }
  protected snapshot(_name: string, cf: FakeConditionalFormat): unknown {
    return cf.rule && "formula" in cf.rule ? cf.rule.formula : null;
  }
  get formula(): string | null {
    return this.loaded("formula");
  }
  set formula(formula: string) {
    if (typeof formula !== "string" || !formula.startsWith("=") || formula.length < 2) {
      throw invalidArgument(
        `"${String(formula)}" is not a formula`,
        "ConditionalFormatRule.formula",
      );
    }
    this.setProperty("formula", formula, (cf) => {
      cf.rule = { formula };
    });
  }
}

/** `conditionalFormat.custom`: a format applied where a formula is true. */
class FakeCustomConditionalFormat extends FakeFormatRulePart {
  protected scalars(): readonly string[] {
    return [];
  }
  protected snapshot(): unknown {
    return undefined;
  }
  get format(): FakeConditionalRangeFormat {
    return new FakeConditionalRangeFormat(
      this.context,
      "ConditionalRangeFormat",
      `${this.path}.format`,
      () => this.resolve(),
    );
  }
  get rule(): FakeConditionalFormatRule {
    return new FakeConditionalFormatRule(
      this.context,
      "ConditionalFormatRule",
      `${this.path}.rule`,
      () => this.resolve(),
    );
  }
}

/** The part of a conditional format of one type; another type's part fails at sync. */
function ofType(
  cf: FakeConditionalFormat,
  type: FakeConditionalFormat["type"],
  what: string,
): FakeConditionalFormat {
  if (cf.type !== type) {
    throw invalidArgument(
      `A ${cf.type} conditional format has no ${what}`,
      `ConditionalFormat.${what}`,
    );
  }
  return cf;
}

/** The fake's `Excel.ConditionalFormat` (cell-value and custom rules). */
export class FakeConditionalFormatObject extends FakeFormatRulePart {
  protected scalars(): readonly string[] {
    return ["id", "type"];
  }
  protected snapshot(name: string, cf: FakeConditionalFormat): unknown {
    return name === "id" ? cf.id : cf.type;
  }
  get id(): string {
    return this.loaded("id");
  }
  get type(): string {
    return this.loaded("type");
  }
  get cellValue(): FakeCellValueConditionalFormat {
    return new FakeCellValueConditionalFormat(
      this.context,
      "CellValueConditionalFormat",
      `${this.path}.cellValue`,
      () => ofType(this.resolve(), "CellValue", "cellValue"),
    );
  }
  get custom(): FakeCustomConditionalFormat {
    return new FakeCustomConditionalFormat(
      this.context,
      "CustomConditionalFormat",
      `${this.path}.custom`,
      () => ofType(this.resolve(), "Custom", "custom"),
    );
  }
}

/** `range.conditionalFormats` (ExcelApi 1.6). */
export class FakeConditionalFormatCollection extends FakeClientObject<RangeTarget> {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly range: () => RangeTarget,
  ) {
    super(context, "ConditionalFormatCollection", path, { minVersion: "1.6" });
  }
  protected scalars(): readonly string[] {
    return [];
  }
  protected locate(): RangeTarget {
    return this.range();
  }
  protected snapshot(): unknown {
    return undefined;
  }

  /** Adds a rule of a type over the range; `CellValue` and `Custom` are emulated. */
  add(type: string): FakeConditionalFormatObject {
    if (type !== "CellValue" && type !== "Custom") {
      throw notImplemented(`ConditionalFormatCollection.add("${type}")`);
    }
    let added: FakeConditionalFormat | null = null;
    const format = new FakeConditionalFormatObject(
      this.context,
      "ConditionalFormat",
      `${this.path}.add("${type}")`,
      () => {
        if (!added)
          throw invalidArgument("The conditional format is not there yet", "ConditionalFormat");
        return added;
      },
    );
    this.act("call", "add", [type], ({ sheet, bounds }) => {
      const state = this.context.engine.state;
      added = { id: String(state.nextId++), bounds, type, rule: null, format: {} };
      sheet.conditionalFormats.push(added);
    });
    return format;
  }

  /** Removes the rules inside the range; trimming a rule that crosses its edge is not emulated. */
  clearAll(): void {
    this.act("call", "clearAll", [], ({ sheet, bounds }) => {
      for (const cf of sheet.conditionalFormats) {
        if (intersects(cf.bounds, bounds) && !contains(bounds, cf.bounds)) {
          throw notImplemented("clearing part of a conditional format's range");
        }
      }
      sheet.conditionalFormats = sheet.conditionalFormats.filter(
        (cf) => !contains(bounds, cf.bounds),
      );
    });
  }
}
