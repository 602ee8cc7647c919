import Decimal from "decimal.js";
import { Money } from "./cents";

/**
 * numerator ÷ denominator computed exactly (to 40 significant digits) from two amounts or counts.
 * Returns null when the denominator is zero: a rate with nothing to divide by is blank, not 0.
 */
export function ratio(numerator: Decimal.Value, denominator: Decimal.Value): Decimal | null {
  const d = new Money(denominator);
  if (d.isZero()) return null;
  return new Money(numerator).dividedBy(d);
}

/** A share or rate as the fixed four-decimal string of the JSON summary ("0.2500"); "" for null. */
export function formatRate(rate: Decimal | null, places = 4): string {
  if (rate === null) return "";
  const text = rate.toFixed(places, Decimal.ROUND_HALF_UP);
  // A small negative rate that rounds to zero shows as "0.0000", not "-0.0000".
  return /^-0(?:\.0*)?$/.test(text) ? text.slice(1) : text;
}

/** A rate as a JavaScript number for Excel (display rounding is the cell format's job). */
export function rateToNumber(rate: Decimal): number {
  return rate.toNumber();
}
