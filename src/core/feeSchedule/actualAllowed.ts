import type { ClaimLine } from "../claims/claimLine";
import type { Cents } from "../money/cents";

/**
 * Actual allowed amount of a line (definitions.md, "Fee schedule and underpayments"): the allowed
 * column where present, else charge − contractual adjustment.
 */
export function actualAllowed(line: Pick<ClaimLine, "allowed" | "charge" | "contractualAdjustment">): Cents {
  return line.allowed ?? line.charge - line.contractualAdjustment;
}

/**
 * True when the payer has adjudicated the line (definitions.md): insurance paid or a contractual
 * adjustment is non-zero, or the status is Paid or Partially paid. A Denied line is never
 * adjudicated for the fee check: definitions.md says denied lines are not checked.
 */
export function isAdjudicated(line: Pick<ClaimLine, "insurancePaid" | "contractualAdjustment" | "status">): boolean {
  if (line.status === "Denied") return false;
  return line.insurancePaid !== 0 || line.contractualAdjustment !== 0 || line.status === "Paid" || line.status === "Partially paid";
}
