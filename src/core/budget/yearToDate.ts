import type Decimal from "decimal.js";
import type { Cents } from "../money/cents";
import { actualThrough, budgetThrough, checkAsOfMonth, type BudgetLine } from "./budgetLine";
import { isFavorable, variance, variancePct } from "./variance";

export interface BudgetYearToDate {
  budgetYTD: Cents;
  actualYTD: Cents;
  /** actualYTD − budgetYTD */
  variance: Cents;
  /** variance ÷ budgetYTD; null where budgetYTD is 0 */
  variancePct: Decimal | null;
  /** true favorable, false unfavorable, null on budget */
  favorable: boolean | null;
  /** Months 1..asOfMonth with no actual booked (counted as 0 in actualYTD), so a reader can see why. */
  unbookedMonths: number[];
}

/** Budget and actual from January through the as-of month (1-12), with the variance (definitions.md, "Budget"). */
export function budgetYearToDate(line: Pick<BudgetLine, "budget" | "actual" | "lineType">, asOfMonth: number): BudgetYearToDate {
  checkAsOfMonth(asOfMonth);
  const budgetYTD = budgetThrough(line, asOfMonth);
  const actualYTD = actualThrough(line, asOfMonth);
  const v = variance(actualYTD, budgetYTD);
  const unbookedMonths: number[] = [];
  for (let m = 0; m < asOfMonth; m++) if (line.actual[m] === null || line.actual[m] === undefined) unbookedMonths.push(m + 1);
  return {
    budgetYTD,
    actualYTD,
    variance: v,
    variancePct: variancePct(actualYTD, budgetYTD),
    favorable: isFavorable(v, line.lineType),
    unbookedMonths,
  };
}
