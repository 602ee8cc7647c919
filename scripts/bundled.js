// Runs a TypeScript entry point (the command line, the benchmark) as ONE bundled CommonJS file,
// built with esbuild (installed with tsx) and kept in node_modules/.cache/practice-ledger/ until a
// source file changes. Why not tsx alone: tsx compiles each module to CommonJS on its own, and an
// imported binding then becomes a getter on the module's exports object; in a loop over a million
// lines that costs up to 5 times the work (measured on the denial rates: 46 ms through tsx, 12 ms
// bundled; see bench/bench.ts). The add-in is bundled too (webpack), so the bundle is also what ships.
// npm packages stay outside the bundle (required from node_modules as usual). When esbuild cannot
// build, or PRACTICE_LEDGER_NO_BUNDLE=1, the entry runs through tsx as before.
"use strict";
const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.join(__dirname, "..");
const CACHE = path.join(ROOT, "node_modules", ".cache", "practice-ledger");

/** Every file under the given folders, with its size and modification time: the bundle's key. */
function fingerprint(folders) {
  const hash = crypto.createHash("sha256");
  const walk = (dir) => {
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile()) {
        const st = fs.statSync(full);
        hash.update(`${full}\0${st.size}\0${st.mtimeMs}\n`);
      }
    }
  };
  for (const f of folders) walk(path.join(ROOT, f));
  for (const f of ["package.json", "tsconfig.json"]) {
    try {
      const st = fs.statSync(path.join(ROOT, f));
      hash.update(`${f}\0${st.size}\0${st.mtimeMs}\n`);
    } catch {
      // absent: nothing to add
    }
  }
  return hash.digest("hex").slice(0, 16);
}

/**
 * The path of the bundle of `entry` (relative to the project's root), built when missing; null
 * when it cannot be built (the caller then runs the sources through tsx).
 */
function bundlePath(entry, folders) {
  if (process.env.PRACTICE_LEDGER_NO_BUNDLE === "1") return null;
  const name = path.basename(entry).replace(/\.[^.]+$/, "");
  const out = path.join(CACHE, `${name}-${fingerprint(folders)}.js`);
  if (fs.existsSync(out)) return out;
  let esbuild;
  try {
    esbuild = require("esbuild");
  } catch {
    return null;
  }
  // Built to a file of its own, then renamed: another process may be building the same bundle.
  const tmp = `${out}.${process.pid}.${Date.now()}.tmp`;
  try {
    fs.mkdirSync(CACHE, { recursive: true });
    esbuild.buildSync({
      entryPoints: [path.join(ROOT, entry)], bundle: true, platform: "node", format: "cjs", target: "node20",
      packages: "external", outfile: tmp, sourcemap: "inline", sourcesContent: false, logLevel: "silent",
    });
    fs.renameSync(tmp, out);
  } catch {
    fs.rmSync(tmp, { force: true });
    return null;
  }
  // Older bundles of the same entry are of no further use (another process may still be loading one: it has read it already).
  try {
    for (const f of fs.readdirSync(CACHE)) {
      if (f.startsWith(`${name}-`) && f.endsWith(".js") && path.join(CACHE, f) !== out) fs.rmSync(path.join(CACHE, f), { force: true });
    }
  } catch {
    // left for the next run
  }
  return out;
}

/** Loads `entry` (e.g. "src/cli/main.ts") bundled when possible, else through tsx; returns its exports. */
function requireBundled(entry, folders) {
  const bundle = bundlePath(entry, folders);
  // The bundle sits in node_modules/.cache, which may be a link to another checkout's: it finds
  // the project it was built from here (src/cli/projectRoot.ts).
  process.env.PRACTICE_LEDGER_ROOT = ROOT;
  if (bundle !== null) {
    // The bundle carries an inline source map, read only when asked for: `node --enable-source-maps`
    // (or NODE_OPTIONS) maps stack traces back to src/*.ts. Reading it on every start cost about 25 ms.
    return require(bundle);
  }
  require("tsx/cjs");
  return require(path.join(ROOT, entry));
}

module.exports = { requireBundled, bundlePath };
