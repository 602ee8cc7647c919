import { firstOfMonth, lastOfMonth, type Day } from "../dates/day";
import { reportingPeriod, type ReportingPeriod } from "../kpis/reportingPeriod";

/** Months first … last of a span, by index (both included). */
export interface MonthRange {
  first: number;
  last: number;
}

/**
 * The calendar months the period figures are tallied by: from the first month of the reporting
 * period or of the previous period (the 12 months ending with the month before the as-of month,
 * for the tiles' change vs last month), whichever is earlier, to the as-of month, which ends on
 * the as-of date. Every figure of either period is then a sum over its months.
 */
export interface MonthSpan {
  /** First day of each month, oldest first. */
  starts: Day[];
  /** First and last day of the span (the last is the as-of date). */
  firstDay: Day;
  lastDay: Day;
  /** Month index of each day of the span: monthOfDay[day − firstDay]. */
  monthOfDay: Int32Array;
  /** The months of the reporting period. */
  current: MonthRange;
  /** The months of the previous period, and its as-of date (the last day of the month before). */
  previous: MonthRange;
  previousAsOf: Day;
}

/**
 * The month span of a reporting period as reportingPeriod gives it (definitions.md, "As-of date
 * and period": whole months ending on the as-of date).
 * @throws RangeError when the period does not start on the first of a month or end on the as-of date.
 */
export function monthSpan(period: ReportingPeriod, asOf: Day): MonthSpan {
  if (period.from !== firstOfMonth(period.from) || period.to !== asOf || period.from > asOf) {
    throw new RangeError("the reporting period must run from the first of a month to the as-of date");
  }
  const previousAsOf: Day = firstOfMonth(asOf) - 1;
  const previousFrom = reportingPeriod(previousAsOf).from;
  const firstDay = Math.min(period.from, previousFrom);
  const starts: Day[] = [];
  for (let m = firstDay; m <= asOf; m = lastOfMonth(m) + 1) starts.push(m);
  const monthOfDay = new Int32Array(asOf - firstDay + 1);
  for (let m = 0; m < starts.length; m++) monthOfDay.fill(m, starts[m] - firstDay, m + 1 < starts.length ? starts[m + 1] - firstDay : monthOfDay.length);
  const last = starts.length - 1;
  return {
    starts, firstDay, lastDay: asOf, monthOfDay,
    current: { first: starts.indexOf(period.from), last },
    previous: { first: starts.indexOf(previousFrom), last: last - 1 },
    previousAsOf,
  };
}
