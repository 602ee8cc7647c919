import { lineBalance } from "../claims/balance";
import type { ClaimLine, ClaimStatus } from "../claims/claimLine";
import type { Day } from "../dates/day";
import { formatCents, type Cents } from "../money/cents";
import { adjustmentEffect, carcLabel, DENIAL_REASONS } from "./carc";
import type { Adjustment } from "./types";

/** What one matched line of the register receives from one claim of an 835. */
export interface LinePosting {
  row: number;
  claimId: string;
  /** "99213 25" (code and modifiers as the payer sent them), or null for a claim without service lines. */
  procedure: string | null;
  /** Added to insurancePaid (negative for a reversal). */
  paid: Cents;
  /** Added to contractualAdjustment. */
  contractualAdjustment: Cents;
  /** Added to otherAdjustment. */
  otherAdjustment: Cents;
  /** PR amounts: shown, owed by the patient, never written off. */
  patientResponsibility: Cents;
  status: ClaimStatus;
  denialReason: string | null;
  allowed: Cents | null;
  paymentDate: Day | null;
  /** Plain words: claim-level adjustments placed here, denial not written off, code changed, … */
  notes: string[];
}

/** How the payer processed the claim (CLP02), as posting treats it. */
export type ClaimRole = "primary" | "secondary" | "denied" | "reversal";

/** CLP02 (005010X221A1 2100 CLP02): 1/19 primary, 2/20 secondary, 3/21 tertiary, 4 denied, 22 reversal. */
export function claimRole(clp02: string): ClaimRole {
  if (clp02 === "22") return "reversal";
  if (clp02 === "4") return "denied";
  if (["2", "3", "20", "21"].includes(clp02)) return "secondary";
  return "primary";
}

export interface LinePostingInput {
  line: ClaimLine;
  claimId: string;
  procedure: string | null;
  role: ClaimRole;
  /** SVC03 (or CLP04 for a claim without service lines). */
  paid: Cents;
  /** The line's CAS, plus the claim-level CAS when this line carries them. */
  adjustments: readonly Adjustment[];
  /** Claim-level CAS placed on this line: they reduce its payment (CLP04 = Σ SVC03 − Σ claim CAS). */
  claimLevel: readonly Adjustment[];
  allowed: Cents | null;
  paymentDate: Day | null;
  notes: string[];
}

/**
 * The posting of one line: insurance paid += the payment; CO → contractual adjustment; PR shown,
 * not written off; OA/PI → other adjustment, except CARC 23 (the prior payer's impact, not a new
 * write-off). A denial (CLP02 = 4, or nothing paid with a denial CARC) writes nothing off and
 * records the CARC. A secondary or tertiary payer adds its payment; its write-offs are posted only
 * up to what is left open, so the primary's adjustments are not taken twice.
 */
export function planLinePosting(input: LinePostingInput): LinePosting {
  const { line, role } = input;
  const notes = [...input.notes];
  const claimLevel = input.claimLevel.reduce((s, a) => s + a.amount, 0);
  const paid = input.paid - claimLevel;
  if (claimLevel !== 0) notes.push(`claim-level adjustments of ${formatCents(claimLevel)} posted on this line`);
  let contractual = 0;
  let other = 0;
  let patient = 0;
  for (const a of input.adjustments) {
    const effect = adjustmentEffect(a.group, a.reason);
    if (effect === "contractual") contractual += a.amount;
    else if (effect === "other") other += a.amount;
    else if (effect === "patient") patient += a.amount;
    else notes.push(`${carcLabel(a.group, a.reason)} ${formatCents(a.amount)}: the prior payer's impact, not written off`);
  }
  const denial = input.adjustments.find((a) => a.group !== "PR" && DENIAL_REASONS.has(a.reason));
  const denied = role === "denied" || (role !== "reversal" && paid === 0 && denial !== undefined);
  let denialReason: string | null = null;
  if (denied) {
    const first = denial ?? input.adjustments.find((a) => a.group !== "PR");
    denialReason = first === undefined ? null : carcLabel(first.group, first.reason);
    if (contractual + other !== 0) notes.push(`denied: adjustments of ${formatCents(contractual + other)} not written off (left open to appeal or bill)`);
    contractual = 0;
    other = 0;
  }
  if (role === "secondary") {
    const room = Math.max(0, lineBalance(line) - paid - patient);
    if (contractual + other > room) {
      notes.push(`write-offs of ${formatCents(contractual + other)} capped at the ${formatCents(room)} left open: the primary's adjustments are not repeated`);
      contractual = Math.min(Math.max(contractual, 0), room);
      other = Math.min(Math.max(other, 0), room - contractual);
    }
  }
  const after = { ...line, insurancePaid: line.insurancePaid + paid, contractualAdjustment: line.contractualAdjustment + contractual, otherAdjustment: line.otherAdjustment + other };
  return {
    row: line.row, claimId: input.claimId, procedure: input.procedure, paid, contractualAdjustment: contractual, otherAdjustment: other,
    patientResponsibility: patient, status: statusAfter(role, denied, after, patient), denialReason,
    allowed: role === "primary" ? input.allowed : null, paymentDate: input.paymentDate, notes,
  };
}

/**
 * Denied when denied; after a reversal, Submitted if nothing stays paid (awaiting the corrected
 * claim) else Partially paid; otherwise Paid when all that is left open is the patient's share,
 * Partially paid when more is.
 */
function statusAfter(role: ClaimRole, denied: boolean, after: ClaimLine, patient: Cents): ClaimStatus {
  if (denied) return "Denied";
  if (role === "reversal") return after.insurancePaid <= 0 ? "Submitted" : "Partially paid";
  return lineBalance(after) - patient <= 0 ? "Paid" : "Partially paid";
}

/** The register line after a posting. */
export function applyLinePosting(line: ClaimLine, p: LinePosting): ClaimLine {
  return {
    ...line,
    insurancePaid: line.insurancePaid + p.paid,
    contractualAdjustment: line.contractualAdjustment + p.contractualAdjustment,
    otherAdjustment: line.otherAdjustment + p.otherAdjustment,
    status: p.status,
    denialReason: p.status === "Denied" ? p.denialReason : line.denialReason,
    allowed: p.allowed ?? line.allowed,
    lastPaymentDate: p.paid !== 0 && p.paymentDate !== null ? p.paymentDate : line.lastPaymentDate,
  };
}
