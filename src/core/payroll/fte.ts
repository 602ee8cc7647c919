import type Decimal from "decimal.js";
import { Money, type Cents } from "../money/cents";
import { ratio } from "../money/ratio";

/**
 * Full-time equivalent of one employee: hours ÷ (standard week × weeks), capped at 1.0 (a person
 * working overtime is still one FTE). Null when standard week × weeks is 0.
 */
export function fte(hours: Decimal.Value, standardWeekHours: Decimal.Value = 40, weeks: Decimal.Value = 52): Decimal | null {
  const r = ratio(hours, new Money(standardWeekHours).times(weeks));
  if (r === null) return null;
  return r.gt(1) ? new Money(1) : r;
}

/** Σ of each employee's FTE (each capped at 1.0 on its own); null when the denominator is 0. */
export function totalFte(hoursByEmployee: readonly Decimal.Value[], standardWeekHours: Decimal.Value = 40, weeks: Decimal.Value = 52): Decimal | null {
  let sum = new Money(0);
  for (const h of hoursByEmployee) {
    const one = fte(h, standardWeekHours, weeks);
    if (one === null) return null;
    sum = sum.plus(one);
  }
  return sum;
}

/**
 * Support-staff cost per physician FTE (the MGMA "per FTE physician" view): total cost ÷
 * physician FTE, rounded to the cent once, half up. Null when there is no physician FTE.
 */
export function staffCostPerPhysicianFTE(totalCost: Cents, physicianFTE: Decimal.Value): Cents | null {
  const r = ratio(totalCost, physicianFTE);
  return r === null ? null : r.toDecimalPlaces(0, Money.ROUND_HALF_UP).toNumber();
}

/** Payroll cost as a share of collections (payments): exact, null when collections are 0. */
export function payrollShareOfCollections(payrollCost: Cents, collections: Cents): Decimal | null {
  return ratio(payrollCost, collections);
}
