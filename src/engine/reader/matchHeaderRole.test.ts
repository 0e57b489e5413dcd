import { matchHeaderRole } from "./matchHeaderRole";

describe("matchHeaderRole", () => {
  it.each([
    ["日期", "date"],
    ["订单日期", "date"],
    ["月份", "date"],
    ["Order Date", "date"],
    ["Period", "date"],
    ["Sales Month", "date"],
    ["销售额", "amount"],
    ["销售额(元)", "amount"],
    ["销售金额", "amount"],
    ["Revenue", "amount"],
    ["Sales", "amount"],
    ["Net Sales", "amount"],
    ["NET_SALES", "amount"],
    ["Monthly Sales", "amount"],
    ["Amount (RMB)", "amount"],
    ["数量", "quantity"],
    ["销量", "quantity"],
    ["Qty.", "quantity"],
    ["Sales Qty", "quantity"],
    ["Units", "quantity"],
    ["成本", "cost"],
    ["Product Cost", "cost"],
    ["大区", "region"],
    ["销售区域", "region"],
    ["Territory", "region"],
    ["Sales Region", "region"],
    ["产品线", "product"],
    ["品类", "product"],
    ["SKU", "product"],
    ["Product Line", "product"],
    ["渠道", "channel"],
    ["通路", "channel"],
    ["Sales Channel", "channel"],
    ["业务员", "rep"],
    ["销售员", "rep"],
    ["销售代表", "rep"],
    ["负责人", "rep"],
    ["Sales Rep", "rep"],
    ["sales-rep", "rep"],
    ["Salesperson", "rep"],
    ["Account Manager", "rep"],
    ["客户经理", "rep"],
    ["Owner", "rep"],
    ["客户", "customer"],
    ["客户名称", "customer"],
    ["Client", "customer"],
    ["Account", "customer"],
    ["Customer Name", "customer"],
    ["单据日期", "date"],
    ["开票日期", "date"],
    ["Billing Date", "date"],
    ["Close Date", "date"],
    ["价税合计", "amount"],
    ["含税金额", "amount"],
    ["无税金额", "amount"],
    ["本币无税金额", "amount"],
    ["金额 价税合计", "amount"],
    ["Net Value", "amount"],
    ["存货名称", "product"],
    ["物料名称", "product"],
    ["商品名称", "product"],
    ["Material", "product"],
    ["Sold-to party", "customer"],
    ["Opportunity Owner", "rep"],
    ["Sales (USD)", "amount"],
    ["本月销售", "amount"],
    ["Item Description", "product"],
  ])("%j is %s", (header, role) => {
    expect(matchHeaderRole(header)?.role).toBe(role);
  });

  it.each([
    "Notes",
    "备注",
    "Unit Price",
    "单价",
    "含税单价",
    "无税单价",
    "金额 含税单价",
    "单位成本",
    "Unit Cost",
    "税额",
    "本币税额",
    "Tax Amount",
    "VAT",
    "税率",
    "折扣金额",
    "毛利率",
    "Sales Organization",
    "Sales Office",
    "销售组织",
    "销售部门",
    "",
    "x".repeat(1000),
  ])("%j has no role", (header) => {
    expect(matchHeaderRole(header)).toBeNull();
  });

  it("tells amounts net of tax from amounts gross of tax", () => {
    expect(matchHeaderRole("无税金额")!.taxBasis).toBe(1);
    expect(matchHeaderRole("Net Amount (excl. VAT)")!.taxBasis).toBe(1);
    expect(matchHeaderRole("价税合计")!.taxBasis).toBe(-1);
    expect(matchHeaderRole("Amount incl. tax")!.taxBasis).toBe(-1);
    expect(matchHeaderRole("金额")!.taxBasis).toBe(0);
  });

  it("ranks the whole header above a word inside it", () => {
    expect(matchHeaderRole("Revenue")!.tier).toBeGreaterThan(matchHeaderRole("Revenue USD")!.tier);
    expect(matchHeaderRole("Net Sales")!.tier).toBeGreaterThan(matchHeaderRole("Sales")!.tier);
  });
});
