import type Decimal from "decimal.js";
import type { Cents } from "../money/cents";
import type { Day } from "../dates/day";
import { isBlankCell, type CellValue } from "../cells/cellValue";
import type { InputIssue } from "../cells/issue";
import { rowIssueReporter } from "../cells/rowIssueReporter";
import { parseDate } from "../cells/parseDate";
import { parseMoney } from "../cells/parseMoney";
import type { PayrollLine } from "./payrollLine";
import { readPlainNumber } from "./settingsFromRows";

/** Canonical columns of the payroll register. */
export const PAYROLL_FIELDS = [
  "employee", "department", "role", "payDate", "periodFrom", "periodTo", "kind", "rate", "annualSalary",
  "payPeriodsPerYear", "exempt", "standardHours", "regularHours", "overtimeHours", "doubleTimeHours", "ptoHours", "benefitsCost",
] as const;
export type PayrollField = (typeof PAYROLL_FIELDS)[number];

export interface RawPayrollRow {
  /** 1-based row number in the sheet or file. */
  row: number;
  /** Cells already matched to canonical field names (see PAYROLL_FIELDS). */
  cells: Partial<Record<string, CellValue>>;
}

export interface ReadPayrollOptions {
  sheet?: string;
  /** Column (letter or header) of each field, for messages. */
  columns?: Partial<Record<PayrollField, string>>;
  /** Pay periods per year where the register has none (52, 26, 24, 12); without it a salaried row that has none is an error. */
  payPeriodsPerYear?: number;
}

export interface PayrollLinesRead {
  lines: PayrollLine[];
  issues: InputIssue[];
  /** Rows of data read (blank rows not counted) = lines.length + leftOutRows.length. */
  rowsRead: number;
  leftOutRows: number[];
  blankRows: number;
}

const WORDS: Record<PayrollField, string> = {
  employee: "employee", department: "department", role: "role", payDate: "pay date", periodFrom: "period start",
  periodTo: "period end", kind: "pay type", rate: "hourly rate", annualSalary: "annual salary",
  payPeriodsPerYear: "pay periods per year", exempt: "exempt", standardHours: "hours the salary covers",
  regularHours: "regular hours", overtimeHours: "overtime hours", doubleTimeHours: "double-time hours", ptoHours: "PTO hours",
  benefitsCost: "benefits cost",
};

const FREQUENCIES: Record<string, number> = {
  weekly: 52, biweekly: 26, everyotherweek: 26, fortnightly: 26, semimonthly: 24, twiceamonth: 24, monthly: 12,
};

/**
 * Turns the rows of a payroll register into payroll lines. A row with a blank employee, an
 * unreadable or blank pay date, an unknown pay type, a missing or unreadable rate or salary,
 * unreadable or negative hours or amounts is left out and listed with its row and column; the
 * other rows are still read. Pay type may be blank when only one of rate / annual salary is given.
 * Warnings (row used): an unreadable period date (ignored), overtime hours of an exempt employee
 * (no premium). Never throws on any cell value.
 */
export function readPayrollLines(rows: readonly RawPayrollRow[], options: ReadPayrollOptions = {}): PayrollLinesRead {
  const lines: PayrollLine[] = [];
  const issues: InputIssue[] = [];
  const leftOutRows: number[] = [];
  let blankRows = 0;
  let rowsRead = 0;

  for (const raw of rows) {
    const cells = raw.cells ?? {};
    const cell = (f: PayrollField): CellValue => cells[f];
    if (PAYROLL_FIELDS.every((f) => isBlankCell(cell(f)))) {
      blankRows++;
      continue;
    }
    rowsRead++;
    const rowIssues: InputIssue[] = [];
    const report = rowIssueReporter<PayrollField>(raw.row, options, rowIssues);
    const text = (f: PayrollField): string => {
      const v = cell(f);
      if (typeof v === "string") return v.trim();
      if (typeof v === "number" && Number.isFinite(v)) return String(v);
      if (!isBlankCell(v)) report(f, "warning", `${WORDS[f]} is not text; ignored`, v);
      return "";
    };
    const date = (f: PayrollField, required: boolean): Day | null => {
      const parsed = parseDate(cell(f));
      if (parsed.kind === "value") return parsed.value;
      if (parsed.kind === "blank") {
        if (required) report(f, "error", `${WORDS[f]} is blank`);
        return null;
      }
      report(f, required ? "error" : "warning", `${WORDS[f]}: ${parsed.message}${required ? "" : "; ignored"}`, cell(f));
      return null;
    };
    const money = (f: PayrollField): Cents | null => {
      const parsed = parseMoney(cell(f));
      if (parsed.kind === "blank") return null;
      if (parsed.kind === "invalid") {
        report(f, "error", `${WORDS[f]}: ${parsed.message}`, cell(f));
        return null;
      }
      if (parsed.value < 0) {
        report(f, "error", `${WORDS[f]} is negative`, cell(f));
        return null;
      }
      return parsed.value;
    };
    const decimal = (f: PayrollField): Decimal | null => {
      const v = cell(f);
      if (isBlankCell(v)) return null;
      const n = readPlainNumber(typeof v === "string" ? v.trim().replace(/^\$/, "") : v);
      if (n === null) {
        report(f, "error", `${WORDS[f]}: not a number${f.endsWith("Hours") ? " (write hours as decimals, e.g. 7.75)" : ""}`, v);
        return null;
      }
      if (n.isNegative()) {
        report(f, "error", `${WORDS[f]} is negative`, v);
        return null;
      }
      return n;
    };
    const hours = (f: PayrollField): number => decimal(f)?.toNumber() ?? 0;

    const employee = text("employee");
    if (employee === "" && !rowIssues.some((i) => i.field === "employee")) report("employee", "error", "employee is blank");
    const payDate = date("payDate", true);
    const periodFrom = date("periodFrom", false);
    const periodTo = date("periodTo", false);
    if (periodFrom !== null && periodTo !== null && periodFrom > periodTo) {
      report("periodTo", "warning", "the period ends before it starts", cell("periodTo"));
    }
    const regularHours = hours("regularHours");
    const overtimeHours = hours("overtimeHours");
    const doubleTimeHours = hours("doubleTimeHours");
    const ptoHours = hours("ptoHours");
    const benefitsCost = money("benefitsCost") ?? 0;

    const rateCell = cell("rate");
    const salaryCell = cell("annualSalary");
    let kind: "hourly" | "salaried" | null = null;
    const kindText = text("kind").toLowerCase().replace(/[^a-z]/g, "");
    if (kindText === "") {
      if (!isBlankCell(rateCell) && isBlankCell(salaryCell)) kind = "hourly";
      else if (isBlankCell(rateCell) && !isBlankCell(salaryCell)) kind = "salaried";
      else report("kind", "error", "pay type is blank; write Hourly or Salaried");
    } else if (["hourly", "hour", "h", "wage", "wages"].includes(kindText)) kind = "hourly";
    else if (["salaried", "salary", "s"].includes(kindText)) kind = "salaried";
    else report("kind", "error", "unknown pay type; write Hourly or Salaried", cell("kind"));

    let line: PayrollLine | null = null;
    const base = {
      row: raw.row, employee, department: text("department"), role: text("role"), payDate: payDate ?? 0, periodFrom, periodTo,
      regularHours, overtimeHours, doubleTimeHours, ptoHours, benefitsCost,
    };
    if (kind === "hourly") {
      const rate = decimal("rate");
      if (rate === null && isBlankCell(rateCell)) report("rate", "error", "hourly rate is blank");
      if (rate !== null) line = { ...base, kind, rate: rate.toFixed() };
    } else if (kind === "salaried") {
      const annualSalary = money("annualSalary");
      if (annualSalary === null && isBlankCell(salaryCell)) report("annualSalary", "error", "annual salary is blank");
      const payPeriodsPerYear = readPeriods(cell("payPeriodsPerYear"), options.payPeriodsPerYear, report);
      const exempt = readExempt(cell("exempt"), report);
      const standard = decimal("standardHours");
      if (standard !== null && standard.isZero()) report("standardHours", "error", "hours the salary covers must be above 0", cell("standardHours"));
      if (exempt && overtimeHours + doubleTimeHours > 0) {
        report("overtimeHours", "warning", "overtime hours of an exempt employee earn no overtime premium", cell("overtimeHours"));
      }
      if (annualSalary !== null && payPeriodsPerYear !== null) {
        line = { ...base, kind, annualSalary, payPeriodsPerYear, exempt, standardHours: standard?.toNumber() ?? null };
      }
    }
    const failed = rowIssues.some((i) => i.severity === "error");
    if (!failed && line !== null && payDate !== null && employee !== "") lines.push(line);
    else if (!failed) report("employee", "error", "row could not be read"); // defensive: every path above reports
    if (rowIssues.some((i) => i.severity === "error")) leftOutRows.push(raw.row);
    issues.push(...rowIssues);
  }
  return { lines, issues, rowsRead, leftOutRows, blankRows };
}

type Report = (field: PayrollField, severity: "error" | "warning", message: string, found?: CellValue) => void;

function readPeriods(value: CellValue, fallback: number | undefined, report: Report): number | null {
  if (isBlankCell(value)) {
    if (fallback !== undefined) return fallback;
    report("payPeriodsPerYear", "error", "pay periods per year is blank (52, 26, 24 or 12)");
    return null;
  }
  if (typeof value === "string") {
    const word = value.toLowerCase().replace(/[^a-z]/g, "");
    if (FREQUENCIES[word] !== undefined) return FREQUENCIES[word];
  }
  const n = readPlainNumber(value);
  if (n !== null && n.isInteger() && n.gte(1) && n.lte(366)) return n.toNumber();
  report("payPeriodsPerYear", "error", "pay periods per year: expected a whole number such as 26, or Weekly / Biweekly / Semimonthly / Monthly", value);
  return null;
}

function readExempt(value: CellValue, report: Report): boolean {
  if (isBlankCell(value)) return true; // a salaried employee is taken as exempt unless the register says otherwise
  if (typeof value === "boolean") return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value === "string") {
    const w = value.trim().toLowerCase().replace(/[^a-z]/g, "");
    if (["yes", "y", "true", "exempt", "x"].includes(w)) return true;
    if (["no", "n", "false", "nonexempt"].includes(w)) return false;
  }
  report("exempt", "warning", "exempt: expected Yes/No (or Exempt/Non-exempt); taken as exempt", value);
  return true;
}
