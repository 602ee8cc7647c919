import { dayFromYMD, type Day } from "../../../src/core/dates";
import {
  fte, PAYROLL_SETTINGS_2026, payrollShareOfCollections, payrollTotals, runPayroll, staffCostPerPhysicianFTE, totalFte,
  type HourlyPayrollLine, type PayrollLine, type SalariedPayrollLine,
} from "../../../src/core/payroll";

const d = (y: number, m: number, day: number): Day => dayFromYMD(y, m, day) as Day;

function hourly(row: number, employee: string, payDate: Day, over: Partial<HourlyPayrollLine> = {}): HourlyPayrollLine {
  return {
    row, employee, department: "Front desk", role: "Receptionist", payDate, periodFrom: null, periodTo: null,
    kind: "hourly", rate: "25", regularHours: 80, overtimeHours: 0, doubleTimeHours: 0, ptoHours: 0, benefitsCost: 30_000, ...over,
  };
}

function salaried(row: number, employee: string, payDate: Day, over: Partial<SalariedPayrollLine> = {}): SalariedPayrollLine {
  return {
    row, employee, department: "Clinical", role: "Nurse manager", payDate, periodFrom: null, periodTo: null, kind: "salaried",
    annualSalary: 39_000_000, payPeriodsPerYear: 26, exempt: true, standardHours: null,
    regularHours: 80, overtimeHours: 0, doubleTimeHours: 0, ptoHours: 0, benefitsCost: 0, ...over,
  };
}

describe("runPayroll", () => {
  it("carries YTD wages in pay-date order so FUTA cuts in at the right payroll, per calendar year", () => {
    // four biweekly payrolls of 80 h × 25.00 = 2,000.00, given out of order, plus one in 2027
    const lines: PayrollLine[] = [
      hourly(5, "Ana Diaz", d(2026, 2, 20)),
      hourly(2, "Ana Diaz", d(2026, 1, 9)),
      hourly(4, " ana  diaz ", d(2026, 2, 6)), // same employee, written differently
      hourly(3, "Ana Diaz", d(2026, 1, 23)),
      hourly(6, "Ana Diaz", d(2027, 1, 8)),
    ];
    const r = runPayroll(lines, PAYROLL_SETTINGS_2026);
    expect(r.map((x) => x.line.row)).toEqual([2, 3, 4, 5, 6]);
    // YTD before: 0, 2,000, 4,000, 6,000, then 0 again in 2027
    expect(r.map((x) => x.ytdWagesBefore)).toEqual([0, 200_000, 400_000, 600_000, 0]);
    // FUTA: 0.6 % × 2,000 = 12.00 three times; 4th: 7,000 − 6,000 = 1,000 → 6.00; 2027: 12.00 again
    expect(r.map((x) => x.taxes.futa)).toEqual([1_200, 1_200, 1_200, 600, 1_200]);
    // first line: 2,000 + SS 124.00 + Medicare 29.00 + FUTA 12.00 + benefits 300.00 = 2,465.00
    expect(r[0].totalCost).toBe(246_500);
    expect(r[0].year).toBe(2026);
    expect(r[4].year).toBe(2027);
  });

  it("stops Social Security at the wage base for a high salary", () => {
    // 390,000 ÷ 26 = 15,000.00 per payroll; after 12 payrolls YTD = 180,000
    const lines = Array.from({ length: 14 }, (_, i) => salaried(i + 2, "Dr. Lee", d(2026, 1, 2) + 14 * i));
    const r = runPayroll(lines, PAYROLL_SETTINGS_2026);
    // payrolls 1–12: 6.2 % × 15,000 = 930.00
    expect(r[0].taxes.socialSecurity).toBe(93_000);
    // payroll 13: YTD 180,000 → SS wages 184,500 − 180,000 = 4,500 → 6.2 % × 4,500 = 279.00
    expect(r[12].ytdWagesBefore).toBe(18_000_000);
    expect(r[12].taxes.socialSecurityWages).toBe(450_000);
    expect(r[12].taxes.socialSecurity).toBe(27_900);
    // payroll 14: nothing; Σ = 12 × 930 + 279 = 11,439.00 = 6.2 % × 184,500
    expect(r[13].taxes.socialSecurity).toBe(0);
    expect(r.reduce((s, x) => s + x.taxes.socialSecurity, 0)).toBe(1_143_900);
    // Medicare continues on every payroll: 1.45 % × 15,000 = 217.50
    expect(r[13].taxes.medicare).toBe(21_750);
  });

  it("pays a non-exempt salaried employee's overtime", () => {
    // 52,000 ÷ 26 = 2,000; rate 25; 4 OT h × 37.50 = 150 → 2,150.00
    const [x] = runPayroll([salaried(2, "Kim", d(2026, 3, 6), { annualSalary: 5_200_000, exempt: false, overtimeHours: 4 })], PAYROLL_SETTINGS_2026);
    expect(x.pay.gross).toBe(215_000);
  });
});

describe("payrollTotals", () => {
  it("totals by department and adds the departments up to the grand total", () => {
    const r = runPayroll([
      hourly(2, "Ana", d(2026, 1, 9)), // 2,000 + 124 + 29 + 12 + 300 = 2,465.00
      hourly(3, "Bo", d(2026, 1, 9), { rate: "20", department: "front desk " }), // same department, other spelling
      salaried(4, "Cy", d(2026, 1, 9), { annualSalary: 5_200_000 }), // Clinical: 2,000.00
    ], PAYROLL_SETTINGS_2026);
    const t = payrollTotals(r, "department");
    expect(t.rows.map((x) => x.name)).toEqual(["Front desk", "Clinical"]);
    // Front desk: Ana 2,000.00 + Bo 80 × 20 = 1,600.00 → 3,600.00 gross, 2 employees
    expect(t.rows[0].grossWages).toBe(360_000);
    expect(t.rows[0].employees).toBe(2);
    // Bo's taxes: SS 6.2 % × 1,600 = 99.20; Medicare 23.20; FUTA 9.60 → 132.00; + benefits 300 → 2,032.00
    // Front desk cost = 2,465.00 + 2,032.00 = 4,497.00
    expect(t.rows[0].totalCost).toBe(449_700);
    // Clinical: 2,000 + 124 + 29 + 12 + 0 = 2,165.00
    expect(t.rows[1].totalCost).toBe(216_500);
    // Total = 4,497.00 + 2,165.00 = 6,662.00
    expect(t.total.totalCost).toBe(666_200);
    expect(t.total.employees).toBe(3);
    // hours worked 80 × 3 = 240
    expect(t.total.hoursWorked.toString()).toBe("240");
    expect(payrollTotals(r, "role").rows.map((x) => x.name)).toEqual(["Receptionist", "Nurse manager"]);
  });
});

describe("FTE and ratios", () => {
  it("computes FTE capped at 1.0 per employee", () => {
    // 1,040 ÷ (40 × 52 = 2,080) = 0.5
    expect(fte(1040, 40, 52)?.toString()).toBe("0.5");
    // 2,300 ÷ 2,080 > 1 → 1
    expect(fte(2300, 40, 52)?.toString()).toBe("1");
    // 13 weeks of 32 h: 416 ÷ (40 × 13 = 520) = 0.8
    expect(fte(416, undefined, 13)?.toString()).toBe("0.8");
    expect(fte(10, 40, 0)).toBeNull();
    // 1 + 0.5 + 1 (2,500 capped) = 2.5
    expect(totalFte([2080, 1040, 2500])?.toString()).toBe("2.5");
  });

  it("staff cost per physician FTE and payroll share of collections", () => {
    // 1,000,000.00 ÷ 2.5 = 400,000.00
    expect(staffCostPerPhysicianFTE(100_000_000, 2.5)).toBe(40_000_000);
    // 1,000,000.00 ÷ 3 = 333,333.333… → 333,333.33
    expect(staffCostPerPhysicianFTE(100_000_000, 3)).toBe(33_333_333);
    expect(staffCostPerPhysicianFTE(100_000_000, 0)).toBeNull();
    // 250,000 ÷ 1,000,000 = 0.25
    expect(payrollShareOfCollections(25_000_000, 100_000_000)?.toString()).toBe("0.25");
    expect(payrollShareOfCollections(1, 0)).toBeNull();
  });
});
