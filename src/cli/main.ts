import * as fs from "node:fs";
import * as path from "node:path";
import { parseDate } from "../core/cells/parseDate";
import { describeIssue } from "../core/cells/issue";
import type { Day } from "../core/dates/day";
import { workbookReport, UnusableInputError } from "../core/report/workbookReport";
import { readWorkbookGrids } from "../files/readWorkbook";
import { writeReportWorkbook } from "../files/writeReportWorkbook";
import { COMMANDS, commandHelp, parseArgs, stringOption, UsageError, type ParsedArgs } from "./args";
import { summaryLines } from "./printSummary";
import { practiceNameIn } from "../core/practice/practiceName";
import { runDemo } from "./demo";
import { POST_ERA_HELP, POST_ERA_USAGE, runPostEra } from "./postEra";

const USAGE = `Practice Ledger: the physician report from a practice's workbook, without Excel.

Usage:
  practice-ledger report <book.xlsx|claims.csv> --as-of YYYY-MM-DD
                  [--fee-schedule <file.xlsx|file.csv>] [--out report.xlsx] [--json summary.json]
                  [--claims-sheet NAME] [--fee-schedule-sheet NAME] [--practice NAME] [--quiet]
  practice-ledger demo [--out DIR]
${POST_ERA_USAGE}
  practice-ledger help [command]      (also --help, -h, and <command> --help)
  practice-ledger --version

report  reads the claims register (found by its header row, or --claims-sheet), the fee schedule
        (a sheet of the workbook or --fee-schedule) and earlier report tabs, and writes a copy of
        the workbook with a new "Physician Report YYYY-MM" sheet (the input is never modified).
demo    writes a sample practice workbook (three physicians, seven payers, twelve months) and
        its report into DIR (default: ./practice-ledger-demo).
${POST_ERA_HELP}

Exit codes: 0 the report stands on usable data, 1 unusable input, 2 a usage error.
`;

/** Runs the command line; resolves to the exit code (0 ok, 1 unusable input, 2 usage). */
export async function main(argv: string[]): Promise<number> {
  let args: ParsedArgs;
  try {
    args = parseArgs(argv);
    const help = helpFor(args);
    if (help !== null) {
      process.stdout.write(help);
      return 0;
    }
    if (args.version) {
      process.stdout.write(`practice-ledger ${packageVersion()}\n`);
      return 0;
    }
    switch (args.command) {
      case "report":
        return await runReport(args);
      case "post-era":
        return await runPostEra(args);
      case "demo":
        return await runDemo(stringOption(args, "out") ?? "practice-ledger-demo", (m) => process.stderr.write(`${m}\n`));
      default:
        // No command: the usage, as an error (nothing was asked).
        process.stderr.write(USAGE);
        return 2;
    }
  } catch (e) {
    if (e instanceof UsageError) {
      // One line: the reason (`practice-ledger --help` shows the usage).
      process.stderr.write(`practice-ledger: ${e.message}\n`);
      return 2;
    }
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`practice-ledger: ${message}\n`);
    return 1;
  }
}

/** The help to print for `--help`, `-h`, `help`, `help report`, `report --help`; null when none was asked. */
function helpFor(args: ParsedArgs): string | null {
  const topic = args.command === "help" ? args.positionals[0] : args.help ? args.command ?? undefined : null;
  if (topic === null) return null;
  if (topic === undefined || topic === "help") return USAGE;
  const spec = COMMANDS.find((c) => c.name === topic);
  if (spec === undefined) throw new UsageError(`no help for "${topic}": there is no such command (commands: ${COMMANDS.map((c) => c.name).join(", ")})`);
  return commandHelp(spec);
}

/** The version in package.json (read at run time: the command line runs from the sources). */
function packageVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")) as { version?: unknown };
    return typeof pkg.version === "string" ? pkg.version : "unknown";
  } catch {
    return "unknown";
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
      // --practice, else the Settings sheet's Practice name, else the export's title ("Practice: …").
      practiceName: stringOption(args, "practice") ?? practiceNameIn(sheets) ?? undefined,
      claimsSheet: stringOption(args, "claims-sheet"),
      feeScheduleSheet: stringOption(args, "fee-schedule-sheet"),
      feeScheduleSheets,
    });
  } catch (e) {
    if (e instanceof UnusableInputError) throw new Error(`${path.basename(input)}: ${e.message}${sheetListFor(e, sheets, stringOption(args, "claims-sheet"))}`);
    throw e;
  }
  const out = stringOption(args, "out") ?? defaultOutput(input, report.sheet.name);
  const sheetName = await writeReportWorkbook(input, out, report.sheet);
  const jsonFile = stringOption(args, "json");
  if (jsonFile !== undefined) await fs.promises.writeFile(jsonFile, `${JSON.stringify(report.summary, null, 2)}\n`);

  const s = report.summary;
  const lines = [
    ...summaryLines(s),
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

/** "; the sheets are: "A", "B"" when a named sheet was not found, so the user can name one that is there. */
function sheetListFor(e: Error, sheets: readonly { name: string }[], named: string | undefined): string {
  if (named === undefined || !e.message.startsWith("no sheet named")) return "";
  return `; the sheets are: ${sheets.map((s) => `"${s.name}"`).join(", ")}`;
}

function defaultOutput(input: string, sheetName: string): string {
  const base = path.basename(input, path.extname(input));
  return `${base} - ${sheetName}.xlsx`;
}
