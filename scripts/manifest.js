#!/usr/bin/env node
// Points manifest.xml at the https host that serves the built add-in (dist/): every URL on the
// host the manifest names now (its SourceLocation's, https://localhost:3000 as committed) moves to
// the new one, and so does the AppDomain. The manifest is read and checked with Microsoft's
// office-addin-manifest before and after; nothing else in the file changes.
//
//   npm run manifest -- --host https://plans.example.com [--manifest manifest.xml] [--out FILE]
//
// Without --out the manifest is rewritten in place. Exit codes: 0 done, 1 bad host or manifest,
// 2 usage.
const fs = require("node:fs");
const path = require("node:path");
const { URL } = require("node:url");
const { OfficeAddinManifest } = require("office-addin-manifest");

const USAGE =
  "usage: npm run manifest -- --host https://HOST[/PATH] [--manifest manifest.xml] [--out FILE]";

/** The options given, or a usage problem. */
function parseArgs(argv) {
  const options = { manifest: "manifest.xml" };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (!["--host", "--manifest", "--out"].includes(flag))
      return { problem: `unknown option "${flag}"` };
    if (value === undefined || value.startsWith("--")) return { problem: `${flag} needs a value` };
    options[flag.slice(2)] = value;
    i++;
  }
  if (!options.host) return { problem: "--host is required" };
  return { options };
}

/** The new host as a base URL without a trailing slash, or why it cannot serve an add-in. */
function baseUrl(text) {
  let url;
  try {
    url = new URL(text);
  } catch {
    return { problem: `--host "${text}" is not a URL (e.g. https://plans.example.com)` };
  }
  if (url.protocol !== "https:")
    return { problem: `--host "${text}": Office loads add-ins over https only` };
  if (url.search || url.hash || url.username || url.password)
    return { problem: `--host "${text}": only a host and an optional path are allowed` };
  return { base: `${url.origin}${url.pathname.replace(/\/+$/, "")}`, origin: url.origin };
}

/** Escapes text for a regular expression. */
function literal(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

async function main() {
  const parsed = parseArgs(process.argv.slice(2));
  if (parsed.problem) {
    console.error(`${parsed.problem}\n${USAGE}`);
    return 2;
  }
  const { options } = parsed;
  const target = baseUrl(options.host);
  if (target.problem) {
    console.error(target.problem);
    return 1;
  }
  const manifestPath = path.resolve(options.manifest);
  const outPath = path.resolve(options.out ?? options.manifest);
  const before = await OfficeAddinManifest.readManifestFile(manifestPath);
  const source = before.defaultSettings && before.defaultSettings.sourceLocation;
  if (before.manifestType !== "xml" || !source) {
    console.error(`${options.manifest}: not an XML add-in manifest with a SourceLocation`);
    return 1;
  }
  // The host the manifest points at now, with the folder of its page (https://localhost:3000).
  const current = new URL(source);
  const currentBase = `${current.origin}${current.pathname.replace(/\/[^/]*$/, "")}`;
  const text = fs.readFileSync(manifestPath, "utf8");
  // Every URL under the current base; the AppDomain (an origin alone) becomes the new origin.
  let changed = 0;
  const rewritten = text
    .replace(
      new RegExp(`(<AppDomain>)${literal(current.origin)}/?(</AppDomain>)`, "g"),
      (_, open, close) => {
        changed++;
        return `${open}${target.origin}${close}`;
      },
    )
    .replace(new RegExp(`${literal(currentBase)}(?=[/"<])`, "g"), () => {
      changed++;
      return target.base;
    });
  fs.writeFileSync(outPath, rewritten);

  const after = await OfficeAddinManifest.readManifestFile(outPath);
  const moved = after.defaultSettings && after.defaultSettings.sourceLocation;
  if (!moved || !moved.startsWith(`${target.base}/`)) {
    console.error(`${outPath}: the SourceLocation is still ${moved}`);
    return 1;
  }
  console.log(
    `${path.relative(process.cwd(), outPath) || outPath}: ${changed} URL${changed === 1 ? "" : "s"} moved from ${currentBase} to ${target.base}; the pane loads ${moved}`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
