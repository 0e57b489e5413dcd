import { classifyTotalLabel } from "./classifyTotalLabel";

describe("classifyTotalLabel", () => {
  it.each([
    "合计",
    "总计",
    "小计",
    "总计:",
    "合计：",
    "Total",
    "TOTAL",
    "Grand Total",
    "Subtotal",
    "Sub-total",
    "Sum",
    " 汇总 ",
  ])("%j is a total", (text) => expect(classifyTotalLabel(text)).toBe("total"));

  it.each([
    "Total East",
    "East Total",
    "华东 合计",
    "华东合计",
    "合计:华东",
    "Grand Total East",
    "2024-03 Total",
  ])("%j is a total of something", (text) => expect(classifyTotalLabel(text)).toBe("variant"));

  it.each([
    "East",
    "小计算器",
    "价税合计",
    "本币价税合计",
    "金额 价税合计",
    "总计划部",
    "Totally Fresh Foods Ltd",
    "Sum of all fears in Asia Pacific",
    "",
    "Ann",
  ])("%j is no total", (text) => expect(classifyTotalLabel(text)).toBeNull());
});
