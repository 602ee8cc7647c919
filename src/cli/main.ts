import * as fs from "node:fs";
import { projectRoot } from "./projectRoot";
import * as path from "node:path";
import { parseDate } from "../core/cells/parseDate";
import { describeIssue } from "../core/cells/issue";
import type { Day } from "../core/dates/day";
import { workbookReport, UnusableInputError, type WorkbookReport, type WorkbookReportOptions, type WorkbookSheet } from "../core/report/workbookReport";
import { streamedReport, streamModeOf, type StreamedRead, type StreamMode } from "./streamedRead";
import { readWorkbookGrids, type SheetGrid } from "../files/readWorkbook";
import { writeReportWorkbook } from "../files/writeReportWorkbook";
import { readerNotes } from "../files/readerNotes";
import { summaryForFile } from "../core/report/summaryPrivacy";
import { checkOutputs, OutputRefusedError, writeOutputs, type RunInput, type RunOutput } from "../files/safeWrite";
import { COMMANDS, commandHelp, parseArgs, stringOption, UsageError, type ParsedArgs } from "./args";
import { summaryLines } from "./printSummary";
import { practiceNameIn } from "../core/practice/practiceName";
import { runDemo } from "./demo";
import { POST_ERA_HELP, POST_ERA_USAGE, runPostEra } from "./postEra";
import { HANDOUT_USAGE, handoutOutputs } from "./handout";
import { sourceCliLines } from "./sourceLines";

const USAGE = `Practice Ledger: the physician report from a practice's workbook, without Excel.

Usage:
  practice-ledger report <book.xlsx|claims.csv> --as-of YYYY-MM-DD
                  [--fee-schedule <file.xlsx|file.csv>] [--out report.xlsx] [--json summary.json]
                  [--claims-sheet NAME] [--fee-schedule-sheet NAME] [--practice NAME] [--quiet] [--force] [--detail]
                  [--stream auto|always|never]
${HANDOUT_USAGE}
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

Outputs are never an input file (checked by identity: links and case count), an existing output is
replaced only with --force, and outputs appear only when all of them were written (exit 2 if refused).
--json holds aggregates only: --detail adds claim ids and rows of fee-schedule differences and the
cell text of left-out reasons (line-level data: keep such a file as you keep the workbook).
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
    if (e instanceof UsageError || e instanceof OutputRefusedError) {
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

/** The version in package.json, read at run time (projectRoot: from the sources or the bundle). */
function packageVersion(): string {
  const root = projectRoot();
  if (root === null) return "unknown";
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { version?: unknown };
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
  const force = args.options.has("force");
  const feeFile = stringOption(args, "fee-schedule");
  const inputs: RunInput[] = [{ path: input, what: "the workbook" }];
  if (feeFile !== undefined) inputs.push({ path: feeFile, what: "the --fee-schedule file" });
  const outFile = stringOption(args, "out");
  const jsonFile = stringOption(args, "json");
  // Refuse bad output names before the (possibly long) read; checked again when writing.
  const named = (
    [
      [outFile, "--out"],
      [jsonFile, "--json"],
      [stringOption(args, "handout"), "--handout"],
      [stringOption(args, "pdf"), "--pdf"],
    ] as const
  ).flatMap(([file, what]) => (file !== undefined ? [{ path: file, what }] : []));
  checkOutputs(inputs, named, { force });
  const progress = (rows: number): void => {
    if (!quiet) process.stderr.write(`  read ${rows.toLocaleString("en-US")} rows\n`);
  };
  const streamMode = streamModeOf(stringOption(args, "stream"));
  if (streamMode === null) throw new UsageError(`--stream: "${stringOption(args, "stream") ?? ""}" is not auto, always or never`);
  const started = Date.now();
  const feeScheduleSheets = feeFile === undefined ? undefined : await readWorkbookGrids(feeFile);
  const reportOptions: WorkbookReportOptions = {
    asOf,
    practiceName: stringOption(args, "practice"),
    claimsSheet: stringOption(args, "claims-sheet"),
    feeScheduleSheet: stringOption(args, "fee-schedule-sheet"),
    feeScheduleSheets,
  };
  const { report, sheets } = await readReport(input, streamMode, reportOptions, { quiet, progress });
  // The report is built: the grids (a million rows of cells at Excel's limit) are not needed for writing.
  releaseGrids([...sheets, ...(feeScheduleSheets ?? [])]);
  const out = outFile ?? defaultOutput(input, report.sheet.name);
  let sheetName = "";
  const outputs: RunOutput[] = [{ path: out, what: "--out", write: async (t) => void (sheetName = await writeReportWorkbook(input, t, report.sheet)) }];
  // Aggregates only unless --detail (claim ids, rows, cell text): see summaryPrivacy.ts.
  const notes = readerNotes([...sheets, ...(feeScheduleSheets ?? [])], Infinity).map((n) => n.replace(/^note: /, ""));
  const summary = summaryForFile(report.summary, report.feeSchedule, args.options.has("detail"), notes);
  if (jsonFile !== undefined) outputs.push({ path: jsonFile, what: "--json", write: (t) => fs.promises.writeFile(t, `${JSON.stringify(summary, null, 2)}\n`) });
  const handout = handoutOutputs(report.figures, { handout: stringOption(args, "handout"), pdf: stringOption(args, "pdf") });
  outputs.push(...handout.outputs);
  await writeOutputs(inputs, outputs, { force });

  const s = report.summary;
  const lines = [
    ...summaryLines(s),
    ...sourceCliLines(s.source),
    `  wrote sheet "${sheetName}" to ${out}${jsonFile !== undefined ? ` and the summary to ${jsonFile}` : ""} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    ...handout.lines,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
  if (!quiet) {
    for (const line of readerNotes([...sheets, ...(feeScheduleSheets ?? [])])) process.stderr.write(`  ${line}\n`);
    const shown = s.claims.leftOut.slice(0, 10);
    for (const l of shown) process.stderr.write(`  left out: ${l.sheet} row ${l.row}${l.column !== undefined ? ` column ${l.column}` : ""}: ${l.reason}\n`);
    if (s.claims.leftOut.length > shown.length) process.stderr.write(`  ... and ${s.claims.leftOut.length - shown.length} more rows left out (all listed in --json)\n`);
    for (const issue of report.feeSchedule?.issues.filter((i) => i.severity === "error").slice(0, 5) ?? []) {
      process.stderr.write(`  fee schedule: ${describeIssue(issue)}\n`);
    }
  }
  return 0;
}

/**
 * The report of the workbook or CSV: a large claims sheet read row by row (memory flat as the file
 * grows: streamedRead.ts), the rest, or a sheet the stream cannot take, read whole. An unusable
 * input is an Error naming the file (and the sheets, when a named one is not there).
 */
async function readReport(
  input: string,
  streamMode: StreamMode,
  reportOptions: WorkbookReportOptions,
  how: { quiet: boolean; progress: (rows: number) => void },
): Promise<{ report: WorkbookReport; sheets: SheetGrid[] }> {
  const unusable = (e: unknown, sheetNames: readonly { name: string }[]): never => {
    if (e instanceof UnusableInputError) throw new Error(`${path.basename(input)}: ${e.message}${sheetListFor(e, sheetNames, reportOptions.claimsSheet)}`);
    throw e;
  };
  // --practice, else the Settings sheet's Practice name, else the export's title ("Practice: …").
  const practiceName = (sheets: readonly WorkbookSheet[]): string | undefined => reportOptions.practiceName ?? practiceNameIn(sheets) ?? undefined;
  let streamed: StreamedRead;
  try {
    streamed = await streamedReport(input, streamMode, reportOptions, practiceName, how.progress);
  } catch (e) {
    return unusable(e, []);
  }
  if (streamed.report !== null) return { report: streamed.report, sheets: streamed.sheets };
  if (streamed.reason !== null && !how.quiet) process.stderr.write(`  the claims sheet was read whole: ${streamed.reason}\n`);
  const sheets = await readWorkbookGrids(input, how.progress);
  try {
    return { report: workbookReport(sheets, { ...reportOptions, practiceName: practiceName(sheets) }), sheets };
  } catch (e) {
    return unusable(e, sheets);
  }
}

/** Lets the cells of sheets already read be collected (their names and reading notes stay). */
function releaseGrids(sheets: readonly { grid: unknown[] }[]): void {
  for (const sheet of sheets) sheet.grid.length = 0;
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
