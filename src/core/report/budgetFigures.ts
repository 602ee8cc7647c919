import type Decimal from "decimal.js";
import { Money } from "../money/cents";
import { ymdFromDay, type Day } from "../dates/day";
import type { BudgetLine } from "../budget/budgetLine";
import { budgetStatus, type BudgetStatus } from "../budget/budgetStatus";

/** A budget-sheet row or column recognised and not summed: a subtotal, a total column, a heading. */
export interface BudgetNotSummed {
  sheet: string;
  row?: number;
  column?: string;
  label: string;
  reason: string;
}

/** The budget as read from the workbook (Budget sheet, Actuals sheet merged in). */
export interface BudgetInput {
  lines: readonly BudgetLine[];
  /** Budget year the sheets give (headings or title); null when they give none. */
  year: number | null;
  sheets: { budget: string; actual: string | null };
  notSummed: readonly BudgetNotSummed[];
  /**
   * Share by which a line may run over its year-to-date budget before the report calls it over
   * budget (definitions.md, "Budget": a threshold the manager sets). Default 5 %.
   */
  overBudgetThreshold?: Decimal.Value;
}

/** The report's over-budget threshold where the Settings sheet sets none. */
export const DEFAULT_OVER_BUDGET_THRESHOLD = "0.05";

export interface BudgetReportFigures {
  /** Budget year. */
  year: number;
  /** Months of the year elapsed at the as-of date (1-12): year to date runs through this month. */
  asOfMonth: number;
  sheets: { budget: string; actual: string | null };
  /** Budget lines read. */
  lines: number;
  status: BudgetStatus;
  /** The over-budget threshold applied (a share: "0.05"). */
  overBudgetThreshold: string;
  notSummed: readonly BudgetNotSummed[];
}

/**
 * The as-of month of a budget year (definitions.md, "Budget": year to date runs through the
 * as-of month): the as-of date's month for a budget of the as-of year, 12 for an earlier year
 * (the whole year has elapsed), null for a later year (nothing has elapsed yet).
 */
export function budgetAsOfMonth(year: number, asOf: Day): number | null {
  const ymd = ymdFromDay(asOf);
  if (year === ymd.year) return ymd.month;
  return year < ymd.year ? 12 : null;
}

/**
 * Budget status at the as-of month (budgetStatus: YTD by category with variance, variance %,
 * favorable flag, lines over budget, forecast, run rate, equipment budget remaining, net income
 * YTD). A budget with no year of its own is taken as the as-of year. Null for a budget of a year
 * after the as-of date.
 */
export function budgetReportFigures(input: BudgetInput, asOf: Day): BudgetReportFigures | null {
  const year = input.year ?? ymdFromDay(asOf).year;
  const asOfMonth = budgetAsOfMonth(year, asOf);
  if (asOfMonth === null) return null;
  const threshold = new Money(input.overBudgetThreshold ?? DEFAULT_OVER_BUDGET_THRESHOLD);
  return {
    year,
    asOfMonth,
    sheets: { ...input.sheets },
    lines: input.lines.length,
    status: budgetStatus(input.lines, asOfMonth, { overBudgetThreshold: threshold }),
    overBudgetThreshold: threshold.toString(),
    notSummed: input.notSummed,
  };
}
