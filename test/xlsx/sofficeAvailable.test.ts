import { libreOfficeTestMode } from "../support/sofficeAvailable";

describe("libreOfficeTestMode", () => {
  test("runs wherever soffice is found", () => {
    expect(libreOfficeTestMode(true, {})).toBe("run");
    expect(libreOfficeTestMode(true, { CI: "true" })).toBe("run");
  });

  test("without soffice: fails on CI, skips on a developer's machine", () => {
    expect(libreOfficeTestMode(false, { CI: "true" })).toBe("fail");
    expect(libreOfficeTestMode(false, { CI: "1" })).toBe("fail");
    expect(libreOfficeTestMode(false, {})).toBe("skip");
    expect(libreOfficeTestMode(false, { CI: "" })).toBe("skip");
    expect(libreOfficeTestMode(false, { CI: "false" })).toBe("skip");
  });
});
