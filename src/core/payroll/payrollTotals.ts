import type Decimal from "decimal.js";
import { Money, type Cents } from "../money/cents";
import { employeeKey, type PayrollResult } from "./runPayroll";

export interface PayrollTotalRow {
  /** Department or role as first written; "(none)" for a blank one. */
  name: string;
  lines: number;
  /** Distinct employees (by name). */
  employees: number;
  /** Hours worked (regular + overtime + double time; PTO not counted), exact. */
  hoursWorked: Decimal;
  grossWages: Cents;
  overtimePay: Cents;
  socialSecurity: Cents;
  medicare: Cents;
  futa: Cents;
  suta: Cents;
  employerTaxes: Cents;
  benefits: Cents;
  totalCost: Cents;
}

export interface PayrollTotals {
  /** One row per department (or role), in order of first appearance. */
  rows: PayrollTotalRow[];
  /** Σ of the rows, to the cent (whole cents add exactly). */
  total: PayrollTotalRow;
}

type Sums = Omit<PayrollTotalRow, "name" | "employees"> & { people: Set<string> };

function emptySums(): Sums {
  return {
    lines: 0, grossWages: 0, overtimePay: 0, socialSecurity: 0, medicare: 0, futa: 0, suta: 0, employerTaxes: 0,
    benefits: 0, totalCost: 0, hoursWorked: new Money(0), people: new Set(),
  };
}

/**
 * Payroll cost by department or by role: gross wages, employer taxes, benefits and total cost
 * per group, and the grand total = Σ of the groups (names compared trimmed and without case).
 */
export function payrollTotals(results: readonly PayrollResult[], by: "department" | "role"): PayrollTotals {
  const groups = new Map<string, { name: string; sums: Sums }>();
  for (const r of results) {
    const written = (by === "department" ? r.line.department : r.line.role).trim();
    const key = written.toLowerCase().replace(/\s+/g, " ");
    let g = groups.get(key);
    if (g === undefined) {
      g = { name: written === "" ? "(none)" : written, sums: emptySums() };
      groups.set(key, g);
    }
    addResult(g.sums, r);
  }
  const rows = [...groups.values()].map((g) => toRow(g.name, g.sums));
  const all = emptySums();
  for (const g of groups.values()) {
    const s = g.sums;
    all.lines += s.lines;
    all.grossWages += s.grossWages;
    all.overtimePay += s.overtimePay;
    all.socialSecurity += s.socialSecurity;
    all.medicare += s.medicare;
    all.futa += s.futa;
    all.suta += s.suta;
    all.employerTaxes += s.employerTaxes;
    all.benefits += s.benefits;
    all.totalCost += s.totalCost;
    for (const p of s.people) all.people.add(p);
    all.hoursWorked = all.hoursWorked.plus(s.hoursWorked);
  }
  return { rows, total: toRow("Total", all) };
}

function addResult(s: Sums, r: PayrollResult): void {
  s.lines++;
  s.grossWages += r.pay.gross;
  s.overtimePay += r.pay.overtimePay;
  s.socialSecurity += r.taxes.socialSecurity;
  s.medicare += r.taxes.medicare;
  s.futa += r.taxes.futa;
  s.suta += r.taxes.suta;
  s.employerTaxes += r.taxes.total;
  s.benefits += r.benefitsCost;
  s.totalCost += r.totalCost;
  s.people.add(employeeKey(r.line.employee));
  s.hoursWorked = s.hoursWorked.plus(r.line.regularHours).plus(r.line.overtimeHours).plus(r.line.doubleTimeHours);
}

function toRow(name: string, s: Sums): PayrollTotalRow {
  const { people, ...rest } = s;
  return { name, ...rest, employees: people.size };
}
