/**
 * The sample practice's support staff and biweekly payroll: hours by FLSA workweek (so overtime,
 * hours over 40 in a workweek, can be computed; definitions.md "Payroll") and employer benefits.
 */
import type { Cents } from "../core/money/cents";
import { ymdFromDay, type Day } from "../core/dates/day";
import { weekday } from "./calendar";
import type { Random } from "./random";
import type { Payroll, PayrollPeriodRow, StaffMember } from "./types";

const STAFF: StaffMember[] = [
  { employeeId: "E001", name: "Linda Park", department: "Administration", role: "Practice manager", payType: "salary", hourlyRate: null, annualSalary: 8_600_000, benefitsPerPeriod: 68_500 },
  { employeeId: "E002", name: "Marcus Reed", department: "Billing", role: "Billing specialist", payType: "hourly", hourlyRate: 2_450, annualSalary: null, benefitsPerPeriod: 52_000 },
  { employeeId: "E003", name: "Angela Torres", department: "Billing", role: "Coding and billing specialist", payType: "hourly", hourlyRate: 2_675, annualSalary: null, benefitsPerPeriod: 52_000 },
  { employeeId: "E004", name: "Jasmine Brooks", department: "Front office", role: "Receptionist", payType: "hourly", hourlyRate: 1_850, annualSalary: null, benefitsPerPeriod: 41_000 },
  { employeeId: "E005", name: "Kevin Nguyen", department: "Front office", role: "Receptionist", payType: "hourly", hourlyRate: 1_775, annualSalary: null, benefitsPerPeriod: 41_000 },
  { employeeId: "E006", name: "Rosa Delgado", department: "Front office", role: "Scheduler and referrals coordinator", payType: "hourly", hourlyRate: 1_925, annualSalary: null, benefitsPerPeriod: 41_000 },
  { employeeId: "E007", name: "Hannah Weiss", department: "Clinical", role: "Registered nurse (RN)", payType: "hourly", hourlyRate: 3_850, annualSalary: null, benefitsPerPeriod: 61_000 },
  { employeeId: "E008", name: "Derek Johnson", department: "Clinical", role: "Licensed practical nurse (LPN)", payType: "hourly", hourlyRate: 2_700, annualSalary: null, benefitsPerPeriod: 55_000 },
  { employeeId: "E009", name: "Sofia Alvarez", department: "Clinical", role: "Medical assistant (MA)", payType: "hourly", hourlyRate: 1_950, annualSalary: null, benefitsPerPeriod: 44_000 },
  { employeeId: "E010", name: "Tyler Morgan", department: "Clinical", role: "Medical assistant (MA)", payType: "hourly", hourlyRate: 2_025, annualSalary: null, benefitsPerPeriod: 44_000 },
  { employeeId: "E011", name: "Aisha Khan", department: "Clinical", role: "Medical assistant (MA)", payType: "hourly", hourlyRate: 1_875, annualSalary: null, benefitsPerPeriod: 44_000 },
  { employeeId: "E012", name: "Brianna Scott", department: "Clinical", role: "Medical assistant (MA)", payType: "hourly", hourlyRate: 2_100, annualSalary: null, benefitsPerPeriod: 44_000 },
  { employeeId: "E013", name: "Omar Haddad", department: "Clinical", role: "Medical assistant (MA), part time", payType: "hourly", hourlyRate: 1_900, annualSalary: null, benefitsPerPeriod: 0 },
];

/** Hours as a decimal string with two places, from a whole number of quarter hours. */
function hoursText(quarters: number): string {
  const whole = Math.floor(quarters / 4);
  return `${whole}.${["00", "25", "50", "75"][quarters % 4]}`;
}

/**
 * Biweekly pay periods (Sunday to Saturday, two weeks) that start on or after `from` and are paid
 * (the Friday after the period ends) on or before asOf. Hourly staff work 36-40 hours a week, with overtime
 * (41-47 hours) in about 5 % of weeks (more in flu season); the part-time MA about 20 hours.
 */
export function samplePayroll(from: Day, asOf: Day, random: Random): Payroll {
  const firstSunday = from + ((7 - weekday(from)) % 7);
  const periods: PayrollPeriodRow[] = [];
  for (let start = firstSunday; start + 19 <= asOf; start += 14) {
    const end = start + 13;
    for (const staff of STAFF) {
      const week = (weekStart: Day): string => {
        if (staff.payType === "salary") return "40.00";
        const partTime = staff.benefitsPerPeriod === 0;
        const month = ymdFromDay(weekStart).month;
        const overtimeChance = month >= 11 || month <= 2 ? 0.09 : 0.04;
        if (!partTime && random.chance(overtimeChance)) return hoursText(random.int(41 * 4, 47 * 4));
        if (random.chance(0.04)) return hoursText((40 - 8 * random.int(1, 3)) * 4); // days off unpaid
        return partTime ? hoursText(random.int(16 * 4, 24 * 4)) : hoursText(random.int(36 * 4, 40 * 4));
      };
      periods.push({
        employeeId: staff.employeeId, periodStart: start, periodEnd: end, payDate: end + 6,
        week1Hours: week(start), week2Hours: week(start + 7), benefits: staff.benefitsPerPeriod as Cents,
      });
    }
  }
  return { staff: STAFF.map((s) => ({ ...s })), periods };
}
