import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { physicianReport } from "../core/report/physicianReport";
import type { ReportFigures } from "../core/report/reportFigures";
import { writeOutputSafely } from "../files/handoutOutput";
import { findLibreOffice, LIBREOFFICE_HINT, printXlsxToPdf } from "../files/printPdf";
import { handoutWorkbookBytes } from "../files/writeHandoutWorkbook";

/** The report command's handout options (the lead wires them into args/USAGE). */
export const HANDOUT_OPTIONS = [
  { name: "handout", takesValue: true, help: "--handout FILE.xlsx  a workbook holding only the physician report (no register, payroll detail or patient data), opened on it" },
  { name: "pdf", takesValue: true, help: "--pdf FILE.pdf       the handout printed to PDF through LibreOffice (2 landscape pages)" },
] as const;

export const HANDOUT_USAGE = `                  [--handout physicians.xlsx] [--pdf report.pdf]`;

/**
 * Writes the physicians' handout (--handout) and its PDF (--pdf) when asked. Outputs go through
 * writeOutputSafely (temp file + rename, never an input). Returns the lines to print; throws with
 * how to get LibreOffice when --pdf is asked and it is not installed (nothing half-written).
 */
export async function writeHandout(
  figures: ReportFigures,
  options: { handout?: string; pdf?: string; inputs: readonly string[] },
): Promise<string[]> {
  if (options.handout === undefined && options.pdf === undefined) return [];
  const soffice = options.pdf !== undefined ? findLibreOffice() : null;
  if (options.pdf !== undefined && soffice === null) throw new Error(`--pdf needs LibreOffice, which was not found: ${LIBREOFFICE_HINT}`);
  const sheet = physicianReport(figures, { audience: "physicians" });
  const bytes = await handoutWorkbookBytes(sheet);
  const said: string[] = [];
  if (options.handout !== undefined) {
    await writeOutputSafely(options.handout, bytes, options.inputs);
    said.push(`  wrote the physicians' handout to ${options.handout}`);
  }
  if (options.pdf !== undefined && soffice !== null) {
    const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), "practice-ledger-handout-"));
    try {
      const xlsx = path.join(dir, `${sheet.name}.xlsx`);
      await fs.promises.writeFile(xlsx, bytes);
      await writeOutputSafely(options.pdf, printXlsxToPdf(soffice, xlsx), options.inputs);
    } finally {
      await fs.promises.rm(dir, { recursive: true, force: true });
    }
    said.push(`  printed the handout to ${options.pdf}`);
  }
  return said;
}
