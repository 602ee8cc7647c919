/* Display helpers of the task pane: amounts, shares, dates. Money arrives either as integer Cents
 * or as the summary's fixed two-decimal strings ("1234.50"); neither goes through binary floating
 * point on its way to the screen (definitions.md: exact to the cent, rounded only for display). */
import type { Cents } from "../core/money/cents";
import { dayFromYMD, firstOfMonth, isoFromDay, type Day } from "../core/dates/day";

export { countText, daysText, dollars, dollarsText, groupThousands, percentText } from "../core/display/displayText";

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
