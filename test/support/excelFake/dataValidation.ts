import { contains, intersects } from "./addresses";
import { FakeClientObject } from "./clientObject";
import { FakeOfficeError, invalidArgument, notImplemented } from "./officeError";
import type { RangeTarget } from "./rangeWrites";
import type { FakeRequestContext } from "./requestContext";
import type { FakeValidation } from "./workbookState";

type ListRule = FakeValidation["rule"];

/** Excel's limit on a typed-in list of choices. */
const MAX_LIST_SOURCE = 255;

/** `range.dataValidation` (ExcelApi 1.8): list rules only. */
export class FakeDataValidation extends FakeClientObject<RangeTarget> {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly range: () => RangeTarget,
  ) {
    super(context, "DataValidation", path, { minVersion: "1.8" });
  }
  protected scalars(): readonly string[] {
    return ["rule", "type"];
  }
  protected locate(): RangeTarget {
    return this.range();
  }
  protected snapshot(name: string, { sheet, bounds }: RangeTarget): unknown {
    const touching = sheet.validations.filter((v) => intersects(v.bounds, bounds));
    const covering = touching.find((v) => contains(v.bounds, bounds));
    const mixed = touching.length > 1 || (touching.length === 1 && !covering);
    if (name === "type") return mixed ? "Inconsistent" : covering ? "List" : "None";
    return mixed ? null : (covering?.rule ?? {});
  }
  get rule(): ListRule {
    return this.loaded("rule");
  }
  get type(): string {
    return this.loaded("type");
  }
  set rule(rule: ListRule) {
    const where = "DataValidation.rule";
    const keys = typeof rule === "object" && rule !== null ? Object.keys(rule) : [];
    if (keys.length !== 1 || keys[0] !== "list")
      throw notImplemented(`DataValidation rules other than list (${keys.join(", ")})`);
    const source = rule.list?.source;
    if (typeof source !== "string" || source === "")
      throw invalidArgument("a list needs a source", where);
    if (!source.startsWith("=") && source.length > MAX_LIST_SOURCE) {
      throw invalidArgument(`a typed list has at most ${MAX_LIST_SOURCE} characters`, where);
    }
    const stored: ListRule = { list: { inCellDropDown: rule.list.inCellDropDown ?? true, source } };
    this.setProperty("rule", stored, ({ sheet, bounds }) => {
      if (
        sheet.validations.some((v) => intersects(v.bounds, bounds) && !contains(bounds, v.bounds))
      ) {
        throw new FakeOfficeError(
          "InvalidOperation",
          "The range partly overlaps another data validation rule; clear it first.",
          where,
        );
      }
      sheet.validations = sheet.validations.filter((v) => !contains(bounds, v.bounds));
      sheet.validations.push({ bounds, rule: stored });
    });
  }
  /** Removes the rules inside the range. */
  clear(): void {
    this.act("call", "clear", [], ({ sheet, bounds }) => {
      if (
        sheet.validations.some((v) => intersects(v.bounds, bounds) && !contains(bounds, v.bounds))
      ) {
        throw notImplemented("clearing part of a data validation rule's range");
      }
      sheet.validations = sheet.validations.filter((v) => !contains(bounds, v.bounds));
    });
  }
}
