/**
 * `npm run bench` (node --expose-gc scripts/bench.js: this file bundled with the sources by esbuild,
 * as bin/practice-ledger.js runs the command line and webpack the add-in; scripts/bundled.js says
 * why, and PRACTICE_LEDGER_NO_BUNDLE=1 runs it through tsx for comparison): A/R aging, days in A/R,
 * collection and denial rates and payer mix over 100,000 and 1,048,575 synthetic claim lines
 * (Excel's row limit), timed through the core, through the PRACTICE.* custom functions (cells
 * parsed as Excel passes them) and through readClaimLines, and compared, time and answers, with
 * the same figures computed in the same run by HyperFormula from native SUMIFS / COUNTIFS
 * formulas (bench/peer.ts). Goals (issue 13): every report figure over 1,048,575 lines under 250 ms;
 * at least 20 x faster than each peer at 100,000 and 1,048,575 lines; PRACTICE.ARAGING + PAYERMIX
 * over 1,048,575 rows under 600 ms; readClaimLines over 1,048,575 rows under 1.5 s; the command
 * line end to end under 2 s at 100,000 lines and under 15 s and 2 GB at 1,048,575. A readable
 * table goes to stdout; the LAST line is one JSON object with every figure measured, so runs can
 * be compared.
 *
 * Second peer: LibreOffice Calc headless recalculating the same formulas (bench/libreOfficePeer.ts),
 * its load-and-save time measured apart on the same cells without formulas and subtracted.
 * A growth table (ns per line of every stage at 10,000 / 100,000 / 1,048,575 lines) names any
 * stage that grows faster than linearly. BENCH_QUICK=1: tiny sizes, a smoke test of the plumbing
 * (test/bench/benchQuick.test.ts), no goals judged.
 *
 * Options: --sizes=10000,100000,1048575  --peer-large=auto|always|never (peer above 100,000 lines;
 * auto runs it only when its extrapolated time and memory fit the budget below)
 * --reps=N (core repetitions, default 7). --libreoffice-large=auto|always|never (LibreOffice above
 * 100,000 lines; auto runs it when the 100,000-line run extrapolates under LIBREOFFICE_BUDGET_MS)
 * --office-host-large=auto|never (the report through the simulated Office host at 1,048,575 rows).
 * --cli-large=auto|never (the command line end to end at 1,048,575 lines, one run).
 * --only=id,id (only these measurements, e.g. --only=readClaimLines,cliEndToEnd; goals of the others read "not measured"). The peer at 1,048,575 lines needs far more than V8's
 * default heap (about 16 GB extrapolated): to force it, run
 * `node --max-old-space-size=24000 --expose-gc scripts/bench.js --peer-large=always`
 * (takes about 5 minutes more, and may still run out of memory on this machine).
 * Exit code 1 when the peer and the core disagree on any figure.
 */
import * as fs from "node:fs";
import os from "node:os";
import * as path from "node:path";
import v8 from "node:v8";
import type { RawClaimRow } from "../src/core/claims/readClaimLines";
import { readClaimLines } from "../src/core/claims/readClaimLines";
import { CLAIM_FIELD_HEADERS, CLAIM_FIELDS, type ClaimField, type ClaimLine } from "../src/core/claims/claimLine";
import type { CellValue } from "../src/core/cells/cellValue";
import { readClaimsRegister } from "../src/core/import/readClaimsRegister";
import { arAging, daysInAR } from "../src/core/aging";
import { collectionRates, denialRates, linesInPeriod, reportingPeriod } from "../src/core/kpis";
import { payerMix } from "../src/core/payerMix";
import { dayFromYMD, firstOfMonth, isoFromDay, type Day } from "../src/core/dates/day";
import { excelSerialFromDay } from "../src/core/dates/excelSerial";
import { syntheticClaimColumns, syntheticClaimLines } from "../src/sample";
import * as practiceFunctions from "../src/functions/functions";
import { compareFigures, computeCoreResults, flattenCoreResults, type Agreement } from "./figures";
import { collectGarbage, memoryFigures, round, sampleMemory, timeOnce, timeOnceWithPauses, timeRepeated, type RunWithPauses, type Timing } from "./measure";
import { claimsAreContiguous, loadPeerValuesOnly, peerDataRows, peerReportSheet, runPeer } from "./peer";
import { formatMs, formatTable, type TableRow } from "./table";
import { runCliReport, writeClaimsWorkbook } from "./cliEndToEnd";
import { officeHostReport, taskpaneBundleBytes } from "./officeHost";
import { findSoffice, libreOfficePeer, type SofficeFound } from "./libreOfficePeer";
import { formatGrowth, growthRows, recordStage, type StageTimes } from "./growth";
import { benchFeeSchedule } from "./feeSchedule";
import { reportFigures } from "../src/core/report/reportFigures";
import * as columns from "../src/core/claimColumns";
import { projectRoot } from "../src/cli/projectRoot";

// ------------------------------------------------------------------ settings

/** BENCH_QUICK=1: the plumbing at tiny sizes (seconds), for a smoke test; goals are not judged. */
const QUICK = process.env.BENCH_QUICK !== undefined && process.env.BENCH_QUICK !== "" && process.env.BENCH_QUICK !== "0";
const SMALL = QUICK ? 2_000 : 100_000;
const EXCEL_ROWS = 1_048_575;
const GROWTH_SIZES = QUICK ? [500, 2_000] : [10_000, SMALL, EXCEL_ROWS];
const SEED = 2026;
const AS_OF = dayFromYMD(2026, 10, 31) as Day;
/** Goals of the issue. */
const GOAL_CORE_MS = 250;
const GOAL_RATIO = 20;
/** readClaimLines over 1,048,575 rows (issue 13). */
const GOAL_READ_MS = 1500;
/** PRACTICE.ARAGING + PRACTICE.PAYERMIX over 1,048,575 rows, cells as Excel passes them (issue 13). */
const GOAL_CUSTOM_FUNCTIONS_MS = 600;
/** The command line with its claims sheet streamed: peak memory grows by less than this per added line (issue 13, "memory flat"). */
const GOAL_STREAM_BYTES_PER_LINE = 100;
/** The peer runs above 100,000 lines only when extrapolated under this time … */
const PEER_BUDGET_MS = 180_000;
/** … and its extrapolated heap under this share of what V8 and the machine still allow. */
const PEER_MEMORY_SHARE = 0.7;

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, "").split("=");
    return [k, v ?? "true"] as [string, string];
  }),
);
const SIZES = (args.get("sizes") ?? GROWTH_SIZES.join(",")).split(",").map((s) => Number(s.replace(/_/g, "")));
const PEER_LARGE = (args.get("peer-large") ?? "auto") as "auto" | "always" | "never";
const CORE_REPS = Number(args.get("reps") ?? (QUICK ? 2 : 7));
const LIBREOFFICE_LARGE = (args.get("libreoffice-large") ?? "auto") as "auto" | "always" | "never";
const OFFICE_HOST_LARGE = (args.get("office-host-large") ?? "auto") as "auto" | "never";
/** The command line end to end at 1,048,575 lines (writing its 94 MB workbook takes about a minute). */
const CLI_LARGE = (args.get("cli-large") ?? "auto") as "auto" | "never";
/** --only=readClaimLines,cliEndToEnd: run only these measurements (ids of MEASUREMENTS); all by default. */
const ONLY = args.get("only")?.split(",") ?? null;
/** LibreOffice runs above 100,000 lines only when its two runs extrapolate under this (ms). */
const LIBREOFFICE_BUDGET_MS = 900_000;

// ------------------------------------------------------------------ context and extension point

/** What the measurements share for one size. Data is built lazily and dropped between sizes. */
export interface SizeContext {
  size: number;
  asOf: Day;
  seed: number;
  /** The synthetic claim lines of this size (built once per size). */
  lines(): ClaimLine[];
  /** Where a measurement puts its figures: json.core[size], json.peer[size], json.ratios[size]. */
  core: Record<string, unknown>;
  peer: Record<string, unknown>;
  ratios: Record<string, unknown>;
  /** Table rows to print. */
  rows: TableRow[];
  note(text: string): void;
  /** Time of one stage at this size, for the growth table. */
  stage(name: string, ms: number, estimated?: boolean): void;
}

/**
 * One measurement of the benchmark, run once per size in list order. To add one (e.g. "CLI end
 * to end on a 100,000-line .xlsx", or "report through the simulated Office host"), write a
 * function like the ones below and append it to MEASUREMENTS; `sizes` limits it to some sizes.
 */
export interface Measurement {
  id: string;
  sizes?: readonly number[];
  run(ctx: SizeContext): void | Promise<void>;
}

export const MEASUREMENTS: Measurement[] = [
  { id: "core", run: measureCore },
  { id: "customFunctions", run: measureCustomFunctions },
  { id: "readClaimLines", run: measureReadClaimLines },
  { id: "peer", run: measurePeer },
  { id: "libreOffice", run: measureLibreOffice },
  { id: "cliEndToEnd", sizes: GROWTH_SIZES, run: measureCliEndToEnd },
  { id: "officeHostReport", run: measureOfficeHostReport },
];

// ------------------------------------------------------------------ measurements

const repsFor = (size: number): { reps: number; warmup: number } =>
  size > 200_000 ? { reps: Math.max(3, Math.min(CORE_REPS, 5)), warmup: 1 } : { reps: CORE_REPS, warmup: 2 };

const FEE_SCHEDULE = benchFeeSchedule();

/**
 * The core as the report runs it (reportFigures: every figure of the physician report, fee check
 * included, from the register's columns as the import filled them): each part, then the whole,
 * and for scale the five peer figures through the line-object implementations (the reference of
 * the fast path). Building the columns afterwards from line objects is timed apart, for scale: the
 * import fills them as it reads each line, and that cost is in "readClaimsRegister from a sheet grid".
 */
function measureCore(ctx: SizeContext): void {
  const lines = ctx.lines();
  const { reps, warmup } = repsFor(ctx.size);
  const asOf = ctx.asOf;
  const period = reportingPeriod(asOf);
  const register = columns.registerColumns(lines);
  const cols = columns.periodColumns(register, asOf, period);
  const { timing: fromLines } = timeRepeated(() => columns.registerColumns(lines), reps, warmup);
  ctx.rows.push({ figure: "core register columns read afterwards from line objects (not in the total: the import fills them)", lines: ctx.size, coreMs: fromLines.medianMs });
  ctx.stage("core register columns from line objects (not in the total)", fromLines.medianMs);
  const parts: [string, () => unknown][] = [
    ["the report's period (periodColumns)", () => columns.periodColumns(register, asOf, period)],
    ["aging + aging by payer + days in A/R (one pass)", () => columns.agedFromColumns(cols)],
    ["collection + denial rates + month by month + previous period (one tally by month)", () => columns.periodsFromColumns(cols)],
    ["denial reasons", () => columns.denialReasonsFromColumns(cols)],
    ["payer mix + provider productivity (one pass)", () => columns.payersAndProvidersFromColumns(cols)],
    ["days to pay", () => columns.daysToPayFromColumns(cols)],
    ["fee check", () => columns.feeCheckFromColumns(cols, FEE_SCHEDULE)],
  ];
  const timings: Record<string, Timing> = {};
  let sumOfParts = 0;
  for (const [name, run] of parts) {
    const { timing } = timeRepeated(run, reps, warmup);
    timings[name] = timing;
    sumOfParts += timing.medianMs;
    ctx.rows.push({ figure: `core ${name}`, lines: ctx.size, coreMs: timing.medianMs });
    ctx.stage(`core ${name}`, timing.medianMs);
  }
  const input = { practiceName: "Benchmark", asOf, lines, registerColumns: register, rowsRead: lines.length, leftOut: [], feeSchedule: FEE_SCHEDULE };
  const { timing: total } = timeRepeated(() => reportFigures(input), reps, warmup);
  const { timing: reference } = timeRepeated(() => referenceFiveFigures(lines, asOf), reps, warmup);
  ctx.core.periodLines = cols.periodIndexes.length;
  ctx.core.registerColumnsFromLines = fromLines;
  ctx.core.parts = timings;
  ctx.core.sumOfPartsMs = round(sumOfParts, 3);
  ctx.core.total = total;
  ctx.core.referenceFiveFigures = reference;
  ctx.stage("core all report figures (reportFigures)", total.medianMs);
  ctx.stage("reference: five peer figures over line objects", reference.medianMs);
  const goalApplies = ctx.size >= EXCEL_ROWS;
  ctx.rows.push({
    figure: "core total: all report figures (reportFigures, fee check included)",
    lines: ctx.size,
    coreMs: total.medianMs,
    goal: goalApplies ? `< ${GOAL_CORE_MS} ms` : "",
    met: goalApplies ? (total.medianMs < GOAL_CORE_MS ? "yes" : "NO") : "",
  });
  ctx.rows.push({ figure: "reference: the five peer figures over line objects (before columns)", lines: ctx.size, coreMs: reference.medianMs });
}

/** The five figures the peers compute, through the line-object functions (the fast path's reference). */
function referenceFiveFigures(lines: readonly ClaimLine[], asOf: Day): unknown {
  const periodLines = linesInPeriod(lines, reportingPeriod(asOf));
  return [arAging(lines, asOf), daysInAR(lines, asOf), collectionRates(periodLines), denialRates(periodLines), payerMix(periodLines)];
}

/** Goals of issue 13 for the command line end to end: 100,000 lines under 2 s; 1,048,575 under 15 s and 2 GB peak. */
const GOAL_CLI = (size: number): { ms: number; mb: number } => (size >= EXCEL_ROWS ? { ms: 15_000, mb: 2048 } : { ms: 2000, mb: 1024 });

/**
 * The command line end to end on a .xlsx written by the bench (100,000 lines: median of three
 * runs; 1,048,575: one run, unless --cli-large=never): time and peak memory against the goals.
 */
async function measureCliEndToEnd(ctx: SizeContext): Promise<void> {
  const large = ctx.size > SMALL;
  if (large && CLI_LARGE === "never") {
    ctx.note(`CLI end to end at ${ctx.size.toLocaleString("en-US")} lines not run (--cli-large=never)`);
    return;
  }
  const { ms: GOAL_CLI_MS, mb: GOAL_CLI_MB } = GOAL_CLI(ctx.size);
  const book = path.join(os.tmpdir(), `pl-bench-${ctx.size}.xlsx`);
  await writeClaimsWorkbook(ctx.lines(), book);
  const runs = QUICK || large ? [runCliReport(book, ctx.asOf)] : [runCliReport(book, ctx.asOf), runCliReport(book, ctx.asOf), runCliReport(book, ctx.asOf)];
  // The two ways of reading the claims sheet, one run each: whole (a grid, every line and the
  // register's columns held) and streamed (row by row, twice; nothing per line kept).
  const whole = runCliReport(book, ctx.asOf, ["--stream", "never"]);
  const streamed = runCliReport(book, ctx.asOf, ["--stream", "always"]);
  fs.rmSync(book, { force: true });
  if ([...runs, whole, streamed].some((r) => r.exitCode !== 0)) throw new Error("practice-ledger report failed in the benchmark");
  const wall = runs.map((r) => r.wallMs).sort((a, b) => a - b)[runs.length >> 1];
  const rss = Math.max(...runs.map((r) => r.maxRssMB));
  const sameSummary = whole.summary === streamed.summary && whole.summary === runs[0].summary && whole.summary !== "";
  ctx.core.cliEndToEnd = {
    medianWallMs: round(wall, 1), maxRssMB: round(rss, 1), fileMB: round(runs[0].fileMB, 2), runs: runs.length,
    whole: { wallMs: round(whole.wallMs, 1), maxRssMB: round(whole.maxRssMB, 1) },
    streamed: { wallMs: round(streamed.wallMs, 1), maxRssMB: round(streamed.maxRssMB, 1) },
    sameSummary,
  };
  ctx.rows.push({ figure: `CLI report end to end (${runs[0].fileMB.toFixed(1)} MB .xlsx, wall)`, lines: ctx.size, coreMs: wall, goal: `< ${GOAL_CLI_MS} ms`, met: wall < GOAL_CLI_MS ? "yes" : "NO" });
  ctx.rows.push({ figure: `CLI report peak memory (MB, not ms)`, lines: ctx.size, coreMs: rss, goal: `< ${GOAL_CLI_MB} MB`, met: rss < GOAL_CLI_MB ? "yes" : "NO" });
  ctx.rows.push({ figure: `CLI claims read whole (--stream never), wall`, lines: ctx.size, coreMs: whole.wallMs, goal: "(peer of the stream)", met: "" });
  ctx.rows.push({ figure: `CLI claims read whole (--stream never), peak MB`, lines: ctx.size, coreMs: whole.maxRssMB, goal: "(peer of the stream)", met: "" });
  ctx.rows.push({ figure: `CLI claims streamed (--stream always), wall`, lines: ctx.size, coreMs: streamed.wallMs, goal: `< ${GOAL_CLI_MS} ms`, met: streamed.wallMs < GOAL_CLI_MS ? "yes" : "NO" });
  ctx.rows.push({ figure: `CLI claims streamed (--stream always), peak MB`, lines: ctx.size, coreMs: streamed.maxRssMB, goal: "flat (see goal line)", met: "" });
  ctx.rows.push({ figure: `CLI streamed, whole and auto: same JSON summary`, lines: ctx.size, goal: "byte for byte", met: sameSummary ? "yes" : "NO" });
}

const GOAL_BUNDLE_GZIP = 300 * 1024;

/**
 * The physician report through the simulated Office host (bench/officeHost.ts): time, syncs — a
 * constant plus one per chunk of the register read (each response under the 4 MB budget, itself
 * under Excel's 5 MB limit) — and the largest request and response; at 1,000 rows on the first
 * size too. The task pane bundle's first load at the 100,000-line size.
 */
async function measureOfficeHostReport(ctx: SizeContext): Promise<void> {
  if (ctx.size > SMALL && OFFICE_HOST_LARGE === "never") {
    ctx.note(`report via the simulated Office host at ${ctx.size.toLocaleString("en-US")} rows not run (--office-host-large=never)`);
    return;
  }
  const host: Record<string, unknown> = {};
  const runAt = async (rows: number): Promise<void> => {
    const run = await officeHostReport(rows, ctx.asOf);
    host[`rows${rows}`] = run;
    const fits = run.largestRequestBytes < 5 * 1024 * 1024 && run.largestResponseBytes < 5 * 1024 * 1024;
    ctx.rows.push({
      figure: `report via simulated Office host (${run.path}): ${run.syncs} syncs = ${run.constantSyncs} + ${run.chunkReads} chunk reads (largest response ${(run.largestResponseBytes / 1e6).toFixed(2)} MB${run.paneRetainedMB === null ? "" : `, heap held ${run.paneRetainedMB} MB`})`,
      lines: rows, coreMs: run.ms, goal: "< 5 MB each", met: fits ? "yes" : "NO",
    });
    ctx.stage("report via simulated Office host", run.ms);
  };
  if (ctx.size === SIZES[0]) await runAt(QUICK ? 200 : 1000);
  await runAt(ctx.size);
  ctx.core.officeHostReport = host;
  if (ctx.size !== SMALL) return;
  const bundle = taskpaneBundleBytes(projectRoot() ?? path.join(__dirname, ".."));
  if (bundle === null) {
    ctx.note("dist/ has no build: run npm run build for the task pane bundle size");
    return;
  }
  ctx.core.taskpaneBundle = bundle;
  ctx.note(`loaded on demand, gzipped KB: ${bundle.onDemandChunks.map((c) => `${c.file} ${(c.gzip / 1024).toFixed(1)}`).join(", ")}`);
  ctx.rows.push({
    figure: `task pane first load, gzipped (KB, not ms): taskpane ${(bundle.taskpaneGzip / 1024).toFixed(0)} + functions ${(bundle.functionsGzip / 1024).toFixed(0)} (+ commands), every script of taskpane.html`,
    lines: 0,
    coreMs: bundle.firstLoadGzip / 1024,
    goal: "< 300 KB",
    met: bundle.firstLoadGzip < GOAL_BUNDLE_GZIP ? "yes" : "NO",
  });
}

/** The names under which functions.ts exports PRACTICE.ARAGING and PRACTICE.PAYERMIX (by export name). */
const FUNCTION_EXPORTS: Record<string, string> = { ARAGING: "arAging", PAYERMIX: "payerMix" };

type RangeFunction = (...args: unknown[]) => unknown;

/**
 * PRACTICE.ARAGING and PRACTICE.PAYERMIX called as Excel calls them: every range a 2D array of
 * cell values (syntheticClaimColumns), so each call parses every cell.
 */
function measureCustomFunctions(ctx: SizeContext): void {
  const exported = practiceFunctions as unknown as Record<string, unknown>;
  const fns: Record<string, RangeFunction | undefined> = {};
  for (const [name, exportName] of Object.entries(FUNCTION_EXPORTS)) {
    const f = exported[exportName];
    fns[name] = typeof f === "function" ? (f as RangeFunction) : undefined;
    if (fns[name] === undefined) ctx.note(`PRACTICE.${name} is not exported from src/functions/functions.ts yet: skipped`);
  }
  if (fns.ARAGING === undefined && fns.PAYERMIX === undefined) return;
  const lines = ctx.lines();
  const fields = ["dateOfService", "payer", "charge", "insurancePaid", "patientPaid"] as const satisfies readonly ClaimField[];
  const cols = syntheticClaimColumns(ctx.size, { seed: ctx.seed, asOf: ctx.asOf, fields });
  // The register's Balance column (in a workbook, a formula column); its values as Excel holds them.
  const balances = lines.map((l) => [(l.charge - l.insurancePaid - l.patientPaid - l.contractualAdjustment - l.otherAdjustment) / 100]);
  // Payments as Excel passes a two-column range (insurance paid, patient paid).
  const payments = cols.insurancePaid.map((row, r) => [row[0], cols.patientPaid[r][0]]);
  const asOfSerial = excelSerialFromDay(ctx.asOf);
  const { reps, warmup } = repsFor(ctx.size);
  const out: Record<string, unknown> = {};
  let sum = 0;
  const checks: Agreement[] = [];
  const core = computeCoreResults(lines, ctx.asOf);
  if (fns.ARAGING !== undefined) {
    const run = fns.ARAGING;
    const { timing, result } = timeRepeated(() => run(balances, cols.dateOfService, asOfSerial), reps, warmup);
    out.ARAGING = timing;
    sum += timing.medianMs;
    ctx.rows.push({ figure: "PRACTICE.ARAGING (cells parsed)", lines: ctx.size, coreMs: timing.medianMs });
    ctx.stage("PRACTICE.ARAGING (cells parsed)", timing.medianMs);
    const total = Array.isArray(result) ? (result as unknown[][]).find((r) => r[0] === "Total") : undefined;
    checks.push(agreeMoney("ARAGING Total amount", total?.[1], core.aging.total));
  }
  if (fns.PAYERMIX !== undefined) {
    const run = fns.PAYERMIX;
    const { timing, result } = timeRepeated(() => run(cols.payer, cols.charge, payments), reps, warmup);
    out.PAYERMIX = timing;
    sum += timing.medianMs;
    ctx.rows.push({ figure: "PRACTICE.PAYERMIX (cells parsed)", lines: ctx.size, coreMs: timing.medianMs });
    ctx.stage("PRACTICE.PAYERMIX (cells parsed)", timing.medianMs);
    // The function gets the whole range; the core's payer mix the period lines. They match here
    // only because every synthetic DOS falls in the period (checked: periodLines = lines).
    const total = Array.isArray(result) ? (result as unknown[][]).find((r) => r[0] === "Total") : undefined;
    const allInPeriod = core.periodLines === lines.length;
    if (allInPeriod) {
      checks.push(agreeMoney("PAYERMIX Total charges", total?.[1], core.collection.charges));
      checks.push(agreeMoney("PAYERMIX Total payments", total?.[3], core.collection.payments));
    }
  }
  out.sumMs = round(sum, 3);
  out.checks = checks;
  ctx.core.customFunctions = out;
  const goalApplies = ctx.size === EXCEL_ROWS && fns.ARAGING !== undefined && fns.PAYERMIX !== undefined;
  ctx.rows.push({
    figure: "custom functions total (ARAGING + PAYERMIX)", lines: ctx.size, coreMs: round(sum, 3),
    goal: goalApplies ? `< ${GOAL_CUSTOM_FUNCTIONS_MS} ms` : "", met: goalApplies ? (sum < GOAL_CUSTOM_FUNCTIONS_MS ? "yes" : "NO") : "",
  });
  const bad = checks.filter((c) => !c.agree);
  if (bad.length > 0) {
    ctx.note(`custom functions disagree with the core: ${bad.map((c) => `${c.name} ${String(c.peer)} vs ${String(c.core)}`).join("; ")}`);
    disagreements += bad.length;
  }
}

function agreeMoney(name: string, dollars: unknown, cents: number): Agreement {
  const value = typeof dollars === "number" ? dollars : null;
  return { name, kind: "money", core: cents, peer: value, agree: value !== null && Math.round(value * 100) === cents };
}

/** The register's cells as a file or sheet would hold them (Excel serials, dollars, "" blanks). */
function rawRows(lines: readonly ClaimLine[]): RawClaimRow[] {
  const money = (c: number): number => c / 100;
  const day = (d: Day | null): string | number => (d === null ? "" : excelSerialFromDay(d));
  return lines.map((l) => ({
    row: l.row,
    cells: {
      claimId: l.claimId, dateOfService: excelSerialFromDay(l.dateOfService), payer: l.payer, charge: money(l.charge),
      insurancePaid: money(l.insurancePaid), patientPaid: money(l.patientPaid), contractualAdjustment: money(l.contractualAdjustment),
      otherAdjustment: money(l.otherAdjustment), allowed: l.allowed === null ? "" : money(l.allowed), cpt: l.cpt ?? "",
      modifiers: l.modifiers.join(" "), units: l.units, placeOfService: l.placeOfService ?? "", provider: l.provider ?? "",
      payerClass: l.payerClass ?? "", status: l.status ?? "", denialReason: l.denialReason ?? "",
      submittedDate: day(l.submittedDate), lastPaymentDate: day(l.lastPaymentDate),
    },
  }));
}

/** readClaimLines: raw register rows (19 cells each) → checked ClaimLine objects. */
async function measureReadClaimLines(ctx: SizeContext): Promise<void> {
  const rows = rawRows(ctx.lines());
  const reps = ctx.size > 200_000 ? 3 : 5;
  const { timing, result } = timeRepeated(() => readClaimLines(rows), reps, 1);
  ctx.core.readClaimLines = { ...timing, linesRead: result.lines.length, issues: result.issues.length };
  const goalApplies = ctx.size === EXCEL_ROWS;
  ctx.rows.push({
    figure: "readClaimLines (19 cells a row)", lines: ctx.size, coreMs: timing.medianMs,
    goal: goalApplies ? `< ${GOAL_READ_MS} ms` : "", met: goalApplies ? (timing.medianMs < GOAL_READ_MS ? "yes" : "NO") : "",
  });
  ctx.stage("readClaimLines (19 cells a row)", timing.medianMs);
  // On a shared machine the wall clock also counts time spent waiting for a core: the CPU time says how much work it was.
  if (goalApplies) ctx.note(`readClaimLines at ${ctx.size.toLocaleString("en-US")} rows: wall ${formatMs(timing.medianMs)} ms, CPU ${formatMs(timing.medianCpuMs)} ms (user + system of this process, median), load average ${os.loadavg().map((x) => x.toFixed(2)).join(" ")}`);
  if (result.lines.length !== rows.length) ctx.note(`readClaimLines kept ${result.lines.length} of ${rows.length} rows (${result.issues.length} issues)`);
  await measureRegisterFromGrid(ctx, rows, reps);
}

/**
 * The import as the command line runs it: readClaimsRegister over a sheet grid (the header row,
 * then the cells as the .xlsx reader gives them, blanks as null): header search, row sorting
 * (titles, subtotals, repeated headers), payer names, the same line checks, the balance check.
 */
async function measureRegisterFromGrid(ctx: SizeContext, rows: readonly RawClaimRow[], reps: number): Promise<void> {
  const header: CellValue[] = CLAIM_FIELDS.map((f) => CLAIM_FIELD_HEADERS[f]);
  const grid: CellValue[][] = [header];
  for (const r of rows) grid.push(CLAIM_FIELDS.map((f) => (r.cells[f] === "" ? null : (r.cells[f] as CellValue))));
  // As the CLI imports: the lines and, filled as each is read, the register's columns the report's figures are computed from.
  const { timing, result } = timeRepeated(() => readClaimsRegister(grid, { sheet: "Claims Register", registerColumns: true }), reps, 1);
  const { timing: linesOnly } = timeRepeated(() => readClaimsRegister(grid, { sheet: "Claims Register" }), reps, 1);
  ctx.core.readClaimsRegisterFromGrid = { ...timing, linesRead: result.lines.length, issues: result.issues.length };
  ctx.core.readClaimsRegisterFromGridWithoutColumns = linesOnly;
  ctx.rows.push({ figure: "readClaimsRegister from a sheet grid (as the CLI imports, with the register columns)", lines: ctx.size, coreMs: timing.medianMs });
  ctx.rows.push({ figure: "readClaimsRegister from a sheet grid, lines only (no columns)", lines: ctx.size, coreMs: linesOnly.medianMs });
  ctx.stage("readClaimsRegister from a sheet grid", timing.medianMs);
  ctx.stage("readClaimsRegister from a sheet grid, lines only", linesOnly.medianMs);
  // The columns' typed arrays (about 110 bytes a line) make V8 collect once more than 64 MB of array
  // buffers have been allocated since its last full collection; its pause grows with everything the
  // process holds (here also the synthetic lines and raw rows), so the bench shows it apart.
  const withPauses = await timeOnceWithPauses(() => readClaimsRegister(grid, { sheet: "Claims Register", registerColumns: true }));
  const withoutPauses = await timeOnceWithPauses(() => readClaimsRegister(grid, { sheet: "Claims Register" }));
  ctx.core.readClaimsRegisterGcPauses = { withColumns: withPauses, linesOnly: withoutPauses };
  const said = (r: RunWithPauses): string => `${formatMs(r.ms)} ms, of which ${formatMs(r.gcPauseMs)} ms in ${r.collections} collection pauses (${r.fullCollections} full)`;
  ctx.note(`readClaimsRegister at ${ctx.size.toLocaleString("en-US")} lines, one run each: with the register columns ${said(withPauses)}; lines only ${said(withoutPauses)}`);
  if (result.lines.length !== rows.length) ctx.note(`readClaimsRegister kept ${result.lines.length} of ${rows.length} rows (${result.issues.length} issues)`);
}

/** Measured peer at 100,000 lines, for the extrapolation to larger sizes. */
let peerSmall: { size: number; buildMs: number; loadMs: number; heapMB: number } | null = null;
let disagreements = 0;

/** HyperFormula: the same figures from native formulas, timed and compared with the core. */
function measurePeer(ctx: SizeContext): void {
  const lines = ctx.lines();
  const coreTotal = (ctx.core.total as Timing).medianMs;
  const functionsSum = (ctx.core.customFunctions as { sumMs?: number } | undefined)?.sumMs;
  if (ctx.size > SMALL) {
    const decision = peerLargeDecision(ctx.size);
    ctx.peer.decision = decision;
    if (!decision.run) {
      ctx.peer.estimated = true;
      ctx.peer.buildMs = decision.estimatedMs;
      ctx.peer.loadValuesMs = decision.estimatedLoadMs;
      ctx.peer.heapMB = decision.estimatedHeapMB;
      ctx.note(`peer at ${ctx.size.toLocaleString("en-US")} lines NOT run: ${decision.reason}. Peer figures at this size are a linear ESTIMATE from the ${SMALL.toLocaleString("en-US")}-line run.`);
      peerRows(ctx, decision.estimatedMs, decision.estimatedLoadMs, coreTotal, functionsSum, true);
      ctx.stage("HyperFormula formulas (build+eval - loading)", decision.estimatedMs - decision.estimatedLoadMs, true);
      return;
    }
  }
  if (!claimsAreContiguous(lines)) {
    ctx.note("claims' lines are not listed together: the peer's helper columns cannot count claims; peer skipped");
    disagreements++;
    return;
  }
  const payers = distinctPayers(lines);
  const report = peerReportSheet(lines.length, ctx.asOf, firstOfMonth(ctx.asOf, 11), payers);
  // Values only first: the data-loading part of the peer's time.
  let rows = peerDataRows(lines, false);
  const load = loadPeerValuesOnly(rows);
  rows = peerDataRows(lines, true);
  collectGarbage();
  const run = runPeer(rows, report);
  rows = [];
  collectGarbage();
  sampleMemory();
  const agreement = compareFigures(flattenCoreResults(computeCoreResults(lines, ctx.asOf)), run.values);
  const bad = agreement.filter((a) => !a.agree);
  disagreements += bad.length;
  ctx.peer.estimated = false;
  ctx.peer.buildMs = round(run.buildMs, 1);
  ctx.peer.buildCpuMs = round(run.buildCpuMs, 1);
  ctx.peer.loadValuesMs = round(load.ms, 1);
  ctx.peer.loadValuesCpuMs = round(load.cpuMs, 1);
  ctx.peer.formulasMs = round(run.buildMs - load.ms, 1);
  ctx.peer.heapMB = round(run.heapMB, 1);
  ctx.peer.formulas = run.formulas;
  ctx.peer.cells = lines.length * 14;
  ctx.peer.deniedLinesLineLevel = run.values.get("denials.deniedLines");
  ctx.peer.agreement = { figures: agreement.length, agree: agreement.length - bad.length, disagreements: bad };
  if (ctx.size === SMALL) peerSmall = { size: ctx.size, buildMs: run.buildMs, loadMs: load.ms, heapMB: run.heapMB };
  agreementRows.push({ size: ctx.size, peer: "HyperFormula", agreement });
  peerRows(ctx, run.buildMs, load.ms, coreTotal, functionsSum, false);
  ctx.stage("HyperFormula formulas (build+eval - loading)", run.buildMs - load.ms);
}

function distinctPayers(lines: readonly ClaimLine[]): string[] {
  const seen = new Map<string, string>();
  for (const l of lines) {
    const key = l.payer.trim().toLowerCase();
    if (!seen.has(key)) seen.set(key, l.payer.trim());
  }
  return [...seen.values()];
}

interface PeerDecision {
  run: boolean;
  reason: string;
  estimatedMs: number;
  estimatedLoadMs: number;
  estimatedHeapMB: number;
  availableHeapMB: number;
  freeMemoryMB: number;
}

/** Run the peer above 100,000 lines? Linear extrapolation of the measured 100,000-line run. */
function peerLargeDecision(size: number): PeerDecision {
  const heapStats = v8.getHeapStatistics();
  const availableHeapMB = (heapStats.heap_size_limit - heapStats.used_heap_size) / 1048576;
  const freeMemoryMB = os.freemem() / 1048576;
  if (peerSmall === null) {
    return { run: PEER_LARGE === "always", reason: "no 100,000-line peer run to extrapolate from", estimatedMs: NaN, estimatedLoadMs: NaN, estimatedHeapMB: NaN, availableHeapMB, freeMemoryMB };
  }
  const scale = size / peerSmall.size;
  const estimatedMs = round(peerSmall.buildMs * scale, 0);
  const estimatedLoadMs = round(peerSmall.loadMs * scale, 0);
  const estimatedHeapMB = round(peerSmall.heapMB * scale, 0);
  const base = { estimatedMs, estimatedLoadMs, estimatedHeapMB, availableHeapMB: round(availableHeapMB, 0), freeMemoryMB: round(freeMemoryMB, 0) };
  if (PEER_LARGE === "always") return { run: true, reason: "--peer-large=always", ...base };
  if (PEER_LARGE === "never") return { run: false, reason: "--peer-large=never", ...base };
  const reasons: string[] = [];
  if (estimatedMs > PEER_BUDGET_MS) reasons.push(`estimated ${formatMs(estimatedMs)} ms > budget ${formatMs(PEER_BUDGET_MS)} ms`);
  if (estimatedHeapMB > PEER_MEMORY_SHARE * availableHeapMB) reasons.push(`estimated heap ${formatMs(estimatedHeapMB)} MB > ${PEER_MEMORY_SHARE * 100} % of the ${formatMs(availableHeapMB)} MB V8 heap still available`);
  if (estimatedHeapMB > PEER_MEMORY_SHARE * freeMemoryMB) reasons.push(`estimated heap ${formatMs(estimatedHeapMB)} MB > ${PEER_MEMORY_SHARE * 100} % of ${formatMs(freeMemoryMB)} MB free memory`);
  return reasons.length === 0 ? { run: true, reason: "fits the time and memory budget", ...base } : { run: false, reason: reasons.join("; "), ...base };
}

/** Peer rows of the table and the ratios (estimated ones marked). */
function peerRows(ctx: SizeContext, buildMs: number, loadMs: number, coreTotal: number, functionsSum: number | undefined, estimated: boolean): void {
  const est = estimated ? " (est.)" : "";
  const formulasMs = buildMs - loadMs;
  const ratioFormulas = formulasMs / coreTotal;
  const ratioTotalCore = buildMs / coreTotal;
  const ratioFunctions = functionsSum === undefined ? undefined : buildMs / functionsSum;
  const fmt = (x: number): string => `${Number.isFinite(x) ? (x >= 100 ? Math.round(x).toLocaleString("en-US") : x.toFixed(1)) : "n/a"} x${est}`;
  const met = (x: number): string => (Number.isFinite(x) ? (x >= GOAL_RATIO ? "yes" : "NO") + est : "n/a");
  ctx.ratios.estimated = estimated;
  ctx.ratios.peerFormulasVsCore = round(ratioFormulas, 2);
  ctx.ratios.peerTotalVsCore = round(ratioTotalCore, 2);
  if (ratioFunctions !== undefined) ctx.ratios.peerTotalVsCustomFunctions = round(ratioFunctions, 2);
  ctx.rows.push({ figure: "peer data loading (values only)", lines: ctx.size, peer: `${formatMs(loadMs)}${est}` });
  ctx.rows.push({
    figure: "core total vs peer formulas (build+eval - loading)", lines: ctx.size, coreMs: coreTotal,
    peer: `${formatMs(formulasMs)}${est}`, ratio: fmt(ratioFormulas), goal: `>= ${GOAL_RATIO} x`, met: met(ratioFormulas),
  });
  ctx.rows.push({ figure: "core total vs peer build+eval", lines: ctx.size, coreMs: coreTotal, peer: `${formatMs(buildMs)}${est}`, ratio: fmt(ratioTotalCore) });
  if (functionsSum !== undefined && ratioFunctions !== undefined) {
    ctx.rows.push({
      figure: "custom functions vs peer build+eval (both read cells)", lines: ctx.size, coreMs: functionsSum,
      peer: `${formatMs(buildMs)}${est}`, ratio: fmt(ratioFunctions), goal: `>= ${GOAL_RATIO} x`, met: met(ratioFunctions),
    });
  }
}

const agreementRows: { size: number; peer: string; agreement: Agreement[] }[] = [];

/** LibreOffice measured at the 100,000-line size, for the extrapolation above it. */
let libreOfficeSmall: { size: number; formulasMs: number; plainMs: number } | null = null;
let soffice: SofficeFound | null | undefined;

/**
 * LibreOffice Calc headless: the same formulas recalculated natively (bench/libreOfficePeer.ts),
 * minus the same file's load-and-save without formulas; answers compared with the core's.
 */
async function measureLibreOffice(ctx: SizeContext): Promise<void> {
  if (soffice === undefined) soffice = findSoffice();
  if (soffice === null) {
    ctx.note("LibreOffice (soffice) not found: the native peer was not run (apt-get install -y --no-install-recommends libreoffice-calc)");
    return;
  }
  const coreTotal = (ctx.core.total as Timing).medianMs;
  const lines = ctx.lines();
  const out: Record<string, unknown> = { version: soffice.version };
  ctx.peer.libreOffice = out;
  if (ctx.size > SMALL) {
    const scale = libreOfficeSmall === null ? NaN : ctx.size / libreOfficeSmall.size;
    const estFormulas = libreOfficeSmall === null ? NaN : libreOfficeSmall.formulasMs * scale;
    const estPlain = libreOfficeSmall === null ? NaN : libreOfficeSmall.plainMs * scale;
    const fits = estFormulas + estPlain <= LIBREOFFICE_BUDGET_MS && os.freemem() > 6 * 1024 ** 3;
    const run = LIBREOFFICE_LARGE === "always" || (LIBREOFFICE_LARGE === "auto" && fits);
    if (!run) {
      out.estimated = true;
      out.recalcMs = round(estFormulas - estPlain, 0);
      out.loadAndSaveMs = round(estPlain, 0);
      ctx.note(`LibreOffice at ${ctx.size.toLocaleString("en-US")} lines NOT run (--libreoffice-large=${LIBREOFFICE_LARGE}; estimated ${formatMs(estFormulas + estPlain)} ms for its two runs, budget ${formatMs(LIBREOFFICE_BUDGET_MS)} ms): its figures at this size are a linear ESTIMATE from the ${SMALL.toLocaleString("en-US")}-line run`);
      libreOfficeRows(ctx, estFormulas - estPlain, estPlain, coreTotal, true);
      return;
    }
  }
  if (!claimsAreContiguous(lines)) {
    ctx.note("claims' lines are not listed together: LibreOffice's helper columns cannot count claims; skipped");
    disagreements++;
    return;
  }
  const result = await libreOfficePeer(soffice, lines, ctx.asOf, firstOfMonth(ctx.asOf, 11), distinctPayers(lines), 3_600_000);
  const agreement = compareFigures(flattenCoreResults(computeCoreResults(lines, ctx.asOf)), result.formulas.values);
  const bad = agreement.filter((a) => !a.agree);
  disagreements += bad.length;
  Object.assign(out, {
    estimated: false, recalcMs: round(result.recalcMs, 0), loadAndSaveMs: round(result.plain.wallMs, 0), withFormulasMs: round(result.formulas.wallMs, 0),
    fileMB: round(result.formulas.fileMB, 2), agreement: { figures: agreement.length, agree: agreement.length - bad.length, disagreements: bad },
  });
  if (ctx.size === SMALL) libreOfficeSmall = { size: ctx.size, formulasMs: result.formulas.wallMs, plainMs: result.plain.wallMs };
  agreementRows.push({ size: ctx.size, peer: "LibreOffice", agreement });
  libreOfficeRows(ctx, result.recalcMs, result.plain.wallMs, coreTotal, false);
}

function libreOfficeRows(ctx: SizeContext, recalcMs: number, plainMs: number, coreTotal: number, estimated: boolean): void {
  const est = estimated ? " (est.)" : "";
  const ratioValue = recalcMs / coreTotal;
  ctx.ratios.libreOfficeVsCore = round(ratioValue, 2);
  ctx.ratios.libreOfficeEstimated = estimated;
  ctx.stage("LibreOffice recalculation (formulas run - plain run)", recalcMs, estimated);
  ctx.stage("LibreOffice load and save, no formulas", plainMs, estimated);
  ctx.rows.push({ figure: "LibreOffice load + save, same cells, no formulas (subtracted)", lines: ctx.size, peer: `${formatMs(plainMs)}${est}` });
  ctx.rows.push({
    figure: "core total vs LibreOffice recalculation (native SUMIFS/COUNTIFS)", lines: ctx.size, coreMs: coreTotal, peer: `${formatMs(recalcMs)}${est}`,
    ratio: Number.isFinite(ratioValue) ? `${ratioValue >= 100 ? Math.round(ratioValue).toLocaleString("en-US") : ratioValue.toFixed(1)} x${est}` : "n/a",
    // The goal is set at 100,000 and 1,048,575 lines (issue 13); below, LibreOffice's fixed costs dominate its recalculation.
    ...(ctx.size >= SMALL || QUICK
      ? { goal: `>= ${GOAL_RATIO} x`, met: Number.isFinite(ratioValue) ? (ratioValue >= GOAL_RATIO ? "yes" : "NO") + est : "n/a" }
      : {}),
  });
}

// ------------------------------------------------------------------ main

async function main(): Promise<void> {
  const started = performance.now();
  const json = {
    machine: {
      cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? "", node: process.version, platform: `${process.platform} ${process.arch}`,
      totalMemoryMB: Math.round(os.totalmem() / 1048576), loadAverageAtStart: os.loadavg().map((x) => round(x, 2)),
      v8HeapLimitMB: Math.round(v8.getHeapStatistics().heap_size_limit / 1048576),
    },
    settings: { seed: SEED, asOf: isoFromDay(AS_OF), sizes: SIZES, quick: QUICK, coreRepetitions: CORE_REPS, peerLarge: PEER_LARGE, peerBudgetMs: PEER_BUDGET_MS, libreOfficeLarge: LIBREOFFICE_LARGE, libreOfficeBudgetMs: LIBREOFFICE_BUDGET_MS, timesAre: "wall clock, median of repetitions after warm-up (peer: one run)" },
    data: {} as Record<string, unknown>,
    core: {} as Record<string, Record<string, unknown>>,
    peer: {} as Record<string, Record<string, unknown>>,
    ratios: {} as Record<string, Record<string, unknown>>,
    goals: {} as Record<string, unknown>,
    growth: [] as unknown[],
    notes: [] as string[],
    memory: {} as { peakRssSampledMB?: number; maxRssMB?: number },
    totalSeconds: 0,
  };
  const rows: TableRow[] = [];
  const stages: StageTimes = new Map();
  const note = (text: string): void => {
    json.notes.push(text);
    console.log(`note: ${text}`);
  };
  console.log(`Practice Ledger benchmark: ${json.machine.cores} cores, Node ${process.version}, load average ${json.machine.loadAverageAtStart.join(" ")}, as of ${isoFromDay(AS_OF)}, seed ${SEED}`);
  note("the peer's denial rates count claims through helper formula columns that run down the register (a claim's lines listed together); its line-level denied-line count is shown for information");

  for (const size of SIZES) {
    let data: ClaimLine[] | null = null;
    let generateMs = 0;
    const ctx: SizeContext = {
      size, asOf: AS_OF, seed: SEED,
      lines: () => {
        if (data === null) {
          const t = timeOnce(() => syntheticClaimLines(size, { seed: SEED, asOf: AS_OF }));
          data = t.result;
          generateMs = t.ms;
        }
        return data;
      },
      core: (json.core[size] = {}), peer: (json.peer[size] = {}), ratios: (json.ratios[size] = {}), rows, note,
      stage: (name, ms, estimated) => recordStage(stages, name, size, ms, estimated),
    };
    for (const m of MEASUREMENTS) {
      if (m.sizes !== undefined && !m.sizes.includes(size)) continue;
      if (ONLY !== null && !ONLY.includes(m.id)) continue;
      process.stderr.write(`[bench] ${size.toLocaleString("en-US")} lines: ${m.id}...\n`);
      await m.run(ctx);
      sampleMemory();
    }
    json.data[size] = { syntheticClaimLinesMs: generateMs };
    data = null;
    collectGarbage();
  }

  // Goals
  const big = json.core[EXCEL_ROWS]?.total as Timing | undefined;
  const ratioOf = (size: number, key: string): number | undefined => json.ratios[size]?.[key] as number | undefined;
  json.goals = {
    coreUnder250msAt1048575: big === undefined ? { measured: false } : { targetMs: GOAL_CORE_MS, medianMs: big.medianMs, met: big.medianMs < GOAL_CORE_MS },
    ...readingGoals(json.core),
    libreOfficeAtLeast20x: {
      target: GOAL_RATIO,
      basis: "LibreOffice recalculation (formulas run - same cells without formulas) / core total (all report figures)",
      at100000: ratioOf(SMALL, "libreOfficeVsCore") ?? null,
      at1048575: ratioOf(EXCEL_ROWS, "libreOfficeVsCore") ?? null,
      at1048575Estimated: json.ratios[EXCEL_ROWS]?.libreOfficeEstimated ?? null,
      met: [SMALL, EXCEL_ROWS].every((s) => (ratioOf(s, "libreOfficeVsCore") ?? -Infinity) >= GOAL_RATIO),
    },
    ratioAtLeast20x: {
      target: GOAL_RATIO,
      basis: "peer formulas (build+eval - values loading) / core total",
      at100000: ratioOf(SMALL, "peerFormulasVsCore") ?? null,
      at1048575: ratioOf(EXCEL_ROWS, "peerFormulasVsCore") ?? null,
      at1048575Estimated: json.ratios[EXCEL_ROWS]?.estimated ?? null,
      // Met only when measured (or, at 1,048,575, estimated) at both sizes and at least the target.
      met: [SMALL, EXCEL_ROWS].every((s) => (ratioOf(s, "peerFormulasVsCore") ?? -Infinity) >= GOAL_RATIO),
    },
    peerAgreesWithCore: disagreements === 0,
  };

  console.log("");
  console.log(formatTable(rows));
  for (const { size, peer, agreement } of agreementRows) {
    console.log("");
    console.log(`Answers, core vs ${peer} at ${size.toLocaleString("en-US")} lines (money to the cent; rates and days within 1e-9):`);
    const width = Math.max(...agreement.map((a) => a.name.length));
    for (const a of agreement) {
      const show = (v: number | null): string => (v === null ? "(none)" : String(v));
      const core = a.kind === "money" && a.core !== null ? (a.core / 100).toFixed(2) : show(a.core);
      console.log(`  ${a.name.padEnd(width)}  core ${core.padStart(16)}  peer ${show(a.peer).padStart(16)}  agree: ${a.agree ? "yes" : "NO"}`);
    }
  }
  const growth = growthRows(stages, SIZES);
  json.growth = growth;
  console.log("");
  console.log("Growth: time per line of each stage (linear cost = the same ns per line at every size):");
  console.log(formatGrowth(growth, SIZES));
  const faster = growth.filter((r) => r.fasterThanLinear).map((r) => r.stage);
  console.log(faster.length === 0 ? "No stage grows faster than linearly (between the two largest sizes measured)." : `Growing faster than linearly: ${faster.join("; ")}`);
  const g = json.goals as { coreUnder250msAt1048575: { met?: boolean; medianMs?: number }; ratioAtLeast20x: { met: boolean; at100000: number | null; at1048575: number | null; at1048575Estimated: boolean | null } };
  console.log("");
  console.log(`Goal 1,048,575 lines under ${GOAL_CORE_MS} ms: ${g.coreUnder250msAt1048575.medianMs === undefined ? "not measured" : `${formatMs(g.coreUnder250msAt1048575.medianMs)} ms: ${g.coreUnder250msAt1048575.met ? "met" : "NOT met"}`}`);
  console.log(
    `Goal >= ${GOAL_RATIO} x the peer (peer formulas vs core total): ${g.ratioAtLeast20x.at100000 ?? "n/a"} x at 100,000 (measured), ` +
      `${g.ratioAtLeast20x.at1048575 ?? "n/a"} x at 1,048,575${g.ratioAtLeast20x.at1048575Estimated ? " (ESTIMATE: peer not run at that size, linear extrapolation of the 100,000-line run)" : ""}: ` +
      `${g.ratioAtLeast20x.met ? (g.ratioAtLeast20x.at1048575Estimated ? "met (at 1,048,575 on the estimate)" : "met") : "NOT met (or not measured)"}`,
  );
  const lo = json.goals.libreOfficeAtLeast20x as { met: boolean; at100000: number | null; at1048575: number | null; at1048575Estimated: boolean | null };
  console.log(
    `Goal >= ${GOAL_RATIO} x LibreOffice (its recalculation vs core total): ${lo.at100000 ?? "n/a"} x at ${SMALL.toLocaleString("en-US")}, ` +
      `${lo.at1048575 ?? "n/a"} x at 1,048,575${lo.at1048575Estimated ? " (ESTIMATE: LibreOffice not run at that size, linear extrapolation)" : ""}: ${lo.met ? "met" : "NOT met (or not measured)"}`,
  );
  for (const line of readingGoalLines(json.goals)) console.log(line);
  console.log(`Peer answers (HyperFormula and LibreOffice) agree with the core: ${disagreements === 0 ? "yes, every figure" : `NO (${disagreements} disagreements)`}`);

  json.memory = { ...memoryFigures() };
  json.totalSeconds = round((performance.now() - started) / 1000, 1);
  console.log(`Peak RSS ${json.memory.peakRssSampledMB} MB sampled, maxRSS ${json.memory.maxRssMB} MB; ${json.totalSeconds} s in all`);
  console.log(JSON.stringify(json));
  if (disagreements > 0) process.exitCode = 1;
}

/** Issue 13's goals of the custom functions and of reading: ARAGING + PAYERMIX and readClaimLines at 1,048,575 rows, the command line end to end at 100,000 and 1,048,575 lines. */
function readingGoals(core: Record<string, Record<string, unknown>>): Record<string, unknown> {
  const read = core[EXCEL_ROWS]?.readClaimLines as Timing | undefined;
  const cli = (size: number): Record<string, unknown> => {
    const run = core[size]?.cliEndToEnd as { medianWallMs: number; maxRssMB: number } | undefined;
    const goal = GOAL_CLI(size);
    if (run === undefined) return { measured: false, targetMs: goal.ms, targetMB: goal.mb };
    return { targetMs: goal.ms, targetMB: goal.mb, wallMs: run.medianWallMs, maxRssMB: run.maxRssMB, met: run.medianWallMs < goal.ms && run.maxRssMB < goal.mb };
  };
  const functions = core[EXCEL_ROWS]?.customFunctions as { sumMs: number } | undefined;
  return {
    customFunctionsUnder600msAt1048575: functions === undefined ? { measured: false } : { targetMs: GOAL_CUSTOM_FUNCTIONS_MS, sumMs: functions.sumMs, met: functions.sumMs < GOAL_CUSTOM_FUNCTIONS_MS },
    readClaimLinesUnder1500msAt1048575: read === undefined ? { measured: false } : { targetMs: GOAL_READ_MS, medianMs: read.medianMs, met: read.medianMs < GOAL_READ_MS },
    cliEndToEndAt100000: cli(SMALL),
    cliEndToEndAt1048575: cli(EXCEL_ROWS),
    streamingMemoryFlat: streamingGoal(core),
  };
}

/**
 * Issue 13: "a streaming path keeps memory flat as the file grows". Peak memory of the command line
 * with the claims sheet streamed, against the whole read, between 100,000 and 1,048,575 lines:
 * growth in bytes per added line. Met when the streamed peak grows by less than
 * GOAL_STREAM_BYTES_PER_LINE a line (the whole read: about 700) and every run wrote the same summary.
 * What still grows with the file is named in README.md ("Memory").
 */
function streamingGoal(core: Record<string, Record<string, unknown>>): Record<string, unknown> {
  type Run = { whole: { maxRssMB: number }; streamed: { maxRssMB: number }; sameSummary: boolean };
  const at = (size: number): Run | undefined => core[size]?.cliEndToEnd as Run | undefined;
  const small = at(SMALL), large = at(EXCEL_ROWS);
  if (small === undefined || large === undefined) return { measured: false, targetBytesPerLine: GOAL_STREAM_BYTES_PER_LINE };
  const perLine = (a: number, b: number): number => round(((b - a) * 1024 * 1024) / (EXCEL_ROWS - SMALL), 1);
  const streamed = perLine(small.streamed.maxRssMB, large.streamed.maxRssMB);
  const whole = perLine(small.whole.maxRssMB, large.whole.maxRssMB);
  const sizes = GROWTH_SIZES.filter((s) => at(s) !== undefined);
  return {
    targetBytesPerLine: GOAL_STREAM_BYTES_PER_LINE,
    streamedPeakMB: Object.fromEntries(sizes.map((s) => [s, (at(s) as Run).streamed.maxRssMB])),
    wholePeakMB: Object.fromEntries(sizes.map((s) => [s, (at(s) as Run).whole.maxRssMB])),
    streamedBytesPerLine: streamed,
    wholeBytesPerLine: whole,
    sameSummary: sizes.every((s) => (at(s) as Run).sameSummary),
    met: streamed < GOAL_STREAM_BYTES_PER_LINE && sizes.every((s) => (at(s) as Run).sameSummary),
  };
}

function readingGoalLines(goals: Record<string, unknown>): string[] {
  const read = goals.readClaimLinesUnder1500msAt1048575 as { medianMs?: number; met?: boolean };
  const cli = (key: string, size: number): string => {
    const g = goals[key] as { wallMs?: number; maxRssMB?: number; targetMs: number; targetMB: number; met?: boolean };
    return `Goal CLI end to end at ${size.toLocaleString("en-US")} lines under ${formatMs(g.targetMs)} ms and ${g.targetMB} MB: ` +
      (g.wallMs === undefined ? "not measured" : `${formatMs(g.wallMs)} ms, ${g.maxRssMB} MB peak: ${g.met === true ? "met" : "NOT met"}`);
  };
  const functions = goals.customFunctionsUnder600msAt1048575 as { sumMs?: number; met?: boolean };
  const flat = goals.streamingMemoryFlat as { measured?: boolean; targetBytesPerLine: number; streamedPeakMB?: Record<string, number>; wholePeakMB?: Record<string, number>; streamedBytesPerLine?: number; wholeBytesPerLine?: number; sameSummary?: boolean; met?: boolean };
  const peaks = (p: Record<string, number> | undefined): string => Object.entries(p ?? {}).map(([size, mb]) => `${Number(size).toLocaleString("en-US")}: ${mb} MB`).join(", ");
  return [
    flat.measured === false
      ? `Goal streaming keeps memory flat (peak grows < ${flat.targetBytesPerLine} bytes a line): not measured`
      : `Goal streaming keeps memory flat (peak grows < ${flat.targetBytesPerLine} bytes a line from 100,000 to 1,048,575 lines): streamed ${flat.streamedBytesPerLine} bytes a line (${peaks(flat.streamedPeakMB)}), ` +
        `read whole ${flat.wholeBytesPerLine} (${peaks(flat.wholePeakMB)}); same summary: ${flat.sameSummary === true ? "yes" : "NO"}: ${flat.met === true ? "met" : "NOT met"}`,
    `Goal custom functions ARAGING + PAYERMIX at 1,048,575 rows under ${formatMs(GOAL_CUSTOM_FUNCTIONS_MS)} ms: ${functions.sumMs === undefined ? "not measured" : `${formatMs(functions.sumMs)} ms: ${functions.met === true ? "met" : "NOT met"}`}`,
    `Goal readClaimLines 1,048,575 rows under ${formatMs(GOAL_READ_MS)} ms: ${read.medianMs === undefined ? "not measured" : `${formatMs(read.medianMs)} ms: ${read.met === true ? "met" : "NOT met"}`}`,
    cli("cliEndToEndAt100000", SMALL),
    cli("cliEndToEndAt1048575", EXCEL_ROWS),
  ];
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 2;
});
