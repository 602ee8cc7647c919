import type Decimal from "decimal.js";
import type { Cents } from "../money/cents";

/**
 * One fee schedule row (definitions.md, "Fee schedule and underpayments"): the allowed amount a
 * payer pays for a CPT code, with or without one modifier, either a fixed amount or a percentage
 * of the Medicare amount for the same code.
 */
export interface FeeScheduleRow {
  /** 1-based row in the source sheet. */
  row: number;
  /** Payer name as written (trimmed); matched trimmed and case-insensitively. */
  payer: string;
  /** Code as matched: upper case, leading zeros restored ("00100"). */
  cpt: string;
  /** One modifier, upper case; null for the row that applies without a modifier. */
  modifier: string | null;
  kind: "fixed" | "percentOfMedicare";
  /** The fixed allowed amount, for kind "fixed"; null otherwise. */
  amount: Cents | null;
  /** The share of the Medicare amount, for kind "percentOfMedicare" (1.25 = 125 %); null otherwise. */
  percent: Decimal | null;
}
