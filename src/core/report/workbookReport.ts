import type { CellValue } from "../cells/cellValue";
import { describeIssue, type InputIssue } from "../cells/issue";
import type { Day } from "../dates/day";
import { REQUIRED_CLAIM_FIELDS } from "../claims/claimLine";
import { findHeaderRow } from "../import/findHeaderRow";
import { CLAIM_HEADER_SYNONYMS, FEE_SCHEDULE_HEADER_SYNONYMS, type FeeScheduleField } from "../import/headerSynonyms";
import { readClaimsRegister, type ClaimsRegisterRead } from "../import/readClaimsRegister";
import { readFeeScheduleExport } from "../import/readFeeScheduleExport";
import { readFeeScheduleRows } from "../feeSchedule/readFeeScheduleRows";
import type { FeeScheduleRow } from "../feeSchedule/feeScheduleRow";
import type { SheetDescription } from "../sheet/sheetDescription";
import type { Cents } from "../money/cents";
import { physicianReport } from "./physicianReport";
import { reportFigures, type LeftOutRow, type ReportFigures, type TrendPoint } from "./reportFigures";
import { summaryJson, type ReportSummaryJson } from "./summaryJson";
import { isReportTabName, trendFromReportTab } from "./trendFromReportTab";

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
}

export interface WorkbookReport {
  figures: ReportFigures;
  summary: ReportSummaryJson;
  sheet: SheetDescription;
  claims: ClaimsRegisterRead;
  feeSchedule: { sheet: string; rows: FeeScheduleRow[]; issues: InputIssue[] } | null;
}

/** Input that cannot make a report at all (no claims found): one plain sentence. */
export class UnusableInputError extends Error {}

/**
 * From a workbook's sheets to the physician report: finds the claims register and the fee
 * schedule by their headers (or as named), reads them (every row left out is listed with sheet,
 * row and reason), reads earlier report tabs for the trend, and builds the figures, the JSON
 * summary and the report sheet description.
 */
export function workbookReport(sheets: readonly WorkbookSheet[], options: WorkbookReportOptions): WorkbookReport {
  const dataSheets = sheets.filter((s) => !isReportTabName(s.name));
  const claimsSheet = pickSheet(dataSheets, options.claimsSheet, (s) => {
    const found = findHeaderRow(s.grid, CLAIM_HEADER_SYNONYMS, REQUIRED_CLAIM_FIELDS, { sheet: s.name });
    return found.found && REQUIRED_CLAIM_FIELDS.every((f) => found.fields.includes(f)) ? found.fields.length : 0;
  });
  if (claimsSheet === null) {
    throw new UnusableInputError(
      options.claimsSheet !== undefined
        ? `no sheet named "${options.claimsSheet}"`
        : "no sheet has a header row naming claim number, date of service, payer and charge",
    );
  }
  const claims = readClaimsRegister(claimsSheet.grid, { sheet: claimsSheet.name });
  if (claims.headerRow === null) {
    throw new UnusableInputError(claims.issues.map(describeIssue).join("; ") || `sheet "${claimsSheet.name}" has no usable header row`);
  }

  const feeCandidates = [...dataSheets.filter((s) => s !== claimsSheet), ...(options.feeScheduleSheets ?? [])];
  const feeSheet = pickSheet(feeCandidates, options.feeScheduleSheet, (s) => {
    const found = findHeaderRow<FeeScheduleField>(s.grid, FEE_SCHEDULE_HEADER_SYNONYMS, ["payer", "cpt"], { sheet: s.name });
    return found.found && (found.fields.includes("amount") || found.fields.includes("percentOfMedicare")) ? found.fields.length : 0;
  });
  let feeSchedule: WorkbookReport["feeSchedule"] = null;
  const leftOut: LeftOutRow[] = claims.leftOut.map((l) => ({ ...l, sheet: l.sheet ?? claimsSheet.name }));
  if (feeSheet !== null) {
    const exported = readFeeScheduleExport(feeSheet.grid, { sheet: feeSheet.name });
    const read = readFeeScheduleRows(exported.rows, { sheet: feeSheet.name, columns: exported.mapping });
    feeSchedule = { sheet: feeSheet.name, rows: read.rows, issues: [...exported.issues, ...read.issues] };
  }

  const trend: TrendPoint[] = sheets
    .filter((s) => isReportTabName(s.name))
    .map((s) => trendFromReportTab(s.grid))
    .filter((t): t is TrendPoint => t !== null && t.asOf < options.asOf)
    .sort((a, b) => a.asOf - b.asOf);
  // One point per as-of date: the latest tab written for it wins.
  const uniqueTrend = trend.filter((t, i) => i === trend.length - 1 || trend[i + 1].asOf !== t.asOf);

  const figures = reportFigures({
    practiceName: options.practiceName ?? practiceNameFromSettings(sheets) ?? "Practice",
    asOf: options.asOf,
    lines: claims.lines,
    rowsRead: claims.rowsRead,
    leftOut,
    feeSchedule: feeSchedule?.rows ?? null,
    feeTolerance: options.feeTolerance,
    trend: uniqueTrend,
    source: `sheet "${claimsSheet.name}"`,
  });
  return { figures, summary: summaryJson(figures), sheet: physicianReport(figures), claims, feeSchedule };
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
function practiceNameFromSettings(sheets: readonly WorkbookSheet[]): string | null {
  const settings = sheets.find((s) => s.name.trim().toLowerCase() === "settings");
  if (settings === undefined) return null;
  for (const row of settings.grid) {
    if (row === undefined) continue;
    for (let c = 0; c + 1 < row.length; c++) {
      const label = row[c];
      const value = row[c + 1];
      if (typeof label === "string" && /^practice( name)?$/i.test(label.trim()) && typeof value === "string" && value.trim() !== "") {
        return value.trim();
      }
    }
  }
  return null;
}
