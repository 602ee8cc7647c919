/* Display helpers of the task pane: amounts, shares, dates. Money arrives either as integer Cents
 * or as the summary's fixed two-decimal strings ("1234.50"); neither goes through binary floating
 * point on its way to the screen (definitions.md: exact to the cent, rounded only for display). */
import Decimal from "decimal.js";
import { formatCents, type Cents } from "../core/money/cents";
import { dayFromYMD, firstOfMonth, isoFromDay, type Day } from "../core/dates/day";

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

/** Today in the pane's local time zone, as a Day. */
export function today(now: Date = new Date()): Day {
  return dayFromYMD(now.getFullYear(), now.getMonth() + 1, now.getDate()) as Day;
}

/** The default as-of date: the last day of the month before today's. */
export function defaultAsOf(now: Date = new Date()): Day {
  return firstOfMonth(today(now)) - 1;
}

/** "2026-10-31" (what an <input type="date"> holds) → Day, or null when empty or not a date. */
export function dayFromIso(text: string): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (m === null) return null;
  return dayFromYMD(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * The reporting period of an as-of date D: the 12 calendar months that end with D's month, from
 * the first day of the month 11 months before D's month to D (definitions.md, "As-of date and period").
 */
export function reportingPeriod(asOf: Day): { from: Day; to: Day } {
  return { from: firstOfMonth(asOf, 11), to: asOf };
}

/**
 * A date for sentences in the user's locale ("May 3, 2026" in en-US, "3 May 2026" in en-GB), the
 * way the date picker shows it. Formatted in UTC: a Day has no time zone.
 */
export function longDate(day: Day, locale?: string): string {
  const [y, m, d] = isoFromDay(day).split("-").map(Number);
  return new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }).format(Date.UTC(y, m - 1, d));
}

/** A date as the user's locale writes it short ("10/31/2026" in en-US), for examples in messages. */
export function shortDate(day: Day, locale?: string): string {
  const [y, m, d] = isoFromDay(day).split("-").map(Number);
  return new Intl.DateTimeFormat(locale, { year: "numeric", month: "2-digit", day: "2-digit", timeZone: "UTC" }).format(Date.UTC(y, m - 1, d));
}

/** An ISO date from the summary ("2026-10-31") in the user's locale; text that is not one is returned as is. */
export function isoText(iso: string, locale?: string): string {
  const day = dayFromIso(iso);
  return day === null ? iso : longDate(day, locale);
}

/**
 * A tolerance typed in dollars ("0", "1.50", "$2") → Cents; null when it is not a non-negative
 * amount with at most two decimals.
 */
export function toleranceCents(text: string): Cents | null {
  const t = text.trim().replace(/^\$/, "").replace(/,/g, "");
  if (t === "") return 0;
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(t);
  if (m === null || m[1].length > 12) return null; // over $999 billion is not a tolerance
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}
