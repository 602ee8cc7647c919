import Decimal from "decimal.js";
import { formatCents } from "../money/cents";
import { formatRate } from "../money/ratio";
import { isoFromDay } from "../dates/day";
import type { ReportFigures } from "./reportFigures";
import type { BudgetFigures } from "../budget/budgetStatus";
import type { BudgetReportFigures } from "./budgetFigures";
import type { PayrollReportFigures } from "./payrollFigures";
import { sourceSummaryJson, type BalancesAsOf, type SourceSummaryJson } from "./sourceSummary";
import { workRvuSummaryJson, workRvuText, type WorkRvuSummaryJson } from "./workRvuSummary";

/** Budget and actual year to date of one line type, with the variance (actual − budget). */
export interface BudgetTotalJson {
  budgetYTD: string;
  actualYTD: string;
  variance: string;
}

/** Budget status at the as-of month (definitions.md, "Budget"). */
export interface BudgetSummaryJson {
  /** Month (1-12) the year to date runs through. */
  asOfMonth: number;
  year: number;
  revenue: BudgetTotalJson;
  expense: BudgetTotalJson;
  capital: BudgetTotalJson;
  /** revenue actual YTD − expense actual YTD */
  netIncomeYTD: string;
  categories: {
    category: string;
    lineType: string;
    budgetYTD: string;
    actualYTD: string;
    variance: string;
    variancePct: string | null;
    favorable: boolean | null;
    forecast: string;
    runRate: string;
    overBudget: boolean;
  }[];
  linesOverBudget: string[];
  /** Share a line may run over its year-to-date budget before it counts as over budget ("0.0500"). */
  overBudgetThreshold: string;
  equipmentBudgetRemaining: string;
  /** Sheets read. */
  sheets: { budget: string; actual: string | null };
  /** Subtotal rows, total columns and headings recognised and not summed. */
  notSummed: { sheet: string; row?: number; column?: string; label: string; reason: string }[];
}

/** Payroll over the reporting period, by pay date (definitions.md, "Payroll"). */
export interface PayrollSummaryJson {
  from: string;
  to: string;
  /** wages + employer taxes + benefits */
  totalCost: string;
  wages: string;
  employerTaxes: { socialSecurity: string; medicare: string; futa: string; suta: string; total: string };
  benefits: string;
  overtimeHours: string;
  overtimePay: string;
  byDepartment: { department: string; cost: string; hours: string }[];
  fte: string | null;
  /** totalCost ÷ period payments */
  shareOfCollections: string | null;
  sheet: string;
  settingsSource: string;
  lines: number;
}

/**
 * The JSON summary of a report: a public interface (names are kept; new ones may be added).
 * Money as strings with two decimals, shares and rates with four, days with one, hours and FTEs
 * with two; a rate with nothing to divide by is null.
 */
export interface ReportSummaryJson {
  practice: string;
  asOf: string;
  period: { from: string; to: string };
  /** The claims source: its name, layout, each field's column (or null), columns not used, balance check, notes. */
  source: SourceSummaryJson | null;
  claims: {
    rowsRead: number;
    lines: number;
    periodLines: number;
    afterAsOf: number;
    leftOut: { sheet: string; row: number; column?: string; reason: string }[];
  };
  ar: {
    total: string;
    creditBalances: string;
    buckets: { label: string; amount: string; lines: number }[];
    over90: string;
    over120: string;
    over90Share: string | null;
    over120Share: string | null;
    daysInAR: string | null;
    daysInARWindowDays: number;
    /** "asOfDate": balances rolled up from postings up to the as-of date; "export": the balances as the export had them. */
    balancesAsOf: BalancesAsOf;
    byPayer: { payer: string; amounts: string[]; total: string }[];
  };
  kpis: {
    charges: string;
    payments: string;
    contractualAdjustments: string;
    otherAdjustments: string;
    grossCollectionRate: string | null;
    netCollectionRate: string | null;
    submittedClaims: number;
    deniedClaims: number;
    denialRate: string | null;
    denialRateDollars: string | null;
    averageDaysToPay: string | null;
    medianDaysToPay: string | null;
  };
  payerMix: { payer: string; charges: string; chargeShare: string | null; payments: string; paymentShare: string | null; collectionRatio: string | null }[];
  denialsByReason: { reason: string; claims: number; lines: number; charges: string }[];
  /** workRVUs: Σ units × work RVU of the period (2 decimals); null when no RVU table was found. */
  providers: { provider: string; charges: string; payments: string; visits: number; workRVUs: string | null }[];
  /** Where the work RVUs came from and the lines without one; null when no RVU table was found. */
  workRVUs: WorkRvuSummaryJson | null;
  feeSchedule: {
    checkedLines: number;
    unmatchedLines: number;
    /** Of the unmatched lines, those priced at a percent of Medicare with no Medicare amount for the code. */
    noMedicareAmountLines: number;
    notAdjudicatedLines: number;
    deniedLines: number;
    discrepancies: { row: number; claimId: string; cpt: string; payer: string; expected: string; actual: string; variance: string; kind: string }[];
    underpaidTotal: string;
    overpaidTotal: string;
    underpaidByPayer: { payer: string; lines: number; amount: string }[];
  } | null;
  /** Budget status; null when the workbook has no budget sheet. */
  budget: BudgetSummaryJson | null;
  /** Payroll summary; null when the workbook has no payroll sheet. */
  payroll: PayrollSummaryJson | null;
  /** Issues of the Budget, Actuals, Payroll and Settings sheets ("error": left out; "warning": used). */
  sheetIssues: { sheet: string; row: number; column?: string; severity: "error" | "warning"; reason: string }[];
}

const rate = (r: Decimal | null): string | null => (r === null ? null : formatRate(r, 4));
const days = (d: Decimal | null): string | null => (d === null ? null : d.toFixed(1, Decimal.ROUND_HALF_UP));
const hours = (d: Decimal): string => d.toFixed(2, Decimal.ROUND_HALF_UP);

function budgetTotal(t: BudgetFigures): BudgetTotalJson {
  return { budgetYTD: formatCents(t.budgetYTD), actualYTD: formatCents(t.actualYTD), variance: formatCents(t.variance) };
}

/** The `budget` section of the summary. */
export function budgetSummaryJson(b: BudgetReportFigures): BudgetSummaryJson {
  const s = b.status;
  return {
    asOfMonth: b.asOfMonth,
    year: b.year,
    revenue: budgetTotal(s.totals.revenue),
    expense: budgetTotal(s.totals.expense),
    capital: budgetTotal(s.totals.capital),
    netIncomeYTD: formatCents(s.netIncomeYTD),
    categories: s.byCategory.map((c) => ({
      category: c.category,
      lineType: c.lineType,
      budgetYTD: formatCents(c.budgetYTD),
      actualYTD: formatCents(c.actualYTD),
      variance: formatCents(c.variance),
      variancePct: rate(c.variancePct),
      favorable: c.favorable,
      forecast: formatCents(c.forecast),
      runRate: formatCents(c.runRate),
      overBudget: c.overBudget,
    })),
    linesOverBudget: s.linesOverBudget.map((c) => c.category),
    overBudgetThreshold: new Decimal(b.overBudgetThreshold).toFixed(4),
    equipmentBudgetRemaining: formatCents(s.equipmentBudgetRemaining),
    sheets: { ...b.sheets },
    notSummed: b.notSummed.map((n) => ({ ...n })),
  };
}

/** The `payroll` section of the summary. */
export function payrollSummaryJson(p: PayrollReportFigures): PayrollSummaryJson {
  const t = p.totals;
  return {
    from: isoFromDay(p.from),
    to: isoFromDay(p.to),
    totalCost: formatCents(t.totalCost),
    wages: formatCents(t.grossWages),
    employerTaxes: {
      socialSecurity: formatCents(t.socialSecurity),
      medicare: formatCents(t.medicare),
      futa: formatCents(t.futa),
      suta: formatCents(t.suta),
      total: formatCents(t.employerTaxes),
    },
    benefits: formatCents(t.benefits),
    overtimeHours: hours(p.overtimeHours),
    overtimePay: formatCents(p.overtimePay),
    byDepartment: p.byDepartment.map((d) => ({ department: d.name, cost: formatCents(d.totalCost), hours: hours(d.hoursWorked) })),
    fte: p.fte === null ? null : p.fte.toFixed(2, Decimal.ROUND_HALF_UP),
    shareOfCollections: rate(p.shareOfCollections),
    sheet: p.sheet,
    settingsSource: p.settingsSource,
    lines: p.linesInPeriod,
  };
}

const UNKNOWN_COLUMNS: SourceSummaryInput = {
  layout: "encounter-level export", headerRows: [], fields: [], notUsed: [], missingMoney: [], ambiguous: [], balanceColumn: null, notes: [], assumptions: [],
};
type SourceSummaryInput = Parameters<typeof sourceSummaryJson>[0]["columns"];

export function summaryJson(f: ReportFigures): ReportSummaryJson {
  return {
    practice: f.practiceName,
    asOf: isoFromDay(f.asOf),
    period: { from: isoFromDay(f.period.from), to: isoFromDay(f.period.to) },
    source: f.sourceReport === null ? (f.source === null ? null : sourceSummaryJson({ name: f.source, columns: UNKNOWN_COLUMNS, balanceCheck: null, balancesAsOf: "export", otherSheets: [], notes: [] })) : sourceSummaryJson(f.sourceReport),
    claims: {
      rowsRead: f.rowsRead,
      lines: f.linesUsed,
      periodLines: f.periodLines,
      afterAsOf: f.aging.linesAfterAsOf,
      leftOut: f.leftOut.map((l) => ({ ...l })),
    },
    ar: {
      total: formatCents(f.aging.total),
      creditBalances: formatCents(f.aging.creditBalances),
      buckets: f.aging.buckets.map((b) => ({ label: b.label, amount: formatCents(b.amount), lines: b.lines })),
      over90: formatCents(f.aging.over90),
      over120: formatCents(f.aging.over120),
      over90Share: rate(f.aging.over90Share),
      over120Share: rate(f.aging.over120Share),
      daysInAR: days(f.daysInAR.daysInAR),
      daysInARWindowDays: f.daysInAR.windowDays,
      balancesAsOf: f.sourceReport?.balancesAsOf ?? "export",
      byPayer: f.agingByPayer.payers.map((p) => ({ payer: p.payer, amounts: p.amounts.map(formatCents), total: formatCents(p.total) })),
    },
    kpis: {
      charges: formatCents(f.collections.charges),
      payments: formatCents(f.collections.payments),
      contractualAdjustments: formatCents(f.collections.contractualAdjustments),
      otherAdjustments: formatCents(f.collections.otherAdjustments),
      grossCollectionRate: rate(f.collections.grossCollectionRate),
      netCollectionRate: rate(f.collections.netCollectionRate),
      submittedClaims: f.denials.submittedClaims,
      deniedClaims: f.denials.deniedClaims,
      denialRate: rate(f.denials.denialRate),
      denialRateDollars: rate(f.denials.denialRateDollars),
      averageDaysToPay: days(f.daysToPay.overall.averageDays),
      medianDaysToPay: days(f.daysToPay.overall.medianDays),
    },
    payerMix: f.payerMix.map((p) => ({
      payer: p.payer,
      charges: formatCents(p.charges),
      chargeShare: rate(p.chargeShare),
      payments: formatCents(p.payments),
      paymentShare: rate(p.paymentShare),
      collectionRatio: rate(p.collectionRatio),
    })),
    denialsByReason: f.denialReasons.map((d) => ({ reason: d.reason, claims: d.claims, lines: d.lines, charges: formatCents(d.charges) })),
    providers: f.providers.map((p) => ({ provider: p.provider, charges: formatCents(p.charges), payments: formatCents(p.payments), visits: p.visits, workRVUs: workRvuText(p.workRVUs) })),
    workRVUs: workRvuSummaryJson(f.workRvus),
    feeSchedule:
      f.feeCheck === null
        ? null
        : {
            checkedLines: f.feeCheck.checkedLines,
            unmatchedLines: f.feeCheck.unmatchedLines,
            noMedicareAmountLines: f.feeCheck.noMedicareAmountLines,
            notAdjudicatedLines: f.feeCheck.notAdjudicatedLines,
            deniedLines: f.feeCheck.deniedLines,
            discrepancies: f.feeCheck.discrepancies.map((d) => ({
              row: d.row,
              claimId: d.claimId,
              cpt: d.cpt,
              payer: d.payer,
              expected: formatCents(d.expected),
              actual: formatCents(d.actual),
              variance: formatCents(d.variance),
              kind: d.kind,
            })),
            underpaidTotal: formatCents(f.feeCheck.underpaidTotal),
            overpaidTotal: formatCents(f.feeCheck.overpaidTotal),
            underpaidByPayer: f.feeCheck.underpaidByPayer.map((p) => ({ payer: p.payer, lines: p.lines, amount: formatCents(p.amount) })),
          },
    budget: f.budget === null ? null : budgetSummaryJson(f.budget),
    payroll: f.payroll === null ? null : payrollSummaryJson(f.payroll),
    sheetIssues: f.sheetIssues.map((i) => ({ ...i })),
  };
}
