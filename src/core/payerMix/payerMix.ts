import type Decimal from "decimal.js";
import type { ClaimLine } from "../claims/claimLine";
import type { Cents } from "../money/cents";
import { ratio } from "../money/ratio";
import { PayerMixTotals } from "./payerMixTotals";

export type PayerMixLine = Pick<ClaimLine, "payer" | "charge" | "insurancePaid" | "patientPaid">;

export interface PayerMixRow {
  /** Payer name as first written (trimmed). */
  payer: string;
  charges: Cents;
  /** charges ÷ Σ charges of all payers, exact (40 digits); null when Σ charges is 0. */
  chargeShare: Decimal | null;
  /** Σ insurancePaid + patientPaid of the payer's lines. */
  payments: Cents;
  /** payments ÷ Σ payments of all payers; null when Σ payments is 0. */
  paymentShare: Decimal | null;
  /** payments ÷ charges; null when the payer has no charges. */
  collectionRatio: Decimal | null;
}

/**
 * Payer mix of the period lines (definitions.md, "Payer mix"): per payer, names compared trimmed
 * and case-insensitively and shown as first written, sorted by charges descending, ties by name.
 * Round shares for display with roundShares so they add to 100 %.
 */
export function payerMix(periodLines: readonly PayerMixLine[]): PayerMixRow[] {
  const totals = new PayerMixTotals();
  for (let i = 0; i < periodLines.length; i++) {
    const line = periodLines[i];
    totals.add(line.payer, line.charge, line.insurancePaid + line.patientPaid);
  }
  return payerMixRows(totals);
}

/** The payer mix rows of running totals: sorted by charges descending, ties by name. */
export function payerMixRows(totals: PayerMixTotals): PayerMixRow[] {
  const { groups, charges, payments, totalCharges, totalPayments } = totals;
  const order = groups.names.map((_, i) => i);
  order.sort((a, b) => charges[b] - charges[a] || groups.compareByName(a, b));
  return order.map((i) => ({
    payer: groups.names[i],
    charges: charges[i],
    chargeShare: ratio(charges[i], totalCharges),
    payments: payments[i],
    paymentShare: ratio(payments[i], totalPayments),
    collectionRatio: ratio(payments[i], charges[i]),
  }));
}
