import type { Cents } from "../money/cents";
import { ymdFromDay } from "../dates/day";
import { employerTaxes, type EmployerTaxes } from "./employerTaxes";
import { grossPay, type GrossPay } from "./grossPay";
import type { PayrollLine } from "./payrollLine";
import type { PayrollSettings } from "./settings";

export interface PayrollResult {
  line: PayrollLine;
  /** Calendar year of the pay date, whose wage bases apply. */
  year: number;
  pay: GrossPay;
  /** The employee's wages paid earlier in the same calendar year (pay-date order). */
  ytdWagesBefore: Cents;
  taxes: EmployerTaxes;
  benefitsCost: Cents;
  /** gross + employer taxes + benefits. */
  totalCost: Cents;
}

/** Employees are matched by name, trimmed and without regard to case or inner spacing. */
export function employeeKey(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLowerCase();
}

/**
 * Runs a payroll register: gross pay, employer taxes and total cost of each line. Lines are taken
 * in pay-date order (then row order), carrying each employee's year-to-date wages per calendar
 * year of the pay date, so each wage base (Social Security, FUTA, SUTA) cuts in at the payroll
 * where it is reached (definitions.md, "Payroll"). Results come back in that order.
 * `ytdWagesAtStart`: wages already paid this year before the first line, per employee name (for a
 * register that starts mid-year), keyed "year|employee"; see `ytdKey`.
 */
export function runPayroll(
  lines: readonly PayrollLine[],
  settings: PayrollSettings,
  ytdWagesAtStart: ReadonlyMap<string, Cents> = new Map(),
): PayrollResult[] {
  const order = lines.map((line, index) => ({ line, index }));
  order.sort((a, b) => a.line.payDate - b.line.payDate || a.line.row - b.line.row || a.index - b.index);
  const ytd = new Map<string, Cents>(ytdWagesAtStart);
  const results: PayrollResult[] = [];
  for (const { line } of order) {
    const year = ymdFromDay(line.payDate).year;
    const key = ytdKey(year, line.employee);
    const ytdWagesBefore = ytd.get(key) ?? 0;
    const common = {
      overtimeHours: line.overtimeHours,
      doubleTimeHours: line.doubleTimeHours,
      overtimeMultiplier: settings.overtimeMultiplier,
    };
    const pay = line.kind === "hourly"
      ? grossPay({ kind: "hourly", rate: line.rate, regularHours: line.regularHours, ptoHours: line.ptoHours, ...common })
      : grossPay({
        kind: "salaried", annualSalary: line.annualSalary, payPeriodsPerYear: line.payPeriodsPerYear, exempt: line.exempt,
        standardWeekHours: settings.standardWeekHours, ...(line.standardHours === null ? {} : { standardHours: line.standardHours }), ...common,
      });
    const taxes = employerTaxes(pay.gross, ytdWagesBefore, settings);
    ytd.set(key, ytdWagesBefore + pay.gross);
    results.push({
      line, year, pay, ytdWagesBefore, taxes, benefitsCost: line.benefitsCost,
      totalCost: pay.gross + taxes.total + line.benefitsCost,
    });
  }
  return results;
}

/** Key of the year-to-date wages of one employee in one calendar year. */
export function ytdKey(year: number, employee: string): string {
  return `${year}|${employeeKey(employee)}`;
}
