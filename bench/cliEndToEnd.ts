import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { CLAIM_FIELD_HEADERS, CLAIM_FIELDS, type ClaimLine } from "../src/core/claims/claimLine";
import { centsToNumber } from "../src/core/money/cents";
import { excelSerialFromDay } from "../src/core/dates/excelSerial";
import { isoFromDay, type Day } from "../src/core/dates/day";
import { projectRoot } from "../src/cli/projectRoot";

// The project folder, from the sources or from the bundle npm run bench runs (scripts/bundled.js).
const ROOT = projectRoot() ?? path.join(__dirname, "..");

export interface CliRun {
  wallMs: number;
  maxRssMB: number;
  exitCode: number;
  fileMB: number;
  /** The JSON summary it wrote ("" when it wrote none). */
  summary: string;
}

/** Writes the lines as a "Claims Register" workbook (ExcelJS streaming writer; not timed). */
export async function writeClaimsWorkbook(lines: readonly ClaimLine[], file: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet("Claims Register");
  ws.addRow(CLAIM_FIELDS.map((f) => CLAIM_FIELD_HEADERS[f])).commit();
  for (const l of lines) {
    ws.addRow([
      l.claimId, excelSerialFromDay(l.dateOfService), l.payer, centsToNumber(l.charge), centsToNumber(l.insurancePaid),
      centsToNumber(l.patientPaid), centsToNumber(l.contractualAdjustment), centsToNumber(l.otherAdjustment),
      l.allowed === null ? null : centsToNumber(l.allowed), l.cpt, l.modifiers.join(" ") || null, l.units, l.placeOfService,
      l.provider, l.payerClass, l.status, l.denialReason,
      l.submittedDate === null ? null : excelSerialFromDay(l.submittedDate),
      l.lastPaymentDate === null ? null : excelSerialFromDay(l.lastPaymentDate),
    ]).commit();
  }
  ws.commit();
  await wb.commit();
}

/**
 * `practice-ledger report book.xlsx --as-of … --out … --json …` in a child process, as a user runs
 * it: wall time from spawn to exit, and the child's peak resident memory.
 */
export function runCliReport(book: string, asOf: Day, extra: readonly string[] = []): CliRun {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pl-bench-cli-"));
  // As bin/practice-ledger.js runs it (bundled when the sources allow), with the peak memory reported at the end.
  const script = `require(${JSON.stringify(path.join(ROOT, "scripts/bundled.js"))}).requireBundled("src/cli/main.ts", ["src"])
  .main(${JSON.stringify(["report", book, "--as-of", isoFromDay(asOf), "--out", path.join(dir, "out.xlsx"), "--json", path.join(dir, "summary.json"), "--quiet", ...extra])})
  .then((code) => { process.stderr.write("\\nBENCH " + JSON.stringify({ maxRSS: peakKb() }) + "\\n"); process.exitCode = code; });
function peakKb() {
  // VmHWM: this process's own peak. getrusage's maxRSS starts from the parent's resident set at the
  // fork before exec (Linux keeps the larger), so a child of a large bench reported the bench's size.
  try { const m = /VmHWM:\\s*(\\d+) kB/.exec(require("node:fs").readFileSync("/proc/self/status", "utf8")); if (m) return Number(m[1]); } catch {}
  return process.resourceUsage().maxRSS;
}`;
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const m = /BENCH (\{.*\})/.exec(child.stderr ?? "");
  const maxRSSkB = m === null ? NaN : (JSON.parse(m[1]) as { maxRSS: number }).maxRSS;
  const summaryFile = path.join(dir, "summary.json");
  const summary = fs.existsSync(summaryFile) ? fs.readFileSync(summaryFile, "utf8") : "";
  fs.rmSync(dir, { recursive: true, force: true });
  if (child.status !== 0) process.stderr.write(child.stderr ?? "");
  return { wallMs, maxRssMB: maxRSSkB / 1024, exitCode: child.status ?? -1, fileMB: fs.statSync(book).size / 1e6, summary };
}
