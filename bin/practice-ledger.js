#!/usr/bin/env node
// Runs the TypeScript command line as one bundled file (scripts/bundled.js: built with esbuild on
// the first run after a change to the sources, then reused), or through tsx when it cannot be
// bundled, so `npx practice-ledger` works right after `npm install`, with no build step.
"use strict";
const { requireBundled } = require("../scripts/bundled.js");
requireBundled("src/cli/main.ts", ["src"])
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
