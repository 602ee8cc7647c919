#!/usr/bin/env node
// Offline validation of manifest.xml (`npm run validate`), in three checks:
//  1. XML schema: xmllint against Microsoft's published add-in manifest schemas, found in
//     ../shared/data/manifest-xsd relative to the repository root (CI has it beside the clone).
//     Those schemas predate the shared runtime and reject <Runtimes>, so a copy of the manifest
//     with that block blanked out (line numbers kept) is validated; see that folder's README.
//  2. Shared runtime rule (ours, since the schemas cannot check it): exactly one <Runtime>, its
//     resid is one of the bt:Url ids, lifetime="long", and the custom functions <Page>, every
//     ShowTaskpane action and the FunctionFile use that same resid; SharedRuntime 1.1 is required.
//  3. `office-addin-manifest info` (works offline; `validate` posts to a web service, so not here).
// Check 1 is SKIPPED, with the reason printed, when the schema folder or xmllint is missing;
// with CI=true a missing xmllint while the schemas are present is a failure.
// Exit code: 0 when every check that ran passed, 1 otherwise.
// Usage: node scripts/validate-manifest.mjs [manifest.xml]

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const manifestPath = resolve(process.argv[2] ?? join(root, "manifest.xml"));
const manifestName = relative(process.cwd(), manifestPath) || manifestPath;
const schemaDir = resolve(root, "../shared/data/manifest-xsd");
const schemaFile = join(schemaDir, "OfficeAppManifestV1_1.xsd");
const inCI = process.env.CI === "true";

/** @type {{ name: string, status: "PASSED" | "FAILED" | "SKIPPED", detail: string }[]} */
const results = [];
const record = (name, status, detail = "") => results.push({ name, status, detail });

if (!existsSync(manifestPath)) {
  console.error(`validate-manifest: ${manifestName} not found`);
  process.exit(1);
}
const xml = readFileSync(manifestPath, "utf8");

// ---------------------------------------------------------------------------------------------
// Small regex helpers (the manifest is ours and simple; comments are blanked out first).

/** The text with XML comments replaced by spaces (same length, so offsets and lines hold). */
function withoutComments(text) {
  return text.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, " "));
}

/** Attributes of one start tag, e.g. `<Runtime resid="a" lifetime="long"/>` → {resid, lifetime}. */
function attributes(tag) {
  const out = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) out[m[1]] = m[2];
  return out;
}

/** Every start tag named `name` (with prefix if any) in `text`. */
function startTags(text, name) {
  return [...text.matchAll(new RegExp(`<${name.replace(/[.:]/g, "\\$&")}(?=[\\s/>])[^>]*>`, "g"))].map((m) => m[0]);
}

/** Inner text of every element `name` in `text` (non-nested elements only). */
function elements(text, name) {
  const n = name.replace(/[.:]/g, "\\$&");
  return [...text.matchAll(new RegExp(`<${n}(?=[\\s>])[^>]*>([\\s\\S]*?)</${n}>`, "g"))].map((m) => m[1]);
}

/** resid of the first <SourceLocation> inside `block`, or undefined. */
function sourceLocationResid(block) {
  const tag = startTags(block, "SourceLocation")[0];
  return tag === undefined ? undefined : attributes(tag).resid;
}

const text = withoutComments(xml);

// ---------------------------------------------------------------------------------------------
// 1. XML schema check.

function commandExists(command) {
  const probe = spawnSync(command, ["--version"], { encoding: "utf8" });
  return !(probe.error && probe.error.code === "ENOENT");
}

function schemaCheck() {
  const name = "XML schema (xmllint, OfficeAppManifestV1_1.xsd, <Runtimes> removed)";
  if (!existsSync(schemaFile)) {
    record(name, "SKIPPED", `schema folder not found: ${schemaDir} (expected beside the repository)`);
    return;
  }
  if (!commandExists("xmllint")) {
    if (inCI) {
      record(name, "FAILED", "xmllint is not installed but CI=true and the schemas are present (apt-get install libxml2-utils)");
    } else {
      record(name, "SKIPPED", "xmllint is not installed (Debian/Ubuntu: apt-get install libxml2-utils)");
    }
    return;
  }
  // Blank the <Runtimes> block out, keeping its newlines so xmllint's line numbers still match.
  const blocks = xml.match(/<Runtimes>[\s\S]*?<\/Runtimes>/g) ?? [];
  const copy = xml.replace(/<Runtimes>[\s\S]*?<\/Runtimes>/g, (block) => block.replace(/[^\n]/g, " "));
  const dir = mkdtempSync(join(tmpdir(), "practice-ledger-manifest-"));
  const copyPath = join(dir, "manifest.xml");
  try {
    writeFileSync(copyPath, copy);
    const run = spawnSync("xmllint", ["--noout", "--schema", schemaFile, copyPath], { encoding: "utf8" });
    const output = `${run.stdout}${run.stderr}`.split(copyPath).join(manifestName).trim();
    const removed = `${blocks.length} <Runtimes> block(s) removed before validating`;
    if (run.status === 0) {
      record(name, "PASSED", removed);
    } else {
      const meaning = run.status === 3 ? "manifest invalid" : run.status === 5 ? "schema failed to compile" : `exit ${run.status}`;
      record(name, "FAILED", `${meaning}; ${removed}\n${output}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// 2. Shared runtime rule.

function runtimesCheck() {
  const name = "Shared runtime (<Runtimes>: resid, lifetime, Page, ShowTaskpane, FunctionFile)";
  const problems = [];
  const notes = [];

  const urlIds = new Set(startTags(text, "bt:Url").map((t) => attributes(t).id));
  const runtimesBlocks = elements(text, "Runtimes");
  const runtimeTags = runtimesBlocks.flatMap((b) => startTags(b, "Runtime"));
  let resid;
  if (runtimesBlocks.length !== 1) problems.push(`expected one <Runtimes> element, found ${runtimesBlocks.length}`);
  if (runtimeTags.length !== 1) {
    problems.push(`expected one <Runtime> (a shared runtime supports one task pane), found ${runtimeTags.length}`);
  }
  if (runtimeTags.length > 0) {
    const runtime = attributes(runtimeTags[0]);
    resid = runtime.resid;
    if (!resid) problems.push("<Runtime> has no resid");
    else if (!urlIds.has(resid)) problems.push(`<Runtime resid="${resid}"> is not among the bt:Url ids (${[...urlIds].join(", ")})`);
    if (runtime.lifetime !== "long") problems.push(`<Runtime lifetime="${runtime.lifetime ?? ""}">: must be "long"`);
    notes.push(`Runtime resid=${resid} lifetime=${runtime.lifetime}`);
  }

  // <Runtimes> must be the first child of the VersionOverrides <Host>.
  const hostOpen = text.match(/<Host\s+[^>]*xsi:type="Workbook"[^>]*>\s*(<\w+)/);
  if (runtimesBlocks.length > 0 && (!hostOpen || hostOpen[1] !== "<Runtimes")) {
    problems.push("<Runtimes> must be the first child of <Host xsi:type=\"Workbook\">");
  }

  if (resid) {
    // Custom functions page.
    const cf = text.match(/<ExtensionPoint\s+xsi:type="CustomFunctions"\s*>([\s\S]*?)<\/ExtensionPoint>/);
    if (!cf) {
      problems.push("no CustomFunctions extension point");
    } else {
      const page = elements(cf[1], "Page")[0];
      const pageResid = page === undefined ? undefined : sourceLocationResid(page);
      if (pageResid !== resid) problems.push(`CustomFunctions <Page> uses resid "${pageResid}", not the runtime's "${resid}"`);
    }
    // Every ShowTaskpane action.
    const actions = [...text.matchAll(/<Action\s+xsi:type="ShowTaskpane"\s*>([\s\S]*?)<\/Action>/g)].map((m) => m[1]);
    if (actions.length === 0) problems.push("no ShowTaskpane action");
    actions.forEach((action, i) => {
      const actionResid = sourceLocationResid(action);
      if (actionResid !== resid) problems.push(`ShowTaskpane action ${i + 1} uses resid "${actionResid}", not "${resid}"`);
    });
    // FunctionFile, when there is one.
    for (const tag of startTags(text, "FunctionFile")) {
      const ffResid = attributes(tag).resid;
      if (ffResid !== resid) problems.push(`<FunctionFile> uses resid "${ffResid}", not "${resid}"`);
    }
    notes.push(`CustomFunctions Page, ${actions.length} ShowTaskpane action(s) and FunctionFile checked`);
  }

  const sets = [...startTags(text, "Set"), ...startTags(text, "bt:Set")].map(attributes);
  if (!sets.some((s) => s.Name === "SharedRuntime")) problems.push("no SharedRuntime requirement set declared");

  if (problems.length === 0) record(name, "PASSED", notes.join("; "));
  else record(name, "FAILED", problems.map((p) => `- ${p}`).join("\n"));
}

// ---------------------------------------------------------------------------------------------
// 3. office-addin-manifest info (offline).

function infoCheck() {
  const name = "office-addin-manifest info";
  const require = createRequire(import.meta.url);
  let run;
  try {
    // The same program `npx office-addin-manifest info` runs, without npm's start-up.
    const cli = require.resolve("office-addin-manifest/cli.js");
    run = spawnSync(process.execPath, [cli, "info", manifestPath], { encoding: "utf8" });
  } catch {
    run = spawnSync("npx", ["--no", "--", "office-addin-manifest", "info", manifestPath], {
      encoding: "utf8",
      shell: process.platform === "win32",
    });
  }
  const output = `${run.stdout ?? ""}${run.stderr ?? ""}`.trim();
  if (run.error) record(name, "FAILED", String(run.error));
  else if (run.status !== 0) record(name, "FAILED", output);
  else {
    record(name, "PASSED", "");
    console.log(output.replace(/^/gm, "  "));
    console.log("");
  }
}

// ---------------------------------------------------------------------------------------------

console.log(`Validating ${manifestName}\n`);
schemaCheck();
runtimesCheck();
infoCheck();

const namespace = startTags(text, "bt:String")
  .map(attributes)
  .find((a) => a.id === "Functions.Namespace")?.DefaultValue;
const requirementSets = [...startTags(text, "Set"), ...startTags(text, "bt:Set")]
  .map(attributes)
  .map((s) => `${s.Name} ${s.MinVersion ?? ""}`.trim());
console.log("Summary");
console.log(`  Id: ${elements(text, "Id")[0]?.trim() ?? "?"}   Version: ${elements(text, "Version")[0]?.trim() ?? "?"}`);
console.log(`  Custom functions namespace: ${namespace ?? "(none)"}`);
console.log(`  Requirement sets: ${[...new Set(requirementSets)].join(", ") || "(none)"}`);
for (const r of results) {
  console.log(`  [${r.status}] ${r.name}`);
  if (r.detail) console.log(r.detail.replace(/^/gm, "      "));
}
const failed = results.filter((r) => r.status === "FAILED");
const skipped = results.filter((r) => r.status === "SKIPPED");
if (skipped.length > 0) {
  console.log(`\nNOTE: ${skipped.length} check(s) SKIPPED: the manifest was not fully validated.`);
}
if (failed.length > 0) {
  console.error(`\nManifest validation FAILED (${failed.length} check(s)).`);
  process.exit(1);
}
console.log("\nManifest validation passed.");
