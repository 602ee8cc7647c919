import ExcelJS from "exceljs";
import { CLAIM_FIELD_HEADERS, CLAIM_FIELDS, type ClaimField, type ClaimLine } from "../core/claims/claimLine";
import { centsToNumber } from "../core/money/cents";
import { excelSerialFromDay } from "../core/dates/excelSerial";
import { NUMBER_FORMATS } from "../core/sheet/sheetDescription";
import { weeklyOvertime } from "../core/payroll/overtime";
import { PAYROLL_SETTINGS_2026 } from "../core/payroll/settings";
import { ymdFromDay } from "../core/dates/day";
import type { Cents } from "../core/money/cents";
import type { Budget, BudgetLineKind, Payroll, SamplePractice } from "../sample/types";
import { addSampleRvuSheet } from "./sampleRvuSheet";

const MONEY_FIELDS = new Set<ClaimField>(["charge", "insurancePaid", "patientPaid", "contractualAdjustment", "otherAdjustment", "allowed"]);
const DATE_FIELDS = new Set<ClaimField>(["dateOfService", "submittedDate", "lastPaymentDate"]);

function claimCell(line: ClaimLine, field: ClaimField): ExcelJS.CellValue {
  const v = line[field];
  if (v === null || v === undefined) return null;
  if (MONEY_FIELDS.has(field)) return centsToNumber(v as number);
  if (DATE_FIELDS.has(field)) return excelSerialFromDay(v as number);
  if (field === "modifiers") return (v as string[]).join(" ") || null;
  return v as ExcelJS.CellValue;
}

/**
 * The sample practice as the workbook a manager would keep: a Claims Register, a Fee Schedule, an
 * RVUs sheet (the PFS work, PE and MP RVUs of the codes it bills), a
 * Budget and an Actuals sheet (months across, categories down under Revenue / Operating expenses /
 * Capital headings, with subtotal rows), a Payroll register (one row per employee per pay
 * period) and a Settings sheet with the practice's name and the 2026 payroll rates. Dates are
 * Excel serials with a date format, amounts numbers with a money format.
 */
export function sampleWorkbook(sample: SamplePractice): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Practice Ledger (sample practice)";

  const claims = wb.addWorksheet("Claims Register", { views: [{ state: "frozen", ySplit: 1 }] });
  claims.addRow(CLAIM_FIELDS.map((f) => CLAIM_FIELD_HEADERS[f]));
  for (const line of sample.claims) claims.addRow(CLAIM_FIELDS.map((f) => claimCell(line, f)));
  CLAIM_FIELDS.forEach((f, i) => {
    const col = claims.getColumn(i + 1);
    col.width = f === "payer" || f === "provider" ? 22 : 13;
    if (MONEY_FIELDS.has(f)) col.numFmt = NUMBER_FORMATS.money;
    if (DATE_FIELDS.has(f)) col.numFmt = NUMBER_FORMATS.date;
  });
  claims.getRow(1).font = { bold: true };
  claims.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: CLAIM_FIELDS.length } };

  const fees = wb.addWorksheet("Fee Schedule", { views: [{ state: "frozen", ySplit: 1 }] });
  fees.addRow(["Payer", "CPT", "Modifier", "Allowed Amount", "% of Medicare"]);
  for (const row of sample.feeSchedule) {
    fees.addRow([row.payer, row.cpt, row.modifier, row.kind === "fixed" ? centsToNumber(row.amount) : null, row.kind === "percentOfMedicare" ? `${trimPercent(row.percent)}%` : null]);
  }
  fees.getRow(1).font = { bold: true };
  fees.getColumn(1).width = 26;
  fees.getColumn(4).numFmt = NUMBER_FORMATS.money;
  fees.getColumn(4).width = 16;
  fees.getColumn(5).width = 14;
  addSampleRvuSheet(wb, sample.rvus);

  addBudgetSheet(wb, "Budget", `${sample.practice.name}: operating and capital budget ${sample.budget.year}`, sample.budget, "budget");
  addBudgetSheet(wb, "Actuals", `${sample.practice.name}: actuals ${sample.budget.year}, booked through ${monthLabel(sample.budget.months[sample.budget.monthsElapsed - 1] ?? sample.budget.months[0])}`, sample.budget, "actual");
  addPayrollSheet(wb, sample.payroll);

  const settings = wb.addWorksheet("Settings");
  settings.addRow(["Setting", "Value", "Note"]);
  settings.addRow(["Practice name", sample.practice.name]);
  settings.addRow(["Physicians", sample.practice.physicians.map((p) => p.name).join(", ")]);
  settings.addRow(["Over budget threshold", "5%", "A budget line counts as over budget when year to date it runs over by more than this share"]);
  settings.addRow([]);
  const payrollHeading = settings.addRow(["Payroll rates (2026): update each January"]);
  payrollHeading.font = { bold: true };
  settings.addRow(["Practice Ledger computes employer payroll cost for budgeting; it is not a withholding engine."]);
  const s26 = PAYROLL_SETTINGS_2026;
  const rates: [string, number, "rate" | "money" | "plain", string][] = [
    ["Social Security rate", Number(s26.socialSecurityRate), "rate", "employer share (IRC 3111(a))"],
    ["Social Security wage base", centsToNumber(s26.socialSecurityWageBase), "money", "per employee per calendar year, 2026 (SSA)"],
    ["Medicare rate", Number(s26.medicareRate), "rate", "employer share on all wages (IRC 3111(b))"],
    ["FUTA rate", Number(s26.futaRate), "rate", "6.0 % less the 5.4 % state credit"],
    ["FUTA wage base", centsToNumber(s26.futaWageBase), "money", "first $7,000 per employee per year"],
    ["SUTA rate", Number(SAMPLE_SUTA_RATE), "rate", "the practice's own state rate (sample value)"],
    ["SUTA wage base", centsToNumber(SAMPLE_SUTA_WAGE_BASE), "money", "the state's wage base (sample value)"],
    ["Standard work week hours", Number(s26.standardWeekHours), "plain", "FLSA: hours over 40 in a workweek"],
    ["Overtime multiplier", Number(s26.overtimeMultiplier), "plain", "1.5 × the regular rate"],
  ];
  for (const [label, value, kind, note] of rates) {
    const row = settings.addRow([label, value, note]);
    if (kind === "rate") row.getCell(2).numFmt = "0.00%";
    if (kind === "money") row.getCell(2).numFmt = NUMBER_FORMATS.money;
    row.getCell(2).alignment = { horizontal: "right" };
  }
  settings.getRow(1).font = { bold: true };
  settings.getColumn(1).width = 30;
  settings.getColumn(2).width = 50;
  settings.getColumn(3).width = 44;
  return wb;
}

/** State unemployment settings of the sample practice (a new-employer style rate and base). */
const SAMPLE_SUTA_RATE = "0.027";
const SAMPLE_SUTA_WAGE_BASE: Cents = 900_000; // $9,000.00

const MONTHS_SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "Jan-26": the month headings a manager types (text, so every reader sees a month). */
function monthLabel(day: number): string {
  const { year, month } = ymdFromDay(day);
  return `${MONTHS_SHORT[month - 1]}-${String(year % 100).padStart(2, "0")}`;
}

const SECTIONS: { kind: BudgetLineKind; heading: string; total: string }[] = [
  { kind: "revenue", heading: "Revenue", total: "Total revenue" },
  { kind: "expense", heading: "Operating expenses", total: "Total operating expenses" },
  { kind: "capital", heading: "Capital", total: "Total capital" },
];

/**
 * A budget (or actuals) sheet as a manager keeps it: a title, months Jan..Dec across, categories
 * down the first column under section headings, a subtotal row per section with SUM formulas, a
 * net income row and a Total column. The actuals sheet leaves the months after the as-of month blank.
 */
function addBudgetSheet(wb: ExcelJS.Workbook, name: string, title: string, budget: Budget, values: "budget" | "actual"): void {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 3, xSplit: 1 }] });
  let next = 1;
  const put = (cells: ExcelJS.CellValue[]): ExcelJS.Row => {
    const row = ws.getRow(next++);
    cells.forEach((v, i) => { row.getCell(i + 1).value = v; });
    return row;
  };
  const sum = (range: string, cents: Cents): ExcelJS.CellValue => ({ formula: `SUM(${range})`, result: centsToNumber(cents) });
  put([title]).font = { bold: true, size: 14 };
  next++; // a blank row under the title
  put(["Category", ...budget.months.map(monthLabel), "Total"]).font = { bold: true };
  const col = (m: number): string => String.fromCharCode(66 + m); // month m (0-based) → B..M
  const monthCount = values === "budget" ? 12 : budget.monthsElapsed;
  const totals = new Map<BudgetLineKind, { row: number; sums: Cents[] }>();

  for (const section of SECTIONS) {
    const lines = budget.lines.filter((l) => l.kind === section.kind);
    if (lines.length === 0) continue;
    put([section.heading]).font = { bold: true };
    const first = next;
    const sums = new Array<Cents>(12).fill(0);
    for (const line of lines) {
      const amounts = values === "budget" ? line.budget : line.actual;
      const months: (number | null)[] = [];
      let total = 0;
      for (let m = 0; m < 12; m++) {
        const cents = m < monthCount ? amounts[m] : undefined;
        months.push(cents === undefined ? null : centsToNumber(cents));
        if (cents !== undefined) {
          sums[m] += cents;
          total += cents;
        }
      }
      put([line.category, ...months, sum(`B${next}:M${next}`, total)]);
    }
    const last = next - 1;
    const r = next;
    const row = put([
      section.total,
      ...sums.map((c, m) => (m < monthCount ? sum(`${col(m)}${first}:${col(m)}${last}`, c) : null)),
      sum(`B${r}:M${r}`, sums.reduce((a, b) => a + b, 0)),
    ]);
    row.font = { bold: true };
    for (let c = 1; c <= 14; c++) row.getCell(c).border = { top: { style: "thin" } };
    totals.set(section.kind, { row: r, sums });
  }
  const rev = totals.get("revenue");
  const exp = totals.get("expense");
  if (rev !== undefined && exp !== undefined) {
    next++; // a blank row above net income
    const r = next;
    const net = rev.sums.map((c, m) => c - exp.sums[m]);
    put([
      "Net income (revenue − operating expenses)",
      ...net.map((c, m) => (m < monthCount ? { formula: `${col(m)}${rev.row}-${col(m)}${exp.row}`, result: centsToNumber(c) } : null)),
      sum(`B${r}:M${r}`, net.slice(0, monthCount).reduce((a, b) => a + b, 0)),
    ]).font = { bold: true };
  }
  ws.getColumn(1).width = 58;
  for (let c = 2; c <= 14; c++) {
    ws.getColumn(c).width = 13;
    ws.getColumn(c).numFmt = NUMBER_FORMATS.money;
  }
}

/** The payroll register: one row per employee per biweekly pay period, in the columns readPayrollLines reads. */
function addPayrollSheet(wb: ExcelJS.Workbook, payroll: Payroll): void {
  const ws = wb.addWorksheet("Payroll", { views: [{ state: "frozen", ySplit: 1 }] });
  const headers = [
    "Employee", "Employee ID", "Department", "Role", "Pay date", "Period start", "Period end", "Pay type", "Hourly rate",
    "Annual salary", "Pay periods per year", "Exempt", "Hours week 1", "Hours week 2", "Regular hours", "Overtime hours", "Benefits cost",
  ];
  ws.addRow(headers).font = { bold: true };
  const staff = new Map(payroll.staff.map((s) => [s.employeeId, s]));
  for (const p of payroll.periods) {
    const s = staff.get(p.employeeId);
    if (s === undefined) continue;
    // FLSA: hours over 40 in each workweek are overtime (definitions.md, "Payroll"); exempt staff earn none.
    const salaried = s.payType === "salary";
    const [w1, w2] = weeklyOvertime([p.week1Hours, p.week2Hours]);
    const regular = salaried ? Number(p.week1Hours) + Number(p.week2Hours) : w1.regularHours.plus(w2.regularHours).toNumber();
    const overtime = salaried ? 0 : w1.overtimeHours.plus(w2.overtimeHours).toNumber();
    ws.addRow([
      s.name, s.employeeId, s.department, s.role,
      excelSerialFromDay(p.payDate), excelSerialFromDay(p.periodStart), excelSerialFromDay(p.periodEnd),
      salaried ? "Salaried" : "Hourly",
      s.hourlyRate === null ? null : centsToNumber(s.hourlyRate),
      s.annualSalary === null ? null : centsToNumber(s.annualSalary),
      26,
      salaried ? "Yes" : "No",
      Number(p.week1Hours), Number(p.week2Hours), regular, overtime,
      centsToNumber(p.benefits),
    ]);
  }
  const widths = [20, 11, 14, 30, 12, 12, 12, 10, 11, 13, 10, 8, 10, 10, 10, 10, 12];
  widths.forEach((w, i) => { ws.getColumn(i + 1).width = w; });
  for (const c of [5, 6, 7]) ws.getColumn(c).numFmt = NUMBER_FORMATS.date;
  for (const c of [9, 10, 17]) ws.getColumn(c).numFmt = NUMBER_FORMATS.money;
  for (const c of [13, 14, 15, 16]) ws.getColumn(c).numFmt = "0.00";
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
}

/** "1.15" → "115" (percentage points, as the fee schedule sheet shows them). */
function trimPercent(fraction: string): string {
  const [whole, decimals = ""] = fraction.split(".");
  const points = `${whole}${decimals.padEnd(2, "0").slice(0, 2)}.${decimals.slice(2)}`.replace(/^0+(?=\d)/, "");
  return points.replace(/\.?0*$/, "") || "0";
}
