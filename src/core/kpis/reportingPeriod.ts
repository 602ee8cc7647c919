import type { ClaimLine } from "../claims/claimLine";
import { firstOfMonth, type Day } from "../dates/day";

/** An inclusive range of days, by date of service. */
export interface ReportingPeriod {
  from: Day;
  to: Day;
}

/**
 * The reporting period for as-of date D: the `months` calendar months that end with D's month,
 * from the first day of the month (months − 1) months before D's month, to D, inclusive
 * (definitions.md, "As-of date and period"; 12 months by default).
 * @throws RangeError when `months` is not a whole number of at least 1.
 */
export function reportingPeriod(asOf: Day, months = 12): ReportingPeriod {
  if (!Number.isInteger(months) || months < 1) {
    throw new RangeError(`the reporting period must be a whole number of months, at least 1 (got ${String(months)})`);
  }
  return { from: firstOfMonth(asOf, months - 1), to: asOf };
}

/** The lines whose date of service falls in the period (both ends included), in their order. */
export function linesInPeriod<T extends Pick<ClaimLine, "dateOfService">>(lines: readonly T[], period: ReportingPeriod): T[] {
  const out: T[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.dateOfService >= period.from && line.dateOfService <= period.to) out.push(line);
  }
  return out;
}
