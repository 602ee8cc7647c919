/**
 * A calendar date as a whole number of days since 1970-01-01 (day 0). No time of day, no time
 * zone: a date of service is a date, and integer days make ages exact subtraction.
 */
export type Day = number;

const MS_PER_DAY = 86_400_000;

/** The Day for a calendar date; null when the month or day does not exist (e.g. 2026-02-30). */
export function dayFromYMD(year: number, month: number, dayOfMonth: number): Day | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(dayOfMonth)) return null;
  if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > 31) return null;
  // Date.UTC reads years 0-99 as 1900-1999; setUTCFullYear takes the year as given.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, dayOfMonth);
  const ms = d.getTime();
  if (Number.isNaN(ms)) return null;
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== dayOfMonth) return null;
  return Math.round(ms / MS_PER_DAY);
}

export interface YMD {
  year: number;
  month: number;
  day: number;
}

export function ymdFromDay(day: Day): YMD {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** "2026-10-31" */
export function isoFromDay(day: Day): string {
  const { year, month, day: dd } = ymdFromDay(day);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(dd).padStart(2, "0")}`;
}

/** First day of the month `monthsBack` months before the month of `day` (0 = its own month). */
export function firstOfMonth(day: Day, monthsBack = 0): Day {
  const { year, month } = ymdFromDay(day);
  const index = year * 12 + (month - 1) - monthsBack;
  const monthIndex = ((index % 12) + 12) % 12; // stays 0-11 for years before year 0 too
  return dayFromYMD(Math.floor(index / 12), monthIndex + 1, 1) as Day;
}

/** Last day of the month that holds `day`. */
export function lastOfMonth(day: Day): Day {
  return firstOfMonth(day, -1) - 1;
}
