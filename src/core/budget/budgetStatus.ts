import type Decimal from "decimal.js";
import type { Cents } from "../money/cents";
import { BUDGET_LINE_TYPES, annualBudget, checkAsOfMonth, type BudgetLine, type BudgetLineType } from "./budgetLine";
import { capitalRemaining, type CapitalRemaining } from "./capitalRemaining";
import { forecastForYear } from "./forecast";
import { isOverBudget } from "./overBudget";
import { runRate } from "./runRate";
import { isFavorable, variance, variancePct } from "./variance";
import { budgetYearToDate } from "./yearToDate";

/** The figures of one category (or of one line type's total) through the as-of month. */
export interface BudgetFigures {
  annualBudget: Cents;
  budgetYTD: Cents;
  actualYTD: Cents;
  variance: Cents;
  variancePct: Decimal | null;
  favorable: boolean | null;
  forecast: Cents;
  runRate: Cents;
  overBudget: boolean;
}

export interface BudgetStatusRow extends BudgetFigures {
  category: string;
  lineType: BudgetLineType;
  /** Sheet rows of the lines gathered in this category. */
  rows: number[];
}

export interface BudgetStatusOptions {
  /** Tolerance share of the YTD budget before a line counts as over budget (0.05 = 5 %); default 0. */
  overBudgetThreshold?: Decimal.Value;
}

export interface BudgetStatus {
  asOfMonth: number;
  byCategory: BudgetStatusRow[];
  totals: Record<BudgetLineType, BudgetFigures>;
  linesOverBudget: BudgetStatusRow[];
  /** revenue actual YTD − expense actual YTD (capital purchases are not operating expense) */
  netIncomeYTD: Cents;
  /** revenue budget YTD − expense budget YTD */
  netIncomeBudgetYTD: Cents;
  /** Σ capital annual budget − Σ capital spent YTD (negative when overspent) */
  equipmentBudgetRemaining: Cents;
  capital: CapitalRemaining;
}

/**
 * The budget report (definitions.md, "Budget"). Lines with the same line type and the same
 * category (trimmed, case-insensitive) are one category row, named as first written; rows keep
 * the order of the lines. Each line type's total is Σ of its rows for every amount, to the cent
 * (the run rate too: each row is rounded once, and the total is the sum of the rounded rows so
 * the sheet adds up); the total's variance %, favorable and over-budget flags come from the
 * total's own amounts.
 */
export function budgetStatus(lines: readonly BudgetLine[], asOfMonth: number, options: BudgetStatusOptions = {}): BudgetStatus {
  checkAsOfMonth(asOfMonth);
  const threshold = options.overBudgetThreshold ?? 0;

  // Gather lines into categories.
  const groups = new Map<string, { category: string; lineType: BudgetLineType; rows: number[]; budget: Cents[]; actual: (Cents | null)[] }>();
  for (const line of lines) {
    const key = `${line.lineType}|${line.category.trim().toLowerCase()}`;
    let g = groups.get(key);
    if (g === undefined) {
      g = { category: line.category.trim(), lineType: line.lineType, rows: [], budget: new Array<Cents>(12).fill(0), actual: new Array<Cents | null>(12).fill(null) };
      groups.set(key, g);
    }
    g.rows.push(line.row);
    for (let m = 0; m < 12; m++) {
      g.budget[m] += line.budget[m] ?? 0;
      const a = line.actual[m];
      if (a !== null && a !== undefined) g.actual[m] = (g.actual[m] ?? 0) + a;
    }
  }

  const byCategory: BudgetStatusRow[] = [];
  const sums = {} as Record<BudgetLineType, { annualBudget: Cents; budgetYTD: Cents; actualYTD: Cents; forecast: Cents; runRate: Cents }>;
  for (const t of BUDGET_LINE_TYPES) sums[t] = { annualBudget: 0, budgetYTD: 0, actualYTD: 0, forecast: 0, runRate: 0 };

  for (const g of groups.values()) {
    const ytd = budgetYearToDate(g, asOfMonth);
    const row: BudgetStatusRow = {
      category: g.category,
      lineType: g.lineType,
      rows: g.rows,
      annualBudget: annualBudget(g),
      budgetYTD: ytd.budgetYTD,
      actualYTD: ytd.actualYTD,
      variance: ytd.variance,
      variancePct: ytd.variancePct,
      favorable: ytd.favorable,
      forecast: forecastForYear(g, asOfMonth),
      runRate: runRate(g, asOfMonth),
      overBudget: isOverBudget(ytd.actualYTD, ytd.budgetYTD, g.lineType, threshold),
    };
    byCategory.push(row);
    const s = sums[g.lineType];
    s.annualBudget += row.annualBudget;
    s.budgetYTD += row.budgetYTD;
    s.actualYTD += row.actualYTD;
    s.forecast += row.forecast;
    s.runRate += row.runRate;
  }

  const totals = {} as Record<BudgetLineType, BudgetFigures>;
  for (const t of BUDGET_LINE_TYPES) {
    const s = sums[t];
    const v = variance(s.actualYTD, s.budgetYTD);
    totals[t] = {
      ...s,
      variance: v,
      variancePct: variancePct(s.actualYTD, s.budgetYTD),
      favorable: isFavorable(v, t),
      overBudget: isOverBudget(s.actualYTD, s.budgetYTD, t, threshold),
    };
  }

  const capital = capitalRemaining(lines, asOfMonth);
  return {
    asOfMonth,
    byCategory,
    totals,
    linesOverBudget: byCategory.filter((r) => r.overBudget),
    netIncomeYTD: totals.revenue.actualYTD - totals.expense.actualYTD,
    netIncomeBudgetYTD: totals.revenue.budgetYTD - totals.expense.budgetYTD,
    equipmentBudgetRemaining: capital.total.remaining,
    capital,
  };
}
