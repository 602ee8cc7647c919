import type Decimal from "decimal.js";
import type { Cents } from "../money/cents";
import { ratio } from "../money/ratio";
import type { BudgetLineType } from "./budgetLine";

/** Variance = actual − budget (definitions.md, "Budget"). */
export function variance(actual: Cents, budget: Cents): Cents {
  const v = actual - budget;
  return v === 0 ? 0 : v;
}

/** Variance % = (actual − budget) ÷ budget, exact; null (blank) where the budget is 0 (definitions.md, "Budget"). */
export function variancePct(actual: Cents, budget: Cents): Decimal | null {
  return ratio(variance(actual, budget), budget);
}

/**
 * Whether a variance is good news (definitions.md, "Budget"): for expense lines a negative
 * variance (spent less than budgeted) is favorable, for revenue lines a positive one (took in more).
 * Capital lines are spending, so they read like expenses. A zero variance is on budget: null.
 */
export function isFavorable(varianceCents: Cents, lineType: BudgetLineType): boolean | null {
  if (varianceCents === 0) return null;
  return lineType === "revenue" ? varianceCents > 0 : varianceCents < 0;
}
