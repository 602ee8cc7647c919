/* Amounts, shares, counts and days as a manager reads them, the same in the task pane and on the
 * command line: "$830,856.46", "29.2%", "1 row" / "2 rows", "42.1 days". Money arrives as integer
 * Cents or as the summary's fixed two-decimal strings ("1234.50") and never goes through binary
 * floating point on its way to the screen (definitions.md: exact to the cent, rounded only for
 * display). */
import Decimal from "decimal.js";
import { formatCents, type Cents } from "../money/cents";

/** "1234567.50" → "$1,234,567.50"; "-12.00" → "−$12.00". Text that is not an amount is returned as is. */
export function dollarsText(amount: string): string {
  const m = /^(-?)(\d+)\.(\d{2})$/.exec(amount.trim());
  if (m === null) return amount;
  const grouped = m[2].replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${m[1] === "-" ? "−" : ""}$${grouped}.${m[3]}`;
}

/** Cents → "$1,234.56". */
export function dollars(cents: Cents): string {
  return dollarsText(formatCents(cents));
}

/** A share from the summary ("0.2921") → "29.2%" (the one percentage format of the pane and the command line); null (nothing to divide by) → "n/a". */
export function percentText(share: string | null, decimals = 1): string {
  if (share === null) return "n/a";
  try {
    return `${groupThousands(new Decimal(share).times(100).toFixed(decimals, Decimal.ROUND_HALF_UP))}%`;
  } catch {
    return share;
  }
}

/** "1234567.5" → "1,234,567.5" (digits before the point grouped by three; the rest as is). */
export function groupThousands(number: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(number.trim());
  if (m === null) return number;
  return `${m[1]}${m[2].replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${m[3] ?? ""}`;
}

/** "1 row", "2 rows", "1,204 rows": a count with its noun, singular only for exactly one. */
export function countText(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? singular : plural}`;
}

/** Days from the summary ("42.1") → "42.1 days"; null → "n/a". */
export function daysText(days: string | null): string {
  if (days === null) return "n/a";
  return `${groupThousands(days)} ${days === "1" || days === "1.0" ? "day" : "days"}`;
}

