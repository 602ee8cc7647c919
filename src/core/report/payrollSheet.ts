import type { CellValue } from "../cells/cellValue";
import type { InputIssue } from "../cells/issue";
import { findHeaderRow } from "../import/findHeaderRow";
import type { HeaderSynonyms } from "../import/headerSynonyms";
import { isTotalsText } from "../import/isTotalsRow";
import { readExport, type ExportRead } from "../import/readClaimsExport";
import type { LeftOutRow as ExportLeftOutRow } from "../import/readExportRows";
import type { PayrollLine } from "../payroll/payrollLine";
import { readPayrollLines, type PayrollField, type RawPayrollRow } from "../payroll/readPayrollLines";

/**
 * Header words of a payroll register (one row per employee per pay period), compared after
 * normalizeHeader. "=" marks a word that only matches a whole header ("Type", "Rate", "Name").
 */
export const PAYROLL_HEADER_SYNONYMS: HeaderSynonyms<PayrollField> = {
  employee: ["=employee", "employee name", "=name", "staff member", "=staff", "team member", "=worker"],
  department: ["department", "=dept", "cost center"],
  role: ["=role", "job title", "=title", "=position", "=job"],
  payDate: ["pay date", "check date", "=payment date", "=date paid", "=paid on", "payroll date"],
  periodFrom: ["period start", "period begin", "period from", "pay period start", "period start date", "=start date"],
  periodTo: ["period end", "period to", "pay period end", "period end date", "=end date"],
  kind: ["pay type", "=type", "pay basis", "=basis", "hourly or salaried", "=pay class"],
  rate: ["hourly rate", "=rate", "pay rate", "rate per hour", "wage rate", "=hourly"],
  annualSalary: ["annual salary", "=salary", "yearly salary", "=annual pay"],
  payPeriodsPerYear: ["pay periods per year", "periods per year", "pay frequency", "=frequency", "=pay periods"],
  exempt: ["=exempt", "flsa exempt", "exempt status", "flsa status"],
  standardHours: ["standard hours", "hours salary covers", "scheduled hours"],
  regularHours: ["regular hours", "=regular", "straight time hours", "=hours worked"],
  overtimeHours: ["overtime hours", "=overtime", "ot hours", "=ot"],
  doubleTimeHours: ["double time hours", "=double time", "dt hours"],
  ptoHours: ["pto hours", "=pto", "paid time off hours", "=paid time off"],
  benefitsCost: ["benefits cost", "employer benefits", "=benefits", "benefit cost", "benefits employer cost", "employer benefit cost"],
};

const REQUIRED: readonly PayrollField[] = ["employee", "payDate"];

export interface PayrollSheetRead {
  sheet: string;
  headerRow: number | null;
  /** Column letter of each field found. */
  mapping: Partial<Record<PayrollField, string>>;
  lines: PayrollLine[];
  /** Header problems and each row's errors and warnings (readPayrollLines). */
  issues: InputIssue[];
  /** Totals rows, repeated headers and notes below the header (not data, not used). */
  leftOut: ExportLeftOutRow[];
  /** Data rows read = lines + rows left out with an error. */
  rowsRead: number;
}

/**
 * How well a sheet's header names a payroll register: the number of payroll fields its best
 * header row names, when that row names an employee, a pay date and an hourly rate or an annual
 * salary; 0 otherwise. Never throws.
 */
export function payrollSheetScore(grid: readonly (readonly CellValue[])[], sheet?: string): number {
  const found = findHeaderRow(grid, PAYROLL_HEADER_SYNONYMS, REQUIRED, { sheet, minFields: 3 });
  if (!found.found || !REQUIRED.every((f) => found.fields.includes(f))) return 0;
  return found.fields.includes("rate") || found.fields.includes("annualSalary") ? found.fields.length : 0;
}

/**
 * Reads a payroll register sheet: finds the header row (PAYROLL_HEADER_SYNONYMS), sorts the rows
 * below it (totals rows and notes are left out with their reason), then reads each data row with
 * readPayrollLines (definitions.md, "Payroll"): every row it cannot use is an issue with sheet,
 * row and column letter. Never throws.
 */
export function readPayrollSheet(grid: readonly (readonly CellValue[])[], sheet: string): PayrollSheetRead {
  const exported: ExportRead<PayrollField, RawPayrollRow> = readExport<PayrollField, RawPayrollRow>(grid, { sheet }, {
    synonyms: PAYROLL_HEADER_SYNONYMS,
    required: REQUIRED,
    requiredWords: "employee and pay date",
    multiColumn: [],
    minFields: 3,
    oneOf: ["rate", "annualSalary"],
    totalsReason: (mapping) => (cells) => {
      const employee = mapping.employee === undefined ? null : cells[mapping.employee];
      if (typeof employee === "string" && isTotalsText(employee)) return `totals row ("${employee.trim()}")`;
      // A total line with the word elsewhere and no employee name.
      if (employee === null || employee === undefined || (typeof employee === "string" && employee.trim() === "")) {
        const label = cells.find((c): c is string => typeof c === "string" && isTotalsText(c));
        if (label !== undefined) return `totals row ("${label.trim()}")`;
      }
      return null;
    },
    toRow: (r) => ({ row: r.row, cells: r.cells }),
  });
  const read = readPayrollLines(exported.rows, { sheet, columns: exported.mapping });
  return {
    sheet,
    headerRow: exported.headerRow,
    mapping: exported.mapping,
    lines: read.lines,
    issues: [...exported.issues, ...read.issues],
    leftOut: exported.leftOut,
    rowsRead: read.rowsRead,
  };
}
