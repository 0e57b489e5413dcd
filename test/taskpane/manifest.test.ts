/** @jest-environment jsdom */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";

const ROOT = path.join(__dirname, "..", "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const ADDIN_ID = "c7cce2f3-91c3-4aa1-a8aa-09f49d6e9add";
const ORIGIN = "https://localhost:3000";

const xml = new DOMParser().parseFromString(readFileSync(MANIFEST, "utf8"), "application/xml");
const all = (name: string) => Array.from(xml.getElementsByTagName(name));
/** The root's own child of that name (VersionOverrides reuses some names). */
const top = (name: string) => {
  const found = Array.from(xml.documentElement.children).filter((e) => e.localName === name);
  expect(found).toHaveLength(1);
  return found[0];
};
const one = (name: string) => {
  const found = all(name);
  expect(found).toHaveLength(1);
  return found[0];
};

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  expect(bytes.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe("manifest.xml", () => {
  it("is well-formed XML (xmllint where installed, the DOM parser always)", () => {
    expect(all("parsererror")).toHaveLength(0);
    const lint = spawnSync("xmllint", ["--noout", MANIFEST], { encoding: "utf8" });
    if (lint.error) {
      expect(process.env.CI).toBeFalsy();
      return;
    }
    expect(lint.stderr).toBe("");
    expect(lint.status).toBe(0);
  });

  it("is a task pane add-in for Excel with a fixed id", () => {
    const root = xml.documentElement;
    expect(root.localName).toBe("OfficeApp");
    expect(root.getAttribute("xsi:type")).toBe("TaskPaneApp");
    expect(top("Id").textContent).toBe(ADDIN_ID);
    const hosts = all("Host").filter((h) => h.parentElement?.parentElement === root);
    expect(hosts.map((h) => h.getAttribute("Name"))).toEqual(["Workbook"]);
  });

  it("declares ExcelApi 1.4 as the minimum requirement set", () => {
    const sets = all("Set");
    expect(sets.map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")])).toEqual([
      ["ExcelApi", "1.4"],
    ]);
  });

  it("opens taskpane.html from the dev server, in the manifest and on the ribbon button", () => {
    const source = one("DefaultSettings").getElementsByTagName("SourceLocation")[0];
    expect(source.getAttribute("DefaultValue")).toBe(`${ORIGIN}/taskpane.html`);
    const action = one("Action");
    expect(action.getAttribute("xsi:type")).toBe("ShowTaskpane");
    const resid = action.getElementsByTagName("SourceLocation")[0].getAttribute("resid");
    const url = all("bt:Url").find((u) => u.getAttribute("id") === resid);
    expect(url?.getAttribute("DefaultValue")).toBe(`${ORIGIN}/taskpane.html`);
    expect(one("OfficeTab").getAttribute("id")).toBe("TabHome");
  });

  it("names the add-in in English with a Chinese override", () => {
    const name = top("DisplayName");
    expect(name.getAttribute("DefaultValue")).toBe("Sales Target Planner");
    const zh = Array.from(name.getElementsByTagName("Override"));
    expect(zh.map((o) => o.getAttribute("Locale"))).toEqual(["zh-CN"]);
    expect(zh[0].getAttribute("Value")).toMatch(/[\u4e00-\u9fff]/);
    const description = top("Description").getElementsByTagName("Override");
    expect(description[0].getAttribute("Locale")).toBe("zh-CN");
  });

  it("points at icons of 16, 32, 64 and 80 px that exist in assets/ at those sizes", () => {
    const urls = [
      top("IconUrl").getAttribute("DefaultValue"),
      top("HighResolutionIconUrl").getAttribute("DefaultValue"),
      ...all("bt:Image")
        .filter((i) => i.parentElement?.tagName === "bt:Images")
        .map((i) => i.getAttribute("DefaultValue")),
    ];
    const sizes = new Set<number>();
    for (const url of urls) {
      const match = /^https:\/\/localhost:3000\/assets\/icon-(\d+)\.png$/.exec(url ?? "");
      expect(match).not.toBeNull();
      const size = Number(match![1]);
      const file = path.join(ROOT, "assets", `icon-${size}.png`);
      expect(existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
      sizes.add(size);
    }
    expect([...sizes].sort((a, b) => a - b)).toEqual([16, 32, 64, 80]);
  });
});
