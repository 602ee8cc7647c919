// Runs the command line in this (child) process and reports its peak memory on the last line of
// stderr, so the hostile-files suite can bound it. Started with --max-old-space-size by the test.
"use strict";
require("tsx/cjs");
require("../../../src/cli/main.ts")
  .main(process.argv.slice(2))
  .then((code) => {
    process.stderr.write(`\nPEAK_RSS_MB ${Math.round(peakKb() / 1024)}\n`);
    process.exitCode = code;
  });

/**
 * This process's own peak resident memory in kB: VmHWM on Linux. getrusage's maxRSS starts from the
 * parent's resident set at the fork before exec (Linux keeps the larger), so it would report the
 * test runner's size whenever that is larger.
 */
function peakKb() {
  try {
    const m = /VmHWM:\s*(\d+) kB/.exec(require("node:fs").readFileSync("/proc/self/status", "utf8"));
    if (m) return Number(m[1]);
  } catch {
    // not Linux: the kernel's figure, as before
  }
  return process.resourceUsage().maxRSS;
}
