/**
 * Plain shapes of the seeded sample practice (what `practice-ledger demo` writes to a workbook).
 * Money is integer Cents, dates are Days, rates and percentages are decimal strings ("1.15"), so
 * every value can go to a cell or to JSON without losing a cent.
 */
import type { Cents } from "../core/money/cents";
import type { Day } from "../core/dates/day";
import type { ClaimLine, PayerClass } from "../core/claims/claimLine";

export type Specialty = "Family medicine" | "Internal medicine" | "Pediatrics";

export interface Physician {
  /** As written in the register's Provider column ("Dr. Maya Chen"). */
  name: string;
  specialty: Specialty;
  /** Clinical full-time equivalent, "0.80". */
  fte: string;
  /** National Provider Identifier (a made-up, well-formed 10-digit number). */
  npi: string;
}

export interface Practice {
  name: string;
  /** Claim number prefix: claims read "RFM-000123". */
  claimPrefix: string;
  physicians: Physician[];
}

export interface Payer {
  name: string;
  payerClass: PayerClass;
}

/**
 * Work, practice expense and malpractice RVUs of one code on the physician fee schedule
 * (definitions.md, "Fee schedule and underpayments"). Decimal strings, as CMS publishes them.
 */
export interface RvuRow {
  cpt: string;
  description: string;
  work: string;
  nonFacilityPE: string;
  facilityPE: string;
  malpractice: string;
}

/** Geographic practice cost indices and conversion factor used for the Medicare amounts. */
export interface MedicareLocality {
  name: string;
  workGpci: string;
  peGpci: string;
  mpGpci: string;
  conversionFactor: string;
}

/**
 * One fee schedule row (definitions.md, "Fee schedule and underpayments"): the allowed amount
 * for (payer, CPT, optional modifier), fixed or as a percentage of the Medicare amount.
 */
export type FeeScheduleRow =
  | { payer: string; cpt: string; modifier: string | null; kind: "fixed"; amount: Cents }
  | { payer: string; cpt: string; modifier: string | null; kind: "percentOfMedicare"; percent: string };

/** One code of the practice's charge master: the price the practice bills for one unit. */
export interface ChargeMasterRow {
  cpt: string;
  description: string;
  charge: Cents;
}

export type BudgetLineKind = "revenue" | "expense" | "capital";

/**
 * One budget line with twelve monthly budget amounts and the actuals of the months through the
 * as-of month (definitions.md, "Budget"). `months[i]` is the first day of month i of the budget
 * year; `actual` has one entry per month elapsed (months after the as-of month are left out).
 */
export interface BudgetLine {
  kind: BudgetLineKind;
  /** MGMA Cost and Revenue survey line for expenses ("Support staff salaries and benefits"). */
  category: string;
  budget: Cents[];
  actual: Cents[];
}

export interface Budget {
  /** Budget year label ("FY2026"). */
  year: string;
  /** First day of each of the twelve months. */
  months: Day[];
  /** Number of months with actuals (through the as-of month). */
  monthsElapsed: number;
  lines: BudgetLine[];
}

export type PayType = "hourly" | "salary";

export interface StaffMember {
  employeeId: string;
  name: string;
  department: "Front office" | "Billing" | "Clinical" | "Administration";
  role: string;
  payType: PayType;
  /** Hourly rate (hourly staff) in cents per hour; null for salaried staff. */
  hourlyRate: Cents | null;
  /** Yearly salary (salaried staff); null for hourly staff. */
  annualSalary: Cents | null;
  /** Employer cost of benefits (health, dental, retirement match) per biweekly pay period. */
  benefitsPerPeriod: Cents;
}

/**
 * One employee's hours in one biweekly pay period, split by FLSA workweek so overtime (hours
 * over 40 in a workweek at 1.5×, definitions.md "Payroll") can be computed week by week.
 * Salaried (exempt) staff have hours recorded but no overtime.
 */
export interface PayrollPeriodRow {
  employeeId: string;
  periodStart: Day;
  periodEnd: Day;
  payDate: Day;
  week1Hours: string;
  week2Hours: string;
  benefits: Cents;
}

export interface Payroll {
  staff: StaffMember[];
  periods: PayrollPeriodRow[];
}

/** What the sample deliberately contains, so tests and the demo's notes can point at it. */
export interface PlantedFindings {
  /** Register rows (ClaimLine.row) paid below the contracted rate. */
  underpaidRows: number[];
  /** Register rows carrying a credit balance (an overpayment to refund). */
  creditBalanceRows: number[];
}

export interface SamplePractice {
  practice: Practice;
  asOf: Day;
  /** First day of service in the sample (first day of the month `months − 1` before asOf's). */
  from: Day;
  payers: Payer[];
  chargeMaster: ChargeMasterRow[];
  rvus: RvuRow[];
  /** Codes paid outside the physician fee schedule (clinical lab fee schedule, vaccine ASP). */
  medicareNonPfsAmounts: { cpt: string; description: string; amount: Cents }[];
  medicareLocality: MedicareLocality;
  feeSchedule: FeeScheduleRow[];
  /** Register rows: ClaimLine.row is the sheet row (header in row 1, first line in row 2). */
  claims: ClaimLine[];
  budget: Budget;
  payroll: Payroll;
  planted: PlantedFindings;
}
