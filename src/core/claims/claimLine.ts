import type { Cents } from "../money/cents";
import type { Day } from "../dates/day";

/** Claim statuses of the register (definitions.md, "The claims register"). */
export const CLAIM_STATUSES = [
  "Draft", "Submitted", "Paid", "Partially paid", "Denied", "Appealed", "Written off", "Closed",
] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** Payer classes of the register. */
export const PAYER_CLASSES = [
  "Medicare", "Medicare Advantage", "Medicaid", "Commercial", "Workers Comp", "Self-pay", "Other",
] as const;
export type PayerClass = (typeof PAYER_CLASSES)[number];

/**
 * One claim line of the register: one procedure code on one claim. Money in whole cents, dates
 * as Days. `row` is where the line came from (1-based), so any figure can be traced back.
 */
export interface ClaimLine {
  row: number;
  claimId: string;
  dateOfService: Day;
  payer: string;
  charge: Cents;
  insurancePaid: Cents;
  patientPaid: Cents;
  contractualAdjustment: Cents;
  otherAdjustment: Cents;
  /** Payer's allowed amount, where the export has it. */
  allowed: Cents | null;
  cpt: string | null;
  /** Up to four modifiers, upper case, in the order written. */
  modifiers: readonly string[];
  units: number;
  placeOfService: string | null;
  provider: string | null;
  payerClass: PayerClass | null;
  /** Null when the register has no status column or the cell was blank. */
  status: ClaimStatus | null;
  denialReason: string | null;
  submittedDate: Day | null;
  lastPaymentDate: Day | null;
}

/** The canonical fields, in register column order. */
export const CLAIM_FIELDS = [
  "claimId", "dateOfService", "payer", "charge", "insurancePaid", "patientPaid", "contractualAdjustment",
  "otherAdjustment", "allowed", "cpt", "modifiers", "units", "placeOfService", "provider", "payerClass", "status",
  "denialReason", "submittedDate", "lastPaymentDate",
] as const;
export type ClaimField = (typeof CLAIM_FIELDS)[number];

export const REQUIRED_CLAIM_FIELDS: readonly ClaimField[] = ["claimId", "dateOfService", "payer", "charge"];

/** Header text of each field on a Claims Register sheet. */
export const CLAIM_FIELD_HEADERS: Record<ClaimField, string> = {
  claimId: "Claim ID",
  dateOfService: "Date of Service",
  payer: "Payer",
  charge: "Charge",
  insurancePaid: "Insurance Paid",
  patientPaid: "Patient Paid",
  contractualAdjustment: "Contractual Adj",
  otherAdjustment: "Other Adj",
  allowed: "Allowed",
  cpt: "CPT",
  modifiers: "Modifiers",
  units: "Units",
  placeOfService: "POS",
  provider: "Provider",
  payerClass: "Payer Class",
  status: "Status",
  denialReason: "Denial Reason",
  submittedDate: "Submitted",
  lastPaymentDate: "Last Payment",
};

/**
 * The line shows a payment after the as-of date: a register holds today's balances, so such a line
 * was aged from a balance the as-of date did not have yet (the source report says how many).
 */
export function paidAfter(line: Pick<ClaimLine, "lastPaymentDate">, asOf: Day): boolean {
  return line.lastPaymentDate !== null && line.lastPaymentDate > asOf;
}
