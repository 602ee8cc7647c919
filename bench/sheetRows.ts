/**
 * `npx tsx bench/sheetRows.ts [sizes…]` (not part of `npm run bench`): the claims sheet of a synthetic
 * claims workbook (bench/cliEndToEnd.ts's writeClaimsWorkbook, seed 2026, as of 2026-10-31) read
 * four ways, each in its own process so that its peak resident memory is its own: the workbook
 * opened (xlsxSheets.ts: package, workbook parts, shared strings), its first 60 rows (head), every
 * row streamed and counted (forEachRow, no grid), and the whole grid (readXlsxGrids). Books are
 * written once to the system's temp folder (pl-sheetrows-N.xlsx) and kept for later runs.
 * Default sizes: 100,000 and 1,048,575 lines (Excel's row limit less the header).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { dayFromYMD, type Day } from "../src/core/dates/day";
import { syntheticClaimLines } from "../src/sample";
import { readXlsxGrids } from "../src/files/xlsxReader";
import { openXlsxSheets } from "../src/files/xlsxSheets";
import { writeClaimsWorkbook } from "./cliEndToEnd";
import { measureInChild, ownPeakRssMB, runAsChild } from "./measure";

const MODES = ["open", "head", "forEachRow", "readXlsxGrids"] as const;
type Mode = (typeof MODES)[number];

interface Measured {
  mode: Mode;
  ms: number;
  rows: number;
  maxRssMB: number;
}

/** One reading in this process; its time leaves out the opening except for "open" and readXlsxGrids. */
async function measure(mode: Mode, file: string): Promise<Measured> {
  const started = performance.now();
  let rows = 0;
  if (mode === "readXlsxGrids") rows = (await readXlsxGrids(file))[0].grid.length;
  else {
    const book = await openXlsxSheets(file);
    const name = book.names[0];
    const opened = performance.now();
    if (mode === "head") rows = (await book.head(name, 60)).grid.length;
    else if (mode === "forEachRow") {
      await book.forEachRow(name, () => {
        rows++;
      });
    }
    if (mode !== "open") return { mode, ms: performance.now() - opened, rows, maxRssMB: ownPeakRssMB() };
  }
  return { mode, ms: performance.now() - started, rows, maxRssMB: ownPeakRssMB() };
}

async function bookOf(lines: number): Promise<string> {
  const file = path.join(os.tmpdir(), `pl-sheetrows-${lines}.xlsx`);
  if (!fs.existsSync(file)) {
    const asOf = dayFromYMD(2026, 10, 31) as Day;
    await writeClaimsWorkbook(syntheticClaimLines(lines, { seed: 2026, asOf }), `${file}.tmp`);
    fs.renameSync(`${file}.tmp`, file);
  }
  return file;
}

async function main(): Promise<void> {
  if (await runAsChild((mode, file) => measure(mode as Mode, file))) return;
  const args = process.argv.slice(2);
  const sizes = args.length > 0 ? args.map(Number) : [100_000, 1_048_575];
  for (const lines of sizes) {
    const file = await bookOf(lines);
    const xml = (await openXlsxSheets(file)).xmlBytes("Claims Register");
    console.log(`${lines.toLocaleString("en-US")} lines: ${(fs.statSync(file).size / 1048576).toFixed(0)} MB file, sheet XML ${(xml / 1048576).toFixed(0)} MB`);
    for (const mode of MODES) {
      const m = measureInChild<Measured>(mode, file);
      console.log(`  ${mode.padEnd(14)} ${m.ms.toFixed(1).padStart(8)} ms  ${String(m.rows).padStart(8)} rows  peak RSS ${m.maxRssMB.toFixed(0)} MB`);
    }
  }
}

void main();
