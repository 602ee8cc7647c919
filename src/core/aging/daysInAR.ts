import type Decimal from "decimal.js";
import type { Day } from "../dates/day";
import type { Cents } from "../money/cents";
import { Money } from "../money/cents";
import { ratio } from "../money/ratio";
import type { AgingLine } from "./arAging";

export type DaysInARLine = Pick<
  AgingLine,
  "dateOfService" | "charge" | "insurancePaid" | "patientPaid" | "contractualAdjustment" | "otherAdjustment"
>;

export interface DaysInAROptions {
  /** Length of the charge window in days, ending on D; default 90 (MGMA uses 365). */
  windowDays?: number;
}

export interface DaysInAR {
  /** A/R total at D (Σ balance of lines with DOS ≤ D). */
  arTotal: Cents;
  /** Σ charge of lines with DOS in D − (windowDays − 1) … D. */
  windowCharges: Cents;
  windowDays: number;
  /**
   * windowCharges ÷ windowDays, in dollars, to 40 significant digits (rounded only for display).
   * Always a value (0 when the window has no charges): the window is never empty of days.
   */
  averageDailyCharges: Decimal;
  /** arTotal ÷ averageDailyCharges; null when there were no charges in the window. */
  daysInAR: Decimal | null;
}

/**
 * Days in A/R = A/R total ÷ average daily charges, where average daily charges = Σ charge of lines
 * with DOS in the `windowDays` days ending on D ÷ windowDays (definitions.md, "Days in A/R").
 * Computed as arTotal × windowDays ÷ windowCharges so no rounded average enters the result.
 * @throws RangeError when windowDays is not a whole number of at least 1.
 */
export function daysInAR(lines: readonly DaysInARLine[], asOf: Day, options: DaysInAROptions = {}): DaysInAR {
  const windowDays = options.windowDays ?? 90;
  if (!Number.isInteger(windowDays) || windowDays < 1) {
    throw new RangeError(`the days in A/R window must be a whole number of days, at least 1 (got ${String(windowDays)})`);
  }
  const windowStart = asOf - (windowDays - 1);
  let arTotal = 0;
  let windowCharges = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const dos = line.dateOfService;
    if (dos > asOf) continue;
    arTotal += line.charge - line.insurancePaid - line.patientPaid - line.contractualAdjustment - line.otherAdjustment;
    if (dos >= windowStart) windowCharges += line.charge;
  }
  return {
    arTotal,
    windowCharges,
    windowDays,
    averageDailyCharges: new Money(windowCharges).dividedBy(windowDays * 100),
    daysInAR: ratio(new Money(arTotal).times(windowDays), windowCharges),
  };
}
