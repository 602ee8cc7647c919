import type { Day } from "../dates/day";
import type { CollectionRates } from "../kpis/collectionRates";
import type { DenialRates } from "../kpis/denialRates";
import type { ReportingPeriod } from "../kpis/reportingPeriod";
import { ratio } from "../money/ratio";
import type { MonthFigures } from "../report/monthlyTrend";
import type { ClaimColumns } from "./claimColumns";
import { claimsListedTogether } from "./claimsListedTogether";
import { MONTHS_PER_PASS } from "./monthBits";
import { monthSpan, type MonthRange, type MonthSpan } from "./monthSpan";
import { tallyMonths } from "./monthTally";
import { MonthTallyClaimsTogether } from "./monthTallyClaimsTogether";
import type { MonthColumns, MonthTally } from "./monthTallyTypes";

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
 * month, over columns, from one tally by month (monthTally.ts; monthTallyClaimsTogether.ts when
 * each claim's lines are listed together): a period's money is the sum of its months (exact:
 * integer cents), its claims are counted from each claim's months.
 */
export function periodsFromColumns(cols: ClaimColumns): PeriodFigures {
  const tally = new PeriodsTally(cols.asOf, cols.period);
  tally.add(cols, (cols.claimsTogether ?? true) && claimsListedTogether(cols.claim));
  return tally.finish();
}

/**
 * periodsFromColumns over chunks of the register. Several chunks need each claim's lines listed
 * together and a span of at most MONTHS_PER_PASS months (`inChunks`): the claim being read at the
 * end of a chunk is carried into the next. Otherwise only one chunk, the whole register
 * (tallyMonths, arrays per claim), as the caller (ClaimFiguresTally) sees to.
 */
export class PeriodsTally {
  readonly span: MonthSpan;
  private together: MonthTallyClaimsTogether | null = null;
  private whole: MonthTally | null = null;

  constructor(asOf: Day, period: ReportingPeriod) {
    this.span = monthSpan(period, asOf);
  }

  /** Whether the tally can take several chunks when claims are listed together. */
  get inChunks(): boolean {
    return this.span.starts.length <= MONTHS_PER_PASS;
  }

  /** `claimsTogether`: every claim's lines so far come together (each claim group one run of lines). */
  add(cols: ClaimColumns, claimsTogether: boolean): void {
    if (this.whole !== null) throw new RangeError("the month tally of a register with claims not listed together takes one chunk");
    if (claimsTogether && this.inChunks) (this.together ??= new MonthTallyClaimsTogether(this.span)).add(cols);
    else if (this.together === null) this.whole = tallyMonths(cols, this.span);
    else throw new RangeError("claims not listed together after the first chunk");
  }

  finish(): PeriodFigures {
    const { span } = this;
    const { byMonth, currentDenials, previousDenials } = this.whole ?? (this.together ??= new MonthTallyClaimsTogether(span)).finish();
    const monthly: MonthFigures[] = [];
    for (let m = span.current.first; m <= span.current.last; m++) {
      monthly.push({
        month: span.starts[m],
        charges: byMonth.charges[m],
        payments: byMonth.payments[m],
        visits: byMonth.visits[m],
        netCollectionRate: ratio(byMonth.payments[m], byMonth.charges[m] - byMonth.contractual[m]),
        denialRate: ratio(byMonth.denied[m], byMonth.submitted[m]),
      });
    }
    return {
      collections: collectionOfMonths(byMonth, span.current),
      denials: currentDenials,
      monthly,
      previous: { asOf: span.previousAsOf, collections: collectionOfMonths(byMonth, span.previous), denials: previousDenials },
    };
  }
}

/** collectionRates of the lines of months first … last: the sums of their months. */
function collectionOfMonths(tally: MonthColumns, months: MonthRange): CollectionRates {
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
