import type { Cents } from "../money/cents";
import { actualThrough, annualBudget, budgetThrough, checkAsOfMonth, type BudgetLine } from "./budgetLine";

/**
 * Forecast for the year = actual January..as-of month + budget of the months after it
 * (definitions.md, "Budget"). A month up to the as-of month with no actual booked counts as 0.
 */
export function forecastForYear(line: Pick<BudgetLine, "budget" | "actual">, asOfMonth: number): Cents {
  checkAsOfMonth(asOfMonth);
  return actualThrough(line, asOfMonth) + (annualBudget(line) - budgetThrough(line, asOfMonth));
}
