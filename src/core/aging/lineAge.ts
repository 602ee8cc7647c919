import type { ClaimLine } from "../claims/claimLine";
import type { Day } from "../dates/day";

/** Which date a line's age counts from (definitions.md, "A/R and aging"; default dateOfService). */
export type AgingBasis = "dateOfService" | "submittedDate" | "lastPaymentDate";

export const AGING_BASES: readonly AgingBasis[] = ["dateOfService", "submittedDate", "lastPaymentDate"];

export type AgeDates = Pick<ClaimLine, "dateOfService"> & Partial<Pick<ClaimLine, "submittedDate" | "lastPaymentDate">>;

/** The date a line ages from: the chosen date, or the date of service where that date is blank. */
export function agingStart(line: AgeDates, basis: AgingBasis = "dateOfService"): Day {
  if (basis === "submittedDate") return line.submittedDate ?? line.dateOfService;
  if (basis === "lastPaymentDate") return line.lastPaymentDate ?? line.dateOfService;
  return line.dateOfService;
}

/**
 * Age of a line in days = D − the basis date (definitions.md, "A/R and aging"). Negative when the
 * basis date is after D (it then sits in the first bucket).
 */
export function lineAge(line: AgeDates, asOf: Day, basis: AgingBasis = "dateOfService"): number {
  return asOf - agingStart(line, basis);
}
