import Decimal from "decimal.js";
import { formatCents } from "../money/cents";
import { formatRate } from "../money/ratio";
import { isoFromDay } from "../dates/day";
import type { ReportFigures } from "./reportFigures";

/**
 * The JSON summary of a report: a public interface (names are kept; new ones may be added).
 * Money as strings with two decimals, shares and rates with four, days with one; a rate with
 * nothing to divide by is null.
 */
export interface ReportSummaryJson {
  practice: string;
  asOf: string;
  period: { from: string; to: string };
  source: string | null;
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
  providers: { provider: string; charges: string; payments: string; visits: number }[];
  feeSchedule: {
    checkedLines: number;
    unmatchedLines: number;
    notAdjudicatedLines: number;
    deniedLines: number;
    discrepancies: { row: number; claimId: string; cpt: string; payer: string; expected: string; actual: string; variance: string; kind: string }[];
    underpaidTotal: string;
    overpaidTotal: string;
    underpaidByPayer: { payer: string; lines: number; amount: string }[];
  } | null;
}

const rate = (r: Decimal | null): string | null => (r === null ? null : formatRate(r, 4));
const days = (d: Decimal | null): string | null => (d === null ? null : d.toFixed(1, Decimal.ROUND_HALF_UP));

export function summaryJson(f: ReportFigures): ReportSummaryJson {
  return {
    practice: f.practiceName,
    asOf: isoFromDay(f.asOf),
    period: { from: isoFromDay(f.period.from), to: isoFromDay(f.period.to) },
    source: f.source,
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
    providers: f.providers.map((p) => ({ provider: p.provider, charges: formatCents(p.charges), payments: formatCents(p.payments), visits: p.visits })),
    feeSchedule:
      f.feeCheck === null
        ? null
        : {
            checkedLines: f.feeCheck.checkedLines,
            unmatchedLines: f.feeCheck.unmatchedLines,
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
  };
}
