import { compareMembers, comparePaths, sortByPath } from "./memberOrder";

describe("compareMembers", () => {
  it("orders Chinese names by pinyin, not by code point", () => {
    const regions = ["华南", "华东", "西南", "华北"];
    expect([...regions].sort(compareMembers("zh-CN"))).toEqual(["华北", "华东", "华南", "西南"]);
    // Code points would put 华东 (U+4E1C) before 华北 (U+5317).
    expect([...regions].sort()).toEqual(["华东", "华北", "华南", "西南"]);
    const reps = ["周七", "张三", "李四", "王五", "赵六"];
    expect([...reps].sort(compareMembers("zh-CN"))).toEqual([
      "李四",
      "王五",
      "张三",
      "赵六",
      "周七",
    ]);
  });

  it("orders English names as a dictionary does, whatever their case", () => {
    expect(["bo", "Cy", "Ann", "dee"].sort(compareMembers("en-US"))).toEqual([
      "Ann",
      "bo",
      "Cy",
      "dee",
    ]);
  });

  it("breaks a tie of names the collator holds equal by code point, in any input order", () => {
    const composed = "Andr\u00e9";
    const decomposed = "Andre\u0301";
    const compare = compareMembers("en-US");
    expect([composed, decomposed].sort(compare)).toEqual([decomposed, composed]);
    expect([decomposed, composed].sort(compare)).toEqual([decomposed, composed]);
    expect(compare("Ann", "Ann")).toBe(0);
  });
});

describe("comparePaths and sortByPath", () => {
  it("orders paths level by level, a parent before its children", () => {
    const paths = [
      ["华南", "王五"],
      ["华东", "李四"],
      ["华东"],
      ["华北", "张三"],
      ["华东", "张三"],
    ];
    expect([...paths].sort(comparePaths("zh-CN"))).toEqual([
      ["华北", "张三"],
      ["华东"],
      ["华东", "李四"],
      ["华东", "张三"],
      ["华南", "王五"],
    ]);
  });

  it("keeps the order of items on one path and leaves the input as it was", () => {
    const rows = [
      { path: ["bo"], month: 1 },
      { path: ["Ann"], month: 1 },
      { path: ["bo"], month: 2 },
      { path: ["Ann"], month: 2 },
    ];
    const sorted = sortByPath(rows, (row) => row.path, "en-US");
    expect(sorted.map((row) => `${row.path[0]} ${row.month}`)).toEqual([
      "Ann 1",
      "Ann 2",
      "bo 1",
      "bo 2",
    ]);
    expect(rows[0].path).toEqual(["bo"]);
  });
});
