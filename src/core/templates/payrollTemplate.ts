import { SheetBuilder } from "../sheet/sheetBuilder";
import type { CellStyleName, NumberFormatName, SheetDescription } from "../sheet/sheetDescription";

/** Columns of the Payroll template: one row per employee per workweek. */
export const PAYROLL_HEADERS = [
  "Employee", "Employee ID", "Department", "Role", "Pay Date", "Period Start", "Period End", "Pay Type", "Hourly Rate",
  "Annual Salary", "Pay Periods per Year", "Exempt", "Total Hours", "Regular Hours", "Overtime Hours", "Gross Pay", "Benefits Cost",
] as const;

const FORMATS: (NumberFormatName | undefined)[] = [
  undefined, undefined, undefined, undefined, "date", "date", "date", undefined, "money",
  "money", "integer", undefined, "ratio2", "ratio2", "ratio2", "money", "money",
];

export interface PayrollTemplateOptions {
  /** Settings cells for the FLSA week hours and overtime multiplier ("Settings!$B$16"); 40 and 1.5 when absent. */
  standardWeekHoursCell?: string;
  overtimeMultiplierCell?: string;
}

/**
 * The Payroll register (definitions.md, "Payroll"): one row per employee per workweek, so that
 * FLSA overtime is counted week by week with no averaging: Regular Hours = MIN(Total Hours, 40),
 * Overtime Hours = MAX(0, Total Hours − 40) (exempt staff: all regular, no overtime), Gross Pay =
 * hourly rate × (regular + 1.5 × overtime), or annual salary ÷ pay periods per year for salaried
 * staff, rounded to the cent. 40 and 1.5 come from the Settings sheet when it is there.
 * Pay Type and Exempt drop-downs; table with a frozen header; one blank data row.
 */
export function payrollTemplate(options: PayrollTemplateOptions = {}): SheetDescription {
  const b = new SheetBuilder("Payroll", [20, 11, 14, 24, 12, 12, 12, 10, 11, 13, 10, 8, 10, 10, 10, 12, 12]);
  PAYROLL_HEADERS.forEach((h, i) => b.set(1, i + 1, h, undefined, "tableHeader" as CellStyleName));
  const r = 2;
  FORMATS.forEach((f, i) => {
    if (f !== undefined && ![14, 15, 16].includes(i + 1)) b.set(r, i + 1, null, f);
  });
  const week = options.standardWeekHoursCell ?? "40";
  const multiplier = options.overtimeMultiplierCell ?? "1.5";
  b.formula(r, 14, `=IF(M${r}="","",IF(L${r}="Yes",M${r},MIN(M${r},${week})))`, "ratio2");
  b.formula(r, 15, `=IF(M${r}="","",IF(L${r}="Yes",0,MAX(0,M${r}-${week})))`, "ratio2");
  b.formula(r, 16, `=IF(A${r}="","",IF(H${r}="Salaried",IF(N(K${r})>0,ROUND(J${r}/K${r},2),0),ROUND(N(I${r})*(N(N${r})+${multiplier}*N(O${r})),2)))`, "money");
  b.validation({ range: { fromRow: r, toRow: r, fromCol: 8, toCol: 8 }, list: ["Hourly", "Salaried"], allowBlank: true });
  b.validation({ range: { fromRow: r, toRow: r, fromCol: 12, toCol: 12 }, list: ["Yes", "No"], allowBlank: true });
  b.table({ name: "PayrollRegister", range: { fromRow: 1, fromCol: 1, toRow: r, toCol: PAYROLL_HEADERS.length }, style: "TableStyleMedium2" });
  return b.build({ freezeRows: 1, showGridLines: true, tabColor: "C55A11" });
}
