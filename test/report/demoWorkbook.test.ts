import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { samplePractice } from "../../src/sample/samplePractice";
import { sampleWorkbook } from "../../src/files/writeSampleWorkbook";
import { readWorkbookGrids, type SheetGrid } from "../../src/files/readWorkbook";
import { workbookReport, type WorkbookReport } from "../../src/core/report/workbookReport";

jest.setTimeout(120_000);

describe("the demo workbook: budget and payroll sheets written, read back and reported", () => {
  const sample = samplePractice();
  let sheets: SheetGrid[];
  let report: WorkbookReport;
  let dir: string;

  beforeAll(async () => {
    dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), "pl-demo-n-"));
    const file = path.join(dir, "sample.xlsx");
    await sampleWorkbook(sample).xlsx.writeFile(file);
    sheets = await readWorkbookGrids(file);
    report = workbookReport(sheets, { asOf: sample.asOf });
  });

  afterAll(async () => {
    await fs.promises.rm(dir, { recursive: true, force: true });
  });

  test("the workbook has Budget, Actuals, Payroll and Settings sheets", () => {
    expect(sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["Budget", "Actuals", "Payroll", "Settings"]));
    const settings = sheets.find((s) => s.name === "Settings");
    expect(settings?.grid.some((r) => r[0] === "Practice Ledger computes employer payroll cost for budgeting; it is not a withholding engine.")).toBe(true);
  });

  test("zero issues and zero left-out rows from Budget, Actuals, Payroll and Settings", () => {
    expect(report.summary.sheetIssues).toEqual([]);
    expect(report.payroll?.leftOut).toEqual([]);
    expect(report.payroll?.issues).toEqual([]);
    expect(report.payrollSettings?.issues).toEqual([]);
    // What the budget reader set aside is only the subtotal rows, the net income row and the Total columns.
    for (const n of report.summary.budget?.notSummed ?? []) expect(n.reason).toMatch(/total/);
  });

  test("every payroll row and every budget line is read", () => {
    expect(report.payroll?.lines.length).toBe(sample.payroll.periods.length);
    expect(report.budget?.lines.length).toBe(sample.budget.lines.length);
    // budget and actuals read back to the cent
    for (const [i, line] of (report.budget?.lines ?? []).entries()) {
      expect(line.budget).toEqual(sample.budget.lines[i].budget);
      expect(line.actual.slice(0, sample.budget.monthsElapsed)).toEqual(sample.budget.lines[i].actual);
      expect(line.actual.slice(sample.budget.monthsElapsed).every((a) => a === null)).toBe(true);
    }
    // the settings read back as written: the 2026 rates and the sample's state unemployment
    expect(report.payrollSettings?.settings).toMatchObject({
      socialSecurityRate: "0.062", socialSecurityWageBase: 18_450_000, medicareRate: "0.0145", futaRate: "0.006",
      futaWageBase: 700_000, sutaRate: "0.027", sutaWageBase: 900_000, standardWeekHours: "40",
    });
  });

  test("the summary has budget and payroll sections; 10-15 staff", () => {
    const s = report.summary;
    expect(s.budget).not.toBeNull();
    expect(s.payroll).not.toBeNull();
    expect(s.budget?.asOfMonth).toBe(10); // as of 2026-10-31
    expect(s.budget?.year).toBe(2026);
    // The Settings sheet's "Over budget threshold" of 5% is applied: only the two categories the
    // sample plants 17% and 24% over plan are flagged, not the lines a few dollars over.
    expect(s.budget?.overBudgetThreshold).toBe("0.0500");
    expect(s.budget?.linesOverBudget).toEqual(["Medical and surgical supply", "Information technology"]);
    expect(s.budget?.categories.length).toBeGreaterThanOrEqual(15);
    const staff = report.figures.payroll?.totals.employees ?? 0;
    expect(staff).toBeGreaterThanOrEqual(10);
    expect(staff).toBeLessThanOrEqual(15);
    expect(Number(s.payroll?.totalCost)).toBeGreaterThan(0);
    expect(s.payroll?.shareOfCollections).not.toBeNull();
  });

  test("the report sheet contains both section titles", () => {
    const texts = report.sheet.cells.map((c) => c.value).filter((v): v is string => typeof v === "string");
    expect(texts).toContain("Budget status (year to date through October 2026)");
    expect(texts.some((t) => t.startsWith("Payroll (period 2025-11-01 to 2026-10-31"))).toBe(true);
  });
});
