import * as fs from "node:fs";
import * as path from "node:path";

/**
 * The handout's own safe write, until the shared safe-output API (issue 14) replaces it: refuses
 * an output that is one of the inputs (compared by real path, so a symlink or "./" does not slip
 * through), writes to a temporary file beside the output, then renames it into place, so a
 * failed write never leaves a half-written file and never touches an input.
 */
export async function writeOutputSafely(output: string, bytes: Uint8Array, inputs: readonly string[]): Promise<void> {
  assertNotAnInput(output, inputs);
  const dir = path.dirname(path.resolve(output));
  const tmp = path.join(dir, `.${path.basename(output)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await fs.promises.writeFile(tmp, bytes, { flag: "wx" });
    await fs.promises.rename(tmp, output);
  } catch (e) {
    await fs.promises.rm(tmp, { force: true });
    throw e;
  }
}

/** Throws when `output` names the same file as one of `inputs` (by real path). */
export function assertNotAnInput(output: string, inputs: readonly string[]): void {
  const target = realPathOf(output);
  for (const input of inputs) {
    if (realPathOf(input) === target) {
      throw new Error(`${output}: the output must not be an input file (${input}); Practice Ledger never overwrites its inputs`);
    }
  }
}

/** The real path of a file, or of its folder plus its name when it does not exist yet. */
function realPathOf(file: string): string {
  const full = path.resolve(file);
  try {
    return fs.realpathSync(full);
  } catch {
    try {
      return path.join(fs.realpathSync(path.dirname(full)), path.basename(full));
    } catch {
      return full;
    }
  }
}
