import Decimal from "decimal.js";
import { Money } from "../money/cents";

/** Relative value units of one code, or the geographic practice cost indices of one locality. */
export interface RvuComponents {
  work: Decimal.Value;
  practiceExpense: Decimal.Value;
  malpractice: Decimal.Value;
}

/**
 * Medicare amount in dollars, exact (CMS PFS payment formula; definitions.md, "Fee schedule and
 * underpayments"): [(work RVU × work GPCI) + (PE RVU × PE GPCI) + (MP RVU × MP GPCI)] × CF.
 * Not rounded: round once, to the cent, where the amount is finally used.
 */
export function medicareAmount(rvus: RvuComponents, gpcis: RvuComponents, conversionFactor: Decimal.Value): Decimal {
  const work = new Money(rvus.work).times(new Money(gpcis.work));
  const practiceExpense = new Money(rvus.practiceExpense).times(new Money(gpcis.practiceExpense));
  const malpractice = new Money(rvus.malpractice).times(new Money(gpcis.malpractice));
  return work.plus(practiceExpense).plus(malpractice).times(new Money(conversionFactor));
}

/** A non-participating provider's fee schedule amount: 95 % of the participating amount, exact. */
export function nonParticipatingAmount(participatingAmount: Decimal.Value): Decimal {
  return new Money(participatingAmount).times("0.95");
}

/**
 * The limiting charge: 115 % of the non-participating amount (definitions.md), exact. Takes the
 * participating amount, so it is 0.95 × 1.15 = 109.25 % of it.
 */
export function limitingCharge(participatingAmount: Decimal.Value): Decimal {
  return nonParticipatingAmount(participatingAmount).times("1.15");
}
