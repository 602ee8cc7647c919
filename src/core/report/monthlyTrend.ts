import type Decimal from "decimal.js";
import type { ClaimLine } from "../claims/claimLine";
import { firstOfMonth, lastOfMonth, type Day } from "../dates/day";
import { collectionRates, type CollectionRates } from "../kpis/collectionRates";
import { denialRates, type DenialRates } from "../kpis/denialRates";
import { linesInPeriod, reportingPeriod, type ReportingPeriod } from "../kpis/reportingPeriod";
import type { Cents } from "../money/cents";

export type TrendLine = Pick<ClaimLine, "dateOfService" | "claimId" | "charge" | "insurancePaid" | "patientPaid" | "contractualAdjustment" | "otherAdjustment" | "status">;

/**
 * One calendar month of the period, computed from the register by date of service: the charges
 * of the services of that month and what has been paid on them so far (as of the register's last
 * update, not by payment date: a claims register holds a line's payments to date, not a ledger of
 * payment dates). Recent months are therefore not yet fully paid: their collection rate rises as
 * claims are adjudicated (the report says so beside the table).
 */
export interface MonthFigures {
  /** First day of the month. */
  month: Day;
  charges: Cents;
  payments: Cents;
  /** Distinct claims with a date of service in the month (one claim is one visit). */
  visits: number;
  /** Payments ÷ (charges − contractual adjustments) of the month's services, to date (MGMA adjusted FFS %). */
  netCollectionRate: Decimal | null;
  /** Denied ÷ submitted claims of the month's services (HFMA initial denial rate by volume). */
  denialRate: Decimal | null;
}

/** Month-by-month figures over the period (oldest first; every month listed, empty ones with zeros). */
export function monthlyTrend(lines: readonly TrendLine[], period: ReportingPeriod): MonthFigures[] {
  const byMonth = new Map<Day, TrendLine[]>();
  for (let m = firstOfMonth(period.from); m <= period.to; m = lastOfMonth(m) + 1) byMonth.set(m, []);
  for (const line of linesInPeriod(lines, period)) byMonth.get(firstOfMonth(line.dateOfService))?.push(line);
  return [...byMonth.entries()].map(([month, monthLines]) => {
    const c = collectionRates(monthLines);
    const d = denialRates(monthLines);
    return {
      month,
      charges: c.charges,
      payments: c.payments,
      visits: new Set(monthLines.map((l) => l.claimId)).size,
      netCollectionRate: c.netCollectionRate,
      denialRate: d.denialRate,
    };
  });
}

/**
 * The period figures as they stood one month earlier: the 12 months ending with the previous
 * month, from the same register (payments to date, as above). For the tiles' "change vs last month".
 */
export function previousPeriodFigures(lines: readonly TrendLine[], asOf: Day): { asOf: Day; collections: CollectionRates; denials: DenialRates } {
  const previousAsOf = firstOfMonth(asOf) - 1;
  const period = reportingPeriod(previousAsOf);
  const periodLines = linesInPeriod(lines, period);
  return { asOf: previousAsOf, collections: collectionRates(periodLines), denials: denialRates(periodLines) };
}
