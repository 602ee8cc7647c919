import type { ClaimLine } from "../claims/claimLine";
import type { Cents } from "../money/cents";
import { actualAllowed, isAdjudicated } from "./actualAllowed";
import { expectedAllowed } from "./expectedAllowed";
import type { FeeScheduleRow } from "./feeScheduleRow";
import { findFeeRate, indexFeeSchedule, type FeeScheduleIndex } from "./indexFeeSchedule";
import { payerKey } from "./keys";
import { medicareRatesFromSchedule, type MedicareRates } from "./medicareRates";

export type FeeCheckLine = Pick<
  ClaimLine,
  | "row" | "claimId" | "payer" | "cpt" | "modifiers" | "units" | "placeOfService" | "charge" | "insurancePaid"
  | "contractualAdjustment" | "allowed" | "status" | "provider" | "dateOfService"
> & Partial<Pick<ClaimLine, "payerClass">>;

export interface FeeCheckOptions {
  /** A variance within ± tolerance is neither under- nor overpaid. Default 0 cents. */
  tolerance?: Cents;
  /**
   * Medicare amounts for percent-of-Medicare rows. Default: the schedule's own fixed rows, without
   * modifier, of the payer "Medicare" (medicareRatesFromSchedule).
   */
  medicareRates?: MedicareRates;
}

export interface FeeDiscrepancy {
  row: number;
  claimId: string;
  cpt: string;
  payer: string;
  provider: string | null;
  dateOfService: ClaimLine["dateOfService"];
  expected: Cents;
  actual: Cents;
  /** actual − expected. */
  variance: Cents;
  kind: "underpaid" | "overpaid";
  /** Source row of the fee schedule row used, and how the expected amount was reached. */
  scheduleRow: number;
  rule: string;
}

export interface PayerUnderpayment {
  /** Payer name as first written. */
  payer: string;
  lines: number;
  /** Σ of −variance of the payer's underpaid lines: a positive amount to recover. */
  amount: Cents;
}

export interface FeeCheck {
  /** Lines with a matching rate that the payer has adjudicated. */
  checkedLines: number;
  /** Lines (not denied) with no matching rate, or a percent-of-Medicare row with no Medicare amount. */
  unmatchedLines: number;
  unmatchedRows: number[];
  /** Of the unmatched lines, those whose rate is a percent of Medicare with no Medicare amount for the code. */
  noMedicareAmountLines: number;
  /** Lines with a matching rate not yet adjudicated (no payment, no contractual adjustment, not Paid). */
  notAdjudicatedLines: number;
  /** Denied lines: never checked. */
  deniedLines: number;
  /** Underpaid lines first, most underpaid first; then overpaid lines, most overpaid first. */
  discrepancies: FeeDiscrepancy[];
  /** Σ −variance over underpaid lines (positive). */
  underpaidTotal: Cents;
  /** Σ variance over overpaid lines (positive). */
  overpaidTotal: Cents;
  /** Underpayments per payer (trimmed, case-insensitive), largest amount first. */
  underpaidByPayer: PayerUnderpayment[];
}

/**
 * Checks each line's actual allowed amount against the fee schedule (definitions.md, "Fee schedule
 * and underpayments"). Each line falls in exactly one group: denied (status Denied, never checked),
 * unmatched (no rate), not adjudicated, or checked. Variance = actual allowed − expected allowed;
 * underpaid when variance < −tolerance, overpaid when variance > tolerance.
 * `schedule` is the rows or an index built once with indexFeeSchedule.
 */
export function checkFees(
  lines: readonly FeeCheckLine[],
  schedule: readonly FeeScheduleRow[] | FeeScheduleIndex,
  options: FeeCheckOptions = {},
): FeeCheck {
  const index = isIndex(schedule) ? schedule : indexFeeSchedule(schedule);
  const medicareRates = options.medicareRates ?? medicareRatesFromSchedule(index.rows);
  // A negative tolerance would make every exact payment a discrepancy; its size is what is meant.
  const tolerance = Math.abs(options.tolerance ?? 0);

  let checkedLines = 0;
  let notAdjudicatedLines = 0;
  let deniedLines = 0;
  let noMedicareAmountLines = 0;
  const unmatchedRows: number[] = [];
  const underpaid: FeeDiscrepancy[] = [];
  const overpaid: FeeDiscrepancy[] = [];
  let underpaidTotal = 0;
  let overpaidTotal = 0;
  const byPayer = new Map<string, PayerUnderpayment>();

  for (const line of lines) {
    if (line.status === "Denied") {
      deniedLines++;
      continue;
    }
    const expected = expectedAllowed(line, index, medicareRates);
    if (expected === null) {
      unmatchedRows.push(line.row);
      if (findFeeRate(index, line)?.kind === "percentOfMedicare") noMedicareAmountLines++;
      continue;
    }
    if (!isAdjudicated(line)) {
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
      const key = payerKey(line.payer);
      const payer = byPayer.get(key);
      if (payer === undefined) byPayer.set(key, { payer: line.payer.trim(), lines: 1, amount: -variance });
      else {
        payer.lines++;
        payer.amount += -variance;
      }
    } else {
      overpaid.push(discrepancy);
      overpaidTotal += variance;
    }
  }

  underpaid.sort((a, b) => a.variance - b.variance || a.row - b.row);
  overpaid.sort((a, b) => b.variance - a.variance || a.row - b.row);
  const underpaidByPayer = [...byPayer.values()].sort(
    (a, b) => b.amount - a.amount || (a.payer < b.payer ? -1 : a.payer > b.payer ? 1 : 0),
  );
  return {
    checkedLines, unmatchedLines: unmatchedRows.length, unmatchedRows, noMedicareAmountLines, notAdjudicatedLines, deniedLines,
    discrepancies: [...underpaid, ...overpaid], underpaidTotal, overpaidTotal, underpaidByPayer,
  };
}

function isIndex(schedule: readonly FeeScheduleRow[] | FeeScheduleIndex): schedule is FeeScheduleIndex {
  return !Array.isArray(schedule);
}
