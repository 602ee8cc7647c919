import type Decimal from "decimal.js";
import { centsToNumber, formatCents, type Cents } from "../money/cents";
import { isoFromDay } from "../dates/day";
import { BUDGET_LINE_TYPES, MONTH_NAMES, type BudgetLineType } from "../budget/budgetLine";
import type { BudgetFigures } from "../budget/budgetStatus";
import { isOverBudget } from "../budget/overBudget";
import type { SheetBuilder } from "../sheet/sheetBuilder";
import type { CellStyleName } from "../sheet/sheetDescription";
import type { ReportFigures } from "./reportFigures";

/** Section titles of the physician report (fixed: tests and readers look for them). */
export const BUDGET_SECTION_TITLE = "Budget status";
export const PAYROLL_SECTION_TITLE = "Payroll";

const money = (c: Cents): number => centsToNumber(c);
const num = (d: Decimal | null): number | null => (d === null ? null : d.toNumber());
/** "$1,234.50", "-$62.55": exact cents with thousands separators, for notes. */
export function dollarsText(c: Cents): string {
  const text = formatCents(Math.abs(c));
  const [whole, cents] = text.split(".");
  return `${c < 0 ? "-" : ""}$${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${cents}`;
}

const LINE_TYPE_WORDS: Record<BudgetLineType, { heading: string; total: string }> = {
  revenue: { heading: "Revenue", total: "Total revenue" },
  expense: { heading: "Operating expenses", total: "Total operating expenses" },
  capital: { heading: "Capital (equipment)", total: "Total capital" },
};

/**
 * A budget line's status: favorable (green), or unfavorable only past the report's over-budget
 * threshold (red, definitions.md "Budget": over budget = beyond the threshold share of the YTD
 * budget); an unfavorable variance within the threshold reads "Within N%", uncoloured.
 */
function statusCell(favorable: boolean | null, overBudget: boolean, thresholdText: string): { value: string; styles: CellStyleName[] } {
  if (favorable === null) return { value: "On budget", styles: [] };
  if (favorable) return { value: "Favorable", styles: ["good"] };
  return overBudget ? { value: "Unfavorable", styles: ["bad"] } : { value: `Within ${thresholdText}`, styles: [] };
}

function heading(b: SheetBuilder, text: string): void {
  b.skip();
  b.line([{ value: text, styles: ["section"] }]);
}

function header(b: SheetBuilder, labels: string[]): number {
  return b.line(labels.map((value) => ({ value, styles: ["tableHeader" as CellStyleName] })));
}

/**
 * "Budget status (year to date through <month>)": budget, actual, variance, variance %, forecast
 * and a good/bad status by category, each line type's total, net income, the lines over budget
 * and the equipment budget remaining (definitions.md, "Budget"). A one-line note without a budget.
 */
export function budgetSection(b: SheetBuilder, f: ReportFigures, options: { brief?: boolean } = {}): void {
  const budget = f.budget;
  if (budget === null) {
    heading(b, `${BUDGET_SECTION_TITLE} (year to date)`);
    b.line([{ value: "No budget sheet was found (a sheet named Budget, months across and categories down), so budget status is not shown.", styles: ["note"] }]);
    return;
  }
  const s = budget.status;
  const thresholdText = `${(Number(budget.overBudgetThreshold) * 100).toFixed(1)}%`;
  heading(b, `${BUDGET_SECTION_TITLE} (year to date through ${MONTH_NAMES[budget.asOfMonth - 1]} ${budget.year})`);
  header(b, ["Category", "Budget YTD", "Actual YTD", "Variance", "Variance %", "Forecast (year)", "Status"]);
  const row = (label: string, x: BudgetFigures, styles: CellStyleName[] = []): void => {
    const status = statusCell(x.favorable, x.overBudget, thresholdText);
    b.line([
      { value: label, styles },
      { value: money(x.budgetYTD), format: "money", styles },
      { value: money(x.actualYTD), format: "money", styles },
      { value: money(x.variance), format: "money", styles },
      { value: num(x.variancePct), format: "percent1", styles },
      { value: money(x.forecast), format: "money", styles },
      { value: status.value, styles: [...styles, ...status.styles] },
    ]);
  };
  for (const t of BUDGET_LINE_TYPES) {
    const rows = s.byCategory.filter((c) => c.lineType === t);
    if (rows.length === 0) continue;
    if (options.brief !== true) {
      b.line([{ value: LINE_TYPE_WORDS[t].heading, styles: ["kpiLabel"] }]);
      for (const c of rows) row(c.category, c);
    }
    row(LINE_TYPE_WORDS[t].total, s.totals[t], ["total"]);
  }
  const netVariance = s.netIncomeYTD - s.netIncomeBudgetYTD;
  // Net income is judged like revenue: unfavorable past the threshold when it falls short of plan.
  const netShort = isOverBudget(s.netIncomeYTD, s.netIncomeBudgetYTD, "revenue", budget.overBudgetThreshold);
  const net = statusCell(netVariance === 0 ? null : netVariance > 0, netShort, thresholdText);
  b.line([
    { value: "Net income (revenue − operating expenses)", styles: ["total"] },
    { value: money(s.netIncomeBudgetYTD), format: "money", styles: ["total"] },
    { value: money(s.netIncomeYTD), format: "money", styles: ["total"] },
    { value: money(netVariance), format: "money", styles: ["total"] },
    { value: null, styles: ["total"] },
    { value: null, styles: ["total"] },
    { value: net.value, styles: ["total", ...net.styles] },
  ]);
  b.skip();
  const over = s.linesOverBudget;
  b.line([
    { value: `Lines over budget (by more than ${thresholdText})`, styles: ["kpiLabel"] },
    { value: over.length, format: "integer", styles: ["kpiValue", over.length > 0 ? "bad" : "good"] },
    { value: over.length === 0 ? "None" : over.map((c) => `${c.category} (${c.lineType === "revenue" ? `${dollarsText(-c.variance)} short of plan` : `${dollarsText(c.variance)} over`})`).join("; "), styles: ["note"] },
  ]);
  b.line([
    { value: "Equipment budget remaining", styles: ["kpiLabel"] },
    { value: money(s.equipmentBudgetRemaining), format: "money", styles: ["kpiValue", ...(s.equipmentBudgetRemaining < 0 ? ["bad" as const] : [])] },
    { value: `of ${dollarsText(s.capital.total.annualBudget)} budgeted for the year; ${dollarsText(s.capital.total.spentYTD)} spent`, styles: ["note"] },
  ]);
  b.line([{
    value: `Variance = actual − budget: favorable when revenue is above budget or spending below it. Forecast = actual to date + the budget of the remaining months. Source: sheet "${budget.sheets.budget}"${budget.sheets.actual === null ? "" : ` with actuals from sheet "${budget.sheets.actual}"`}.`,
    styles: ["note"],
  }]);
}

/**
 * "Payroll (period)": total payroll cost (wages + employer taxes + benefits), wages, employer
 * taxes, benefits, overtime hours and pay, payroll as a share of collections, FTEs and a table by
 * department (definitions.md, "Payroll"). A one-line note without a payroll sheet.
 */
export function payrollSection(b: SheetBuilder, f: ReportFigures): void {
  const p = f.payroll;
  if (p === null) {
    heading(b, `${PAYROLL_SECTION_TITLE} (period)`);
    b.line([{ value: "No payroll sheet was found (a sheet named Payroll, one row per employee per pay period), so payroll is not shown.", styles: ["note"] }]);
    return;
  }
  const t = p.totals;
  heading(b, `${PAYROLL_SECTION_TITLE} (period ${isoFromDay(p.from)} to ${isoFromDay(p.to)}, by pay date)`);
  const kpi = (label: string, value: number | null, format: "money" | "percent1" | "ratio2", note = ""): void => {
    b.line([{ value: label, styles: ["kpiLabel"] }, { value, format, styles: ["kpiValue"] }, { value: note, styles: ["note"] }]);
  };
  kpi("Total payroll cost", money(t.totalCost), "money", "wages + employer taxes + benefits");
  kpi("Wages", money(t.grossWages), "money");
  kpi("Employer taxes", money(t.employerTaxes), "money",
    `Social Security ${dollarsText(t.socialSecurity)}, Medicare ${dollarsText(t.medicare)}, FUTA ${dollarsText(t.futa)}, SUTA ${dollarsText(t.suta)}`);
  kpi("Benefits (employer share)", money(t.benefits), "money");
  kpi("Overtime hours", num(p.overtimeHours), "ratio2", "hours over 40 in a workweek, at 1.5 ×");
  kpi("Overtime pay (premium)", money(p.overtimePay), "money");
  kpi("Payroll as a share of collections", num(p.shareOfCollections), "percent1", `of ${dollarsText(p.collections)} payments in the period`);
  kpi("Staff FTEs", num(p.fte), "ratio2", `hours paid ÷ (${p.settings.standardWeekHours} h × ${p.fteWeeks.toDecimalPlaces(1).toString()} weeks)`);

  b.skip();
  header(b, ["Department", "Employees", "Hours worked", "Wages", "Employer taxes", "Benefits", "Total cost"]);
  for (const d of [...p.byDepartment, t]) {
    const styles: CellStyleName[] = d === t ? ["total"] : [];
    b.line([
      { value: d.name, styles },
      { value: d.employees, format: "integer", styles },
      { value: d.hoursWorked.toNumber(), format: "ratio2", styles },
      { value: money(d.grossWages), format: "money", styles },
      { value: money(d.employerTaxes), format: "money", styles },
      { value: money(d.benefits), format: "money", styles },
      { value: money(d.totalCost), format: "money", styles },
    ]);
  }
  b.line([{
    value: `Employer cost for budgeting from sheet "${p.sheet}", with the rates of ${p.settingsSource}: Practice Ledger computes employer payroll cost; it is not a withholding engine.`,
    styles: ["note"],
  }]);
  if (p.registerStartsMidYear !== null) {
    b.line([{
      value: `The payroll register starts on ${isoFromDay(p.registerStartsMidYear)}: wages paid earlier that year are not in it, so the wage bases (Social Security, FUTA, SUTA) are counted from that date.`,
      styles: ["note"],
    }]);
  }
}
