/**
 * Runs LibreOffice headless to recalculate an .xlsx (office-platform.md, "Files and other engines").
 * Each run gets a fresh user profile whose registrymodifications.xcu sets
 * /org.openoffice.Office.Calc/Formula/Load OOXMLRecalcMode = 0 and ODFRecalcMode = 0 ("always
 * recalculate"), so concurrent runs never share a profile and cached values are never trusted.
 * soffice exits 0 even when it could not load or convert a file, so the output file is checked.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** The apt line that installs what these tests need (Debian 12: LibreOffice 7.4). */
export const SOFFICE_INSTALL = "apt-get install -y --no-install-recommends libreoffice-calc";

/** Places soffice is found on Debian and in the upstream packages, after $SOFFICE and the PATH. */
const CANDIDATES = ["soffice", "libreoffice", "/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice"];

export interface SofficeFound {
  command: string;
  /** First line of `soffice --version`, e.g. "LibreOffice 7.4.7.2 40(Build:2)". */
  version: string;
}

/** The soffice to run, or null when none answers `--version`. $SOFFICE wins when set. */
export function findSoffice(): SofficeFound | null {
  const fromEnv = process.env.SOFFICE;
  const candidates = fromEnv ? [fromEnv] : CANDIDATES;
  for (const command of candidates) {
    const run = spawnSync(command, ["--version"], { encoding: "utf8", timeout: 30_000 });
    if (run.error === undefined && run.status === 0 && /LibreOffice/i.test(run.stdout)) {
      return { command, version: run.stdout.trim().split("\n")[0] };
    }
  }
  return null;
}

/** True when CI is set to something other than "", "0" or "false". */
export function runningInCI(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && ci !== "" && ci !== "0" && ci.toLowerCase() !== "false";
}

const RECALC_ALWAYS_XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** Writes a fresh profile (…/user/registrymodifications.xcu: always recalculate) and returns its directory. */
export function makeRecalcProfile(parent: string): string {
  const profile = fs.mkdtempSync(path.join(parent, "lo-profile-"));
  fs.mkdirSync(path.join(profile, "user"), { recursive: true });
  fs.writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), RECALC_ALWAYS_XCU, "utf8");
  return profile;
}

export interface RecalcResult {
  /** The recalculated workbooks written by LibreOffice, in the order of the inputs. */
  outputs: string[];
  milliseconds: number;
}

/**
 * Opens each input in one LibreOffice headless run with an always-recalculate profile and saves
 * it again as .xlsx into `outDir` (which must differ from the inputs' folders; one soffice start
 * for all). Throws with soffice's output when a file did not come out.
 */
export function recalcWithLibreOffice(soffice: SofficeFound, inputs: readonly string[], outDir: string, timeoutMs = 150_000): RecalcResult {
  fs.mkdirSync(outDir, { recursive: true });
  const profile = makeRecalcProfile(os.tmpdir());
  const outputs = inputs.map((input) => path.join(outDir, path.basename(input, path.extname(input)) + ".xlsx"));
  for (const output of outputs) fs.rmSync(output, { force: true });
  const started = Date.now();
  try {
    const run = spawnSync(
      soffice.command,
      [
        "--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
        `-env:UserInstallation=file://${profile}`,
        "--convert-to", "xlsx", "--outdir", outDir, ...inputs,
      ],
      { encoding: "utf8", timeout: timeoutMs, env: { ...process.env, HOME: profile } },
    );
    const milliseconds = Date.now() - started;
    const missing = outputs.filter((output) => !fs.existsSync(output) || fs.statSync(output).size === 0);
    if (missing.length > 0) {
      const why = run.error ? String(run.error) : `exit ${String(run.status)}${run.signal ? `, signal ${run.signal}` : ""}`;
      throw new Error(`LibreOffice wrote no ${missing.join(", ")} (${why})\nstdout: ${run.stdout ?? ""}\nstderr: ${run.stderr ?? ""}`);
    }
    return { outputs, milliseconds };
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}
