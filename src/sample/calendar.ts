/** Calendar helpers of the sample: weekdays and the days the practice is closed. */
import { dayFromYMD, ymdFromDay, type Day } from "../core/dates/day";

/** 0 = Sunday … 6 = Saturday (1970-01-01, day 0, was a Thursday). */
export function weekday(day: Day): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function isWeekday(day: Day): boolean {
  const w = weekday(day);
  return w >= 1 && w <= 5;
}

/** The n-th (1-based) given weekday of a month, or the last one when n = -1. */
function nthWeekday(year: number, month: number, dow: number, n: number): Day {
  if (n === -1) {
    const last = (dayFromYMD(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) as Day) - 1;
    return last - ((weekday(last) - dow + 7) % 7);
  }
  const first = dayFromYMD(year, month, 1) as Day;
  return first + ((dow - weekday(first) + 7) % 7) + 7 * (n - 1);
}

/** Days the sample practice is closed in a year: six US federal holidays it observes. */
export function practiceHolidays(year: number): Set<Day> {
  return new Set<Day>([
    dayFromYMD(year, 1, 1) as Day,
    nthWeekday(year, 5, 1, -1), // Memorial Day
    dayFromYMD(year, 7, 4) as Day,
    nthWeekday(year, 9, 1, 1), // Labor Day
    nthWeekday(year, 11, 4, 4), // Thanksgiving
    dayFromYMD(year, 12, 25) as Day,
  ]);
}

/** Clinic days (weekdays that are not holidays) from `from` to `to`, inclusive. */
export function clinicDays(from: Day, to: Day): Day[] {
  const holidays = new Map<number, Set<Day>>();
  const out: Day[] = [];
  for (let d = from; d <= to; d++) {
    if (!isWeekday(d)) continue;
    const year = ymdFromDay(d).year;
    let h = holidays.get(year);
    if (h === undefined) holidays.set(year, (h = practiceHolidays(year)));
    if (!h.has(d)) out.push(d);
  }
  return out;
}
