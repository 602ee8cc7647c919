import type { Day } from "../dates/day";
import type { ClaimLine } from "../claims/claimLine";
import type { ArAging } from "../aging/arAging";
import type { ArAgingByPayer } from "../aging/arAgingByPayer";
import type { DaysInAR } from "../aging/daysInAR";
import type { CollectionRates } from "../kpis/collectionRates";
import type { DenialRates } from "../kpis/denialRates";
import type { DenialReasonRow } from "../kpis/denialsByReason";
import type { DaysToPay } from "../kpis/daysToPay";
import { reportingPeriod, type ReportingPeriod } from "../kpis/reportingPeriod";
import type { PayerMixRow } from "../payerMix/payerMix";
import type { FeeCheck } from "../feeSchedule/checkFees";
import {
  agedFromColumns, denialReasonsFromColumns, claimColumns, daysToPayFromColumns, feeCheckFromColumns, payersAndProvidersFromColumns, periodColumns,
  periodsFromColumns, type RegisterColumns,
} from "../claimColumns";
import type { FeeScheduleRow } from "../feeSchedule/feeScheduleRow";
import type { Cents } from "../money/cents";
import { budgetReportFigures, type BudgetInput, type BudgetReportFigures } from "./budgetFigures";
import type { MonthFigures } from "./monthlyTrend";
import type { DenialRates as PreviousDenials } from "../kpis/denialRates";
import { payrollReportFigures, type PayrollInput, type PayrollReportFigures } from "./payrollFigures";
import type { ClaimsSourceReport } from "./sourceSummary";
import type { FeeScheduleLeftOut } from "./feeScheduleLeftOut";
import type { RvuTableRead } from "../rvu/workRvuRow";
import { workRvuFigures, type ProviderRow, type WorkRvuFigures } from "./workRvuFigures";

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
}

/** Every figure the physician report shows, computed once from the register (definitions.md). */
export interface ReportFigures {
  practiceName: string;
  asOf: Day;
  period: ReportingPeriod;
  source: string | null;
  rowsRead: number;
  linesUsed: number;
  periodLines: number;
  leftOut: readonly LeftOutRow[];
  aging: ArAging;
  agingByPayer: ArAgingByPayer;
  daysInAR: DaysInAR;
  collections: CollectionRates;
  denials: DenialRates;
  denialReasons: DenialReasonRow[];
  payerMix: PayerMixRow[];
  daysToPay: DaysToPay;
  /** Per provider; `workRVUs` when an RVU table was found (workRvuFigures.ts). */
  providers: ProviderRow[];
  feeCheck: FeeCheck | null;
  trend: readonly TrendPoint[];
  /** Month by month over the period, from the register by date of service (monthlyTrend.ts). */
  monthly: MonthFigures[];
  /** The period figures one month earlier, from the same register (tiles' change vs last month). */
  previous: { asOf: Day; collections: CollectionRates; denials: PreviousDenials };
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
  /** Work RVUs of the period (Σ units × work RVU); absent or null when no RVU table was found. */
  workRvus?: WorkRvuFigures | null;
}

/**
 * Computes the report's figures. A/R, aging and days in A/R take every line with DOS ≤ as-of;
 * collections, denials, payer mix, days to pay, productivity and the fee check take the lines of
 * the reporting period (the 12 calendar months ending with the as-of month, by DOS).
 */
export function reportFigures(input: ReportInput): ReportFigures {
  const period = reportingPeriod(input.asOf);
  // Every figure from the lines as columns (src/core/claimColumns), as the import filled them or
  // read here: the same figures as arAging, payerMix, checkFees … over the lines, which the tests hold them to.
  const given = input.registerColumns;
  const cols = given !== undefined && given !== null && given.lines === input.lines ? periodColumns(given, input.asOf, period) : claimColumns(input.lines, input.asOf, period);
  const periods = periodsFromColumns(cols);
  const collections = periods.collections;
  const { payerMix, providers } = payersAndProvidersFromColumns(cols);
  const aged = agedFromColumns(cols);
  const rvus = input.rvuTable === undefined || input.rvuTable === null ? null : workRvuFigures(input.lines, cols.periodIndexes, input.rvuTable, providers);
  return {
    practiceName: input.practiceName,
    asOf: input.asOf,
    period,
    source: input.source ?? null,
    rowsRead: input.rowsRead,
    linesUsed: input.lines.length,
    periodLines: cols.periodIndexes.length,
    leftOut: input.leftOut,
    aging: aged.aging,
    agingByPayer: aged.agingByPayer,
    daysInAR: aged.daysInAR,
    collections,
    denials: periods.denials,
    denialReasons: denialReasonsFromColumns(cols),
    payerMix,
    daysToPay: daysToPayFromColumns(cols),
    providers: rvus?.providers ?? providers,
    feeCheck:
      input.feeSchedule === undefined || input.feeSchedule === null || input.feeSchedule.length === 0
        ? null
        : feeCheckFromColumns(cols, input.feeSchedule, { tolerance: input.feeTolerance ?? 0 }),
    trend: input.trend ?? [],
    monthly: periods.monthly,
    previous: periods.previous,
    budget: input.budget === undefined || input.budget === null ? null : budgetReportFigures(input.budget, input.asOf),
    payroll: input.payroll === undefined || input.payroll === null ? null : payrollReportFigures(input.payroll, period, collections.payments),
    sheetIssues: input.sheetIssues ?? [],
    sourceReport: input.sourceReport ?? null,
    feeScheduleLeftOut: input.feeScheduleLeftOut ?? null,
    workRvus: rvus?.figures ?? null,
  };
}
