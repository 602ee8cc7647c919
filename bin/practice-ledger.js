#!/usr/bin/env node
// Runs the TypeScript command line through tsx (installed with the package), so `npx practice-ledger`
// works right after `npm install`, with no build step.
"use strict";
require("tsx/cjs");
require("../src/cli/main.ts")
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
