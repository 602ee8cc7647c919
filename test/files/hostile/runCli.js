// Runs the command line in this (child) process and reports its peak memory on the last line of
// stderr, so the hostile-files suite can bound it. Started with --max-old-space-size by the test.
"use strict";
require("tsx/cjs");
require("../../../src/cli/main.ts")
  .main(process.argv.slice(2))
  .then((code) => {
    process.stderr.write(`\nPEAK_RSS_MB ${Math.round(process.resourceUsage().maxRSS / 1024)}\n`);
    process.exitCode = code;
  });
