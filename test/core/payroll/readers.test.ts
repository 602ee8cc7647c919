import { dayFromYMD } from "../../../src/core/dates";
import { describeIssue } from "../../../src/core/cells";
import { PAYROLL_SETTINGS_2026, payrollSettingsFromRows, readPayrollLines } from "../../../src/core/payroll";

describe("payrollSettingsFromRows", () => {
  it("reads rates written as percents or decimals and wage bases as amounts", () => {
    const { settings, issues } = payrollSettingsFromRows([
      { row: 2, cells: { setting: "Social Security rate", value: "6.2%" } },
      { row: 3, cells: { setting: "Social Security wage base", value: "$184,500" } },
      { row: 4, cells: { setting: "medicare RATE", value: 0.0145 } },
      { row: 5, cells: { setting: "FUTA rate", value: "0.6 %" } },
      { row: 6, cells: { setting: "State unemployment rate", value: "2.7%" } },
      { row: 7, cells: { setting: "SUTA wage base", value: 12000 } },
      { row: 8, cells: { setting: "Standard work week", value: 40 } },
      { row: 9, cells: { setting: "Overtime multiplier", value: "1.5" } },
      { row: 10, cells: { setting: "Practice name", value: "Main St Clinic" } }, // not a payroll setting: skipped
    ]);
    expect(issues).toEqual([]);
    expect(settings).toEqual({
      ...PAYROLL_SETTINGS_2026,
      socialSecurityRate: "0.062", // 6.2 ÷ 100
      futaRate: "0.006", // 0.6 ÷ 100
      sutaRate: "0.027",
      sutaWageBase: 1_200_000, // 12,000.00
    });
  });

  it("keeps the default and names the row for an unreadable value", () => {
    const { settings, issues } = payrollSettingsFromRows([
      { row: 2, cells: { setting: "Social Security rate", value: 6.2 } }, // ambiguous: 6.2 or 620 %?
      { row: 3, cells: { setting: "FUTA wage base", value: "seven thousand" } },
      { row: 4, cells: { setting: "Medicare rate", value: "1.45%" } },
      { row: 5, cells: { setting: "Medicare rate", value: "2%" } }, // repeated
      { row: 6, cells: { setting: "SUTA rate", value: "3%" } }, // no SUTA base given: default 0
    ], { sheet: "Settings", columns: { value: "B" } });
    expect(settings.socialSecurityRate).toBe("0.062");
    expect(settings.futaWageBase).toBe(700_000);
    expect(settings.medicareRate).toBe("0.0145");
    expect(issues.map((i) => [i.row, i.severity])).toEqual([[2, "error"], [3, "error"], [5, "warning"], [6, "warning"]]);
    expect(describeIssue(issues[0])).toMatch(/^Settings!B2: Social Security rate: a rate above 1 is ambiguous/);
  });

  it("takes a blank SUTA wage base as no limit", () => {
    const { settings } = payrollSettingsFromRows([{ row: 2, cells: { setting: "SUTA wage base", value: "" } }]);
    expect(settings.sutaWageBase).toBeNull();
  });
});

describe("readPayrollLines", () => {
  const columns = { employee: "A", payDate: "B", kind: "C", rate: "D", annualSalary: "E", regularHours: "F", overtimeHours: "G", benefitsCost: "H", payPeriodsPerYear: "I", exempt: "J" } as const;

  it("reads good rows and lists bad ones with row and column, processing the rest", () => {
    const read = readPayrollLines([
      { row: 2, cells: { employee: "Ana Diaz", department: "Front desk", payDate: "01/09/2026", kind: "Hourly", rate: "$23.125", regularHours: 80, overtimeHours: "2.5", benefitsCost: "$300.00" } },
      { row: 3, cells: { employee: "Dr. Lee", payDate: 46031, annualSalary: "$390,000", payPeriodsPerYear: "Biweekly", exempt: "Non-exempt", overtimeHours: 2 } },
      { row: 4, cells: {} }, // blank row
      { row: 5, cells: { employee: "Bo", payDate: "2026-01-09", kind: "Hourly", rate: "abc", regularHours: 80 } },
      { row: 6, cells: { employee: "", payDate: "2026-01-09", rate: 20, regularHours: 80 } },
      { row: 7, cells: { employee: "Cy", payDate: "31/01/2026", rate: 20, regularHours: -3 } },
      { row: 8, cells: { employee: "Di", payDate: "2026-01-09", annualSalary: 52000, exempt: "", overtimeHours: 5 } },
      { row: 9, cells: { employee: "Ed", payDate: "2026-01-09", kind: "Contractor", rate: 20 } },
    ], { sheet: "Payroll", columns, payPeriodsPerYear: 26 });

    expect(read.rowsRead).toBe(7);
    expect(read.blankRows).toBe(1);
    expect(read.lines.map((l) => l.row)).toEqual([2, 3, 8]);
    expect(read.leftOutRows).toEqual([5, 6, 7, 9]);

    const [ana, lee, di] = read.lines;
    expect(ana).toMatchObject({
      kind: "hourly", rate: "23.125", regularHours: 80, overtimeHours: 2.5, benefitsCost: 30_000, department: "Front desk",
      payDate: dayFromYMD(2026, 1, 9),
    });
    // Excel serial 46031 = 2026-01-09 (serial 25569 = 1970-01-01; 46031 − 25569 = 20462 days)
    expect(lee).toMatchObject({ kind: "salaried", annualSalary: 39_000_000, payPeriodsPerYear: 26, exempt: false, payDate: dayFromYMD(2026, 1, 9) });
    // pay type inferred from the salary; blank exempt → exempt, and its overtime hours draw a warning
    expect(di).toMatchObject({ kind: "salaried", exempt: true, payPeriodsPerYear: 26 });

    const text = read.issues.map((i) => `${i.severity} ${describeIssue(i)}`);
    expect(text).toEqual([
      "error Payroll!D5: hourly rate: not a number (found \"abc\")",
      "error Payroll!A6: employee is blank",
      "error Payroll!B7: pay date: looks like a day-first date; use month/day/year or 2026-10-31 (found \"31/01/2026\")",
      "error Payroll!F7: regular hours is negative (found \"-3\")",
      "warning Payroll!G8: overtime hours of an exempt employee earn no overtime premium (found \"5\")",
      "error Payroll!C9: unknown pay type; write Hourly or Salaried (found \"Contractor\")",
    ]);
  });

  it("asks for pay periods per year when a salaried row has none and no default is set", () => {
    const read = readPayrollLines([{ row: 2, cells: { employee: "Di", payDate: "2026-01-09", annualSalary: 52000 } }]);
    expect(read.lines).toEqual([]);
    expect(read.issues[0]).toMatchObject({ row: 2, field: "payPeriodsPerYear", severity: "error" });
  });

  it("never throws on odd cell values", () => {
    const odd = [null, undefined, { error: "#N/A" }, true, NaN, new Date(NaN), [1], {}];
    const rows = odd.map((v, i) => ({ row: i + 2, cells: { employee: v, payDate: v, kind: v, rate: v, annualSalary: v, regularHours: v, exempt: v, payPeriodsPerYear: v } }));
    expect(() => readPayrollLines(rows)).not.toThrow();
  });
});
