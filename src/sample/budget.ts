/**
 * The sample practice's budget for the calendar year of the as-of date, with actuals through the
 * as-of month (definitions.md "Budget"): MGMA expense lines, revenue lines and a capital line.
 * Collections come from the sample claims (payments by last payment date) and support staff
 * cost from the sample payroll, so the figures agree with the rest of the workbook.
 */
import Decimal from "decimal.js";
import { Money, type Cents } from "../core/money/cents";
import { dayFromYMD, ymdFromDay, type Day } from "../core/dates/day";
import type { ClaimLine } from "../core/claims/claimLine";
import type { Random } from "./random";
import type { Budget, BudgetLine, Payroll } from "./types";

/** Yearly budget of each MGMA expense line, in cents, and how far the actuals run from it. */
const EXPENSES: { category: string; annual: Cents; overrun?: string }[] = [
  { category: "Medical and surgical supply", annual: 4_800_000, overrun: "1.17" },
  { category: "Drug supply", annual: 6_200_000 },
  { category: "Building and occupancy", annual: 15_600_000 },
  { category: "Furniture and equipment", annual: 1_800_000 },
  { category: "Information technology", annual: 6_600_000, overrun: "1.24" },
  { category: "Clinical laboratory", annual: 2_200_000 },
  { category: "Radiology and imaging", annual: 600_000 },
  { category: "Administrative supplies", annual: 1_400_000 },
  { category: "Professional liability insurance", annual: 3_600_000 },
  { category: "Other insurance", annual: 900_000 },
  { category: "Billing and collection services", annual: 3_000_000 },
  { category: "Outside professional fees", annual: 2_400_000 },
  { category: "Promotion and marketing", annual: 800_000 },
  { category: "Miscellaneous", annual: 1_200_000 },
];

const SUPPORT_STAFF = "Support staff salaries and benefits";
/** Employer FICA (Social Security 6.2 % + Medicare 1.45 %) used for the staff cost estimate. */
const EMPLOYER_FICA = "0.0765";

const round = (d: Decimal): Cents => d.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
const times = (cents: Cents, factor: Decimal.Value): Cents => round(new Money(cents).times(factor));

/** An amount spread over 12 months in whole cents, the last month taking the remainder. */
function spread(annual: Cents): Cents[] {
  const monthly = Math.floor(annual / 12);
  const out = new Array<Cents>(12).fill(monthly);
  out[11] = annual - monthly * 11;
  return out;
}

/** A factor near 1 as an exact decimal string ("1.0312"): actuals wander a few % from budget. */
function noise(random: Random, sd: number): string {
  return Math.max(0.5, random.normal(1, sd)).toFixed(4);
}

/** Gross wages of one pay period row: hours over 40 in a workweek at 1.5 × (FLSA). */
function periodWages(hourlyRate: Cents, week1: string, week2: string): Decimal {
  let wages = new Money(0);
  for (const h of [week1, week2]) {
    const hours = new Money(h);
    const regular = Decimal.min(hours, 40);
    const overtime = Decimal.max(hours.minus(40), 0);
    wages = wages.plus(regular.times(hourlyRate)).plus(overtime.times(hourlyRate).times("1.5"));
  }
  return wages; // in cents, unrounded
}

export interface SampleBudgetInput {
  asOf: Day;
  claims: readonly ClaimLine[];
  payroll: Payroll;
  random: Random;
}

export function sampleBudget({ asOf, claims, payroll, random }: SampleBudgetInput): Budget {
  const year = ymdFromDay(asOf).year;
  const months: Day[] = [];
  for (let m = 1; m <= 12; m++) months.push(dayFromYMD(year, m, 1) as Day);
  const monthsElapsed = ymdFromDay(asOf).month;
  const monthIndex = (day: Day): number => {
    const ymd = ymdFromDay(day);
    return ymd.year === year ? ymd.month - 1 : -1;
  };
  const lines: BudgetLine[] = [];

  // Revenue: collections by month of last payment; the budget is the plan the practice set.
  const collected = new Array<Cents>(12).fill(0);
  for (const line of claims) {
    if (line.lastPaymentDate === null || line.lastPaymentDate > asOf) continue;
    const i = monthIndex(line.lastPaymentDate);
    if (i >= 0) collected[i] += line.insurancePaid + line.patientPaid;
  }
  const observed = collected.slice(1, monthsElapsed).filter((c) => c > 0);
  const typical = observed.length > 0 ? Math.round(observed.reduce((a, b) => a + b, 0) / observed.length) : 19_000_000;
  const revenueBudget = spread(Math.round((typical * 12) / 100_000) * 100_000); // planned to the $1,000
  lines.push({
    kind: "revenue", category: "Net fee-for-service collections", budget: revenueBudget,
    actual: revenueBudget.slice(0, monthsElapsed).map((b, i) => (collected[i] > 0 ? collected[i] : times(b, noise(random, 0.05)))),
  });
  const otherRevenue = spread(3_600_000);
  lines.push({
    kind: "revenue", category: "Other medical revenue (quality incentives, care management)", budget: otherRevenue,
    actual: otherRevenue.slice(0, monthsElapsed).map((b) => times(b, noise(random, 0.15))),
  });

  // Support staff: planned at 2,080 hours (1,040 part time) plus benefits and employer FICA.
  let planned = new Money(0);
  for (const s of payroll.staff) {
    const wages = s.payType === "salary" ? new Money(s.annualSalary as Cents) : new Money(s.hourlyRate as Cents).times(s.benefitsPerPeriod === 0 ? 1040 : 2080);
    planned = planned.plus(wages.times(new Money(1).plus(EMPLOYER_FICA))).plus(s.benefitsPerPeriod * 26);
  }
  const staffBudget = spread(round(planned));
  const staffActual = new Array<Cents>(12).fill(0);
  const staffById = new Map(payroll.staff.map((s) => [s.employeeId, s]));
  for (const p of payroll.periods) {
    const i = monthIndex(p.payDate);
    if (i < 0 || p.payDate > asOf) continue;
    const s = staffById.get(p.employeeId);
    if (s === undefined) continue;
    const wages = s.payType === "salary" ? new Money(s.annualSalary as Cents).dividedBy(26) : periodWages(s.hourlyRate as Cents, p.week1Hours, p.week2Hours);
    staffActual[i] += round(wages.times(new Money(1).plus(EMPLOYER_FICA))) + p.benefits;
  }
  lines.push({ kind: "expense", category: SUPPORT_STAFF, budget: staffBudget, actual: staffActual.slice(0, monthsElapsed) });

  for (const e of EXPENSES) {
    const budget = spread(e.annual);
    lines.push({
      kind: "expense", category: e.category, budget,
      actual: budget.slice(0, monthsElapsed).map((b) => times(times(b, noise(random, 0.06)), e.overrun ?? "1")),
    });
  }

  // Capital: a new ECG machine and exam tables planned for March, a spirometer for August.
  const capitalBudget = new Array<Cents>(12).fill(0);
  capitalBudget[2] = 2_000_000;
  capitalBudget[7] = 1_250_000;
  const capitalActual = capitalBudget.slice(0, monthsElapsed).map((b) => (b > 0 ? times(b, noise(random, 0.06)) : 0));
  lines.push({ kind: "capital", category: "Capital: medical equipment (ECG, exam tables, spirometer)", budget: capitalBudget, actual: capitalActual });

  return { year: `FY${year}`, months, monthsElapsed, lines };
}

