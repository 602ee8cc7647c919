import Decimal from "decimal.js";
import { Money } from "../money/cents";

/** Hours of one workweek (or one pay period) split by the premium they earn. */
export interface HoursSplit {
  /** Straight-time hours. */
  regularHours: Decimal;
  /** Hours at the overtime multiplier (1.5 ×): weekly over 40, and California's daily 8-12. */
  overtimeHours: Decimal;
  /** Hours at 2 × (California: over 12 in a workday); always 0 without the daily rule. */
  doubleTimeHours: Decimal;
}

export interface OvertimeOptions {
  /**
   * California daily overtime (Labor Code 510): over 8 h in a workday at 1.5 ×, over 12 h at 2 ×,
   * on top of the weekly rule. The seventh-consecutive-day rule of Labor Code 510 is NOT applied.
   */
  daily?: boolean;
  /** Weekly threshold; default 40 (FLSA, 29 U.S.C. 207(a)(1)). */
  standardWeekHours?: Decimal.Value;
  /** Daily thresholds of the daily rule; default 8 and 12. */
  dailyOvertimeAfter?: Decimal.Value;
  dailyDoubleTimeAfter?: Decimal.Value;
}

/** Hours as an exact Decimal; a number is read by its shortest decimal form (7.75 → "7.75"). */
export function hoursValue(hours: Decimal.Value, what = "hours"): Decimal {
  let d: Decimal;
  try {
    d = new Money(hours);
  } catch {
    throw new RangeError(`${what} must be a number, found ${String(hours)}`);
  }
  if (!d.isFinite() || d.isNegative()) throw new RangeError(`${what} must be 0 or more, found ${String(hours)}`);
  return d;
}

const ZERO = new Money(0);

export function emptySplit(): HoursSplit {
  return { regularHours: ZERO, overtimeHours: ZERO, doubleTimeHours: ZERO };
}

export function addSplits(a: HoursSplit, b: HoursSplit): HoursSplit {
  return {
    regularHours: a.regularHours.plus(b.regularHours),
    overtimeHours: a.overtimeHours.plus(b.overtimeHours),
    doubleTimeHours: a.doubleTimeHours.plus(b.doubleTimeHours),
  };
}

/**
 * Walks the workdays of ONE workweek in order and splits each day's hours. Weekly rule (FLSA,
 * 29 CFR 778.104: each workweek stands alone): once the straight-time hours of the week reach
 * the threshold, further hours are overtime. With the daily rule, a day's hours over 8 are
 * overtime and over 12 double time first; only the remaining straight-time hours count toward
 * the weekly 40, so no hour is paid a premium twice (California DLSE Enforcement Manual, daily and weekly overtime).
 * Returns the split of each day, in the order given.
 */
export function splitWorkweekDays(dailyHours: readonly Decimal[], options: OvertimeOptions = {}): HoursSplit[] {
  const weekLimit = hoursValue(options.standardWeekHours ?? 40, "standard week hours");
  const otAfter = hoursValue(options.dailyOvertimeAfter ?? 8, "daily overtime threshold");
  const dtAfter = hoursValue(options.dailyDoubleTimeAfter ?? 12, "daily double-time threshold");
  let straightSoFar: Decimal = ZERO;
  return dailyHours.map((h) => {
    let regular = h;
    let overtime: Decimal = ZERO;
    let doubleTime: Decimal = ZERO;
    if (options.daily === true) {
      doubleTime = Decimal.max(ZERO, h.minus(dtAfter));
      overtime = Decimal.max(ZERO, Decimal.min(h, dtAfter).minus(otAfter));
      regular = Decimal.min(h, otAfter);
    }
    const allowance = Decimal.max(ZERO, weekLimit.minus(straightSoFar));
    const weekly = Decimal.max(ZERO, regular.minus(allowance));
    regular = regular.minus(weekly);
    overtime = overtime.plus(weekly);
    straightSoFar = straightSoFar.plus(regular);
    return { regularHours: regular, overtimeHours: overtime, doubleTimeHours: doubleTime };
  });
}

/**
 * Regular and overtime hours of each workweek (FLSA: hours over 40 in a workweek at 1.5 ×; no
 * averaging across workweeks, 29 CFR 778.104). A workweek is given either as its total hours or
 * as its workdays' hours in order (needed for the daily option; a total alone gets the weekly
 * rule only). Hours are decimals (7.75). Throws RangeError for negative or non-numeric hours.
 */
export function weeklyOvertime(
  hoursByWorkweek: readonly (Decimal.Value | readonly Decimal.Value[])[],
  options: OvertimeOptions = {},
): HoursSplit[] {
  return hoursByWorkweek.map((week) => {
    const days = Array.isArray(week) ? (week as readonly Decimal.Value[]).map((h) => hoursValue(h)) : [hoursValue(week as Decimal.Value)];
    const weekOptions = Array.isArray(week) ? options : { ...options, daily: false };
    return splitWorkweekDays(days, weekOptions).reduce(addSplits, emptySplit());
  });
}
