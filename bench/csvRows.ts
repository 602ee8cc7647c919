/**
 * `npx tsx bench/csvRows.ts [sizes…]` (not part of `npm run bench`): a synthetic claims export as
 * CSV (syntheticClaimLines, seed 2026, as of 2026-10-31, the register's headers CLAIM_FIELD_HEADERS,
 * ISO dates, amounts with two decimals) read four ways, each in its own process so that its peak
 * resident memory is its own (VmHWM from /proc/self/status: getrusage's maxRSS starts from the
 * parent's resident set at the fork): opened (openCsvRows' first pass), its first 64 rows (head),
 * every row streamed and counted (forEachRow, no grid), and the whole read (readCsvBytes of the
 * file's bytes, as readWorkbookGrids reads a CSV). Files are written once to the system's temp
 * folder (pl-csvrows-N.csv) and kept for later runs. Default sizes: 100,000 and 1,048,575 lines.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { CLAIM_FIELD_HEADERS, CLAIM_FIELDS, type ClaimLine } from "../src/core/claims/claimLine";
import { dayFromYMD, isoFromDay, type Day } from "../src/core/dates/day";
import { formatCents } from "../src/core/money/cents";
import { syntheticClaimLines } from "../src/sample";
import { readCsvBytes } from "../src/files/csv";
import { openCsvRows } from "../src/files/csvRows";
import { measureInChild, ownPeakRssMB, runAsChild } from "./measure";

const MODES = ["open", "head", "forEachRow", "readCsvBytes"] as const;
type Mode = (typeof MODES)[number];

interface Measured {
  mode: Mode;
  ms: number;
  rows: number;
  peakMB: number;
}

const peakMB = ownPeakRssMB;

/** One reading in this process; head's and forEachRow's time leave out the opening (its first pass). */
async function measure(mode: Mode, file: string): Promise<Measured> {
  const started = performance.now();
  const sheet = path.basename(file, ".csv");
  let rows = 0;
  if (mode === "readCsvBytes") rows = readCsvBytes(await fs.promises.readFile(file), sheet).grid.length;
  else {
    const csv = await openCsvRows(file, sheet);
    const opened = performance.now();
    if (mode === "open") rows = csv.rows;
    else if (mode === "head") rows = (await csv.head(64)).grid.length;
    else {
      await csv.forEachRow(() => {
        rows++;
      });
    }
    if (mode !== "open") return { mode, ms: performance.now() - opened, rows, peakMB: peakMB() };
  }
  return { mode, ms: performance.now() - started, rows, peakMB: peakMB() };
}

const csvField = (v: string | null): string => (v === null ? "" : /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

function csvLine(l: ClaimLine): string {
  return [
    l.claimId, isoFromDay(l.dateOfService), l.payer, formatCents(l.charge), formatCents(l.insurancePaid), formatCents(l.patientPaid),
    formatCents(l.contractualAdjustment), formatCents(l.otherAdjustment), l.allowed === null ? null : formatCents(l.allowed),
    l.cpt, l.modifiers.join(" "), String(l.units), l.placeOfService, l.provider, l.payerClass, l.status, l.denialReason,
    l.submittedDate === null ? null : isoFromDay(l.submittedDate), l.lastPaymentDate === null ? null : isoFromDay(l.lastPaymentDate),
  ].map(csvField).join(",");
}

function csvOf(lines: number): string {
  const file = path.join(os.tmpdir(), `pl-csvrows-${lines}.csv`);
  if (!fs.existsSync(file)) {
    const asOf = dayFromYMD(2026, 10, 31) as Day;
    const fd = fs.openSync(`${file}.tmp`, "w");
    fs.writeSync(fd, `${CLAIM_FIELDS.map((f) => CLAIM_FIELD_HEADERS[f]).join(",")}\r\n`);
    let block: string[] = [];
    for (const l of syntheticClaimLines(lines, { seed: 2026, asOf })) {
      block.push(csvLine(l));
      if (block.length === 10000) {
        fs.writeSync(fd, `${block.join("\r\n")}\r\n`);
        block = [];
      }
    }
    if (block.length > 0) fs.writeSync(fd, `${block.join("\r\n")}\r\n`);
    fs.closeSync(fd);
    fs.renameSync(`${file}.tmp`, file);
  }
  return file;
}

async function main(): Promise<void> {
  if (await runAsChild((mode, file) => measure(mode as Mode, file))) return;
  const args = process.argv.slice(2);
  const sizes = args.length > 0 ? args.map(Number) : [100_000, 1_048_575];
  for (const lines of sizes) {
    const file = csvOf(lines);
    console.log(`${lines.toLocaleString("en-US")} lines: ${(fs.statSync(file).size / 1048576).toFixed(0)} MB CSV`);
    for (const mode of MODES) {
      const m = measureInChild<Measured>(mode, file);
      console.log(`  ${mode.padEnd(14)} ${m.ms.toFixed(1).padStart(8)} ms  ${String(m.rows).padStart(8)} rows  peak ${m.peakMB.toFixed(0)} MB (VmHWM)`);
    }
  }
}

void main();
