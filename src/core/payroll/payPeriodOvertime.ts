import type Decimal from "decimal.js";
import type { Day } from "../dates/day";
import { addSplits, emptySplit, hoursValue, splitWorkweekDays, type HoursSplit, type OvertimeOptions } from "./overtime";

/** Hours worked on one date (several entries for one date are added together). */
export interface DayHours {
  date: Day;
  hours: Decimal.Value;
}

/** Weekday of a Day: 0 = Sunday … 6 = Saturday (1970-01-01, day 0, was a Thursday). */
export function weekdayOf(day: Day): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** First day of the workweek that holds `day`, for a workweek starting on weekday `workweekStart`. */
export function workweekStartOf(day: Day, workweekStart: number): Day {
  return day - ((weekdayOf(day) - workweekStart + 7) % 7);
}

export interface WorkweekOvertime extends HoursSplit {
  /** First day of the workweek (it may fall before the pay period). */
  workweekStart: Day;
  /** Hours of the earlier pay period's part of this workweek that counted toward the threshold. */
  priorHours: Decimal;
}

export interface PayPeriodOvertime extends HoursSplit {
  /** Each workweek that touches the period, in date order. */
  workweeks: WorkweekOvertime[];
  /** Dates given in `days` outside the period, or prior days outside the first workweek: not counted. */
  ignoredDates: Day[];
}

/**
 * Regular and overtime hours of one pay period when workweeks and pay periods do not line up
 * (FLSA, 29 CFR 778.104: the workweek is the unit, never the pay period). Hours of the first workweek worked in the earlier pay period
 * (`priorDaysOfFirstWorkweek`) count toward its 40 h but are not paid again here; overtime falls
 * in this period for the hours over 40 worked in it. A workweek running past the period's end
 * counts only the hours given up to `period.to`.
 * `workweekStart`: weekday the workweek starts on, 0 = Sunday … 6 = Saturday.
 * Throws RangeError for an invalid weekday or negative hours.
 */
export function overtimeForPayPeriod(
  days: readonly DayHours[],
  workweekStart: number,
  period: { from: Day; to: Day },
  priorDaysOfFirstWorkweek: readonly DayHours[] = [],
  options: OvertimeOptions = {},
): PayPeriodOvertime {
  if (!Number.isInteger(workweekStart) || workweekStart < 0 || workweekStart > 6) {
    throw new RangeError(`workweekStart must be a weekday 0 (Sunday) to 6 (Saturday), found ${workweekStart}`);
  }
  const firstWeek = workweekStartOf(period.from, workweekStart);
  const ignored = new Set<Day>();
  const inPeriod = new Map<Day, Decimal>();
  const prior = new Map<Day, Decimal>();
  const add = (map: Map<Day, Decimal>, d: DayHours): void => {
    const h = hoursValue(d.hours, `hours on day ${d.date}`);
    const before = map.get(d.date);
    map.set(d.date, before === undefined ? h : before.plus(h));
  };
  for (const d of days) {
    if (d.date >= period.from && d.date <= period.to) add(inPeriod, d);
    else ignored.add(d.date);
  }
  for (const d of priorDaysOfFirstWorkweek) {
    if (d.date >= firstWeek && d.date < period.from) add(prior, d);
    else ignored.add(d.date);
  }

  // Group the dates by workweek, prior dates first within the first workweek (they are earlier).
  const weeks = new Map<Day, Day[]>();
  for (const date of [...prior.keys(), ...inPeriod.keys()]) {
    const start = workweekStartOf(date, workweekStart);
    const list = weeks.get(start);
    if (list === undefined) weeks.set(start, [date]);
    else list.push(date);
  }
  const workweeks: WorkweekOvertime[] = [];
  let total = emptySplit();
  for (const start of [...weeks.keys()].sort((a, b) => a - b)) {
    const dates = (weeks.get(start) as Day[]).sort((a, b) => a - b);
    const hours = dates.map((date) => (prior.get(date) ?? inPeriod.get(date)) as Decimal);
    const splits = splitWorkweekDays(hours, options);
    let week = emptySplit();
    let priorHours = hoursValue(0);
    dates.forEach((date, i) => {
      if (prior.has(date)) priorHours = priorHours.plus(hours[i]);
      else week = addSplits(week, splits[i]);
    });
    workweeks.push({ workweekStart: start, priorHours, ...week });
    total = addSplits(total, week);
  }
  return { ...total, workweeks, ignoredDates: [...ignored].sort((a, b) => a - b) };
}
