import { DEFAULT_AGING_BUCKETS } from "../aging/agingBuckets";
import { closedBucketBounds, type ArAging } from "../aging/arAging";
import type { ArAgingByPayer } from "../aging/arAgingByPayer";
import type { DaysInAR } from "../aging/daysInAR";
import { Money } from "../money/cents";
import { ratio } from "../money/ratio";
import type { ClaimColumns } from "./claimColumns";
import { grownArray } from "./grownArray";
import { payerAgingRows } from "./payerAgingRows";

/** The report's A/R figures: they all read the lines with DOS ≤ as-of, so they come from one pass. */
export interface AgedFigures {
  aging: ArAging;
  agingByPayer: ArAgingByPayer;
  daysInAR: DaysInAR;
}

/** What one pass over the aged lines tallies (money in integer cents). */
export interface AgedTally {
  /** Σ balance per payer group and bucket: amounts[payer × buckets + bucket]. */
  amounts: Float64Array;
  /** Σ negative balances per payer group. */
  credits: Float64Array;
  /** Lines with a non-zero balance per bucket. */
  nonZero: Float64Array;
  /** Σ charge of the lines in the days-in-A/R window. */
  windowCharges: number;
  linesAfterAsOf: number;
}

/**
 * arAging, arAgingByPayer and daysInAR (definitions.md, "A/R and aging", "Days in A/R") by date of
 * service with the default buckets and 90-day window, over columns, in one pass. The grand row,
 * the A/R total and the credit balances are sums of the payer rows (exact: integer cents).
 */
export function agedFromColumns(cols: ClaimColumns, windowDays = 90): AgedFigures {
  const tally = new AgedFiguresTally(windowDays);
  tally.add(cols);
  return tally.finish(cols);
}

/** agedFromColumns over chunks of the register: `add` each chunk, then `finish`. State: per payer group and bucket. */
export class AgedFiguresTally {
  private readonly tally: AgedTally = { amounts: new Float64Array(0), credits: new Float64Array(0), nonZero: new Float64Array(DEFAULT_AGING_BUCKETS.length), windowCharges: 0, linesAfterAsOf: 0 };
  private lines = 0;

  constructor(private readonly windowDays = 90) {}

  add(cols: ClaimColumns): void {
    const t = this.tally;
    t.amounts = grownArray(t.amounts, cols.payers.size * DEFAULT_AGING_BUCKETS.length);
    t.credits = grownArray(t.credits, cols.payers.size);
    this.lines += cols.dateOfService.length;
    const { windowCharges, after } = tallyAged(cols, this.windowDays, t);
    t.windowCharges += windowCharges;
    t.linesAfterAsOf += after;
  }

  /** The figures; `cols`: the last chunk (its group tables and names are the register's). */
  finish(cols: ClaimColumns): AgedFigures {
    const { tally, windowDays } = this;
    const { asOf } = cols;
    const buckets = DEFAULT_AGING_BUCKETS;
    const agingByPayer = payerAgingRows(cols, buckets, tally);
    const { amounts, total, creditBalances } = agingByPayer.grand;
    const over90 = amountPast(90, amounts), over120 = amountPast(120, amounts);
    const linesAged = this.lines - tally.linesAfterAsOf;
    const aging: ArAging = {
      asOf, basis: "dateOfService", total, creditBalances,
      buckets: buckets.map((bucket, b) => ({ label: bucket.label, from: bucket.from, to: bucket.to, amount: amounts[b], lines: tally.nonZero[b] })),
      over90, over120, over90Share: ratio(over90, total), over120Share: ratio(over120, total),
      linesAged, linesAfterAsOf: tally.linesAfterAsOf,
    };
    const { windowCharges } = tally;
    const daysInAR: DaysInAR = {
      arTotal: total, windowCharges, windowDays,
      averageDailyCharges: new Money(windowCharges).dividedBy(windowDays * 100),
      daysInAR: ratio(new Money(total).times(windowDays), windowCharges),
    };
    return { aging, agingByPayer, daysInAR };
  }
}

/**
 * Σ of the default buckets that start after `days`: the balance aged over `days` (a line's bucket
 * is past a bound exactly when its age is over it), exact for 90 and 120, where the buckets break.
 */
function amountPast(days: number, amounts: readonly number[]): number {
  let sum = 0;
  DEFAULT_AGING_BUCKETS.forEach((bucket, b) => {
    if (bucket.from > days) sum += amounts[b];
  });
  return sum;
}

/** The one pass: each line with DOS ≤ as-of into its payer's bucket (added to `tally`); the window's charges and the lines after as-of. */
function tallyAged(cols: ClaimColumns, windowDays: number, tally: AgedTally): { windowCharges: number; after: number } {
  const { asOf, dateOfService, balance, charge, payer } = cols;
  const bounds = closedBucketBounds(DEFAULT_AGING_BUCKETS);
  const closed = bounds.length;
  const width = DEFAULT_AGING_BUCKETS.length;
  const { amounts, credits, nonZero } = tally;
  const windowStart = asOf - (windowDays - 1);
  let windowCharges = 0, after = 0;
  for (let i = 0; i < dateOfService.length; i++) {
    const dos = dateOfService[i];
    if (dos > asOf) {
      after++;
      continue;
    }
    const owed = balance[i];
    const age = asOf - dos;
    let b = 0;
    while (b < closed && age > bounds[b]) b++;
    const p = payer[i];
    amounts[p * width + b] += owed;
    if (owed < 0) credits[p] += owed;
    if (owed !== 0) nonZero[b]++;
    if (dos >= windowStart) windowCharges += charge[i];
  }
  return { windowCharges, after };
}
