import * as fs from "node:fs";
import * as path from "node:path";
import { parseDate } from "../core/cells/parseDate";
import { describeIssue } from "../core/cells/issue";
import type { Day } from "../core/dates/day";
import { workbookReport, UnusableInputError } from "../core/report/workbookReport";
import { readWorkbookGrids } from "../files/readWorkbook";
import { writeReportWorkbook } from "../files/writeReportWorkbook";
import { parseArgs, stringOption, UsageError, type ParsedArgs } from "./args";
import { runDemo } from "./demo";
import { sourceCliLines } from "./sourceLines";

const USAGE = `Practice Ledger: the physician report from a practice's workbook, without Excel.

Usage:
  practice-ledger report <book.xlsx|claims.csv> --as-of YYYY-MM-DD
                  [--fee-schedule <file.xlsx|file.csv>] [--out report.xlsx] [--json summary.json]
                  [--claims-sheet NAME] [--fee-schedule-sheet NAME] [--practice NAME] [--quiet]
  practice-ledger demo [--out DIR]
  practice-ledger help

report  reads the claims register (found by its header row, or --claims-sheet), the fee schedule
        (a sheet of the workbook or --fee-schedule) and earlier report tabs, and writes a copy of
        the workbook with a new "Physician Report YYYY-MM" sheet (the input is never modified).
demo    writes a sample practice workbook (three physicians, seven payers, twelve months) and
        its report into DIR (default: ./practice-ledger-demo).
`;

/** Runs the command line; resolves to the exit code (0 ok, 1 unusable input, 2 usage). */
export async function main(argv: string[]): Promise<number> {
  let args: ParsedArgs;
  try {
    args = parseArgs(argv);
    switch (args.command) {
      case "report":
        return await runReport(args);
      case "demo":
        return await runDemo(stringOption(args, "out") ?? "practice-ledger-demo", (m) => process.stderr.write(`${m}\n`));
      case null:
      case "help":
      case "--help":
        process.stdout.write(USAGE);
        return args.command === null ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${args.command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      // One line: the reason (`practice-ledger help` shows the usage).
      process.stderr.write(`practice-ledger: ${e.message}\n`);
      return 2;
    }
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`practice-ledger: ${message}\n`);
    return 1;
  }
}

function asOfOption(args: ParsedArgs): Day {
  const text = stringOption(args, "as-of");
  if (text === undefined) throw new UsageError("--as-of YYYY-MM-DD is required");
  const parsed = parseDate(text);
  if (parsed.kind !== "value") throw new UsageError(`--as-of: "${text}" is not a date (use YYYY-MM-DD)`);
  return parsed.value;
}

async function runReport(args: ParsedArgs): Promise<number> {
  const input = args.positionals[0];
  if (input === undefined) throw new UsageError("name the workbook or CSV to read");
  const asOf = asOfOption(args);
  if (!fs.existsSync(input)) throw new Error(`${input}: no such file`);
  const quiet = args.options.has("quiet");
  const progress = (rows: number): void => {
    if (!quiet) process.stderr.write(`  read ${rows.toLocaleString("en-US")} rows\n`);
  };
  const started = Date.now();
  const sheets = await readWorkbookGrids(input, progress);
  const feeFile = stringOption(args, "fee-schedule");
  const feeScheduleSheets = feeFile === undefined ? undefined : await readWorkbookGrids(feeFile);

  let report;
  try {
    report = workbookReport(sheets, {
      asOf,
      practiceName: stringOption(args, "practice"),
      claimsSheet: stringOption(args, "claims-sheet"),
      feeScheduleSheet: stringOption(args, "fee-schedule-sheet"),
      feeScheduleSheets,
    });
  } catch (e) {
    if (e instanceof UnusableInputError) throw new Error(`${path.basename(input)}: ${e.message}`);
    throw e;
  }
  const out = stringOption(args, "out") ?? defaultOutput(input, report.sheet.name);
  const sheetName = await writeReportWorkbook(input, out, report.sheet);
  const jsonFile = stringOption(args, "json");
  if (jsonFile !== undefined) await fs.promises.writeFile(jsonFile, `${JSON.stringify(report.summary, null, 2)}\n`);

  const s = report.summary;
  const lines = [
    `${s.practice}: report as of ${s.asOf} (period ${s.period.from} to ${s.period.to})`,
    `  claims: ${s.claims.lines} lines used of ${s.claims.rowsRead} rows read; ${s.claims.leftOut.length} left out; ${s.claims.afterAsOf} after the as-of date`,
    `  A/R ${s.ar.total} (over 90 days: ${pct(s.ar.over90Share)}), days in A/R ${s.ar.daysInAR ?? "n/a"}`,
    `  net collection rate ${pct(s.kpis.netCollectionRate)}, denial rate ${pct(s.kpis.denialRate)}`,
    s.feeSchedule === null
      ? "  fee schedule: none found"
      : `  fee schedule: ${s.feeSchedule.checkedLines} lines checked, underpaid ${s.feeSchedule.underpaidTotal}`,
    ...sourceCliLines(s.source),
    `  wrote sheet "${sheetName}" to ${out}${jsonFile !== undefined ? ` and the summary to ${jsonFile}` : ""} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
  if (!quiet) {
    const shown = s.claims.leftOut.slice(0, 10);
    for (const l of shown) process.stderr.write(`  left out: ${l.sheet} row ${l.row}${l.column !== undefined ? ` column ${l.column}` : ""}: ${l.reason}\n`);
    if (s.claims.leftOut.length > shown.length) process.stderr.write(`  ... and ${s.claims.leftOut.length - shown.length} more rows left out (all listed in --json)\n`);
    for (const issue of report.feeSchedule?.issues.filter((i) => i.severity === "error").slice(0, 5) ?? []) {
      process.stderr.write(`  fee schedule: ${describeIssue(issue)}\n`);
    }
  }
  return 0;
}

function pct(rate: string | null): string {
  return rate === null ? "n/a" : `${(Number(rate) * 100).toFixed(1)}%`;
}

function defaultOutput(input: string, sheetName: string): string {
  const base = path.basename(input, path.extname(input));
  return `${base} - ${sheetName}.xlsx`;
}
