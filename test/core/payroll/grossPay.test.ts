import { grossPay } from "../../../src/core/payroll";

describe("grossPay", () => {
  it("hourly: straight time, PTO and overtime at 1.5 ×", () => {
    // rate 23.125, 80 regular + 4 PTO = 84 h × 23.125 = 1,942.50; 8 OT × 23.125 × 1.5 = 277.50
    const p = grossPay({ kind: "hourly", rate: "23.125", regularHours: 80, overtimeHours: 8, ptoHours: 4 });
    // 1,942.50 + 277.50 = 2,220.00
    expect(p.gross).toBe(222_000);
    expect(p.overtimePay).toBe(27_750);
    expect(p.straightTimePay).toBe(194_250);
  });

  it("rounds the gross once, half up, not part by part", () => {
    // rate 10.01: 0.5 h = 5.005; 1 OT h × 1.5 = 15.015; exact gross 20.02
    // (rounding each part first would give 5.01 + 15.02 = 20.03)
    const p = grossPay({ kind: "hourly", rate: 10.01, regularHours: 0.5, overtimeHours: 1 });
    expect(p.gross).toBe(2_002);
    // overtime part alone 15.015 → 15.02; straight = 20.02 − 15.02 = 5.00 so the parts add up
    expect(p.overtimePay).toBe(1_502);
    expect(p.straightTimePay).toBe(500);
  });

  it("hourly: California double time at 2 ×", () => {
    // rate 20: 8 × 20 = 160; 4 × 30 = 120; 1 × 40 = 40 → 320.00
    expect(grossPay({ kind: "hourly", rate: 20, regularHours: 8, overtimeHours: 4, doubleTimeHours: 1 }).gross).toBe(32_000);
  });

  it("salaried exempt: the period's salary, overtime hours earn nothing extra", () => {
    // 78,000 ÷ 26 = 3,000.00
    const p = grossPay({ kind: "salaried", annualSalary: 7_800_000, payPeriodsPerYear: 26, exempt: true, overtimeHours: 10 });
    expect(p.gross).toBe(300_000);
    expect(p.overtimePay).toBe(0);
  });

  it("salaried non-exempt: overtime at 1.5 × salary ÷ hours the salary covers (29 CFR 778.113)", () => {
    // 52,000 ÷ 26 = 2,000.00 per period; covers 40 × 52 ÷ 26 = 80 h → regular rate 2,000 ÷ 80 = 25.00
    // 6 OT h × 25.00 × 1.5 = 225.00 → gross 2,225.00
    const p = grossPay({ kind: "salaried", annualSalary: 5_200_000, payPeriodsPerYear: 26, exempt: false, overtimeHours: 6 });
    expect(p.regularRate.toString()).toBe("25");
    expect(p.overtimePay).toBe(22_500);
    expect(p.gross).toBe(222_500);
  });

  it("salaried non-exempt, semimonthly: the weekly-equivalent regular rate (778.113(b))", () => {
    // 52,000 ÷ 24 = 2,166.666…; covers 40 × 52 ÷ 24 = 86.666… h → rate = 52,000 ÷ 2,080 = 25.00
    // 4 OT h × 25 × 1.5 = 150.00; gross = 2,166.666… + 150 = 2,316.666… → 2,316.67
    const p = grossPay({ kind: "salaried", annualSalary: 5_200_000, payPeriodsPerYear: 24, exempt: false, overtimeHours: 4 });
    expect(p.regularRate.toDecimalPlaces(10).toString()).toBe("25");
    expect(p.gross).toBe(231_667);
    expect(p.overtimePay).toBe(15_000);
  });

  it("salaried non-exempt with the hours the salary covers given", () => {
    // 2,000.00 per period (52,000 ÷ 26) covering 75 h → rate 26.666…; 3 OT h × 1.5 × 26.666… = 120.00
    const p = grossPay({ kind: "salaried", annualSalary: 5_200_000, payPeriodsPerYear: 26, exempt: false, overtimeHours: 3, standardHours: 75 });
    expect(p.overtimePay).toBe(12_000);
    expect(p.gross).toBe(212_000); // 2,000 + 120
  });

  it("refuses impossible inputs", () => {
    expect(() => grossPay({ kind: "hourly", rate: -1, regularHours: 1 })).toThrow(RangeError);
    expect(() => grossPay({ kind: "salaried", annualSalary: 100, payPeriodsPerYear: 0, exempt: true })).toThrow(RangeError);
  });
});
