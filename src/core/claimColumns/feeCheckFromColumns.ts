import type { FeeCheck, FeeCheckOptions } from "../feeSchedule/checkFees";
import { FeeCheckTally, type FeeLineShown } from "../feeSchedule/feeCheckTally";
import type { FeeScheduleRow } from "../feeSchedule/feeScheduleRow";
import { indexFeeSchedule } from "../feeSchedule/indexFeeSchedule";
import { medicareRatesFromSchedule } from "../feeSchedule/medicareRates";
import { STATUS_DENIED, STATUS_PAID, STATUS_PARTIALLY_PAID, type ClaimColumns } from "./claimColumns";
import { ExpectedAllowedMemo } from "./expectedAllowedMemo";

/**
 * checkFees (definitions.md, "Fee schedule and underpayments") of the period lines, over columns,
 * with each (payer, pricing group) priced once (ExpectedAllowedMemo) and a line object read only
 * for a line listed. Same groups, order and sums.
 */
export function feeCheckFromColumns(cols: ClaimColumns, schedule: readonly FeeScheduleRow[], options: FeeCheckOptions = {}): FeeCheck {
  const tally = new FeeCheckColumnsTally(schedule, options);
  tally.add(cols);
  return tally.finish();
}

/** feeCheckFromColumns over chunks of the register. State: the pricing memo and the fee check's groups and sums. */
export class FeeCheckColumnsTally {
  private readonly memo: ExpectedAllowedMemo;
  private readonly tally: FeeCheckTally;

  constructor(schedule: readonly FeeScheduleRow[], options: FeeCheckOptions = {}) {
    const index = indexFeeSchedule(schedule);
    this.memo = new ExpectedAllowedMemo(index, options.medicareRates ?? medicareRatesFromSchedule(index.rows));
    this.tally = new FeeCheckTally(options.tolerance ?? 0);
  }

  add(cols: ClaimColumns): void {
    this.memo.use(cols);
    checkLines(cols, this.memo, this.tally);
  }

  finish(): FeeCheck {
    return this.tally.result();
  }
}

/** The pass over the period lines (the loop alone in its function). */
function checkLines(cols: ClaimColumns, memo: ExpectedAllowedMemo, tally: FeeCheckTally): void {
  const { periodIndexes, status, insurancePaid, contractualAdjustment, charge, allowed, payer, row } = cols;
  const shown = lineShown(cols);
  for (let k = 0; k < periodIndexes.length; k++) {
    const i = periodIndexes[k];
    const s = status[i];
    if (s === STATUS_DENIED) {
      tally.denied();
      continue;
    }
    const priced = memo.of(i);
    if (priced.result === null) tally.unmatched(row[i], priced.noMedicareAmount);
    // isAdjudicated (actualAllowed.ts), on the columns.
    else if (!(insurancePaid[i] !== 0 || contractualAdjustment[i] !== 0 || s === STATUS_PAID || s === STATUS_PARTIALLY_PAID)) tally.notAdjudicated();
    else {
      // actualAllowed (actualAllowed.ts): the allowed column where present (NaN: none), else charge − contractual adjustment.
      const a = allowed[i];
      tally.checked(a === a ? a : charge[i] - contractualAdjustment[i], priced.result, payer[i], shown, i);
    }
  }
}

/** What a listed line shows, from the columns: no line object is read (a million lines lie far apart in memory). */
function lineShown(cols: ClaimColumns): (i: number) => FeeLineShown {
  const { row, claim, pricing, payerSpelling, providerSpelling, dateOfService, payerSpellings, providerSpellings } = cols;
  const { claimIds, claimIdsFrom } = cols;
  const pricings = cols.pricings.pricings;
  return (i) => ({
    row: row[i], claimId: claimIds[claim[i] - claimIdsFrom], cpt: pricings[pricing[i]].cpt, payer: payerSpellings[payerSpelling[i]],
    provider: providerSpellings[providerSpelling[i]], dateOfService: dateOfService[i],
  });
}
