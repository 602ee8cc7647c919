import type { Cents } from "../money/cents";
import type { ClaimLine } from "./claimLine";

export type BalanceParts = Pick<ClaimLine, "charge" | "insurancePaid" | "patientPaid" | "contractualAdjustment" | "otherAdjustment">;

/**
 * Balance of a line = charge − insurancePaid − patientPaid − contractualAdjustment − otherAdjustment
 * (definitions.md, "The claims register"). Negative is a credit balance.
 */
export function lineBalance(line: BalanceParts): Cents {
  return line.charge - line.insurancePaid - line.patientPaid - line.contractualAdjustment - line.otherAdjustment;
}

/** Payments of a line = insurancePaid + patientPaid (definitions.md, "Collection rates"). */
export function linePayments(line: Pick<ClaimLine, "insurancePaid" | "patientPaid">): Cents {
  return line.insurancePaid + line.patientPaid;
}
