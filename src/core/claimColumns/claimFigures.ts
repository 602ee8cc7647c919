import type { ArAging } from "../aging/arAging";
import type { ArAgingByPayer } from "../aging/arAgingByPayer";
import type { DaysInAR } from "../aging/daysInAR";
import type { Day } from "../dates/day";
import type { FeeCheck } from "../feeSchedule/checkFees";
import type { CollectionRates } from "../kpis/collectionRates";
import type { DaysToPay } from "../kpis/daysToPay";
import type { DenialRates } from "../kpis/denialRates";
import type { DenialReasonRow } from "../kpis/denialsByReason";
import type { PayerMixRow } from "../payerMix/payerMix";
import type { MonthFigures } from "../report/monthlyTrend";
import type { ProviderRow, WorkRvuFigures } from "../report/workRvuFigures";

/**
 * The report's figures that come from the claim lines (ReportFigures has them all, with the other
 * sheets'): what ClaimFiguresTally gives from the register's columns, whole or in chunks.
 */
export interface ClaimFigures {
  /** Claim lines read (any DOS). */
  linesUsed: number;
  /** Lines with DOS in the reporting period. */
  periodLines: number;
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
  /** Month by month over the period, from the register by date of service (monthlyTrend.ts). */
  monthly: MonthFigures[];
  /** The period figures one month earlier, from the same register (tiles' change vs last month). */
  previous: { asOf: Day; collections: CollectionRates; denials: DenialRates };
  /** Work RVUs of the period (Σ units × work RVU); null when no RVU table was found. */
  workRvus: WorkRvuFigures | null;
}
