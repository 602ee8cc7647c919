import { Money } from "../../../src/core/money/cents";
import { daysInAR } from "../../../src/core/aging";
import { AS_OF, day, line, REGISTER } from "./register.fixture";

describe("daysInAR of the hand-worked register (D = 2026-10-31)", () => {
  test("90-day window: D − 89 = 2026-08-03 … D", () => {
    const r = daysInAR(REGISTER, AS_OF);
    expect(r.windowDays).toBe(90);
    expect(r.arTotal).toBe(99501); // 995.01, as in arAging
    // Ages 0-89 are in: rows 2 (100.01), 3 (200), 4 (150), 5 (80), 6 (300, age 61), 11 (50, age 45), 12 (70, age 10);
    // row 7 (age 90, DOS Aug 2) is just outside; row 13 is after D.
    // 100.01 + 200 + 150 + 80 + 300 + 50 + 70 = 950.01
    expect(r.windowCharges).toBe(95001);
    // 950.01 ÷ 90 = 10.5556666… (90 × 10.5556 = 950.004, remainder 0.006 ÷ 90 = 0.0000666…)
    expect(r.averageDailyCharges.equals(new Money("950.01").dividedBy(90))).toBe(true);
    expect(r.averageDailyCharges.toFixed(4)).toBe("10.5557");
    // 995.01 ÷ (950.01 ÷ 90) = 89 550.90 ÷ 950.01; 950.01 × 94 = 89 300.94, remainder 249.96 ÷ 950.01 = 0.2631 → 94.26
    expect(r.daysInAR?.equals(new Money("89550.90").dividedBy("950.01"))).toBe(true);
    expect(r.daysInAR?.toFixed(2)).toBe("94.26");
  });

  test("365-day window (MGMA): D − 364 = 2025-11-01 … D takes every aged line", () => {
    const r = daysInAR(REGISTER, AS_OF, { windowDays: 365 });
    // 100.01 + 200 + 150 + 80 + 300 + 90 + 400 + 60 + 500 + 50 + 70 = 2 000.01
    expect(r.windowCharges).toBe(200001);
    // 995.01 × 365 ÷ 2 000.01 = 363 178.65 ÷ 2 000.01; 2 000.01 × 181 = 362 001.81, remainder 1 176.84 ÷ 2 000.01 = 0.5884
    expect(r.daysInAR?.equals(new Money("363178.65").dividedBy("2000.01"))).toBe(true);
    expect(r.daysInAR?.toFixed(2)).toBe("181.59");
  });

  test("window edges: D − (w − 1) is in, D − w is out", () => {
    const lines = [
      line({ dateOfService: day(2026, 10, 2), charge: 3000 }), // D − 29: in a 30-day window
      line({ dateOfService: day(2026, 10, 1), charge: 7000 }), // D − 30: out
    ];
    const r = daysInAR(lines, AS_OF, { windowDays: 30 });
    expect(r.windowCharges).toBe(3000);
    // A/R 100.00 ÷ (30.00 ÷ 30 = 1.00 a day) = 100 days
    expect(r.daysInAR?.toString()).toBe("100");
  });

  test("no charges in the window: average 0, days in A/R blank", () => {
    const r = daysInAR([line({ dateOfService: day(2025, 1, 1), charge: 5000 })], AS_OF);
    expect(r.windowCharges).toBe(0);
    expect(r.averageDailyCharges.isZero()).toBe(true);
    expect(r.daysInAR).toBeNull();
    expect(r.arTotal).toBe(5000);
  });

  test("a window that is not a whole number of days ≥ 1 is refused", () => {
    expect(() => daysInAR([], AS_OF, { windowDays: 0 })).toThrow(RangeError);
    expect(() => daysInAR([], AS_OF, { windowDays: 90.5 })).toThrow(RangeError);
  });
});
