import type { Cents } from "../money/cents";
import { Money } from "../money/cents";
import { actualThrough, checkAsOfMonth, type BudgetLine } from "./budgetLine";

/**
 * Run rate = actual YTD ÷ months elapsed × 12 (definitions.md, "Budget"), months elapsed being
 * the as-of month. Computed exactly, then rounded to the cent once, half up (away from zero).
 */
export function runRate(line: Pick<BudgetLine, "actual">, asOfMonth: number): Cents {
  checkAsOfMonth(asOfMonth);
  return annualizeCents(actualThrough(line, asOfMonth), asOfMonth);
}

/** amount ÷ months × 12, rounded once to the cent, half up. */
export function annualizeCents(amount: Cents, months: number): Cents {
  const n = new Money(amount).times(12).dividedBy(months).toDecimalPlaces(0, Money.ROUND_HALF_UP).toNumber();
  return n === 0 ? 0 : n;
}
