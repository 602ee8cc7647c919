import type { Day } from "../dates/day";
import type { ClaimLine } from "../claims/claimLine";
import { reportingPeriod, type ReportingPeriod } from "../kpis/reportingPeriod";
import { ClaimFiguresTally, registerColumns, type ClaimFigures, type RegisterColumns } from "../claimColumns";
import type { FeeScheduleRow } from "../feeSchedule/feeScheduleRow";
import type { Cents } from "../money/cents";
import { budgetReportFigures, type BudgetInput, type BudgetReportFigures } from "./budgetFigures";
import { payrollReportFigures, type PayrollInput, type PayrollReportFigures } from "./payrollFigures";
import type { ClaimsSourceReport } from "./sourceSummary";
import type { FeeScheduleLeftOut } from "./feeScheduleLeftOut";
import type { RvuTableRead } from "../rvu/workRvuRow";

/** A source row that was not used, and why: listed in the report's notes and the JSON summary. */
export interface LeftOutRow {
  sheet: string;
  row: number;
  column?: string;
  reason: string;
}

/**
 * A problem in a sheet other than the claims register (Budget, Actuals, Payroll, Settings):
 * "error" = the row or value was left out; "warning" = used, but worth a look.
 */
export interface SheetIssue {
  sheet: string;
  row: number;
  column?: string;
  severity: "error" | "warning";
  reason: string;
}

/** Key figures of an earlier report tab, for the trend. */
export interface TrendPoint {
  asOf: Day;
  charges: Cents;
  payments: Cents;
  arTotal: Cents;
  netCollectionRate: string | null;
  daysInAR: string | null;
  over90Share: string | null;
  denialRate: string | null;
}

export interface ReportInput {
  practiceName: string;
  asOf: Day;
  /** Every usable claim line read (any DOS; lines after the as-of date are counted, not aged). */
  lines: readonly ClaimLine[];
  /** `lines` as columns, as the import filled them (readClaimsRegister's registerColumns); absent: read from `lines`. */
  registerColumns?: RegisterColumns | null;
  /** Rows of data read from the claims source (used + left out). */
  rowsRead: number;
  leftOut: readonly LeftOutRow[];
  feeSchedule?: readonly FeeScheduleRow[] | null;
  /** Tolerance of the fee check, in cents (default 0). */
  feeTolerance?: Cents;
  /** Key figures of earlier report tabs, oldest first. */
  trend?: readonly TrendPoint[];
  /** Where the claims came from ("Claims Register" sheet of book.xlsx). */
  source?: string;
  /** The budget read from the Budget (and Actuals) sheet; absent or null when there is none. */
  budget?: BudgetInput | null;
  /** The payroll register and its settings; absent or null when there is none. */
  payroll?: PayrollInput | null;
  /** Issues of the Budget, Actuals, Payroll and Settings sheets. */
  sheetIssues?: readonly SheetIssue[];
  /** Where each field came from, the balance check, balances as of what (absent: not known). */
  sourceReport?: ClaimsSourceReport | null;
  /** Fee-schedule rows left out (absent or null: no fee schedule read). */
  feeScheduleLeftOut?: FeeScheduleLeftOut | null;
  /** The RVU table (an RVUs sheet, or the fee schedule's work RVU column); absent or null: none. */
  rvuTable?: RvuTableRead | null;
  /**
   * Figures already tallied from a streamed register (ClaimFiguresTally over chunks, with this
   * as-of date, fee schedule, tolerance and RVU table): then `lines` may be empty and
   * `registerColumns` absent, and the claim figures are these.
   */
  claimFigures?: ClaimFigures;
}

/** Every figure the physician report shows, computed once from the register (definitions.md); the claim figures from ClaimFiguresTally. */
export interface ReportFigures extends ClaimFigures {
  practiceName: string;
  asOf: Day;
  period: ReportingPeriod;
  source: string | null;
  rowsRead: number;
  leftOut: readonly LeftOutRow[];
  trend: readonly TrendPoint[];
  /** Budget status at the as-of month; null when no budget sheet was found (or it is for a later year). */
  budget: BudgetReportFigures | null;
  /** Payroll over the reporting period (by pay date); null when no payroll sheet was found. */
  payroll: PayrollReportFigures | null;
  /** Issues of the Settings, Payroll, Budget and Actuals sheets, sheet by sheet. */
  sheetIssues: readonly SheetIssue[];
  /** What the reader made of the claims source; null when not known. */
  sourceReport: ClaimsSourceReport | null;
  /** Fee-schedule rows left out; absent or null when no fee schedule was read. */
  feeScheduleLeftOut?: FeeScheduleLeftOut | null;
}

/**
 * Computes the report's figures. A/R, aging and days in A/R take every line with DOS ≤ as-of;
 * collections, denials, payer mix, days to pay, productivity and the fee check take the lines of
 * the reporting period (the 12 calendar months ending with the as-of month, by DOS).
 */
export function reportFigures(input: ReportInput): ReportFigures {
  const period = reportingPeriod(input.asOf);
  const claims = input.claimFigures ?? claimFiguresOfRegister(input);
  return {
    practiceName: input.practiceName,
    asOf: input.asOf,
    period,
    source: input.source ?? null,
    rowsRead: input.rowsRead,
    leftOut: input.leftOut,
    ...claims,
    trend: input.trend ?? [],
    budget: input.budget === undefined || input.budget === null ? null : budgetReportFigures(input.budget, input.asOf),
    payroll: input.payroll === undefined || input.payroll === null ? null : payrollReportFigures(input.payroll, period, claims.collections.payments),
    sheetIssues: input.sheetIssues ?? [],
    sourceReport: input.sourceReport ?? null,
    feeScheduleLeftOut: input.feeScheduleLeftOut ?? null,
  };
}

/**
 * The claim figures of the whole register in one chunk: from the lines as columns (src/core/claimColumns),
 * as the import filled them or read here. The same figures as arAging, payerMix, checkFees … over
 * the lines, which the tests hold them to.
 */
function claimFiguresOfRegister(input: ReportInput): ClaimFigures {
  const given = input.registerColumns;
  const register = given !== undefined && given !== null && given.lines === input.lines ? given : registerColumns(input.lines);
  const tally = new ClaimFiguresTally({ asOf: input.asOf, feeSchedule: input.feeSchedule, feeTolerance: input.feeTolerance, rvuTable: input.rvuTable });
  tally.add(register);
  return tally.finish();
}
