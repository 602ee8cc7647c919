/**
 * Writing the command line's outputs without ever destroying the user's work.
 *
 * - Every output is checked against every input by IDENTITY, not by spelling: an output that
 *   exists is compared by device and inode (so a symbolic link, a hard link, `./x/../book.xlsx` or
 *   `Book.xlsx` on a case-folding file system all count as the input itself); outputs are compared
 *   with each other by their resolved paths, case-insensitively (two outputs that differ only by
 *   case are refused everywhere: on macOS and Windows they are one file).
 * - An existing output is replaced only with `--force`.
 * - Each output is written to a temporary file in its own folder, then moved into place; when one
 *   writer fails, every temporary file is removed and no output is moved into place, so a failed
 *   run leaves nothing half-written and replaces nothing.
 *
 * Adding an output (a handout, a PDF) is one more entry in the list given to `writeOutputs`.
 */
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

/** A file the run reads: never to be written. `what` names it for messages ("the workbook", "--fee-schedule"). */
export interface RunInput {
  path: string;
  what: string;
}

/** A file the run writes. `write` writes the whole file at the temporary path it is given. */
export interface RunOutput {
  path: string;
  what: string;
  write: (temporaryPath: string) => Promise<void>;
}

export interface WriteOutputsOptions {
  /** Replace outputs that already exist (`--force`). */
  force: boolean;
}

/** An output the run refuses to write (the CLI exits 2: nothing was read or written for it). */
export class OutputRefusedError extends Error {}

interface Identity {
  dev: number;
  ino: number;
}

function identityOf(file: string): Identity | null {
  try {
    const st = fs.statSync(file); // follows symbolic links: a link to the input is the input
    return { dev: st.dev, ino: st.ino };
  } catch {
    return null;
  }
}

/** The absolute path with its folder's symbolic links resolved (the file itself need not exist). */
function resolvedPath(file: string): string {
  const abs = path.resolve(file);
  try {
    return fs.realpathSync.native(abs);
  } catch {
    try {
      return path.join(fs.realpathSync.native(path.dirname(abs)), path.basename(abs));
    } catch {
      return abs;
    }
  }
}

/**
 * Refuses, with the reason, any output that is an input, that two outputs share, that is a
 * folder, or that exists when `force` is off. Throws OutputRefusedError; returns when all is well.
 */
export function checkOutputs(inputs: readonly RunInput[], outputs: readonly { path: string; what: string }[], options: WriteOutputsOptions): void {
  const inputIds = inputs.map((i) => ({ input: i, id: identityOf(i.path), resolved: resolvedPath(i.path) }));
  const seen: { what: string; key: string }[] = [];
  for (const out of outputs) {
    const id = identityOf(out.path);
    const resolved = resolvedPath(out.path);
    for (const i of inputIds) {
      const same = id !== null && i.id !== null ? id.dev === i.id.dev && id.ino === i.id.ino : resolved === i.resolved;
      if (same) {
        throw new OutputRefusedError(
          `${out.what} ${out.path} is ${i.input.what} (${i.input.path}): the output must not be the input file; Practice Ledger never modifies its inputs (choose another name)`,
        );
      }
    }
    const key = resolved.toLowerCase();
    const twin = seen.find((s) => s.key === key);
    if (twin !== undefined) {
      throw new OutputRefusedError(`${out.what} and ${twin.what} name the same file (${out.path}): give each output its own name`);
    }
    seen.push({ what: out.what, key });
    if (id !== null) {
      if (fs.statSync(out.path).isDirectory()) throw new OutputRefusedError(`${out.what} ${out.path} is a folder: name a file`);
      if (!options.force) throw new OutputRefusedError(`${out.what} ${out.path} already exists: choose another name, or add --force to replace it`);
    }
  }
}

function temporaryPathFor(file: string): string {
  const abs = path.resolve(file);
  return path.join(path.dirname(abs), `.${path.basename(abs)}.${process.pid}-${crypto.randomBytes(4).toString("hex")}.tmp`);
}

function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // nothing more can be done; the temporary name starts with "." and ends in ".tmp"
  }
}

/** Moves a finished temporary file into place; without `force`, never over a file that appeared meanwhile. */
function place(temporary: string, target: string, what: string, force: boolean): void {
  if (force) {
    fs.renameSync(temporary, target);
    return;
  }
  try {
    fs.linkSync(temporary, target); // fails with EEXIST, atomically, if the name was taken meanwhile
    removeQuietly(temporary);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new OutputRefusedError(`${what} ${target} already exists: choose another name, or add --force to replace it`);
    // A file system without hard links (FAT, some network shares): check, then rename.
    if (fs.existsSync(target)) throw new OutputRefusedError(`${what} ${target} already exists: choose another name, or add --force to replace it`);
    fs.renameSync(temporary, target);
  }
}

/**
 * Checks every output against every input (see checkOutputs), writes each to a temporary file
 * beside it, and only when all are written moves them into place. If a writer fails, the
 * temporary files are removed and the error is rethrown: no output appears. If moving one into
 * place fails, the outputs this run had already created are removed again (a file replaced under
 * --force cannot be brought back).
 */
export async function writeOutputs(inputs: readonly RunInput[], outputs: readonly RunOutput[], options: WriteOutputsOptions): Promise<void> {
  checkOutputs(inputs, outputs, options);
  const temporaries: string[] = [];
  try {
    for (const out of outputs) {
      const temporary = temporaryPathFor(out.path);
      temporaries.push(temporary);
      await out.write(temporary);
      if (!fs.existsSync(temporary)) throw new Error(`${out.what} ${out.path}: nothing was written`);
    }
    // A last check just before anything is moved: an input may have been linked meanwhile.
    checkOutputs(inputs, outputs, options);
  } catch (e) {
    for (const t of temporaries) removeQuietly(t);
    throw e;
  }
  const created: string[] = [];
  try {
    outputs.forEach((out, k) => {
      const existed = fs.existsSync(out.path);
      place(temporaries[k], out.path, out.what, options.force);
      if (!existed) created.push(out.path);
    });
  } catch (e) {
    for (const t of temporaries) removeQuietly(t);
    for (const c of created) removeQuietly(c);
    throw e;
  }
}
