import { sumCents, formatCents, type Cents } from "../money/cents";
import type { Adjustment, RemittanceTransaction } from "./types";

/** Why a transaction does not balance: the rule broken, and the segment where it shows. */
export interface Imbalance {
  segment: string;
  position: number;
  reason: string;
}

const total = (adjustments: readonly Adjustment[]): Cents => sumCents(adjustments.map((a) => a.amount));

/**
 * The 835's balancing rules (005010X221A1 section 1.10.2, "Balancing"), checked before anything is
 * posted, in this order, the first failure returned:
 * line: SVC02 − Σ line CAS = SVC03; claim: CLP03 − Σ claim and line CAS = CLP04;
 * transaction: Σ CLP04 − Σ PLB = BPR02. A transaction with an unreadable amount cannot be checked.
 */
export function findImbalance(tx: RemittanceTransaction): Imbalance | null {
  if (tx.paymentPosition === 0) return { segment: "ST", position: tx.position, reason: "the transaction has no BPR (payment) segment" };
  const unreadable = tx.unreadable[0];
  if (unreadable !== undefined) return { segment: unreadable.segment, position: unreadable.position, reason: `an amount cannot be read (${unreadable.message})` };
  for (const claim of tx.claims) {
    for (const line of claim.lines) {
      const expected = line.charge - total(line.adjustments);
      if (expected !== line.paid) {
        return {
          segment: "SVC", position: line.position,
          reason: `claim ${claim.claimId}, line ${line.procedureText}: charge ${formatCents(line.charge)} − adjustments ${formatCents(total(line.adjustments))} = ${formatCents(expected)}, but SVC03 says ${formatCents(line.paid)}`,
        };
      }
    }
    const adjusted = total(claim.adjustments) + sumCents(claim.lines.map((l) => total(l.adjustments)));
    if (claim.charge - adjusted !== claim.paid) {
      return {
        segment: "CLP", position: claim.position,
        reason: `claim ${claim.claimId}: charge ${formatCents(claim.charge)} − adjustments ${formatCents(adjusted)} = ${formatCents(claim.charge - adjusted)}, but CLP04 says ${formatCents(claim.paid)}`,
      };
    }
  }
  const paid = sumCents(tx.claims.map((c) => c.paid));
  const plb = sumCents(tx.providerAdjustments.map((p) => p.amount));
  if (paid - plb !== tx.payment) {
    return {
      segment: "BPR", position: tx.paymentPosition,
      reason: `claims paid ${formatCents(paid)} − provider adjustments ${formatCents(plb)} = ${formatCents(paid - plb)}, but BPR02 says ${formatCents(tx.payment)}`,
    };
  }
  return null;
}
