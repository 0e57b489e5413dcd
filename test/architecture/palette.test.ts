import { CELL_LOOKS } from "../../src/excel/cellLooks";
import { TONES as EXCEL_TONES } from "../../src/excel/conditionalFormatRules";
import { STYLE_LOOKS, TONE_LOOKS } from "../../src/sheets/palette";
import type { CellStyle } from "../../src/sheets/sheetModel";
import { LOOKS, TONES as XLSX_TONES } from "../../src/xlsx/cellStyles";

const styles = Object.keys(STYLE_LOOKS) as CellStyle[];
const hex = (color: string | undefined) => color?.replace(/^(FF|#)/, "");

describe("one palette, two writers", () => {
  test("the .xlsx writer and the Excel port draw every named style in the palette's colours", () => {
    for (const style of styles) {
      const look = STYLE_LOOKS[style];
      expect(hex(LOOKS[style].fill)).toBe(look.fill);
      expect(hex(CELL_LOOKS[style].fillColor)).toBe(look.fill);
      expect(hex(LOOKS[style].font?.color)).toBe(look.font?.color);
      expect(hex(CELL_LOOKS[style].fontColor)).toBe(look.font?.color);
      expect(LOOKS[style].font?.bold).toBe(look.font?.bold);
      expect(CELL_LOOKS[style].bold).toBe(look.font?.bold);
      expect(CELL_LOOKS[style].ruleAbove ?? false).toBe(look.border?.side === "top");
      expect(CELL_LOOKS[style].ruleBelow ?? false).toBe(look.border?.side === "bottom");
    }
    expect(LOOKS.header.fill).toBe("FFDDEBF7");
    expect(CELL_LOOKS.header.fillColor).toBe("#DDEBF7");
  });

  test("traffic-light tones are the same in both writers", () => {
    for (const tone of ["good", "neutral", "bad"] as const) {
      expect(XLSX_TONES[tone]).toEqual({
        fill: `FF${TONE_LOOKS[tone].fill}`,
        font: `FF${TONE_LOOKS[tone].font}`,
      });
      expect(EXCEL_TONES[tone]).toEqual({
        fill: `#${TONE_LOOKS[tone].fill}`,
        font: `#${TONE_LOOKS[tone].font}`,
      });
    }
  });
});
