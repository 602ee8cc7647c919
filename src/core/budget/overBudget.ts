import Decimal from "decimal.js";
import type { Cents } from "../money/cents";
import { Money } from "../money/cents";
import type { BudgetLine, BudgetLineType } from "./budgetLine";
import { budgetYearToDate } from "./yearToDate";

/**
 * Whether a line is over budget year to date, beyond a tolerance (a share of the YTD budget,
 * 0.05 = 5 %; default 0, any overrun counts):
 * - expense and capital lines: actual YTD above budget YTD by more than threshold × budget YTD;
 * - revenue lines: actual YTD below budget YTD by more than threshold × budget YTD (revenue
 *   short of plan is the "over budget" signal for income).
 * "More than" is strict: an overrun of exactly the threshold is not flagged. The threshold is a
 * share of the budget's size (|budget YTD|), so a zero budget flags any overrun at all.
 */
export function overBudget(
  line: Pick<BudgetLine, "budget" | "actual" | "lineType">,
  asOfMonth: number,
  thresholdPct: Decimal.Value = 0,
): boolean {
  const ytd = budgetYearToDate(line, asOfMonth);
  return isOverBudget(ytd.actualYTD, ytd.budgetYTD, line.lineType, thresholdPct);
}

/** The rule of overBudget on amounts already summed. */
export function isOverBudget(actual: Cents, budget: Cents, lineType: BudgetLineType, thresholdPct: Decimal.Value = 0): boolean {
  const allowance = new Money(Math.abs(budget)).times(new Money(thresholdPct)); // exact, not rounded
  const v = new Money(actual - budget);
  return lineType === "revenue" ? v.negated().greaterThan(allowance) : v.greaterThan(allowance);
}
