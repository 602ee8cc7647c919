import { BUDGET_TEMPLATE_CATEGORIES } from "../budget/categories";
import { columnLetter } from "../cells/issue";
import { SheetBuilder } from "../sheet/sheetBuilder";
import type { CellStyleName, SheetDescription } from "../sheet/sheetDescription";
import { asOfExpression } from "./formulas";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

export interface BudgetTemplateOptions {
  /** Budget year (shown in the title, which the budget reader takes the year from). */
  year: number;
  /** The as-of cell year to date runs through ("Settings!$B$6"); TODAY() when absent. */
  asOfCell?: string;
}

/** Layout of the Budget template (1-based rows and columns). */
export const BUDGET_LAYOUT = {
  titleRow: 1,
  /** B2 holds the month (1-12) year to date runs through. */
  throughMonthCell: "$B$2",
  headerRow: 4,
  firstLineRow: 5,
  categoryColumn: 1,
  lineTypeColumn: 2,
  /** Month m (1-12): budget in column 2m + 1 (C, E, …, Y), actual in 2m + 2 (D, F, …, Z). */
  budgetColumn: (m: number): number => 2 * m + 1,
  actualColumn: (m: number): number => 2 * m + 2,
  annualBudgetColumn: 27,
  ytdBudgetColumn: 28,
  ytdActualColumn: 29,
  varianceColumn: 30,
  variancePercentColumn: 31,
} as const;

const LINE_TYPE_WORDS = { revenue: "Revenue", expense: "Expense", capital: "Capital" } as const;

/**
 * The Budget sheet (definitions.md, "Budget"): revenue lines, the MGMA expense categories and
 * capital lines down (BUDGET_TEMPLATE_CATEGORIES), a Budget and an Actual column per month
 * ("Jan Budget", "Jan Actual": the pairs the budget reader reads), then the calculated columns
 * Annual Budget, YTD Budget and YTD Actual (months 1 … the as-of month, from B2 = MONTH(as-of)),
 * Variance = YTD Actual − YTD Budget and Variance % = Variance ÷ YTD Budget (blank when the
 * budget is 0). An Excel table from the header row; Line Type drop-down.
 */
export function budgetTemplate(options: BudgetTemplateOptions): SheetDescription {
  const L = BUDGET_LAYOUT;
  const widths = [40, 10, ...new Array<number>(24).fill(11), 13, 13, 13, 13, 10];
  const b = new SheetBuilder("Budget", widths);
  b.set(1, 1, `Budget ${options.year}`, undefined, "title");
  b.set(2, 1, "Year to date through month (from the as-of date)", undefined, "note");
  b.formula(2, 2, `=MONTH(${asOfExpression(options.asOfCell)})`, "integer");
  const headers: string[] = ["Category", "Line Type"];
  for (const m of MONTHS) headers.push(`${m} Budget`, `${m} Actual`);
  headers.push("Annual Budget", "YTD Budget", "YTD Actual", "Variance", "Variance %");
  headers.forEach((h, i) => b.set(L.headerRow, i + 1, h, undefined, "tableHeader" as CellStyleName));

  const cats = BUDGET_TEMPLATE_CATEGORIES;
  cats.forEach((cat, i) => {
    const r = L.firstLineRow + i;
    b.set(r, 1, cat.name);
    b.set(r, 2, LINE_TYPE_WORDS[cat.lineType]);
    for (let m = 1; m <= 12; m++) {
      b.set(r, L.budgetColumn(m), null, "money");
      b.set(r, L.actualColumn(m), null, "money");
    }
    const cell = (col: number): string => `${columnLetter(col)}${r}`;
    const through = L.throughMonthCell;
    const months = Array.from({ length: 12 }, (_, k) => k + 1);
    b.formula(r, L.annualBudgetColumn, `=SUM(${months.map((m) => cell(L.budgetColumn(m))).join(",")})`, "money");
    b.formula(r, L.ytdBudgetColumn, `=${months.map((m) => `N(${cell(L.budgetColumn(m))})*(${m}<=${through})`).join("+")}`, "money");
    b.formula(r, L.ytdActualColumn, `=${months.map((m) => `N(${cell(L.actualColumn(m))})*(${m}<=${through})`).join("+")}`, "money");
    // Variance = actual − budget (definitions.md, "Budget").
    b.formula(r, L.varianceColumn, `=${cell(L.ytdActualColumn)}-${cell(L.ytdBudgetColumn)}`, "money");
    b.formula(r, L.variancePercentColumn, `=IF(${cell(L.ytdBudgetColumn)}=0,"",${cell(L.varianceColumn)}/${cell(L.ytdBudgetColumn)})`, "percent1");
  });
  const last = L.firstLineRow + cats.length - 1;
  b.validation({ range: { fromRow: L.firstLineRow, toRow: last, fromCol: 2, toCol: 2 }, list: ["Revenue", "Expense", "Capital"], allowBlank: false });
  b.table({ name: "BudgetLines", range: { fromRow: L.headerRow, fromCol: 1, toRow: last, toCol: L.variancePercentColumn }, style: "TableStyleMedium2" });
  return b.build({ freezeRows: L.headerRow, showGridLines: true, tabColor: "BF8F00" });
}
