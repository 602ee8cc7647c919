import type { ExpectedAllowed } from "./expectedAllowed";
import type { Cents } from "../money/cents";
import type { FeeCheck, FeeCheckLine, FeeDiscrepancy, PayerUnderpayment } from "./checkFees";

/** What a listed line shows of its line. */
export type FeeLineShown = Pick<FeeCheckLine, "row" | "claimId" | "cpt" | "payer" | "provider" | "dateOfService">;

/**
 * The groups and sums of a fee check (definitions.md, "Fee schedule and underpayments"), line by
 * line: what checkFees (over line objects) and feeCheckFromColumns (over typed columns) both tally.
 * Each line is told to exactly one of denied, unmatched, notAdjudicated or checked; `result` sorts
 * underpaid lines most underpaid first, then overpaid lines most overpaid first.
 */
export class FeeCheckTally {
  private checkedLines = 0;
  private notAdjudicatedLines = 0;
  private deniedLines = 0;
  private noMedicareAmountLines = 0;
  private readonly unmatchedRows: number[] = [];
  private readonly underpaid: FeeDiscrepancy[] = [];
  private readonly overpaid: FeeDiscrepancy[] = [];
  private underpaidTotal = 0;
  private overpaidTotal = 0;
  /** Keyed by the payer as the caller groups payers (trimmed, case-insensitive). */
  private readonly byPayer = new Map<string | number, PayerUnderpayment>();

  /** A negative tolerance would make every exact payment a discrepancy; its size is what is meant. */
  constructor(private readonly tolerance: number) {
    this.tolerance = Math.abs(tolerance);
  }

  denied(): void {
    this.deniedLines++;
  }

  /** No rate; `noMedicareAmount` when the rate is a percent of Medicare with no Medicare amount. */
  unmatched(row: number, noMedicareAmount: boolean): void {
    this.unmatchedRows.push(row);
    if (noMedicareAmount) this.noMedicareAmountLines++;
  }

  notAdjudicated(): void {
    this.notAdjudicatedLines++;
  }

  /**
   * An adjudicated line with its expected allowed amount; `payerGroup` groups its payer's spellings.
   * `actual` is the line's actualAllowed; `shown(i)` gives what a listed line shows, asked only when
   * the line is listed (its variance is beyond the tolerance).
   */
  checked(actual: Cents, expected: ExpectedAllowed, payerGroup: string | number, shown: (i: number) => FeeLineShown, i: number): void {
    this.checkedLines++;
    const variance = actual - expected.expected;
    if (variance >= -this.tolerance && variance <= this.tolerance) return;
    const line = shown(i);
    const discrepancy: FeeDiscrepancy = {
      row: line.row, claimId: line.claimId, cpt: line.cpt ?? "", payer: line.payer, provider: line.provider,
      dateOfService: line.dateOfService, expected: expected.expected, actual, variance,
      kind: variance < 0 ? "underpaid" : "overpaid", scheduleRow: expected.scheduleRow, rule: expected.rule,
    };
    if (variance < 0) {
      this.underpaid.push(discrepancy);
      this.underpaidTotal += -variance;
      const payer = this.byPayer.get(payerGroup);
      if (payer === undefined) this.byPayer.set(payerGroup, { payer: line.payer.trim(), lines: 1, amount: -variance });
      else {
        payer.lines++;
        payer.amount += -variance;
      }
    } else {
      this.overpaid.push(discrepancy);
      this.overpaidTotal += variance;
    }
  }

  result(): FeeCheck {
    const underpaid = [...this.underpaid].sort((a, b) => a.variance - b.variance || a.row - b.row);
    const overpaid = [...this.overpaid].sort((a, b) => b.variance - a.variance || a.row - b.row);
    const underpaidByPayer = [...this.byPayer.values()].sort(
      (a, b) => b.amount - a.amount || (a.payer < b.payer ? -1 : a.payer > b.payer ? 1 : 0),
    );
    return {
      checkedLines: this.checkedLines, unmatchedLines: this.unmatchedRows.length, unmatchedRows: [...this.unmatchedRows],
      noMedicareAmountLines: this.noMedicareAmountLines, notAdjudicatedLines: this.notAdjudicatedLines, deniedLines: this.deniedLines,
      discrepancies: [...underpaid, ...overpaid], underpaidTotal: this.underpaidTotal, overpaidTotal: this.overpaidTotal, underpaidByPayer,
    };
  }
}
