import Decimal from "decimal.js";
import { Money, type Cents } from "../money/cents";
import { hoursValue } from "./overtime";

export interface HourlyPayInput {
  kind: "hourly";
  /** Dollars per hour, exact ("23.125" or 23.125). */
  rate: Decimal.Value;
  regularHours: Decimal.Value;
  overtimeHours?: Decimal.Value;
  /** California double time (over 12 h in a day), at 2 ×. */
  doubleTimeHours?: Decimal.Value;
  /** Paid time off, at the straight rate. */
  ptoHours?: Decimal.Value;
  /** Default 1.5 (29 U.S.C. 207(a)(1)). */
  overtimeMultiplier?: Decimal.Value;
}

export interface SalariedPayInput {
  kind: "salaried";
  annualSalary: Cents;
  /** 52 weekly, 26 biweekly, 24 semimonthly, 12 monthly. */
  payPeriodsPerYear: number;
  /** Exempt from overtime (29 CFR part 541): overtime hours are not paid a premium. */
  exempt: boolean;
  overtimeHours?: Decimal.Value;
  doubleTimeHours?: Decimal.Value;
  /** Hours the period's salary is meant to cover; default standard week × 52 ÷ pay periods (biweekly: 80). */
  standardHours?: Decimal.Value;
  /** Default 40. */
  standardWeekHours?: Decimal.Value;
  /** Default 1.5. */
  overtimeMultiplier?: Decimal.Value;
}

export type GrossPayInput = HourlyPayInput | SalariedPayInput;

export interface GrossPay {
  /** Gross wages of the period: computed exactly, rounded to the cent once, half up. */
  gross: Cents;
  /** The overtime and double-time premium pay within `gross` (rounded half up on its own). */
  overtimePay: Cents;
  /** gross − overtimePay, so the two parts add up to gross exactly. */
  straightTimePay: Cents;
  /** Regular hourly rate in dollars, exact (for a salary: salary ÷ hours it covers, 29 CFR 778.113). */
  regularRate: Decimal;
}

function roundCents(dollars: Decimal): Cents {
  return dollars.times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
}

/**
 * Gross pay of one employee for one pay period.
 * Hourly: rate × (regular + PTO hours) + rate × 1.5 × overtime hours + rate × 2 × double-time hours.
 * Salaried: the period's salary = annual ÷ pay periods; a non-exempt employee also earns overtime
 * at 1.5 × the regular rate, where the regular rate = the period's salary ÷ the hours it covers
 * (29 CFR 778.113(a); for periods longer than a week, 778.113(b) converts to the weekly
 * equivalent, which the default hours, standard week × 52 ÷ periods, do). An exempt employee's
 * overtime hours earn nothing extra. Throws RangeError for negative hours or a bad period count.
 */
export function grossPay(input: GrossPayInput): GrossPay {
  const multiplier = hoursValue(input.overtimeMultiplier ?? "1.5", "overtime multiplier");
  const overtime = hoursValue(input.overtimeHours ?? 0, "overtime hours");
  const doubleTime = hoursValue(input.doubleTimeHours ?? 0, "double-time hours");
  let regularRate: Decimal;
  let straight: Decimal;
  if (input.kind === "hourly") {
    regularRate = hoursValue(input.rate, "hourly rate");
    const hours = hoursValue(input.regularHours, "regular hours").plus(hoursValue(input.ptoHours ?? 0, "PTO hours"));
    straight = regularRate.times(hours);
  } else {
    if (!Number.isInteger(input.payPeriodsPerYear) || input.payPeriodsPerYear < 1) {
      throw new RangeError(`pay periods per year must be a whole number of 1 or more, found ${input.payPeriodsPerYear}`);
    }
    if (!Number.isSafeInteger(input.annualSalary) || input.annualSalary < 0) {
      throw new RangeError(`annual salary must be whole cents, 0 or more, found ${input.annualSalary}`);
    }
    straight = new Money(input.annualSalary).dividedBy(100).dividedBy(input.payPeriodsPerYear);
    const covered = input.standardHours !== undefined
      ? hoursValue(input.standardHours, "standard hours")
      : hoursValue(input.standardWeekHours ?? 40, "standard week hours").times(52).dividedBy(input.payPeriodsPerYear);
    if (covered.isZero()) throw new RangeError("the hours a salary covers must be above 0");
    regularRate = straight.dividedBy(covered);
    if (input.exempt) {
      return { gross: roundCents(straight), overtimePay: 0, straightTimePay: roundCents(straight), regularRate };
    }
  }
  const premium = regularRate.times(multiplier).times(overtime).plus(regularRate.times(2).times(doubleTime));
  const gross = roundCents(straight.plus(premium));
  const overtimePay = roundCents(premium);
  return { gross, overtimePay, straightTimePay: gross - overtimePay, regularRate };
}
