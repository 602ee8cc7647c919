import type Decimal from "decimal.js";
import type { ClaimLine } from "../claims/claimLine";
import type { Cents } from "../money/cents";
import { ratio } from "../money/ratio";

export type DenialLine = Pick<ClaimLine, "claimId" | "charge" | "status">;

export interface DenialRates {
  /** Claims with at least one line whose status is not Draft (a blank status counts as submitted). */
  submittedClaims: number;
  /** Claims with at least one Denied line. */
  deniedClaims: number;
  /** deniedClaims ÷ submittedClaims; null when no claim was submitted. */
  denialRate: Decimal | null;
  /** Σ charge of every line of the submitted claims. */
  submittedCharges: Cents;
  /** Σ charge of every line of the denied claims. */
  deniedCharges: Cents;
  /** deniedCharges ÷ submittedCharges; null when that is 0. */
  denialRateDollars: Decimal | null;
}

/** A claim's flags, as denialRates and the month tally (claimColumns/monthTally.ts) collect them: any line submitted, any line denied. */
export const CLAIM_SUBMITTED = 1;
export const CLAIM_DENIED = 2;
const SUBMITTED = CLAIM_SUBMITTED;
const DENIED = CLAIM_DENIED;

/**
 * Denial rates by claims and by dollars over the period lines, lines grouped into claims by claim
 * number (definitions.md, "Denials": HFMA initial denial rate by volume; AAFP dollar basis).
 */
export function denialRates(periodLines: readonly DenialLine[]): DenialRates {
  const claimIndex = new Map<string, number>();
  const flags: number[] = [];
  const charges: number[] = [];
  // Registers list a claim's lines together: reuse the previous line's claim without a Map look-up.
  let lastId: string | null = null;
  let c = -1;
  for (let i = 0; i < periodLines.length; i++) {
    const line = periodLines[i];
    if (line.claimId !== lastId) {
      lastId = line.claimId;
      const found = claimIndex.get(lastId);
      if (found !== undefined) c = found;
      else {
        c = flags.length;
        claimIndex.set(lastId, c);
        flags.push(0);
        charges.push(0);
      }
    }
    const status = line.status;
    if (status !== "Draft") flags[c] |= status === "Denied" ? SUBMITTED | DENIED : SUBMITTED;
    charges[c] += line.charge;
  }
  return denialRatesOfClaims(flags, charges);
}

/**
 * The denial rates of claims given by their flags (CLAIM_SUBMITTED, CLAIM_DENIED) and charges, in
 * the same order: the tally both the line path and the column path end with.
 */
export function denialRatesOfClaims(flags: ArrayLike<number>, charges: ArrayLike<number>): DenialRates {
  let submittedClaims = 0;
  let deniedClaims = 0;
  let submittedCharges = 0;
  let deniedCharges = 0;
  for (let c = 0; c < flags.length; c++) {
    const f = flags[c];
    if ((f & SUBMITTED) === 0) continue;
    submittedClaims++;
    submittedCharges += charges[c];
    if (f & DENIED) {
      deniedClaims++;
      deniedCharges += charges[c];
    }
  }
  return denialRatesOfTotals(submittedClaims, deniedClaims, submittedCharges, deniedCharges);
}

/** The denial rates of the claims counted and their charges (the last step of every path). */
export function denialRatesOfTotals(submittedClaims: number, deniedClaims: number, submittedCharges: Cents, deniedCharges: Cents): DenialRates {
  return {
    submittedClaims, deniedClaims, denialRate: ratio(deniedClaims, submittedClaims),
    submittedCharges, deniedCharges, denialRateDollars: ratio(deniedCharges, submittedCharges),
  };
}
