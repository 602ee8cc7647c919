import fc from "fast-check";
import { dayFromYMD, type Day } from "../../../src/core/dates";
import {
  employerTaxes, PAYROLL_SETTINGS_2026, payrollTotals, runPayroll, weeklyOvertime, type PayrollLine, type PayrollSettings,
} from "../../../src/core/payroll";

const settingsArb: fc.Arbitrary<PayrollSettings> = fc.record({
  sutaRate: fc.integer({ min: 0, max: 1000 }).map((bp) => (bp / 10_000).toString()), // 0 … 10 % in basis points
  sutaWageBase: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: null }),
}).map((x) => ({ ...PAYROLL_SETTINGS_2026, ...x }));

const KEYS = ["socialSecurity", "medicare", "futa", "suta", "total", "socialSecurityWages", "futaWages", "sutaWages"] as const;

describe("payroll properties", () => {
  it("employer taxes are monotone non-decreasing in wages", () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 0, max: 25_000_000 }), settingsArb,
      (a, b, ytd, settings) => {
        const lo = employerTaxes(Math.min(a, b), ytd, settings);
        const hi = employerTaxes(Math.max(a, b), ytd, settings);
        for (const k of KEYS) expect(lo[k]).toBeLessThanOrEqual(hi[k]);
      },
    ));
  });

  it("never taxes beyond a wage base over a year's payrolls", () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 0, max: 4_000_000 }), { minLength: 1, maxLength: 40 }), settingsArb,
      (payrolls, settings) => {
        let ytd = 0;
        let ss = 0;
        let ssWages = 0;
        let futa = 0;
        let futaWages = 0;
        for (const w of payrolls) {
          const t = employerTaxes(w, ytd, settings);
          ss += t.socialSecurity;
          ssWages += t.socialSecurityWages;
          futa += t.futa;
          futaWages += t.futaWages;
          ytd += w;
        }
        // Σ SS ≤ 6.2 % × 184,500 = 11,439.00; Σ FUTA ≤ 0.6 % × 7,000 = 42.00
        expect(ss).toBeLessThanOrEqual(1_143_900);
        expect(futa).toBeLessThanOrEqual(4_200);
        // taxed wages are exactly the year's wages up to each base
        expect(ssWages).toBe(Math.min(ytd, 18_450_000));
        expect(futaWages).toBe(Math.min(ytd, 700_000));
      },
    ));
  });

  it("a year's Social Security through runPayroll stays within 11,439.00 whatever the pay amounts", () => {
    const jan2 = dayFromYMD(2026, 1, 2) as Day;
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 0, max: 2_000_000 }), { minLength: 1, maxLength: 26 }),
      (salaries) => {
        const lines: PayrollLine[] = salaries.map((perPeriod, i) => ({
          row: i + 2, employee: "Dr. Lee", department: "Clinical", role: "Physician", payDate: jan2 + 14 * i, periodFrom: null, periodTo: null,
          kind: "salaried", annualSalary: perPeriod * 26, payPeriodsPerYear: 26, exempt: true, standardHours: null,
          regularHours: 80, overtimeHours: 0, doubleTimeHours: 0, ptoHours: 0, benefitsCost: 0,
        }));
        const r = runPayroll(lines, PAYROLL_SETTINGS_2026);
        expect(r.reduce((s, x) => s + x.taxes.socialSecurity, 0)).toBeLessThanOrEqual(1_143_900);
      },
    ));
  });

  it("department totals add up to the payroll total to the cent", () => {
    const lineArb = fc.record({
      employee: fc.constantFrom("Ana", "Bo", "Cy", "Di", "Ed"),
      department: fc.constantFrom("Front desk", "front desk", "Clinical", "Billing", ""),
      role: fc.constantFrom("MA", "RN", "Biller"),
      dayOfYear: fc.integer({ min: 0, max: 364 }),
      rateCents: fc.integer({ min: 1_000, max: 9_999 }),
      rateExtra: fc.integer({ min: 0, max: 9 }), // a tenth of a cent: rates such as 23.125
      regular: fc.integer({ min: 0, max: 400 }).map((q) => q / 4), // quarter hours
      overtime: fc.integer({ min: 0, max: 80 }).map((q) => q / 4),
      benefits: fc.integer({ min: 0, max: 100_000 }),
    });
    fc.assert(fc.property(fc.array(lineArb, { maxLength: 40 }), settingsArb, (raw, settings) => {
      const jan1 = dayFromYMD(2026, 1, 1) as Day;
      const lines: PayrollLine[] = raw.map((x, i) => ({
        row: i + 2, employee: x.employee, department: x.department, role: x.role, payDate: jan1 + x.dayOfYear,
        periodFrom: null, periodTo: null, kind: "hourly", rate: `${Math.floor(x.rateCents / 100)}.${String(x.rateCents % 100).padStart(2, "0")}${x.rateExtra}`,
        regularHours: x.regular, overtimeHours: x.overtime, doubleTimeHours: 0, ptoHours: 0, benefitsCost: x.benefits,
      }));
      const results = runPayroll(lines, settings);
      for (const by of ["department", "role"] as const) {
        const t = payrollTotals(results, by);
        const sum = (k: "totalCost" | "grossWages" | "employerTaxes" | "benefits"): number => t.rows.reduce((s, row) => s + row[k], 0);
        expect(sum("totalCost")).toBe(t.total.totalCost);
        expect(sum("grossWages")).toBe(t.total.grossWages);
        expect(sum("employerTaxes")).toBe(t.total.employerTaxes);
        // and the total equals Σ of the lines
        expect(t.total.totalCost).toBe(results.reduce((s, r) => s + r.totalCost, 0));
        expect(t.total.totalCost).toBe(t.total.grossWages + t.total.employerTaxes + t.total.benefits);
      }
    }));
  });

  it("overtime splits never lose or create hours", () => {
    const days = fc.array(fc.integer({ min: 0, max: 64 }).map((q) => q / 4), { maxLength: 7 });
    fc.assert(fc.property(fc.array(days, { maxLength: 4 }), fc.boolean(), (weeks, daily) => {
      const splits = weeklyOvertime(weeks, { daily });
      splits.forEach((s, i) => {
        const total = weeks[i].reduce((a, b) => a + b, 0); // quarter hours: exact in binary
        expect(s.regularHours.plus(s.overtimeHours).plus(s.doubleTimeHours).toNumber()).toBe(total);
        expect(s.regularHours.lte(40)).toBe(true);
      });
    }));
  });
});
