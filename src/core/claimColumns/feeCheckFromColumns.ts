import type { FeeCheck, FeeCheckOptions } from "../feeSchedule/checkFees";
import { FeeCheckTally } from "../feeSchedule/feeCheckTally";
import type { FeeScheduleRow } from "../feeSchedule/feeScheduleRow";
import { indexFeeSchedule } from "../feeSchedule/indexFeeSchedule";
import { medicareRatesFromSchedule } from "../feeSchedule/medicareRates";
import { STATUS_DENIED, STATUS_PAID, STATUS_PARTIALLY_PAID, type ClaimColumns } from "./claimColumns";
import { ExpectedAllowedMemo } from "./expectedAllowedMemo";

/**
 * checkFees (definitions.md, "Fee schedule and underpayments") of the period lines, over columns,
 * with each distinct line pricing computed once (ExpectedAllowedMemo). Same groups, order and sums.
 */
export function feeCheckFromColumns(cols: ClaimColumns, schedule: readonly FeeScheduleRow[], options: FeeCheckOptions = {}): FeeCheck {
  const index = indexFeeSchedule(schedule);
  const memo = new ExpectedAllowedMemo(index, options.medicareRates ?? medicareRatesFromSchedule(index.rows));
  const tally = new FeeCheckTally(options.tolerance ?? 0);
  const { periodIndexes, status, insurancePaid, contractualAdjustment, payer, lines } = cols;
  for (let k = 0; k < periodIndexes.length; k++) {
    const i = periodIndexes[k];
    const s = status[i];
    if (s === STATUS_DENIED) {
      tally.denied();
      continue;
    }
    const line = lines[i];
    const priced = memo.of(line, payer[i]);
    if (priced.result === null) tally.unmatched(line.row, priced.noMedicareAmount);
    // isAdjudicated (actualAllowed.ts), on the columns.
    else if (!(insurancePaid[i] !== 0 || contractualAdjustment[i] !== 0 || s === STATUS_PAID || s === STATUS_PARTIALLY_PAID)) tally.notAdjudicated();
    else tally.checked(line, priced.result, payer[i]);
  }
  return tally.result();
}
