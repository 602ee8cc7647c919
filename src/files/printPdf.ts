import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** How to get LibreOffice when it is missing (the message `--pdf` prints). */
export const LIBREOFFICE_HINT =
  "install LibreOffice Calc (Debian/Ubuntu: sudo apt-get install libreoffice-calc; macOS: brew install --cask libreoffice; Windows: https://www.libreoffice.org/download/) or set SOFFICE to its soffice program; or open the handout .xlsx in Excel and use File > Print > Save as PDF";

const CANDIDATES = ["soffice", "libreoffice", "/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice", "/Applications/LibreOffice.app/Contents/MacOS/soffice"];

/** The soffice program to run ($SOFFICE first), or null when none answers `--version`. */
export function findLibreOffice(): string | null {
  const fromEnv = process.env.SOFFICE;
  for (const command of fromEnv !== undefined && fromEnv !== "" ? [fromEnv] : CANDIDATES) {
    const run = spawnSync(command, ["--version"], { encoding: "utf8", timeout: 30_000 });
    if (run.error === undefined && run.status === 0 && /LibreOffice/i.test(run.stdout)) return command;
  }
  return null;
}

/**
 * Prints an .xlsx to PDF with LibreOffice headless, in a fresh user profile of its own (so it
 * never collides with a LibreOffice the user has open) and a temporary folder; returns the PDF's
 * bytes. soffice exits 0 even when it wrote nothing, so the output itself is checked.
 */
export function printXlsxToPdf(soffice: string, xlsx: string, timeoutMs = 180_000): Uint8Array {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "practice-ledger-pdf-"));
  try {
    const profile = path.join(work, "profile");
    fs.mkdirSync(profile);
    const run = spawnSync(
      soffice,
      ["--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck", `-env:UserInstallation=file://${profile}`, "--convert-to", "pdf", "--outdir", work, xlsx],
      { encoding: "utf8", timeout: timeoutMs, env: { ...process.env, HOME: profile } },
    );
    const pdf = path.join(work, `${path.basename(xlsx, path.extname(xlsx))}.pdf`);
    if (!fs.existsSync(pdf) || fs.statSync(pdf).size === 0) {
      throw new Error(`LibreOffice did not print ${path.basename(xlsx)} to PDF (${run.error !== undefined ? String(run.error) : `exit ${String(run.status)}`}): ${(run.stderr ?? "").trim().split("\n")[0] ?? ""}`);
    }
    return new Uint8Array(fs.readFileSync(pdf));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
