import { actualAllowed } from "../feeSchedule/actualAllowed";
import type { FeeCheck, FeeCheckOptions, FeeDiscrepancy, PayerUnderpayment } from "../feeSchedule/checkFees";
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
  const tolerance = Math.abs(options.tolerance ?? 0);
  const { periodIndexes, status, insurancePaid, contractualAdjustment, payer, lines } = cols;
  let checkedLines = 0, notAdjudicatedLines = 0, deniedLines = 0, noMedicareAmountLines = 0, underpaidTotal = 0, overpaidTotal = 0;
  const unmatchedRows: number[] = [];
  const underpaid: FeeDiscrepancy[] = [];
  const overpaid: FeeDiscrepancy[] = [];
  const byPayer = new Map<number, PayerUnderpayment>();
  for (let k = 0; k < periodIndexes.length; k++) {
    const i = periodIndexes[k];
    const s = status[i];
    if (s === STATUS_DENIED) {
      deniedLines++;
      continue;
    }
    const line = lines[i];
    const priced = memo.of(line, payer[i]);
    const expected = priced.result;
    if (expected === null) {
      unmatchedRows.push(line.row);
      if (priced.noMedicareAmount) noMedicareAmountLines++;
      continue;
    }
    // isAdjudicated (actualAllowed.ts), on the columns.
    if (!(insurancePaid[i] !== 0 || contractualAdjustment[i] !== 0 || s === STATUS_PAID || s === STATUS_PARTIALLY_PAID)) {
      notAdjudicatedLines++;
      continue;
    }
    checkedLines++;
    const actual = actualAllowed(line);
    const variance = actual - expected.expected;
    if (variance >= -tolerance && variance <= tolerance) continue;
    const discrepancy: FeeDiscrepancy = {
      row: line.row, claimId: line.claimId, cpt: line.cpt ?? "", payer: line.payer, provider: line.provider,
      dateOfService: line.dateOfService, expected: expected.expected, actual, variance,
      kind: variance < 0 ? "underpaid" : "overpaid", scheduleRow: expected.scheduleRow, rule: expected.rule,
    };
    if (variance < 0) {
      underpaid.push(discrepancy);
      underpaidTotal += -variance;
      const found = byPayer.get(payer[i]);
      if (found === undefined) byPayer.set(payer[i], { payer: line.payer.trim(), lines: 1, amount: -variance });
      else {
        found.lines++;
        found.amount += -variance;
      }
    } else {
      overpaid.push(discrepancy);
      overpaidTotal += variance;
    }
  }
  underpaid.sort((a, b) => a.variance - b.variance || a.row - b.row);
  overpaid.sort((a, b) => b.variance - a.variance || a.row - b.row);
  const underpaidByPayer = [...byPayer.values()].sort((a, b) => b.amount - a.amount || (a.payer < b.payer ? -1 : a.payer > b.payer ? 1 : 0));
  return {
    checkedLines, unmatchedLines: unmatchedRows.length, unmatchedRows, noMedicareAmountLines, notAdjudicatedLines, deniedLines,
    discrepancies: [...underpaid, ...overpaid], underpaidTotal, overpaidTotal, underpaidByPayer,
  };
}
