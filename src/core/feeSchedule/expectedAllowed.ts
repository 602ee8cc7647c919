import type Decimal from "decimal.js";
import type { ClaimLine } from "../claims/claimLine";
import { centsFromDollars, dollarsFromCents, Money, type Cents } from "../money/cents";
import type { FeeScheduleRow } from "./feeScheduleRow";
import { findFeeRate, type FeeScheduleIndex } from "./indexFeeSchedule";
import type { MedicareRates } from "./medicareRates";
import { modifierFactor } from "./modifierFactors";

export interface ExpectedAllowed {
  /** rate × units × factor, rounded once to the cent, half up. */
  expected: Cents;
  /** Dollars per unit from the schedule, exact (a percent-of-Medicare rate is not rounded). */
  rate: Decimal;
  /** The modifier factor: 1 when a modifier-specific row matched. */
  factor: Decimal;
  units: number;
  /** How the amount was reached, in words: "fixed $100.00 × 3 units × 50 % (modifier 51)". */
  rule: string;
  /** Source row of the fee schedule row used. */
  scheduleRow: number;
}

export type ExpectedAllowedLine = Pick<ClaimLine, "payer" | "cpt" | "modifiers" | "units" | "placeOfService"> & Partial<Pick<ClaimLine, "payerClass">>;

/**
 * Expected allowed amount of a line (definitions.md, "Fee schedule and underpayments"):
 * rate × units × modifier factor, where a fee schedule row specific to one of the line's modifiers
 * wins (factor 1); otherwise the factors of MODIFIER_FACTORS apply, multiplied together when there
 * are several. A percent-of-Medicare row's rate = percent × the Medicare amount for the code and
 * place of service. Computed exactly with decimal.js and rounded to the cent once, half up.
 * Null when no row matches, a percent-of-Medicare row has no Medicare amount to apply to, or the
 * units are not a finite count ≥ 0.
 */
export function expectedAllowed(
  line: ExpectedAllowedLine,
  index: FeeScheduleIndex,
  medicareRates?: MedicareRates,
): ExpectedAllowed | null {
  // Units come checked from readClaimLines; a non-finite or negative count cannot be priced.
  if (!Number.isFinite(line.units) || line.units < 0) return null;
  const row = findFeeRate(index, line);
  if (row === null) return null;
  const priced = rateOf(row, line, medicareRates);
  if (priced === null) return null;
  const { factor, applied } = row.modifier !== null ? { factor: new Money(1), applied: [] } : modifierFactor(line.modifiers);
  const units = line.units;
  const exact = priced.rate.times(new Money(units)).times(factor);
  let rule = `${priced.words} × ${units} unit${units === 1 ? "" : "s"}`;
  if (row.modifier !== null) rule += ` (row for modifier ${row.modifier})`;
  for (const m of applied) rule += ` × ${percentWords(modifierFactor([m]).factor)} (modifier ${m})`;
  return { expected: centsFromDollars(exact), rate: priced.rate, factor, units, rule, scheduleRow: row.row };
}

function rateOf(
  row: FeeScheduleRow,
  line: ExpectedAllowedLine,
  medicareRates: MedicareRates | undefined,
): { rate: Decimal; words: string } | null {
  if (row.kind === "fixed") {
    if (row.amount === null) return null;
    const rate = dollarsFromCents(row.amount);
    return { rate, words: `fixed $${rate.toFixed(2)}` };
  }
  if (row.percent === null || medicareRates === undefined || line.cpt === null) return null;
  const medicare = medicareRates(line.cpt, line.placeOfService);
  if (medicare === null) return null;
  return {
    rate: new Money(medicare).times(row.percent),
    words: `${percentWords(row.percent)} of Medicare $${new Money(medicare).toFixed(2)}`,
  };
}

/** 1.25 → "125 %", 0.136 → "13.6 %". */
function percentWords(fraction: Decimal): string {
  return `${fraction.times(100).toDecimalPlaces(4).toString()} %`;
}
