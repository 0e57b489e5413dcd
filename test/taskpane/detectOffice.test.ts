import { detectOffice, type OfficeGlobal } from "../../src/taskpane/host/detectOffice";
import { themeFromOffice } from "../../src/taskpane/host/officeTheme";

function office(host: unknown, context: OfficeGlobal["context"] = {}): OfficeGlobal {
  return {
    onReady: () => Promise.resolve({ host, platform: null }),
    HostType: { Excel: "Excel" },
    context,
  };
}

describe("detectOffice", () => {
  it("is outside Excel when office.js did not load", async () => {
    await expect(detectOffice(undefined, "zh-CN")).resolves.toEqual({
      kind: "outside",
      language: "zh-CN",
      theme: "light",
      otherHost: false,
    });
  });

  it("is outside Excel when Office.onReady reports no host (a plain browser)", async () => {
    const host = await detectOffice(office(null), "en-GB");
    expect(host).toMatchObject({ kind: "outside", language: "en-US", otherHost: false });
  });

  it("is outside Excel when office.js never answers", async () => {
    const silent: OfficeGlobal = { onReady: () => new Promise(() => undefined) };
    const host = await detectOffice(silent, "en-US", 20);
    expect(host.kind).toBe("outside");
  });

  it("is outside Excel when office.js fails", async () => {
    const failing: OfficeGlobal = { onReady: () => Promise.reject(new Error("blocked")) };
    await expect(detectOffice(failing, "en-US")).resolves.toMatchObject({ kind: "outside" });
  });

  it("says so when opened in another Office application", async () => {
    await expect(detectOffice(office("Word"), "en-US")).resolves.toMatchObject({
      kind: "outside",
      otherHost: true,
    });
  });

  it("takes Excel's display language and theme", async () => {
    const host = await detectOffice(
      office("Excel", {
        displayLanguage: "zh-CN",
        officeTheme: { bodyBackgroundColor: "#262626" },
      }),
      "en-US",
    );
    expect(host).toEqual({ kind: "excel", language: "zh-CN", theme: "dark" });
  });
});

describe("themeFromOffice", () => {
  it.each([
    [{ bodyBackgroundColor: "#FFFFFF" }, "light"],
    [{ bodyBackgroundColor: "#E6E6E6" }, "light"],
    [{ bodyBackgroundColor: "#262626" }, "dark"],
    [{ bodyBackgroundColor: "#000000" }, "dark"],
    [{ bodyBackgroundColor: "#FFFFFF", isDarkTheme: true }, "dark"],
    [{ bodyBackgroundColor: "not a colour" }, "light"],
    [undefined, "light"],
  ])("%p is %s", (theme, expected) => expect(themeFromOffice(theme)).toBe(expected));
});
