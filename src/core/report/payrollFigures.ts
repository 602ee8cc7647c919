import type Decimal from "decimal.js";
import { Money, type Cents } from "../money/cents";
import { dayFromYMD, ymdFromDay, type Day } from "../dates/day";
import type { ReportingPeriod } from "../kpis/reportingPeriod";
import type { PayrollLine } from "../payroll/payrollLine";
import type { PayrollSettings } from "../payroll/settings";
import { runPayroll, employeeKey } from "../payroll/runPayroll";
import { payrollTotals, type PayrollTotalRow } from "../payroll/payrollTotals";
import { payrollShareOfCollections, totalFte } from "../payroll/fte";

/** The payroll register as read from the workbook, with the settings it runs under. */
export interface PayrollInput {
  sheet: string;
  lines: readonly PayrollLine[];
  settings: PayrollSettings;
  /** Where the settings came from ('sheet "Settings"', or the 2026 defaults). */
  settingsSource: string;
}

export interface PayrollReportFigures {
  sheet: string;
  settings: PayrollSettings;
  settingsSource: string;
  /** The reporting period: payroll lines count by pay date within it. */
  from: Day;
  to: Day;
  /** Lines with a pay date in the period. */
  linesInPeriod: number;
  /** Lines read with a pay date outside the period (earlier ones still carry year-to-date wages). */
  linesOutsidePeriod: number;
  /** Σ of every line in the period: wages (grossWages), taxes, benefits, total cost, hours worked. */
  totals: PayrollTotalRow;
  byDepartment: PayrollTotalRow[];
  /** Hours paid at a premium (overtime and double time) by non-exempt staff. */
  overtimeHours: Decimal;
  /** Premium pay of those hours (within wages). */
  overtimePay: Cents;
  /** Σ of each employee's FTE (hours paid ÷ (standard week × weeks covered), capped at 1 each). */
  fte: Decimal | null;
  /** Weeks the FTE is measured over. */
  fteWeeks: Decimal;
  /** Payments of the period (claims figures): the collections payroll is compared with. */
  collections: Cents;
  /** totals.totalCost ÷ collections; null when collections are 0. */
  shareOfCollections: Decimal | null;
  /** First pay date of the register when it starts after mid-January: earlier wages of that year are unknown. */
  registerStartsMidYear: Day | null;
}

/**
 * Payroll figures over the reporting period (definitions.md, "Payroll"). Every line with a pay
 * date from January 1 of the period's first year to the period's end is run through runPayroll
 * in pay-date order, so each employee's year-to-date wages carry from the start of each calendar
 * year and the wage bases cut in where they are reached; the lines paid within the period are
 * then summed: total payroll cost = wages + employer taxes + benefits, by department too.
 * Payroll as a share of collections = total cost ÷ the period's payments (exact; null when 0).
 */
export function payrollReportFigures(input: PayrollInput, period: ReportingPeriod, collections: Cents): PayrollReportFigures {
  const yearStart = dayFromYMD(ymdFromDay(period.from).year, 1, 1) as Day;
  const run = runPayroll(input.lines.filter((l) => l.payDate >= yearStart && l.payDate <= period.to), input.settings);
  const inPeriod = run.filter((r) => r.line.payDate >= period.from && r.line.payDate <= period.to);
  const byDepartment = payrollTotals(inPeriod, "department");

  let overtimeHours = new Money(0);
  const hoursPaid = new Map<string, Decimal>();
  for (const r of inPeriod) {
    const line = r.line;
    const premium = line.kind === "hourly" || !line.exempt;
    if (premium) overtimeHours = overtimeHours.plus(line.overtimeHours).plus(line.doubleTimeHours);
    let hours = new Money(line.regularHours).plus(line.overtimeHours).plus(line.doubleTimeHours).plus(line.ptoHours);
    if (hours.isZero() && line.kind === "salaried") {
      // A salaried line with no hours recorded is paid for the hours its salary covers.
      hours = line.standardHours !== null
        ? new Money(line.standardHours)
        : new Money(input.settings.standardWeekHours).times(52).dividedBy(line.payPeriodsPerYear);
    }
    const key = employeeKey(line.employee);
    hoursPaid.set(key, (hoursPaid.get(key) ?? new Money(0)).plus(hours));
  }

  // Weeks covered: from the first period start to the last period end of the lines paid in the
  // reporting period when every line gives its period, else the reporting period itself.
  const spans = inPeriod.map((r) => r.line);
  const allDated = spans.length > 0 && spans.every((l) => l.periodFrom !== null && l.periodTo !== null);
  const first = allDated ? Math.min(...spans.map((l) => l.periodFrom as Day)) : period.from;
  const last = allDated ? Math.max(...spans.map((l) => l.periodTo as Day)) : period.to;
  const fteWeeks = new Money(last - first + 1).dividedBy(7);

  const earliest = input.lines.length === 0 ? null : Math.min(...input.lines.map((l) => l.payDate));
  let registerStartsMidYear: Day | null = null;
  if (earliest !== null && earliest <= period.to) {
    const jan14 = dayFromYMD(ymdFromDay(earliest).year, 1, 14) as Day;
    if (earliest > jan14 && ymdFromDay(earliest).year >= ymdFromDay(period.from).year) registerStartsMidYear = earliest;
  }

  const total = byDepartment.total;
  return {
    sheet: input.sheet,
    settings: input.settings,
    settingsSource: input.settingsSource,
    from: period.from,
    to: period.to,
    linesInPeriod: inPeriod.length,
    linesOutsidePeriod: input.lines.length - inPeriod.length,
    totals: total,
    byDepartment: byDepartment.rows,
    overtimeHours,
    overtimePay: total.overtimePay,
    fte: inPeriod.length === 0 ? null : totalFte([...hoursPaid.values()], input.settings.standardWeekHours, fteWeeks),
    fteWeeks,
    collections,
    shareOfCollections: payrollShareOfCollections(total.totalCost, collections),
    registerStartsMidYear,
  };
}
