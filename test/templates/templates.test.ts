/** The template sheets (Set up) and the Convert register: headers, formats, drop-downs, formulas. */
import ExcelJS from "exceljs";
import HyperFormula from "hyperformula";
import { CLAIM_FIELD_HEADERS, CLAIM_FIELDS, CLAIM_STATUSES, PAYER_CLASSES, type ClaimLine } from "../../src/core/claims/claimLine";
import { dayFromYMD } from "../../src/core/dates/day";
import { excelSerialFromDay } from "../../src/core/dates/excelSerial";
import { MGMA_EXPENSE_CATEGORIES } from "../../src/core/budget/categories";
import { readBudgetSheet } from "../../src/core/budget/readBudgetSheet";
import { PAYROLL_SETTINGS_2026 } from "../../src/core/payroll/settings";
import { readPayrollSettingsSheet } from "../../src/core/report/settingsSheet";
import { KPI_BENCHMARKS } from "../../src/core/report/benchmarks";
import { KPI_TARGETS, kpiEmphasis } from "../../src/core/report/kpiEmphasis";
import { physicianReport } from "../../src/core/report/physicianReport";
import { NUMBER_FORMATS, type SheetDescription } from "../../src/core/sheet/sheetDescription";
import {
  COMMON_MODIFIERS, PAYROLL_NOTE, REGISTER_HEADERS, SETTINGS_CELLS, registerSheetFromLines, templateSheet, uniqueTableNameFor,
} from "./templateApi";
import { renderSheet } from "../../src/files/renderSheet";
import { figuresFor } from "../office/helpers";
import Decimal from "decimal.js";

type Cell = SheetDescription["cells"][number];
const at = (s: SheetDescription, row: number, col: number): Cell | undefined => s.cells.find((c) => c.row === row && c.col === col);
const grid = (s: SheetDescription): (string | number | boolean | null)[][] => {
  const g: (string | number | boolean | null)[][] = [];
  for (const c of s.cells) {
    while (g.length < c.row) g.push([]);
    const row = g[c.row - 1];
    while (row.length < c.col) row.push(null);
    row[c.col - 1] = c.formula ?? c.value;
  }
  return g;
};

describe("claims register template", () => {
  const s = templateSheet("claimsRegister", { withSettings: true });

  it("has the canonical headers, then Balance and Age Bucket, as a table with a frozen header", () => {
    expect(REGISTER_HEADERS).toEqual([...CLAIM_FIELDS.map((f) => CLAIM_FIELD_HEADERS[f]), "Balance", "Age Bucket"]);
    expect(REGISTER_HEADERS.map((_, i) => at(s, 1, i + 1)?.value)).toEqual([...REGISTER_HEADERS]);
    expect(s.tables).toEqual([{ name: "ClaimsRegister", range: { fromRow: 1, fromCol: 1, toRow: 2, toCol: 21 }, style: "TableStyleMedium2" }]);
    expect(s.freezeRows).toBe(1);
  });

  it("formats money, dates and units", () => {
    expect(at(s, 2, 4)?.format).toBe("money"); // Charge (D)
    expect(at(s, 2, 9)?.format).toBe("money"); // Allowed (I)
    expect(at(s, 2, 2)?.format).toBe("date"); // Date of Service (B)
    expect(at(s, 2, 18)?.format).toBe("date"); // Submitted (R)
    expect(at(s, 2, 12)?.format).toBe("integer"); // Units (L)
    expect(at(s, 2, 20)?.format).toBe("money"); // Balance (T)
  });

  it("offers payer class, status and modifier lists", () => {
    expect(s.validations?.map((v) => [v.range.fromCol, v.list, v.alert ?? "stop"])).toEqual([
      [15, [...PAYER_CLASSES], "stop"],
      [16, [...CLAIM_STATUSES], "stop"],
      [11, [...COMMON_MODIFIERS], "information"], // several modifiers fit in one cell: information only
    ]);
    expect(COMMON_MODIFIERS).toEqual(["25", "26", "50", "51", "59", "76", "77", "80", "81", "82", "AS", "LT", "RT", "TC", "XE", "XP", "XS", "XU"]);
  });

  it("computes Balance and Age Bucket (checked with HyperFormula)", () => {
    expect(at(s, 2, 20)?.formula).toBe('=IF(D2="","",ROUND(D2-E2-F2-G2-H2,2))');
    const asOf = excelSerialFromDay(dayFromYMD(2026, 10, 31) as number);
    const rows: (string | number | null)[][] = [
      // DOS, charge, ins, pt, contractual, other
      [asOf - 30, 150, 60.1, 10.2, 40.3, 0.4], // balance 150 − 60.10 − 10.20 − 40.30 − 0.40 = 39.00; age 30 → 0-30
      [asOf - 31, 100, 0, 0, 0, 0], // age 31 → 31-60
      [asOf - 120, 100, 0, 0, 0, 0], // age 120 → 91-120
      [asOf - 121, 100, 0, 0, 0, 0], // age 121 → 121+
      [asOf + 1, 100, 0, 0, 0, 0], // DOS after the as-of date → not aged
    ];
    const register = rows.map((r, i) => {
      const row = new Array<string | number | null>(21).fill(null);
      row[1] = r[0];
      for (let k = 0; k < 5; k++) row[3 + k] = r[1 + k];
      row[19] = (at(s, 2, 20)?.formula ?? "").replace(/2/g, String(i + 2)).replace("ROUND(", "ROUND(").replace(/,(\d+)\)\)$/, ",2))");
      row[20] = (at(s, 2, 21)?.formula ?? "").replace(/([A-Z])2\b/g, `$1${i + 2}`);
      return row;
    });
    const hf = HyperFormula.buildFromSheets({ Register: [REGISTER_HEADERS.slice(), ...register], Settings: Array.from({ length: 6 }, (_, r) => (r === 5 ? [null, asOf] : [])) }, { licenseKey: "gpl-v3" });
    const sheet = hf.getSheetId("Register") as number;
    const value = (row: number, col: number): unknown => hf.getCellValue({ sheet, row: row - 1, col: col - 1 });
    expect(SETTINGS_CELLS.asOf).toBe("Settings!$B$6");
    expect(value(2, 20)).toBeCloseTo(39, 9);
    expect([2, 3, 4, 5, 6].map((r) => value(r, 21))).toEqual(["0-30", "31-60", "91-120", "121+", "After as-of"]);
  });

  it("counts from TODAY() without a Settings sheet", () => {
    expect(templateSheet("claimsRegister").cells.find((c) => c.col === 21 && c.row === 2)?.formula).toContain("TODAY()");
    expect(templateSheet("claimsRegister").cells.find((c) => c.col === 21 && c.row === 2)?.formula).not.toContain("Settings");
  });
});

describe("settings template", () => {
  const s = templateSheet("settings", { practiceName: "Riverside" });

  it("holds the 2026 payroll rates, which the settings reader reads back, under the note", () => {
    expect(at(s, 2, 1)?.value).toBe(PAYROLL_NOTE);
    expect(PAYROLL_NOTE).toBe("Practice Ledger computes employer payroll cost for budgeting; it is not a withholding engine.");
    const read = readPayrollSettingsSheet(grid(s), "Settings");
    expect(read.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(read.settings.socialSecurityRate).toBe(PAYROLL_SETTINGS_2026.socialSecurityRate); // 0.062
    expect(read.settings.socialSecurityWageBase).toBe(18_450_000); // $184,500.00
    expect(read.settings.futaWageBase).toBe(700_000); // $7,000.00
    expect(read.settings.medicareRate).toBe("0.0145");
    expect(at(s, 5, 2)?.value).toBe("Riverside");
    expect(at(s, 6, 1)?.value).toBe("As-of date");
    expect(at(s, 6, 2)?.format).toBe("date");
    expect(at(s, 9, 2)?.format).toBe("percent2");
    expect(s.tables?.[0].range).toEqual({ fromRow: 4, fromCol: 1, toRow: 17, toCol: 3 });
  });
});

describe("budget template", () => {
  const s = templateSheet("budget", { withSettings: true, year: 2026 });

  it("lists revenue, the MGMA expense lines and capital, with month pairs the budget reader reads", () => {
    expect(at(s, 4, 3)?.value).toBe("Jan Budget");
    expect(at(s, 4, 4)?.value).toBe("Jan Actual");
    expect(at(s, 4, 26)?.value).toBe("Dec Actual");
    expect([27, 28, 29, 30, 31].map((c) => at(s, 4, c)?.value)).toEqual(["Annual Budget", "YTD Budget", "YTD Actual", "Variance", "Variance %"]);
    const names = s.cells.filter((c) => c.col === 1 && c.row >= 5).map((c) => c.value);
    expect(names.slice(2, 17)).toEqual(MGMA_EXPENSE_CATEGORIES.map((c) => c.name));
    // With amounts typed in (Jan budget 1,000 and Jan actual 1,100 on every line), the reader takes all 19 lines.
    const g = grid(s);
    for (let r = 4; r < 23; r++) {
      g[r][2] = 1000;
      g[r][3] = 1100;
    }
    const read = readBudgetSheet(g, { sheet: "Budget" });
    expect(read.layout.orientation).toBe("monthsAsColumns");
    expect(read.layout.year).toBe(2026);
    expect(read.lines.length).toBe(19);
    expect(read.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(read.lines[0]).toMatchObject({ category: "Fee-for-Service Collections", lineType: "revenue" });
  });

  it("computes year to date and the variance (actual − budget)", () => {
    expect(at(s, 2, 2)?.formula).toBe("=MONTH(IF(ISNUMBER(Settings!$B$6),Settings!$B$6,TODAY()))");
    expect(at(s, 5, 30)?.formula).toBe("=AC5-AB5");
    expect(at(s, 5, 31)?.formula).toBe('=IF(AB5=0,"",AD5/AB5)');
    // YTD through March with Jan-Mar budgets 100, 200, 300 and Apr 400: 100 + 200 + 300 = 600; actuals 90 + 210 + 330 = 630; variance 30.
    const g = grid(s).map((r) => r.map((v) => (typeof v === "string" && v.startsWith("=MONTH") ? 3 : v)));
    [100, 200, 300, 400].forEach((v, m) => (g[4][2 + 2 * m] = v));
    [90, 210, 330].forEach((v, m) => (g[4][3 + 2 * m] = v));
    const hf = HyperFormula.buildFromSheets({ Budget: g }, { licenseKey: "gpl-v3" });
    const v = (col: number): unknown => hf.getCellValue({ sheet: 0, row: 4, col: col - 1 });
    expect([v(27), v(28), v(29), v(30), v(31)]).toEqual([1000, 600, 630, 30, 0.05]); // 30 ÷ 600 = 5 %
  });
});

describe("payroll and fee schedule templates", () => {
  it("payroll: overtime = MAX(0, hours − 40) per workweek row, gross pay at 1.5 × (checked with HyperFormula)", () => {
    const s = templateSheet("payroll");
    const g = grid(s);
    // 45 hours at $20.00: regular 40, overtime 5, gross 20 × (40 + 1.5 × 5) = 20 × 47.5 = 950.00.
    Object.assign(g[1], { 0: "Dana", 7: "Hourly", 8: 20, 11: "No", 12: 45 });
    const hf = HyperFormula.buildFromSheets({ Payroll: g }, { licenseKey: "gpl-v3" });
    const v = (col: number): unknown => hf.getCellValue({ sheet: 0, row: 1, col: col - 1 });
    expect([v(14), v(15), v(16)]).toEqual([40, 5, 950]);
    expect(s.validations?.map((x) => x.list)).toEqual([["Hourly", "Salaried"], ["Yes", "No"]]);
  });

  it("fee schedule: the reader's headers and a modifier list", () => {
    const s = templateSheet("feeSchedule");
    expect([1, 2, 3, 4, 5].map((c) => at(s, 1, c)?.value)).toEqual(["Payer", "CPT", "Modifier", "Allowed Amount", "% of Medicare"]);
    expect(at(s, 2, 4)?.format).toBe("money");
    expect(s.validations?.[0].list).toEqual([...COMMON_MODIFIERS]);
  });
});

describe("registerSheetFromLines", () => {
  const line = (over: Partial<ClaimLine>): ClaimLine => ({
    row: 5, claimId: "C-1", dateOfService: dayFromYMD(2026, 9, 1) as number, payer: "Aetna", charge: 15000, insurancePaid: 9000,
    patientPaid: 1000, contractualAdjustment: 4000, otherAdjustment: 0, allowed: null, cpt: "99213", modifiers: ["25", "59"], units: 1,
    placeOfService: "11", provider: null, payerClass: "Commercial", status: "Paid", denialReason: null, submittedDate: null, lastPaymentDate: null,
    ...over,
  });

  it("writes one row per line, Balance cached at the exact balance, and lists the rows left out beside the table", () => {
    const s = registerSheetFromLines([line({}), line({ claimId: "C-2", charge: 10001, insurancePaid: 0, patientPaid: 0, contractualAdjustment: 0 })], [{ row: 9, reason: "payer is blank", address: "C9" }]);
    expect(at(s, 2, 1)?.value).toBe("C-1");
    expect(at(s, 2, 4)?.value).toBe(150); // $150.00
    expect(at(s, 2, 11)?.value).toBe("25 59");
    expect(at(s, 2, 2)?.value).toBe(excelSerialFromDay(dayFromYMD(2026, 9, 1) as number));
    expect(at(s, 2, 20)?.value).toBe(10); // 150.00 − 90.00 − 10.00 − 40.00 = 10.00
    expect(at(s, 3, 20)?.value).toBe(100.01);
    expect(at(s, 3, 20)?.formula).toBe('=IF(D3="","",ROUND(D3-E3-F3-G3-H3,2))');
    expect(s.tables?.map((t) => t.name)).toEqual(["ClaimsRegister", "ConversionLeftOut"]);
    expect([23, 24, 25].map((c) => at(s, 2, c)?.value)).toEqual([9, "C9", "payer is blank"]);
  });

  it("renders to .xlsx with ExcelJS: the table, the formulas (cached balance) and the drop-downs", async () => {
    const wb = new ExcelJS.Workbook();
    renderSheet(wb, registerSheetFromLines([line({})]));
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(await wb.xlsx.writeBuffer());
    const ws = back.getWorksheet("Claims Register") as ExcelJS.Worksheet;
    expect(ws.getCell("T2").value).toEqual({ formula: 'IF(D2="","",ROUND(D2-E2-F2-G2-H2,2))', result: 10 });
    expect(ws.getCell("D2").numFmt).toBe(NUMBER_FORMATS.money);
    expect(ws.getCell("P2").dataValidation).toMatchObject({ type: "list", formulae: [`"${CLAIM_STATUSES.join(",")}"`] });
    expect(Object.keys((ws as unknown as { tables: Record<string, unknown> }).tables)).toEqual(["ClaimsRegister"]);
    expect(uniqueTableNameFor("Claims Register", ["ClaimsRegister"])).toBe("ClaimsRegister2");
  });
});

describe("kpiEmphasis", () => {
  it("adds one threshold rule per benchmarked KPI, at the edge of its benchmark", () => {
    const report = physicianReport(figuresFor(200));
    const rules = kpiEmphasis(report);
    expect(rules).toHaveLength(4);
    for (const [kpi, t] of Object.entries(KPI_TARGETS) as [keyof typeof KPI_TARGETS, { bound: string }][]) {
      // The bound itself is on target; a hair past it is not.
      expect(KPI_BENCHMARKS[kpi].status(new Decimal(t.bound))).toBe("good");
      const past = new Decimal(t.bound).plus(kpi === "netCollectionRate" ? "-0.0001" : "0.0001");
      expect(KPI_BENCHMARKS[kpi].status(past)).not.toBe("good");
    }
    for (const r of rules) expect(r.kind === "threshold" && r.range.fromCol === 2 && r.style === "bad").toBe(true);
    expect(kpiEmphasis({ ...report, conditional: [...report.conditional, ...rules] })).toEqual([]);
  });
});
