/**
 * The native peer: LibreOffice Calc, headless, recalculating the same figures as the core from
 * native SUMIFS / COUNTIFS formulas (the formulas of bench/peer.ts: the Data sheet, its four
 * helper columns for the claims-level denial rate, and the Report sheet) over the same register.
 *
 * Two workbooks are written (not timed): the formulas workbook, and the same cells with every
 * formula replaced by its value (the helper columns' values worked out here, the Report sheet's
 * figures left 0): "same file, no formulas". Each is opened by soffice with an always-recalculate
 * profile (office-platform.md, "Files and other engines": OOXMLRecalcMode = 0) and its first
 * sheet, the Report, saved as CSV with full precision. recalculation = formulas run − plain run,
 * so LibreOffice's start, the loading of the cells and the saving are subtracted.
 *
 * CSV filter options (LibreOffice's "Filter Options for the CSV Filter" help page, tokens 1-12):
 * comma, double quote, UTF-8, from line 1, default cell formats, default language, quoted field
 * as text false, detect special numbers true, save cell contents as shown FALSE (full precision),
 * export formulas false, remove spaces false, sheet 1.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { RawCellContent } from "hyperformula";
import type { ClaimLine } from "../src/core/claims/claimLine";
import type { Day } from "../src/core/dates/day";
import { findSoffice, makeRecalcProfile, type SofficeFound } from "../test/engine/soffice";
import { peerDataRows, peerReportSheet, type PeerReport } from "./peer";

export const CSV_REPORT_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,1';

export interface LibreOfficeRun {
  /** soffice wall time, start to exit, ms. */
  wallMs: number;
  /** Report sheet: figure name → value (null for a blank or an error). */
  values: Map<string, number | null>;
  fileMB: number;
}

export { findSoffice, type SofficeFound };

/** The helper columns' values (K claim denied so far, L submitted so far, M claim charges so far, N last line). */
export function helperValues(lines: readonly ClaimLine[]): number[][] {
  const out: number[][] = new Array<number[]>(lines.length);
  let denied = 0, submitted = 0, charges = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const same = i > 0 && lines[i - 1].claimId === l.claimId;
    denied = l.status === "Denied" ? 1 : same ? denied : 0;
    submitted = l.status !== "Draft" ? 1 : same ? submitted : 0;
    charges = (same ? charges : 0) + l.charge / 100;
    const last = i + 1 < lines.length && lines[i + 1].claimId === l.claimId ? 0 : 1;
    out[i] = [denied, submitted, charges, last];
  }
  return out;
}

const cell = (v: RawCellContent, plain: boolean): ExcelJS.CellValue => {
  if (typeof v === "string" && v.startsWith("=")) return plain ? 0 : { formula: v.slice(1), date1904: false } as ExcelJS.CellFormulaValue;
  return v === undefined ? null : (v as ExcelJS.CellValue);
};

/**
 * Writes the peer workbook: sheet 1 "Report", sheet 2 "Data". `plain`: every formula replaced by
 * its value (helper columns) or 0 (Report figures), the load-and-save baseline.
 */
export async function writeLibreOfficeWorkbook(lines: readonly ClaimLine[], report: PeerReport, file: string, plain: boolean): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const reportSheet = wb.addWorksheet("Report");
  for (const row of report.sheet) reportSheet.addRow(row.map((v) => cell(v, plain))).commit();
  reportSheet.commit();
  const data = wb.addWorksheet("Data");
  const rows = peerDataRows(lines, true);
  const helpers = plain ? helperValues(lines) : null;
  data.addRow(rows[0] as ExcelJS.CellValue[]).commit();
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i];
    const values = helpers === null ? row.map((v) => cell(v, false)) : [...row.slice(0, 10).map((v) => cell(v, true)), ...helpers[i - 1]];
    data.addRow(values).commit();
  }
  data.commit();
  await wb.commit();
  return fs.statSync(file).size / 1e6;
}

/** Opens the workbook in soffice (always recalculate) and saves its Report sheet as CSV; timed. */
export function runLibreOffice(soffice: SofficeFound, file: string, timeoutMs: number): LibreOfficeRun {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "pl-bench-lo-out-"));
  const profile = makeRecalcProfile(os.tmpdir());
  try {
    const started = process.hrtime.bigint();
    const run = spawnSync(
      soffice.command,
      ["--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck", `-env:UserInstallation=file://${profile}`, "--convert-to", CSV_REPORT_FILTER, "--outdir", outDir, file],
      { encoding: "utf8", timeout: timeoutMs, env: { ...process.env, HOME: profile } },
    );
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    // With a sheet number in the filter options LibreOffice names the file <book>-<sheet>.csv.
    const csv = path.join(outDir, `${path.basename(file, path.extname(file))}-Report.csv`);
    if (!fs.existsSync(csv)) {
      throw new Error(`LibreOffice wrote no ${csv} (${run.error ? String(run.error) : `exit ${String(run.status)}`})\n${run.stdout ?? ""}${run.stderr ?? ""}`);
    }
    return { wallMs, values: reportValues(fs.readFileSync(csv, "utf8")), fileMB: fs.statSync(file).size / 1e6 };
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/** The Report sheet's CSV (label, value) as figure name → number (null for blank or an error). */
export function reportValues(csv: string): Map<string, number | null> {
  const values = new Map<string, number | null>();
  for (const line of csv.split(/\r?\n/)) {
    const m = /^("(?:[^"]|"")*"|[^,]*),(.*)$/.exec(line);
    if (m === null) continue;
    const label = m[1].startsWith('"') ? m[1].slice(1, -1).replace(/""/g, '"') : m[1];
    const text = m[2].replace(/^"|"$/g, "").trim();
    const name = label.replace(/ \(line level\)$/, "");
    const n = text === "" ? NaN : Number(text);
    values.set(name, Number.isFinite(n) ? n : null);
  }
  return values;
}

export interface LibreOfficePeerResult {
  formulas: LibreOfficeRun;
  plain: LibreOfficeRun;
  /** formulas − plain: recalculation only, ms. */
  recalcMs: number;
}

/** Writes both workbooks for these lines, runs soffice on each, and removes the files. */
export async function libreOfficePeer(
  soffice: SofficeFound, lines: readonly ClaimLine[], asOf: Day, periodFrom: Day, payers: readonly string[], timeoutMs: number,
): Promise<LibreOfficePeerResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pl-bench-lo-"));
  try {
    const report = peerReportSheet(lines.length, asOf, periodFrom, payers);
    const withFormulas = path.join(dir, "formulas.xlsx");
    const withoutFormulas = path.join(dir, "plain.xlsx");
    await writeLibreOfficeWorkbook(lines, report, withFormulas, false);
    await writeLibreOfficeWorkbook(lines, report, withoutFormulas, true);
    const plain = runLibreOffice(soffice, withoutFormulas, timeoutMs);
    const formulas = runLibreOffice(soffice, withFormulas, timeoutMs);
    return { formulas, plain, recalcMs: formulas.wallMs - plain.wallMs };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
