import type { ClaimLine } from "../claims/claimLine";
import type { Cents } from "../money/cents";
import { actualAllowed, isAdjudicated } from "./actualAllowed";
import { expectedAllowed } from "./expectedAllowed";
import { FeeCheckTally } from "./feeCheckTally";
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
  const tally = new FeeCheckTally(options.tolerance ?? 0);
  const shown = (i: number): FeeCheckLine => lines[i];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.status === "Denied") {
      tally.denied();
      continue;
    }
    const expected = expectedAllowed(line, index, medicareRates);
    if (expected === null) tally.unmatched(line.row, findFeeRate(index, line)?.kind === "percentOfMedicare");
    else if (!isAdjudicated(line)) tally.notAdjudicated();
    else tally.checked(actualAllowed(line), expected, payerKey(line.payer), shown, i);
  }
  return tally.result();
}

function isIndex(schedule: readonly FeeScheduleRow[] | FeeScheduleIndex): schedule is FeeScheduleIndex {
  return !Array.isArray(schedule);
}
