import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const ROOT = path.join(__dirname, "..", "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const SCRIPT = path.join(ROOT, "scripts", "manifest.js");

function manifestScript(...args: string[]) {
  return spawnSync(process.execPath, [SCRIPT, ...args], { cwd: ROOT, encoding: "utf8" });
}

/**
 * What Microsoft's office-addin-manifest reads of a manifest (in Node itself: the library loads
 * modules jest cannot).
 */
function readManifest(file: string): {
  id?: string;
  iconUrl?: string;
  appDomains?: string[];
  defaultSettings?: { sourceLocation?: string };
} {
  const read = spawnSync(
    process.execPath,
    [
      "-e",
      `require("office-addin-manifest").OfficeAddinManifest.readManifestFile(process.argv[1]).then((i) => console.log(JSON.stringify(i)))`,
      file,
    ],
    { cwd: ROOT, encoding: "utf8" },
  );
  if (read.status !== 0) throw new Error(read.stderr);
  return JSON.parse(read.stdout) as ReturnType<typeof readManifest>;
}

/** Every URL in attribute values and elements of a manifest (comments left out). */
function urls(xml: string): string[] {
  const body = xml.replace(/<!--[\s\S]*?-->/g, "");
  return [...body.matchAll(/https?:\/\/[^"<\s]+/g)].map((m) => m[0]);
}

describe("npm run manifest -- --host", () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), "stp-manifest-"));
  const original = readFileSync(MANIFEST, "utf8");
  const localUrls = urls(original).filter((u) => u.startsWith("https://localhost:3000"));

  it("points every localhost:3000 URL of the manifest at the host, and nothing else", () => {
    const out = path.join(folder, "plans.xml");
    const run = manifestScript("--host", "https://plans.example.com", "--out", out);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`${localUrls.length} URLs moved`);
    const written = readFileSync(out, "utf8");
    const moved = urls(written).filter((u) => u.startsWith("https://"));
    expect(moved).toEqual(
      localUrls.map((u) => u.replace("https://localhost:3000", "https://plans.example.com")),
    );
    // The rest of the file, comments included, is as it was.
    expect(written.replace(/https:\/\/plans\.example\.com/g, "https://localhost:3000")).toBe(
      original,
    );
    const info = readManifest(out);
    expect(info.defaultSettings?.sourceLocation).toBe("https://plans.example.com/taskpane.html");
    expect(info.appDomains).toEqual(["https://plans.example.com"]);
    expect(info.id).toBe(readManifest(MANIFEST).id);
  });

  it("serves from a folder of the host, with the AppDomain its origin", () => {
    const copy = path.join(folder, "manifest.xml");
    copyFileSync(MANIFEST, copy);
    const run = manifestScript(
      "--manifest",
      copy,
      "--host",
      "https://intranet.example.com/planner/",
    );
    expect(run.status).toBe(0);
    const info = readManifest(copy);
    expect(info.defaultSettings?.sourceLocation).toBe(
      "https://intranet.example.com/planner/taskpane.html",
    );
    expect(info.iconUrl).toBe("https://intranet.example.com/planner/assets/icon-32.png");
    expect(info.appDomains).toEqual(["https://intranet.example.com"]);
    // Run again from there: the manifest moves on from where it points now.
    const again = manifestScript("--manifest", copy, "--host", "https://plans.example.com");
    expect(again.status).toBe(0);
    expect(readFileSync(copy, "utf8")).toBe(
      original.replace(/https:\/\/localhost:3000(?=[/"<])/g, "https://plans.example.com"),
    );
  });

  it("refuses a host Office cannot load an add-in from, and a missing --host", () => {
    const out = path.join(folder, "refused.xml");
    const http = manifestScript("--host", "http://plans.example.com", "--out", out);
    expect(http.status).toBe(1);
    expect(http.stderr).toContain("https only");
    const query = manifestScript("--host", "https://plans.example.com/?a=1", "--out", out);
    expect(query.status).toBe(1);
    const missing = manifestScript("--out", out);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("--host is required");
    expect(readFileSync(MANIFEST, "utf8")).toBe(original);
  });
});
