import type { InputIssue } from "../cells/issue";
import type { BudgetLine } from "./budgetLine";
import { categoryKey } from "./lineType";
import type { BudgetSheetRead } from "./readBudgetSheet";

export interface MergedBudget {
  lines: BudgetLine[];
  issues: InputIssue[];
}

/**
 * Joins a budget sheet and an actual sheet read with readBudgetSheet: each line takes its budget
 * from the budget sheet and its actuals from the actual sheet, matched by line type and category
 * (trimmed, case-insensitive, "&" = "and"), else by category alone when it is unique. Lines keep
 * the budget sheet's order and rows. An actual line with no budget line is added with a budget
 * of 0 and a warning; a budget line with no actual line has no actuals booked (null).
 */
export function mergeBudgetAndActual(budget: Pick<BudgetSheetRead, "lines" | "issues">, actual: Pick<BudgetSheetRead, "lines" | "issues"> & { layout?: Pick<BudgetSheetRead["layout"], "sheet"> }): MergedBudget {
  const issues: InputIssue[] = [...budget.issues, ...actual.issues];
  const lines: BudgetLine[] = budget.lines.map((l) => ({ ...l, budget: [...l.budget], actual: new Array<number | null>(12).fill(null) }));
  const used = new Set<number>();
  const find = (a: BudgetLine): number => {
    const name = categoryKey(a.category);
    let i = lines.findIndex((l, k) => !used.has(k) && l.lineType === a.lineType && categoryKey(l.category) === name);
    if (i >= 0) return i;
    const byName = lines.map((l, k) => (!used.has(k) && categoryKey(l.category) === name ? k : -1)).filter((k) => k >= 0);
    i = byName.length === 1 ? byName[0] : -1;
    return i;
  };
  for (const a of actual.lines) {
    const i = find(a);
    if (i >= 0) {
      used.add(i);
      lines[i].actual = [...a.actual];
      continue;
    }
    const sheet = actual.layout?.sheet;
    issues.push({
      ...(sheet !== undefined && sheet !== null ? { sheet } : {}),
      row: a.row,
      ...(a.column !== undefined ? { column: a.column } : {}),
      severity: "warning",
      found: a.category,
      message: `"${a.category}" has actuals but no line in the budget; added with a budget of 0`,
    });
    lines.push({ ...a, budget: new Array<number>(12).fill(0), actual: [...a.actual] });
  }
  return { lines, issues };
}
