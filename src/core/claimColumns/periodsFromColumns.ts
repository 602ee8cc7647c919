import type { Day } from "../dates/day";
import type { CollectionRates } from "../kpis/collectionRates";
import { denialRatesOfClaims, type DenialRates } from "../kpis/denialRates";
import { ratio } from "../money/ratio";
import type { MonthFigures } from "../report/monthlyTrend";
import type { ClaimColumns } from "./claimColumns";
import { monthSpan, type MonthRange } from "./monthSpan";
import { tallyMonths, type MonthTally } from "./monthTally";

/** The report's figures by date of service over the period, month by month, and over the previous period. */
export interface PeriodFigures {
  /** collectionRates of the period lines (definitions.md, "Collection rates"). */
  collections: CollectionRates;
  /** denialRates of the period lines (definitions.md, "Denials": HFMA by volume, AAFP by dollars). */
  denials: DenialRates;
  /** monthlyTrend: the period month by month. */
  monthly: MonthFigures[];
  /** previousPeriodFigures: the 12 months ending with the month before the as-of month (tiles' change vs last month). */
  previous: { asOf: Day; collections: CollectionRates; denials: DenialRates };
}

/**
 * Collection and denial rates of the period and of the previous period, and the period month by
 * month, over columns, from one tally by month (monthTally.ts): a period's money is the sum of its
 * months (exact: integer cents), its claims are flagged from each claim's months.
 */
export function periodsFromColumns(cols: ClaimColumns): PeriodFigures {
  const span = monthSpan(cols.period, cols.asOf);
  const tally = tallyMonths(cols, span);
  const monthly: MonthFigures[] = [];
  for (let m = span.current.first; m <= span.current.last; m++) {
    monthly.push({
      month: span.starts[m],
      charges: tally.charges[m],
      payments: tally.payments[m],
      visits: tally.visits[m],
      netCollectionRate: ratio(tally.payments[m], tally.charges[m] - tally.contractual[m]),
      denialRate: ratio(tally.denied[m], tally.submitted[m]),
    });
  }
  return {
    collections: collectionOfMonths(tally, span.current),
    denials: denialRatesOfClaims(tally.current.flags, tally.current.charges),
    monthly,
    previous: {
      asOf: span.previousAsOf,
      collections: collectionOfMonths(tally, span.previous),
      denials: denialRatesOfClaims(tally.previous.flags, tally.previous.charges),
    },
  };
}

/** collectionRates of the lines of months first … last: the sums of their months. */
function collectionOfMonths(tally: MonthTally, months: MonthRange): CollectionRates {
  let charges = 0, payments = 0, contractual = 0, balances = 0;
  for (let m = months.first; m <= months.last; m++) {
    charges += tally.charges[m];
    payments += tally.payments[m];
    contractual += tally.contractual[m];
    balances += tally.balances[m];
  }
  // other adjustments = charges − payments − contractual − balance (definitions.md, "The claims register").
  const other = charges - payments - contractual - balances;
  return {
    charges, payments, contractualAdjustments: contractual, otherAdjustments: other,
    grossCollectionRate: ratio(payments, charges), netCollectionRate: ratio(payments, charges - contractual),
  };
}
