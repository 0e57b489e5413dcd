import { detectDayOrder } from "./detectDayOrder";

describe("detectDayOrder", () => {
  it("reads day first when a first part is above 12", () => {
    expect(detectDayOrder(["03/04/2024", "25/04/2024"])).toEqual({
      order: "day-first",
      basis: "values",
      example: "25/04/2024",
    });
  });

  it("reads month first when a second part is above 12", () => {
    expect(detectDayOrder(["03/04/2024", "04/25/2024"])).toEqual({
      order: "month-first",
      basis: "values",
      example: "04/25/2024",
    });
  });

  it("assumes month first when nothing tells", () => {
    expect(detectDayOrder(["03/04/2024", "05/06/2024", "2024-07-01"])).toEqual({
      order: "month-first",
      basis: "default",
      example: "03/04/2024",
    });
  });

  it("has nothing to decide without such dates", () => {
    expect(detectDayOrder(["2024-03-04", "Mar 2024"])).toBeNull();
  });
});
