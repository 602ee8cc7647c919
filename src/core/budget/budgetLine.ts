import type { Cents } from "../money/cents";

/** What a budget line is: money coming in, money going out, or an equipment purchase. */
export type BudgetLineType = "revenue" | "expense" | "capital";
export const BUDGET_LINE_TYPES: readonly BudgetLineType[] = ["revenue", "expense", "capital"];

/**
 * One line of a practice budget for one year, months January..December (index 0 = January).
 * `budget` holds the twelve budgeted amounts; `actual` the booked amounts, null for a month not
 * yet booked (definitions.md, "Budget").
 */
export interface BudgetLine {
  /** 1-based row of the line in the sheet it was read from (the header row for months-as-rows sheets). */
  row: number;
  /** Column letter of the line, for sheets with categories as columns (months as rows). */
  column?: string;
  category: string;
  lineType: BudgetLineType;
  budget: Cents[];
  actual: (Cents | null)[];
}

/** The months of a budget year, in order. */
export const MONTH_NAMES: readonly string[] = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];

/** Checks an as-of month (1 = January … 12 = December); a month outside that is a programming error. */
export function checkAsOfMonth(asOfMonth: number): void {
  if (!Number.isInteger(asOfMonth) || asOfMonth < 1 || asOfMonth > 12) {
    throw new RangeError(`as-of month must be a whole number from 1 (January) to 12 (December), got ${String(asOfMonth)}`);
  }
}

/** Σ budget of months 1..throughMonth (0 gives 0). */
export function budgetThrough(line: Pick<BudgetLine, "budget">, throughMonth: number): Cents {
  let total = 0;
  for (let m = 0; m < throughMonth; m++) total += line.budget[m] ?? 0;
  return total;
}

/** Σ budget of the whole year. */
export function annualBudget(line: Pick<BudgetLine, "budget">): Cents {
  return budgetThrough(line, 12);
}

/** Σ actual of months 1..throughMonth; a month not yet booked (null) adds nothing. */
export function actualThrough(line: Pick<BudgetLine, "actual">, throughMonth: number): Cents {
  let total = 0;
  for (let m = 0; m < throughMonth; m++) total += line.actual[m] ?? 0;
  return total;
}
