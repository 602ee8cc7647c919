import type { Cents } from "../money/cents";
import { actualThrough, annualBudget, checkAsOfMonth, type BudgetLine } from "./budgetLine";

export interface CapitalRemainingRow {
  row: number;
  category: string;
  annualBudget: Cents;
  spentYTD: Cents;
  /** annual budget − spent; negative when the line is overspent */
  remaining: Cents;
}

export interface CapitalRemaining {
  lines: CapitalRemainingRow[];
  total: { annualBudget: Cents; spentYTD: Cents; remaining: Cents };
}

/**
 * Capital (equipment) lines: budget for the year, spent through the as-of month, and what is left
 * (definitions.md, "Budget"). Lines of other types are skipped; total = Σ lines, to the cent.
 */
export function capitalRemaining(lines: readonly Pick<BudgetLine, "row" | "category" | "lineType" | "budget" | "actual">[], asOfMonth: number): CapitalRemaining {
  checkAsOfMonth(asOfMonth);
  const rows: CapitalRemainingRow[] = [];
  const total = { annualBudget: 0, spentYTD: 0, remaining: 0 };
  for (const line of lines) {
    if (line.lineType !== "capital") continue;
    const budget = annualBudget(line);
    const spent = actualThrough(line, asOfMonth);
    const remaining = budget - spent;
    rows.push({ row: line.row, category: line.category, annualBudget: budget, spentYTD: spent, remaining });
    total.annualBudget += budget;
    total.spentYTD += spent;
    total.remaining += remaining;
  }
  return { lines: rows, total };
}
