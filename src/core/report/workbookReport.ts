import type { CellValue } from "../cells/cellValue";
import { describeIssue, type InputIssue } from "../cells/issue";
import type { Day } from "../dates/day";
import { findHeaderRow } from "../import/findHeaderRow";
import { FEE_SCHEDULE_HEADER_SYNONYMS, type FeeScheduleField } from "../import/headerSynonyms";
import { readClaimsRegister, type ClaimsRegisterRead } from "../import/readClaimsRegister";
import { readFeeScheduleExport } from "../import/readFeeScheduleExport";
import { readFeeScheduleRows } from "../feeSchedule/readFeeScheduleRows";
import type { FeeScheduleRow } from "../feeSchedule/feeScheduleRow";
import type { SheetDescription } from "../sheet/sheetDescription";
import { parsePercent } from "../feeSchedule/parsePercent";
import type { Cents } from "../money/cents";
import { physicianReport } from "./physicianReport";
import { reportFigures, type LeftOutRow, type ReportFigures, type SheetIssue, type TrendPoint } from "./reportFigures";
import { readBudgetSheet, type BudgetSheetRead } from "../budget/readBudgetSheet";
import { mergeBudgetAndActual } from "../budget/mergeBudgetAndActual";
import type { PayrollSettingsRead } from "../payroll/settingsFromRows";
import { PAYROLL_SETTINGS_2026 } from "../payroll/settings";
import { ymdFromDay } from "../dates/day";
import { budgetAsOfMonth, type BudgetInput, type BudgetNotSummed } from "./budgetFigures";
import type { PayrollInput } from "./payrollFigures";
import { payrollSheetScore, readPayrollSheet, type PayrollSheetRead } from "./payrollSheet";
import { readPayrollSettingsSheet, settingsSheetScore } from "./settingsSheet";
import { summaryJson, type ReportSummaryJson } from "./summaryJson";
import { isReportTabName, trendFromReportTab } from "./trendFromReportTab";
import { readMedicareScheduleSheet } from "../feeSchedule/medicareScheduleSheet";
import { feeScheduleLeftOut } from "./feeScheduleLeftOut";
import { findRvuTable } from "./rvuSource";
import { chooseClaimsSheet, claimsSourceReport, noRegisterReason, unusableReason } from "./claimsSource";
import { paidAfter, type ClaimLine } from "../claims/claimLine";
import type { RegisterColumns } from "../claimColumns/registerColumns";
import type { RvuTableRead } from "../rvu/workRvuRow";
import type { ClaimFigures } from "../claimColumns/claimFigures";

export interface WorkbookSheet {
  name: string;
  grid: CellValue[][];
}

export interface WorkbookReportOptions {
  asOf: Day;
  practiceName?: string;
  /** Sheet holding the claims (found by its header otherwise). */
  claimsSheet?: string;
  /** Sheet holding the fee schedule (found by its header otherwise), in `sheets` or `feeScheduleSheets`. */
  feeScheduleSheet?: string;
  /** Sheets of a separate fee-schedule file. */
  feeScheduleSheets?: WorkbookSheet[];
  feeTolerance?: Cents;
  /** Sheets of the budget and its actuals, of the payroll register and of the settings (found by name, else by content). */
  budgetSheet?: string;
  actualSheet?: string;
  payrollSheet?: string;
  settingsSheet?: string;
}

export interface WorkbookReport {
  figures: ReportFigures;
  summary: ReportSummaryJson;
  sheet: SheetDescription;
  claims: ClaimsRegisterRead;
  feeSchedule: { sheet: string; rows: FeeScheduleRow[]; issues: InputIssue[] } | null;
  /** The budget as read (Budget sheet with the Actuals sheet merged in), or null. */
  budget: BudgetInput | null;
  /** The payroll register as read, or null. */
  payroll: PayrollSheetRead | null;
  /** The payroll settings as read, or null when no Settings sheet holds any. */
  payrollSettings: (PayrollSettingsRead & { sheet: string }) | null;
}

/** Input that cannot make a report at all (no claims found): one plain sentence. */
export class UnusableInputError extends Error {}

/**
 * From a workbook's sheets to the physician report: finds the claims register and the fee
 * schedule by their headers (or as named), reads them (every row left out is listed with sheet,
 * row and reason), reads earlier report tabs for the trend, and builds the figures, the JSON
 * summary and the report sheet description. The Budget, Actuals, Payroll and Settings sheets are
 * found by name (case-insensitive), else by content; every issue they raise is listed in
 * `figures.sheetIssues` with sheet, row, column and reason.
 */
export function workbookReport(sheets: readonly WorkbookSheet[], options: WorkbookReportOptions): WorkbookReport {
  const found = claimsSheetOf(sheets, options);
  const claimsSheet = found.sheet;
  const claims = readClaimsRegister(claimsSheet.grid, { sheet: claimsSheet.name, asOf: options.asOf, registerColumns: true });
  if (claims.headerRow === null) {
    throw new UnusableInputError(claims.issues.map(describeIssue).join("; ") || `sheet "${claimsSheet.name}" has no usable header row`);
  }
  const counts = claimLineCounts(claims.lines, options.asOf);
  const unusable = unusableReason(claims, claimsSheet.name, counts.linesUsed);
  if (unusable !== null) throw new UnusableInputError(unusable);
  const context = reportContext(sheets, found, options);
  return reportOfClaims(context, claims, { lines: claims.lines, registerColumns: claims.registerColumns ?? null, ...counts }, options);
}

/** The sheet that holds the claims, how it was chosen, and the sheets that are not report tabs. */
export interface ClaimsSheetFound<S extends WorkbookSheet = WorkbookSheet> {
  sheet: S;
  choice: { others: { sheet: string; reason: string }[]; why: string | null };
  dataSheets: readonly S[];
}

/** The claims sheet (named, or found by its header: chooseClaimsSheet); throws UnusableInputError when there is none. */
export function claimsSheetOf<S extends WorkbookSheet>(sheets: readonly S[], options: Pick<WorkbookReportOptions, "claimsSheet">): ClaimsSheetFound<S> {
  const dataSheets = sheets.filter((s) => !isReportTabName(s.name));
  const choice = chooseClaimsSheet(dataSheets, options.claimsSheet);
  if (choice.sheet === null) {
    throw new UnusableInputError(options.claimsSheet !== undefined ? `no sheet named "${options.claimsSheet}"` : noRegisterReason(dataSheets));
  }
  return { sheet: choice.sheet, choice, dataSheets };
}

/**
 * What the report takes from the workbook besides the claims: the fee schedule (and a Medicare
 * schedule for its percent rows), the RVU table, the budget, payroll and settings, the trend of
 * earlier report tabs and the practice's name. Read from the sheets other than the claims sheet
 * (whose grid may hold only its first rows, when the claims are streamed).
 */
export interface ReportContext {
  claimsSheet: string;
  choice: ClaimsSheetFound["choice"];
  feeSchedule: WorkbookReport["feeSchedule"];
  rvuTable: RvuTableRead | null;
  extra: ReturnType<typeof readBudgetAndPayroll>;
  trend: TrendPoint[];
  practiceName: string;
}

export function reportContext(sheets: readonly WorkbookSheet[], found: ClaimsSheetFound, options: WorkbookReportOptions): ReportContext {
  const { dataSheets, sheet: claimsSheet } = found;
  const feeCandidates = [...dataSheets.filter((s) => s !== claimsSheet), ...(options.feeScheduleSheets ?? [])];
  const feeSheet = pickSheet(feeCandidates, options.feeScheduleSheet, (s) => {
    const header = findHeaderRow<FeeScheduleField>(s.grid, FEE_SCHEDULE_HEADER_SYNONYMS, ["payer", "cpt"], { sheet: s.name });
    return header.found && (header.fields.includes("amount") || header.fields.includes("percentOfMedicare")) ? header.fields.length : 0;
  });
  let feeSchedule: WorkbookReport["feeSchedule"] = null;
  if (feeSheet !== null) {
    const exported = readFeeScheduleExport(feeSheet.grid, { sheet: feeSheet.name });
    const read = readFeeScheduleRows(exported.rows, { sheet: feeSheet.name, columns: exported.mapping });
    feeSchedule = { sheet: feeSheet.name, rows: read.rows, issues: [...exported.issues, ...read.issues] };
  }

  const taken = new Set<WorkbookSheet>([claimsSheet]);
  if (feeSheet !== null) taken.add(feeSheet);
  // A separate Medicare schedule (CPT and amount, no payer) prices the percent-of-Medicare rows.
  for (const s of feeSheet === null ? [] : feeCandidates.filter((c) => c !== feeSheet)) {
    const medicare = feeSchedule === null ? null : readMedicareScheduleSheet(s);
    if (medicare === null || feeSchedule === null) continue;
    feeSchedule = { ...feeSchedule, rows: [...feeSchedule.rows, ...medicare.rows], issues: [...feeSchedule.issues, ...medicare.issues] };
    taken.add(s);
    break;
  }
  // The RVU table (an "RVUs" sheet, or the fee schedule's work RVU column) for work RVUs per provider.
  const rvuTable = findRvuTable(feeCandidates.filter((s) => !taken.has(s)), feeSheet);
  for (const s of feeCandidates) if (s.name === rvuTable?.sheet && s !== feeSheet) taken.add(s);
  const extra = readBudgetAndPayroll(dataSheets, taken, options);

  const trend: TrendPoint[] = sheets
    .filter((s) => isReportTabName(s.name))
    .map((s) => trendFromReportTab(s.grid))
    .filter((t): t is TrendPoint => t !== null && t.asOf < options.asOf)
    .sort((a, b) => a.asOf - b.asOf);
  // One point per as-of date: the latest tab written for it wins.
  const uniqueTrend = trend.filter((t, i) => i === trend.length - 1 || trend[i + 1].asOf !== t.asOf);
  const practiceName = options.practiceName ?? practiceNameFromSettings(sheets.find((s) => s.name === extra.settings?.sheet) ?? namedSettings(sheets)) ?? "Practice";
  return { claimsSheet: claimsSheet.name, choice: found.choice, feeSchedule, rvuTable, extra, trend: uniqueTrend, practiceName };
}

/** How many lines were used, and how many show a payment after the as-of date (the source report says so). */
export interface ClaimLineCounts {
  linesUsed: number;
  paidAfterAsOf: number;
}

export function claimLineCounts(lines: readonly ClaimLine[], asOf: Day): ClaimLineCounts {
  let paidAfterAsOf = 0;
  for (const l of lines) if (paidAfter(l, asOf)) paidAfterAsOf++;
  return { linesUsed: lines.length, paidAfterAsOf };
}

/**
 * The claims as the figures take them: the lines and their columns, or, when the claims were
 * streamed (no line kept: streamedReport.ts), the figures already tallied from them.
 */
export type ClaimsForFigures = ClaimLineCounts &
  ({ lines: readonly ClaimLine[]; registerColumns: RegisterColumns | null; claimFigures?: undefined } | { lines: readonly []; registerColumns?: undefined; claimFigures: ClaimFigures });

/** The report from the claims read and the rest of the workbook: figures, JSON summary, report sheet. */
export function reportOfClaims(context: ReportContext, claims: ClaimsRegisterRead, forFigures: ClaimsForFigures, options: WorkbookReportOptions): WorkbookReport {
  const { extra, feeSchedule } = context;
  const leftOut: LeftOutRow[] = claims.leftOut.map((l) => ({ ...l, sheet: l.sheet ?? context.claimsSheet }));
  const figures = reportFigures({
    practiceName: context.practiceName,
    asOf: options.asOf,
    lines: forFigures.lines,
    registerColumns: forFigures.registerColumns ?? null,
    ...(forFigures.claimFigures !== undefined ? { claimFigures: forFigures.claimFigures } : {}),
    rowsRead: claims.rowsRead,
    leftOut,
    feeSchedule: feeSchedule?.rows ?? null,
    feeTolerance: options.feeTolerance,
    trend: context.trend,
    source: `sheet "${context.claimsSheet}"`,
    budget: extra.budget,
    payroll: extra.payrollInput,
    sheetIssues: extra.sheetIssues,
    sourceReport: claimsSourceReport(claims, context.claimsSheet, options.asOf, context.choice, forFigures.paidAfterAsOf),
    feeScheduleLeftOut: feeScheduleLeftOut(feeSchedule),
    rvuTable: context.rvuTable,
  });
  return {
    figures, summary: summaryJson(figures), sheet: physicianReport(figures), claims, feeSchedule,
    budget: extra.budget, payroll: extra.payroll, payrollSettings: extra.settings,
  };
}

const sameName = (s: WorkbookSheet, ...names: string[]): boolean => names.includes(s.name.trim().toLowerCase());

/** A sheet named as asked, else one of the default names, else the best by content (score > 0). */
function findSheet(
  sheets: readonly WorkbookSheet[],
  taken: ReadonlySet<WorkbookSheet>,
  named: string | undefined,
  defaultNames: string[],
  score: (s: WorkbookSheet) => number,
): WorkbookSheet | null {
  const free = sheets.filter((s) => !taken.has(s));
  if (named !== undefined) return free.find((s) => sameName(s, named.trim().toLowerCase())) ?? null;
  const byName = free.find((s) => sameName(s, ...defaultNames));
  if (byName !== undefined) return byName;
  return pickSheet(free, undefined, score);
}

function issueOf(i: InputIssue, sheet: string): SheetIssue {
  const out: SheetIssue = { sheet: i.sheet ?? sheet, row: i.row, severity: i.severity, reason: i.found !== undefined && !i.message.includes(i.found) ? `${i.message} (found "${i.found}")` : i.message };
  if (i.column !== undefined) out.column = i.column;
  return out;
}

/**
 * The budget (Budget sheet, with an Actuals sheet merged in when the budget sheet holds no
 * actuals), the payroll register and the payroll settings, with every issue they raise.
 */
function readBudgetAndPayroll(
  sheets: readonly WorkbookSheet[],
  taken: Set<WorkbookSheet>,
  options: WorkbookReportOptions,
): { budget: BudgetInput | null; payroll: PayrollSheetRead | null; payrollInput: PayrollInput | null; settings: (PayrollSettingsRead & { sheet: string }) | null; sheetIssues: SheetIssue[] } {
  const sheetIssues: SheetIssue[] = [];

  // Payroll register and settings first: their headers are specific.
  const payrollSheet = findSheet(sheets, taken, options.payrollSheet, ["payroll", "payroll register"], (s) => payrollSheetScore(s.grid, s.name));
  if (payrollSheet !== null) taken.add(payrollSheet);
  const settingsSheet = findSheet(sheets, taken, options.settingsSheet, ["settings"], (s) => (settingsSheetScore(s.grid) >= 2 ? 1 : 0));
  if (settingsSheet !== null) taken.add(settingsSheet);

  let payroll: PayrollSheetRead | null = null;
  let payrollInput: PayrollInput | null = null;
  let settings: (PayrollSettingsRead & { sheet: string }) | null = null;
  if (settingsSheet !== null && settingsSheetScore(settingsSheet.grid) > 0) {
    settings = { ...readPayrollSettingsSheet(settingsSheet.grid, settingsSheet.name), sheet: settingsSheet.name };
    sheetIssues.push(...settings.issues.map((i) => issueOf(i, settingsSheet.name)));
  }
  if (payrollSheet !== null) {
    payroll = readPayrollSheet(payrollSheet.grid, payrollSheet.name);
    sheetIssues.push(...payroll.issues.map((i) => issueOf(i, payrollSheet.name)));
    for (const l of payroll.leftOut) sheetIssues.push({ sheet: l.sheet ?? payrollSheet.name, row: l.row, severity: "error", reason: `left out: ${l.reason}` });
    if (payroll.headerRow !== null) {
      payrollInput = {
        sheet: payrollSheet.name,
        lines: payroll.lines,
        settings: settings?.settings ?? { ...PAYROLL_SETTINGS_2026 },
        settingsSource: settings !== null ? `sheet "${settings.sheet}"` : "2026 defaults (no payroll settings found)",
      };
    }
  }

  // Budget, then its actuals.
  const budgetReads = new Map<WorkbookSheet, BudgetSheetRead>();
  const budgetRead = (s: WorkbookSheet, values?: "budget" | "actual"): BudgetSheetRead => {
    let r = budgetReads.get(s);
    if (r === undefined) {
      r = readBudgetSheet(s.grid, { sheet: s.name, ...(values === undefined ? {} : { values }) });
      budgetReads.set(s, r);
    }
    return r;
  };
  const budgetScore = (want: "budget" | "actual") => (s: WorkbookSheet): number => {
    const r = budgetRead(s);
    if (r.layout.orientation === null || r.lines.length === 0) return 0;
    const has = want === "budget" ? r.layout.values !== "actual" : r.layout.values === "actual";
    return has ? r.lines.length : 0;
  };
  const budgetSheet = findSheet(sheets, taken, options.budgetSheet, ["budget"], budgetScore("budget"));
  if (budgetSheet === null) return { budget: null, payroll, payrollInput, settings, sheetIssues };
  taken.add(budgetSheet);
  budgetReads.delete(budgetSheet);
  const budget = budgetRead(budgetSheet, sameName(budgetSheet, "budget") ? "budget" : undefined);
  let actualSheet: WorkbookSheet | null = null;
  let actual: BudgetSheetRead | null = null;
  if (budget.layout.values === "budget") {
    actualSheet = findSheet(sheets, taken, options.actualSheet, ["actuals", "actual"], budgetScore("actual"));
    if (actualSheet !== null) {
      taken.add(actualSheet);
      budgetReads.delete(actualSheet);
      actual = budgetRead(actualSheet, "actual");
    }
  }
  const merged = actual === null ? { lines: budget.lines, issues: budget.issues } : mergeBudgetAndActual(budget, actual);
  sheetIssues.push(...merged.issues.map((i) => issueOf(i, budgetSheet.name)));
  const notSummed: BudgetNotSummed[] = [];
  for (const [s, r] of [[budgetSheet, budget], [actualSheet, actual]] as const) {
    if (s === null || r === null) continue;
    for (const l of r.layout.leftOut) notSummed.push({ sheet: s.name, ...l });
  }
  const year = budget.layout.year ?? actual?.layout.year ?? null;
  if (actual !== null && actualSheet !== null && actual.layout.year !== null && year !== null && actual.layout.year !== year) {
    sheetIssues.push({ sheet: actualSheet.name, row: actual.layout.headerRows[0] ?? 1, severity: "warning", reason: `the actuals are for ${actual.layout.year}, the budget for ${year}; they were matched month by month` });
  }
  if (year !== null && budgetAsOfMonth(year, options.asOf) === null) {
    sheetIssues.push({ sheet: budgetSheet.name, row: budget.layout.headerRows[0] ?? 1, severity: "warning", reason: `the budget is for ${year}, after the as-of date (${ymdFromDay(options.asOf).year}); budget status is not shown` });
  }
  if (budget.lines.length === 0) return { budget: null, payroll, payrollInput, settings, sheetIssues };
  const input: BudgetInput = {
    lines: merged.lines,
    year,
    sheets: { budget: budgetSheet.name, actual: actualSheet?.name ?? null },
    notSummed,
  };
  const threshold = parsePercent(settingFromSheet(settingsSheet ?? namedSettings(sheets), /^over[- ]budget threshold$/i));
  if (threshold.kind === "value") input.overBudgetThreshold = threshold.value;
  else if (threshold.kind === "invalid") sheetIssues.push({ sheet: "Settings", row: 1, severity: "warning", reason: `over budget threshold: ${threshold.message}; 5% used` });
  return { budget: input, payroll, payrollInput, settings, sheetIssues };
}

function pickSheet(sheets: readonly WorkbookSheet[], named: string | undefined, score: (s: WorkbookSheet) => number): WorkbookSheet | null {
  if (named !== undefined) return sheets.find((s) => s.name.trim().toLowerCase() === named.trim().toLowerCase()) ?? null;
  let best: WorkbookSheet | null = null;
  let bestScore = 0;
  for (const s of sheets) {
    const sc = score(s);
    if (sc > bestScore) {
      best = s;
      bestScore = sc;
    }
  }
  return best;
}

/** "Practice name" in a Settings sheet (label in one cell, the name in the next). */
function practiceNameFromSettings(settings: WorkbookSheet | null | undefined): string | null {
  const value = settingFromSheet(settings, /^practice( name)?$/i);
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

/** The sheet named "Settings" (any case), if there is one. */
function namedSettings(sheets: readonly WorkbookSheet[]): WorkbookSheet | undefined {
  return sheets.find((s) => s.name.trim().toLowerCase() === "settings");
}

/**
 * The cell right of a label matching `label` on the settings sheet (the one named Settings, or the
 * one recognised by its payroll rates); null when there is none.
 */
function settingFromSheet(settings: WorkbookSheet | null | undefined, label: RegExp): CellValue {
  if (settings === undefined || settings === null) return null;
  for (const row of settings.grid) {
    if (row === undefined) continue;
    for (let c = 0; c + 1 < row.length; c++) {
      const cell = row[c];
      if (typeof cell === "string" && label.test(cell.trim())) return row[c + 1];
    }
  }
  return null;
}
