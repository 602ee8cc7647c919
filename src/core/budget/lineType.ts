import type { BudgetLineType } from "./budgetLine";
import { BUDGET_TEMPLATE_CATEGORIES } from "./categories";

/** Lower case, "&" as "and", spaces collapsed: the key under which category names are compared. */
export function categoryKey(name: string): string {
  return name.trim().toLowerCase().replace(/&/g, " and ").replace(/[\s_]+/g, " ").trim();
}

const TEMPLATE_TYPES = new Map<string, BudgetLineType>(BUDGET_TEMPLATE_CATEGORIES.map((c) => [categoryKey(c.name), c.lineType]));

/** A section heading row: "Revenue", "Operating expenses", "Capital budget" (null when it is not one). */
export function sectionLineType(label: string): BudgetLineType | null {
  const t = categoryKey(label).replace(/[:.]+$/, "").trim();
  if (/^(operating |medical |practice )?(revenues?|income|collections|receipts)$/.test(t)) return "revenue";
  if (/^(operating |practice |total operating )?(expenses?|expenditures|costs|operating costs|overhead)$/.test(t)) return "expense";
  if (/^capital( budget| expenditures?| purchases| equipment| spending|ex)?$/.test(t) || t === "capex") return "capital";
  return null;
}

const REVENUE_WORDS = /\b(revenues?|collections?|income|receipts|capitation|fee[- ]for[- ]service|incentives?|grants?|reimbursements?)\b/;
const CAPITAL_WORDS = /\b(capital|capex|equipment purchases?|medical equipment|it equipment|computer equipment|leasehold improvements?)\b/;
const EXPENSE_WORDS =
  /\b(salar(y|ies)|wages?|benefits?|payroll|staff|rent|lease|leases|occupancy|suppl(y|ies)|insurance|utilities|fees?|expenses?|costs?|software|marketing|advertising|telephone|postage|travel|dues|licen[cs]es?|taxes|repairs?|maintenance|laboratory|lab|drugs?|vaccines?|services?|depreciation|interest|training|education|janitorial|cleaning|miscellaneous|other)\b/;

/**
 * The line type a category name implies, when there is no section heading: a template name
 * (MGMA expense lines, the default revenue and capital lines), then words that mean revenue,
 * capital or expense. `known` is false when nothing in the name decided it (read as expense).
 */
export function lineTypeFromCategory(name: string): { lineType: BudgetLineType; known: boolean } {
  const key = categoryKey(name);
  const template = TEMPLATE_TYPES.get(key);
  if (template !== undefined) return { lineType: template, known: true };
  if (CAPITAL_WORDS.test(key)) return { lineType: "capital", known: true };
  if (/\b(fee[- ]for[- ]service|capitation)\b/.test(key)) return { lineType: "revenue", known: true };
  // "Collection agency fees" is an expense although it says collection.
  if (REVENUE_WORDS.test(key) && !/\b(expenses?|costs?|tax(es)?|fees?|services?|agency|bad debt)\b/.test(key)) return { lineType: "revenue", known: true };
  if (EXPENSE_WORDS.test(key)) return { lineType: "expense", known: true };
  return { lineType: "expense", known: false };
}

/** Subtotal and total rows (or columns): "Total expenses", "Subtotal", "Net income", "Grand total". */
export function isTotalLabel(label: string): boolean {
  const t = categoryKey(label);
  return (
    /^(sub ?-?totals?|totals?|grand totals?)\b/.test(t) ||
    /\b(sub ?-?totals?|totals?)$/.test(t) ||
    /^net (income|operating income|revenue|profit|loss|margin|surplus|deficit|cash flow|\(loss\)|income \(loss\))/.test(t) ||
    /^(ytd|year to date|fy|full year|annual|annual total)$/.test(t)
  );
}
