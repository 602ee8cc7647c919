import fc from "fast-check";
import { dayFromYMD, type Day } from "../../src/core/dates";
import type { CellValue } from "../../src/core/cells";
import { workbookReport, type WorkbookSheet } from "../../src/core/report/workbookReport";
import { payrollReportFigures } from "../../src/core/report/payrollFigures";
import { PAYROLL_SETTINGS_2026, type PayrollLine } from "../../src/core/payroll";
import { reportingPeriod } from "../../src/core/kpis/reportingPeriod";

const day = (y: number, m: number, d: number): Day => dayFromYMD(y, m, d) as Day;
const MONTHS = ["Jan-26", "Feb-26", "Mar-26", "Apr-26", "May-26", "Jun-26", "Jul-26", "Aug-26", "Sep-26", "Oct-26", "Nov-26", "Dec-26"];
const twelve = (n: number): number[] => new Array<number>(12).fill(n);

/** Claims: payments in the period = (12,000 + 2,000) + 10,000 + 4,000 = 28,000.00. */
const claims: WorkbookSheet = {
  name: "Claims",
  grid: [
    ["Claim ID", "Date of Service", "Payer", "Charge", "Insurance Paid", "Patient Paid", "Contractual Adj"],
    ["C1", "2026-01-15", "Aetna", 20000, 12000, 2000, 6000],
    ["C2", "2026-02-10", "Medicare", 15000, 10000, 0, 5000],
    ["C3", "2026-03-05", "Self-pay", 10000, 0, 4000, 0],
  ],
};

const budget: WorkbookSheet = {
  name: "Budget",
  grid: [
    ["Test Clinic: budget 2026"],
    [],
    ["Category", ...MONTHS, "Total"],
    ["Revenue"],
    ["Fee-for-service collections", ...twelve(1000), 12000],
    ["Expenses"],
    ["Medical and surgical supply", ...twelve(100), 1200],
    ["Total expenses", ...twelve(100), 1200],
    ["Capital"],
    ["Medical equipment", null, null, null, null, null, 500, null, null, null, null, null, null, 500],
  ],
};

const actuals: WorkbookSheet = {
  name: "Actuals",
  grid: [
    ["Test Clinic: actuals 2026"],
    [],
    ["Category", ...MONTHS, "Total"],
    ["Revenue"],
    ["Fee-for-service collections", 900, 1100, 1300, null, null, null, null, null, null, null, null, null, 3300],
    ["Expenses"],
    ["Medical and surgical supply", 120, 90, 110, null, null, null, null, null, null, null, null, null, 320],
    ["Capital"],
    ["Medical equipment", 0, 450, 0, null, null, null, null, null, null, null, null, null, 450],
  ],
};

const PAYROLL_HEADER = [
  "Employee", "Department", "Pay date", "Period start", "Period end", "Pay type", "Hourly rate", "Annual salary",
  "Pay periods per year", "Exempt", "Regular hours", "Overtime hours", "Benefits cost",
];
const payrollRows: CellValue[][] = [
  ["Ann Lee", "Front office", "2025-03-14", null, null, "Hourly", 20, null, null, "No", 200, 0, 100], // row 2: before the period (2025 YTD)
  ["Ann Lee", "Front office", "2025-12-19", null, null, "Hourly", 20, null, null, "No", 80, 0, 100], // row 3
  ["Ann Lee", "Front office", "2026-01-16", null, null, "Hourly", 20, null, null, "No", 80, 2, 100], // row 4
  ["Ann Lee", "Front office", "2026-01-30", null, null, "Hourly", 20, null, null, "No", 80, 0, 100], // row 5
  ["Bo Park", "Administration", "2026-01-16", null, null, "Salaried", null, 78000, 26, "Yes", 80, 0, 200], // row 6
  ["Bo Park", "Administration", "2026-01-30", null, null, "Salaried", null, 78000, 26, "Yes", 80, 0, 200], // row 7
  ["Bo Park", "Administration", "2026-02-13", null, null, "Salaried", null, 78000, 26, "Yes", 80, 0, 200], // row 8
  ["Ann Lee", "Front office", "2026-04-10", null, null, "Hourly", 20, null, null, "No", 80, 0, 100], // row 9: after the as-of date
];
const payroll: WorkbookSheet = { name: "Payroll", grid: [PAYROLL_HEADER, ...payrollRows] };

const settings: WorkbookSheet = {
  name: "Settings",
  grid: [
    ["Setting", "Value"],
    ["Practice name", "Test Clinic"],
    ["Practice Ledger computes employer payroll cost for budgeting; it is not a withholding engine."],
    ["Social Security rate", "6.2%"],
    ["Social Security wage base", 184500],
    ["Medicare rate", "1.45%"],
    ["FUTA rate", "0.6%"],
    ["FUTA wage base", 7000],
    ["SUTA rate", "2%"],
    ["SUTA wage base", 5000],
    ["Standard work week hours", 40],
  ],
};

const asOf = day(2026, 3, 31); // period 2025-04-01 … 2026-03-31 (365 days)

describe("tiny workbook: budget and payroll through workbookReport", () => {
  const report = workbookReport([claims, budget, actuals, payroll, settings], { asOf });
  const s = report.summary;

  test("nothing is left out of the Budget, Actuals, Payroll and Settings sheets", () => {
    expect(s.sheetIssues).toEqual([]);
    expect(s.practice).toBe("Test Clinic");
    expect(s.kpis.payments).toBe("28000.00"); // 12,000 + 2,000 + 10,000 + 0 + 0 + 4,000
  });

  test("budget section: year to date through March", () => {
    const b = s.budget;
    expect(b).not.toBeNull();
    if (b === null) return;
    expect(b.year).toBe(2026);
    expect(b.asOfMonth).toBe(3); // as of 2026-03-31
    // revenue: budget 3 × 1,000 = 3,000; actual 900 + 1,100 + 1,300 = 3,300; variance 3,300 − 3,000 = 300
    expect(b.revenue).toEqual({ budgetYTD: "3000.00", actualYTD: "3300.00", variance: "300.00" });
    // expense: budget 3 × 100 = 300; actual 120 + 90 + 110 = 320; variance 20
    expect(b.expense).toEqual({ budgetYTD: "300.00", actualYTD: "320.00", variance: "20.00" });
    // capital: budget Jan-Mar 0; actual 450 (February); variance 450
    expect(b.capital).toEqual({ budgetYTD: "0.00", actualYTD: "450.00", variance: "450.00" });
    expect(b.netIncomeYTD).toBe("2980.00"); // 3,300 − 320 (capital is not operating expense)
    expect(b.categories).toEqual([
      {
        category: "Fee-for-service collections", lineType: "revenue",
        budgetYTD: "3000.00", actualYTD: "3300.00", variance: "300.00",
        variancePct: "0.1000", // 300 ÷ 3,000
        favorable: true, // revenue above budget
        forecast: "12300.00", // 3,300 + 9 remaining months × 1,000
        runRate: "13200.00", // 3,300 ÷ 3 × 12
        overBudget: false,
      },
      {
        category: "Medical and surgical supply", lineType: "expense",
        budgetYTD: "300.00", actualYTD: "320.00", variance: "20.00",
        variancePct: "0.0667", // 20 ÷ 300 = 0.06666… → 0.0667
        favorable: false, // spent more than budgeted
        forecast: "1220.00", // 320 + 9 × 100
        runRate: "1280.00", // 320 ÷ 3 × 12
        overBudget: true,
      },
      {
        category: "Medical equipment", lineType: "capital",
        budgetYTD: "0.00", actualYTD: "450.00", variance: "450.00",
        variancePct: null, // budget YTD is 0
        favorable: false,
        forecast: "950.00", // 450 + the 500 budgeted for June
        runRate: "1800.00", // 450 ÷ 3 × 12
        overBudget: true,
      },
    ]);
    expect(b.linesOverBudget).toEqual(["Medical and surgical supply", "Medical equipment"]);
    expect(b.equipmentBudgetRemaining).toBe("50.00"); // 500 budgeted for the year − 450 spent
    expect(b.sheets).toEqual({ budget: "Budget", actual: "Actuals" });
    // The subtotal row and the Total columns are recognised and not summed, and listed.
    expect(b.notSummed).toEqual(expect.arrayContaining([
      expect.objectContaining({ sheet: "Budget", row: 8, label: "Total expenses" }),
      expect.objectContaining({ sheet: "Budget", column: "N", label: "Total" }),
      expect.objectContaining({ sheet: "Actuals", column: "N", label: "Total" }),
    ]));
  });

  test("payroll section: the period's pay dates, year-to-date wages carried per calendar year", () => {
    const p = s.payroll;
    expect(p).not.toBeNull();
    if (p === null) return;
    expect([p.from, p.to]).toEqual(["2025-04-01", "2026-03-31"]);
    expect(p.lines).toBe(6); // rows 3-8; row 2 is before the period, row 9 after the as-of date
    // Wages: Ann 1,600 (12/19) + (80 × 20 + 2 × 20 × 1.5 = 1,660) + 1,600; Bo 3 × 78,000 ÷ 26 = 3 × 3,000
    expect(p.wages).toBe("13860.00"); // 1,600 + 1,660 + 1,600 + 9,000
    // Social Security 6.2 %: Ann 99.20 + 102.92 + 99.20 = 301.32; Bo 3 × 186.00 = 558.00
    // Medicare 1.45 %: Ann 23.20 + 24.07 + 23.20 = 70.47; Bo 3 × 43.50 = 130.50
    // FUTA 0.6 % of the first 7,000: Ann 9.60 + 9.96 + 9.60 = 29.16; Bo 18.00 + 18.00 + 6.00 (only 1,000 left) = 42.00
    // SUTA 2 % of the first 5,000 a year: Ann 12/19: 4,000 paid in March 2025, so 1,000 left → 20.00;
    //   2026 starts again at 0: 33.20 (1,660) + 32.00 (1,600); Bo 60.00 + 40.00 (2,000 left) + 0 = 100.00
    expect(p.employerTaxes).toEqual({
      socialSecurity: "859.32", // 301.32 + 558.00
      medicare: "200.97", // 70.47 + 130.50
      futa: "71.16", // 29.16 + 42.00
      suta: "185.20", // 20.00 + 33.20 + 32.00 + 100.00
      total: "1316.65", // 859.32 + 200.97 + 71.16 + 185.20
    });
    expect(p.benefits).toBe("900.00"); // Ann 3 × 100 + Bo 3 × 200
    expect(p.totalCost).toBe("16076.65"); // 13,860.00 + 1,316.65 + 900.00
    expect(p.overtimeHours).toBe("2.00"); // Ann, 2026-01-16
    expect(p.overtimePay).toBe("60.00"); // 2 × 20 × 1.5
    expect(p.byDepartment).toEqual([
      // Front office: 4,860.00 wages + 486.15 taxes (152.00 + 170.15 + 164.00) + 300 benefits; hours 80 + 82 + 80
      { department: "Front office", cost: "5646.15", hours: "242.00" },
      // Administration: 9,000.00 + 830.50 (307.50 + 287.50 + 235.50) + 600; hours 3 × 80
      { department: "Administration", cost: "10430.50", hours: "240.00" },
    ]);
    // FTE = hours ÷ (40 × 365 ÷ 7 weeks) each: (242 + 240) × 7 ÷ 14,600 = 3,374 ÷ 14,600 = 0.2311…
    expect(p.fte).toBe("0.23");
    expect(p.shareOfCollections).toBe("0.5742"); // 16,076.65 ÷ 28,000.00 = 0.574166…
    expect(p.settingsSource).toBe('sheet "Settings"');
  });

  test("the report sheet shows both sections", () => {
    const texts = report.sheet.cells.map((c) => c.value).filter((v): v is string => typeof v === "string");
    expect(texts).toContain("Budget status (year to date through March 2026)");
    expect(texts).toContain("Payroll (period 2025-04-01 to 2026-03-31, by pay date)");
    expect(texts).toContain("Equipment budget remaining");
    expect(texts).toContain("Total payroll cost");
    // status cells styled by favorable
    const status = report.sheet.cells.filter((c) => c.value === "Unfavorable");
    expect(status.length).toBeGreaterThan(0);
    expect(status.every((c) => c.styles?.includes("bad"))).toBe(true);
    expect(report.sheet.cells.find((c) => c.value === "Favorable")?.styles).toContain("good");
  });
});

describe("sheets found by content, and bad rows listed, never dropped", () => {
  test("unnamed budget and payroll sheets are found; a bad cell and a bad row become issues", () => {
    const badBudget: WorkbookSheet = {
      name: "FY26 plan",
      grid: budget.grid.map((r, i) => (i === 6 ? ["Medical and surgical supply", 100, "abc", ...twelve(100).slice(2), 1200] : r)),
    };
    const badPayroll: WorkbookSheet = {
      name: "Staff pay",
      grid: [PAYROLL_HEADER, ...payrollRows.slice(0, 3), ["Cy Moe", "Clinical", "not a date", null, null, "Hourly", 18, null, null, "No", 80, 0, 0], ["Total", null, null, null, null, null, null, null, null, null, null, null, 600]],
    };
    const r = workbookReport([claims, badBudget, badPayroll], { asOf });
    expect(r.summary.budget?.sheets).toEqual({ budget: "FY26 plan", actual: null });
    expect(r.summary.payroll?.sheet).toBe("Staff pay");
    expect(r.summary.payroll?.settingsSource).toMatch(/2026 defaults/);
    const issues = r.summary.sheetIssues;
    expect(issues).toEqual(expect.arrayContaining([
      expect.objectContaining({ sheet: "Staff pay", row: 5, column: "C", severity: "error" }), // pay date "not a date"
      expect.objectContaining({ sheet: "Staff pay", row: 6, severity: "error", reason: expect.stringMatching(/totals row/) }),
      expect.objectContaining({ sheet: "FY26 plan", row: 7, column: "C", severity: "error" }), // February "abc"
    ]));
    const notes = r.sheet.cells.map((c) => c.value).filter((v): v is string => typeof v === "string");
    expect(notes.some((t) => /Budget, payroll and settings sheets .*issue/.test(t))).toBe(true);
  });

  test("without budget or payroll sheets: null sections and a one-line note each", () => {
    const r = workbookReport([claims], { asOf });
    expect(r.summary.budget).toBeNull();
    expect(r.summary.payroll).toBeNull();
    const texts = r.sheet.cells.map((c) => c.value).filter((v): v is string => typeof v === "string");
    expect(texts.some((t) => /^No budget sheet was found/.test(t))).toBe(true);
    expect(texts.some((t) => /^No payroll sheet was found/.test(t))).toBe(true);
  });
});

describe("payroll figures: invariants", () => {
  const period = reportingPeriod(asOf);
  const lineArb = fc.record({
    employee: fc.constantFrom("Ann", "Bo", "Cy", "Di"),
    department: fc.constantFrom("Clinical", "Billing", ""),
    payDate: fc.integer({ min: period.from - 100, max: period.to + 30 }),
    rateCents: fc.integer({ min: 1000, max: 9000 }),
    regular: fc.integer({ min: 0, max: 320 }).map((q) => q / 4),
    overtime: fc.integer({ min: 0, max: 60 }).map((q) => q / 4),
    benefits: fc.integer({ min: 0, max: 100_000 }),
  });
  test("total cost = wages + employer taxes + benefits, and the departments add up to it", () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 40 }), fc.integer({ min: 1, max: 10_000_000 }), (raw, collections) => {
        const lines: PayrollLine[] = raw.map((l, i) => ({
          row: i + 2, employee: l.employee, department: l.department, role: "", payDate: l.payDate, periodFrom: null, periodTo: null,
          regularHours: l.regular, overtimeHours: l.overtime, doubleTimeHours: 0, ptoHours: 0, benefitsCost: l.benefits,
          kind: "hourly", rate: (l.rateCents / 100).toFixed(2),
        }));
        const p = payrollReportFigures({ sheet: "Payroll", lines, settings: { ...PAYROLL_SETTINGS_2026, sutaRate: "0.027", sutaWageBase: 900_000 }, settingsSource: "test" }, period, collections);
        const t = p.totals;
        expect(t.totalCost).toBe(t.grossWages + t.employerTaxes + t.benefits);
        expect(t.employerTaxes).toBe(t.socialSecurity + t.medicare + t.futa + t.suta);
        expect(p.byDepartment.reduce((a, d) => a + d.totalCost, 0)).toBe(t.totalCost);
        expect(p.linesInPeriod + p.linesOutsidePeriod).toBe(lines.length);
        // FUTA never exceeds 0.6 % of 7,000 per employee per calendar year (two years at most here)
        expect(t.futa).toBeLessThanOrEqual(4 * 2 * 4200);
        if (p.shareOfCollections !== null) expect(p.shareOfCollections.times(collections).toDecimalPlaces(6).toNumber()).toBeCloseTo(t.totalCost, 4);
      }),
      { numRuns: 100 },
    );
  });
});
