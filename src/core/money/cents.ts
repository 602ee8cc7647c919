import Decimal from "decimal.js";

/**
 * An amount of money as a whole number of cents: exact, and fast to add in a hot loop.
 * Every conversion from or to a fraction of a dollar goes through decimal.js, never through
 * binary floating point, so `0.1 + 0.2` problems cannot reach a total.
 * Safe up to Number.MAX_SAFE_INTEGER cents (about 90 trillion dollars).
 */
export type Cents = number;

/** A decimal.js constructor that rounds half up (away from zero), the rounding of money here. */
export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type MoneyDecimal = Decimal;

/** Dollars (a decimal, a decimal string or an exact number) to cents, rounded once, half up. */
export function centsFromDollars(dollars: Decimal.Value): Cents {
  // Round to the cent first (toDecimalPlaces is exact at any length), then scale: multiplying first
  // would round the product to 40 significant digits and round twice ("0.00499…9" with 45 digits
  // would become 1 cent).
  const cents = new Money(dollars).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).times(100);
  const n = cents.toNumber();
  if (!Number.isSafeInteger(n)) throw new RangeError(`amount out of range: ${String(dollars)}`);
  return n === 0 ? 0 : n; // never -0 ("-0.001" is 0 cents)
}

/** Cents to an exact decimal number of dollars. */
export function dollarsFromCents(cents: Cents): Decimal {
  return new Money(cents).dividedBy(100);
}

/** Cents to the JavaScript number Excel shows for that amount (the nearest double to x.yy). */
export function centsToNumber(cents: Cents): number {
  // Dividing an integer by 100 yields the double nearest to the decimal amount; no arithmetic on
  // fractions happens before this point.
  return cents / 100;
}

/** "1234.50", "-0.25": the fixed two-decimal form of the JSON summary. */
export function formatCents(cents: Cents): string {
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const dollars = Math.trunc(abs / 100);
  const rest = abs % 100;
  return `${negative ? "-" : ""}${dollars}.${rest < 10 ? "0" : ""}${rest}`;
}

/** Σ of a list of amounts in cents (exact while the total stays a safe integer). */
export function sumCents(amounts: readonly Cents[]): Cents {
  let total = 0;
  for (const a of amounts) total += a;
  return total;
}
