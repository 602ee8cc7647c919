import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { physicianReport } from "../core/report/physicianReport";
import type { ReportFigures } from "../core/report/reportFigures";
import { findLibreOffice, LIBREOFFICE_HINT, printXlsxToPdf } from "../files/printPdf";
import type { RunOutput } from "../files/safeWrite";
import { handoutWorkbookBytes } from "../files/writeHandoutWorkbook";
import type { OptionSpec } from "./args";

/** The report command's handout options (spread into its option table in args.ts). */
export const HANDOUT_OPTIONS: readonly OptionSpec[] = [
  { name: "handout", value: true, placeholder: "FILE.xlsx", help: "also write a workbook holding only the physician report (no register, payroll detail or patient data), opened on it" },
  { name: "pdf", value: true, placeholder: "FILE.pdf", help: "also print the handout to PDF through LibreOffice (2 landscape pages)" },
];

export const HANDOUT_USAGE = `                  [--handout physicians.xlsx] [--pdf report.pdf]`;

/**
 * The physicians' handout (--handout) and its PDF (--pdf) as outputs for safeWrite.writeOutputs
 * (temporary file beside the target, renamed into place only when every output was written, never
 * an input), with the lines to print. Throws, before anything is written, with how to get
 * LibreOffice when --pdf is asked and it is not installed.
 */
export function handoutOutputs(figures: ReportFigures, options: { handout?: string; pdf?: string }): { outputs: RunOutput[]; lines: string[] } {
  if (options.handout === undefined && options.pdf === undefined) return { outputs: [], lines: [] };
  const soffice = options.pdf !== undefined ? findLibreOffice() : null;
  if (options.pdf !== undefined && soffice === null) throw new Error(`--pdf needs LibreOffice, which was not found: ${LIBREOFFICE_HINT}`);
  const sheet = physicianReport(figures, { audience: "physicians" });
  let bytes: Promise<Uint8Array> | null = null;
  const handoutBytes = (): Promise<Uint8Array> => (bytes ??= handoutWorkbookBytes(sheet));
  const outputs: RunOutput[] = [];
  const lines: string[] = [];
  if (options.handout !== undefined) {
    outputs.push({ path: options.handout, what: "--handout", write: async (t) => fs.promises.writeFile(t, await handoutBytes()) });
    lines.push(`  wrote the physicians' handout to ${options.handout}`);
  }
  if (options.pdf !== undefined && soffice !== null) {
    outputs.push({
      path: options.pdf,
      what: "--pdf",
      write: async (t) => {
        const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), "practice-ledger-handout-"));
        try {
          const xlsx = path.join(dir, `${sheet.name}.xlsx`);
          await fs.promises.writeFile(xlsx, await handoutBytes());
          await fs.promises.writeFile(t, printXlsxToPdf(soffice, xlsx));
        } finally {
          await fs.promises.rm(dir, { recursive: true, force: true });
        }
      },
    });
    lines.push(`  printed the handout to ${options.pdf}`);
  }
  return { outputs, lines };
}
