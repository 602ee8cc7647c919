import type { DaysToPay, DaysToPayRow } from "../kpis/daysToPay";
import { Money } from "../money/cents";
import { ratio } from "../money/ratio";
import type { ClaimColumns } from "./claimColumns";
import { periodRunStart } from "./periodRun";
import { WaitCounts } from "./waitCounts";

/**
 * daysToPay (from the submission date, DOS where blank) of the period lines, over columns. Waits
 * are whole days, so the medians come from counts per day instead of a sort (waitCounts.ts); all
 * payers' counts are the payers' counts added up.
 */
export function daysToPayFromColumns(cols: ClaimColumns): DaysToPay {
  const tally = new DaysToPayTally();
  tally.add(cols);
  return tally.finish(cols);
}

/** daysToPayFromColumns over chunks of the register. State: counts per day per payer group. */
export class DaysToPayTally {
  private readonly perPayer: (WaitCounts | undefined)[] = [];
  // Each payer as first written among the lines counted (as daysToPay names it).
  private readonly names: string[] = [];
  private paymentBeforeStart = 0;

  add(cols: ClaimColumns): void {
    this.paymentBeforeStart += countWaits(cols, this.perPayer, this.names);
  }

  /** The figures; `cols`: the last chunk (its payer groups are the register's). */
  finish(cols: ClaimColumns): DaysToPay {
    const { perPayer, names } = this;
    const keys = cols.payers.keys;
    const order: number[] = [];
    for (let g = 0; g < cols.payers.size; g++) if (perPayer[g] !== undefined) order.push(g);
    order.sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
    const all = new WaitCounts();
    for (const g of order) all.addAll(perPayer[g] as WaitCounts);
    return {
      payers: order.map((g) => summarize(names[g], perPayer[g] as WaitCounts)),
      overall: summarize("All payers", all),
      paymentBeforeStart: this.paymentBeforeStart,
    };
  }
}

/**
 * Each paid period line's wait into its payer's counts; returns the lines paid before the wait
 * starts. The loop alone in its function: code after a long loop that only V8's compiled loop
 * reached first sent it back to the interpreter on every call.
 */
function countWaits(cols: ClaimColumns, perPayer: (WaitCounts | undefined)[], names: string[]): number {
  const { periodIndexes, payer, insurancePaid, lastPaymentDate, submittedDate, dateOfService } = cols;
  let paymentBeforeStart = 0;
  const run = periodRunStart(cols);
  for (let k = 0; k < periodIndexes.length; k++) {
    const i = run >= 0 ? run + k : periodIndexes[k];
    const paidOn = lastPaymentDate[i];
    if (!(insurancePaid[i] > 0) || paidOn !== paidOn) continue; // NaN: no payment date
    const submitted = submittedDate[i];
    const wait = paidOn - (submitted === submitted ? submitted : dateOfService[i]);
    if (wait < 0) {
      paymentBeforeStart++;
      continue;
    }
    const g = payer[i];
    let counts = perPayer[g];
    if (counts === undefined) {
      perPayer[g] = counts = new WaitCounts();
      names[g] = cols.payerSpellings[cols.payerSpelling[i]].trim();
    }
    counts.add(wait);
  }
  return paymentBeforeStart;
}

function summarize(payer: string, waits: WaitCounts): DaysToPayRow {
  const n = waits.count;
  if (n === 0) return { payer, paidLines: 0, averageDays: null, medianDays: null };
  const mid = n >> 1;
  const median = n % 2 === 1 ? new Money(waits.nth(mid)) : new Money(waits.nth(mid - 1) + waits.nth(mid)).dividedBy(2);
  return { payer, paidLines: n, averageDays: ratio(waits.sum, n), medianDays: median };
}
