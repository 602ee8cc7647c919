import * as fs from "node:fs";
import * as path from "node:path";

/**
 * The folder of the practice-ledger package.json nearest above this file: two levels up when run
 * from the sources (src/cli/), three when run as a bundle from node_modules/.cache/practice-ledger/
 * (scripts/bundled.js). Null when none is found.
 */
export function projectRoot(): string | null {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as { name?: unknown };
      if (pkg.name === "practice-ledger") return dir;
    } catch {
      // no package.json here: look further up
    }
    if (path.dirname(dir) === dir) return null;
  }
}
