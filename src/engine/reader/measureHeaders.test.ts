import { matchHeaderRole } from "./matchHeaderRole";

describe("header words of the measures' columns", () => {
  it.each([
    ["数量", "quantity"],
    ["销售数量", "quantity"],
    ["Units Sold", "quantity"],
    ["QTY", "quantity"],
    ["成本", "cost"],
    ["销售成本", "cost"],
    ["营业成本", "cost"],
    ["COGS", "cost"],
    ["Cost of Goods Sold", "cost"],
    ["Cost of Sales", "cost"],
    ["毛利", "grossProfit"],
    ["销售毛利", "grossProfit"],
    ["毛利额", "grossProfit"],
    ["Gross Profit", "grossProfit"],
    ["Gross Margin", "grossProfit"],
    ["Margin", "grossProfit"],
  ])("%s → %s", (header, role) => {
    expect(matchHeaderRole(header)?.role).toBe(role);
  });

  it.each([
    "单价",
    "含税单价",
    "单位成本",
    "Unit Price",
    "Unit Cost",
    "Cost per Unit",
    "毛利率",
    "Margin %",
    "毛利％",
    "Margin Rate",
    "GPM",
    "成本中心",
    "Cost Center",
    "Profit Centre",
  ])("%s is no measure's column", (header) => {
    expect(matchHeaderRole(header)).toBeNull();
  });
});
