import type Decimal from "decimal.js";
import type { Cents } from "../money/cents";
import type { Day } from "../dates/day";

interface PayrollLineBase {
  /** 1-based row the line came from. */
  row: number;
  employee: string;
  /** "" when the register has none. */
  department: string;
  role: string;
  /** Pay date: it decides the calendar year whose wage bases apply (wages count when paid). */
  payDate: Day;
  periodFrom: Day | null;
  periodTo: Day | null;
  /** Hours as decimals (7.75); a number is read by its shortest decimal form. */
  regularHours: number;
  overtimeHours: number;
  /** California double time, at 2 ×; 0 elsewhere. */
  doubleTimeHours: number;
  ptoHours: number;
  /** Employer share of benefits for the period. */
  benefitsCost: Cents;
}

export interface HourlyPayrollLine extends PayrollLineBase {
  kind: "hourly";
  /** Dollars per hour, exact ("23.125"). */
  rate: Decimal.Value;
}

export interface SalariedPayrollLine extends PayrollLineBase {
  kind: "salaried";
  annualSalary: Cents;
  payPeriodsPerYear: number;
  exempt: boolean;
  /** Hours the period's salary covers; null = standard week × 52 ÷ pay periods. */
  standardHours: number | null;
}

/** One employee's pay for one pay period, as the payroll register lists it. */
export type PayrollLine = HourlyPayrollLine | SalariedPayrollLine;
