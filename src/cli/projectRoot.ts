import * as fs from "node:fs";
import * as path from "node:path";

/**
 * The project's folder: the one scripts/bundled.js names (PRACTICE_LEDGER_ROOT, set when it loads
 * the command line or the bench, whose bundle sits in node_modules/.cache/practice-ledger/, maybe
 * through a link to another checkout's node_modules), else the folder of the practice-ledger
 * package.json nearest above this file. Null when none is found.
 */
export function projectRoot(): string | null {
  const named = process.env.PRACTICE_LEDGER_ROOT;
  if (named !== undefined && named !== "" && fs.existsSync(path.join(named, "package.json"))) return named;
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
