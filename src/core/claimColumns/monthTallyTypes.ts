import type { DenialRates } from "../kpis/denialRates";

/** Per month of the span: money (integer cents) and claims. */
export interface MonthColumns {
  charges: Float64Array;
  payments: Float64Array;
  contractual: Float64Array;
  /** Σ balance; other adjustments = charges − payments − contractual − balances. */
  balances: Float64Array;
  /** Claims with a line in the month; with a submitted (not Draft) line; with a Denied line. */
  visits: Float64Array;
  submitted: Float64Array;
  denied: Float64Array;
}

/** The month span tallied: by month, and the denial rates of the period and of the previous period. */
export interface MonthTally {
  byMonth: MonthColumns;
  currentDenials: DenialRates;
  previousDenials: DenialRates;
}

/** Zeroed month columns for `months` months. */
export function monthColumns(months: number): MonthColumns {
  const perMonth = (): Float64Array => new Float64Array(months);
  return {
    charges: perMonth(), payments: perMonth(), contractual: perMonth(), balances: perMonth(),
    visits: perMonth(), submitted: perMonth(), denied: perMonth(),
  };
}
