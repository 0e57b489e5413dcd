import { type Bounds, cellCount, contains, formatBounds, qualified } from "./addresses";
import { FakeClientObject } from "./clientObject";
import { FakeOfficeError } from "./officeError";
import type { RangeTarget } from "./rangeWrites";
import type { FakeRequestContext } from "./requestContext";
import type { FakeSheet } from "./workbookState";

/** Excel returns at most this many merged areas; a range with more makes the call fail. */
export const MAX_MERGED_AREAS = 512;

const AREAS_SCALARS = ["address", "areaCount", "cellCount"] as const;

type AreasTarget = { sheet: FakeSheet; areas: Bounds[] };

/**
 * The fake's `Excel.RangeAreas` as `range.getMergedAreasOrNullObject()` gives it (ExcelApi 1.13):
 * the merged areas whose top-left cell is in the range, a null object when there are none, and a
 * failed request, located at the call, when there are more than 512, as Excel documents. `address` lists the areas as Excel does
 * (`Sheet1!B3:B5, Sheet1!D2:D3`, sheet names quoted where needed).
 */
export class FakeRangeAreas extends FakeClientObject<AreasTarget> {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly range: () => RangeTarget,
  ) {
    super(context, "RangeAreas", path, { nullable: true, minVersion: "1.13" });
    this.instantiate();
  }

  protected scalars(): readonly string[] {
    return AREAS_SCALARS;
  }

  protected locate(): AreasTarget | null {
    const { sheet, bounds } = this.range();
    // As Excel does (office-js issue 3611): only the areas whose top-left cell is in the range.
    const areas = sheet.merges.filter((area) =>
      contains(bounds, { top: area.top, left: area.left, bottom: area.top, right: area.left }),
    );
    if (areas.length > MAX_MERGED_AREAS) {
      throw new FakeOfficeError(
        "GeneralException",
        `The range has ${areas.length} merged areas; at most ${MAX_MERGED_AREAS} can be returned.`,
        "Range.getMergedAreasOrNullObject",
      );
    }
    return areas.length === 0 ? null : { sheet, areas };
  }

  protected snapshot(name: string, target: AreasTarget): unknown {
    switch (name) {
      case "address":
        return target.areas.map((a) => qualified(target.sheet.name, formatBounds(a))).join(", ");
      case "areaCount":
        return target.areas.length;
      case "cellCount":
        return target.areas.reduce((n, a) => n + cellCount(a), 0);
    }
    return undefined;
  }

  get address(): string {
    return this.loaded("address");
  }
  get areaCount(): number {
    return this.loaded("areaCount");
  }
  get cellCount(): number {
    return this.loaded("cellCount");
  }
}
