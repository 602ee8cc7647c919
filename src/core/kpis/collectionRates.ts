import type Decimal from "decimal.js";
import type { ClaimLine } from "../claims/claimLine";
import type { Cents } from "../money/cents";
import { ratio } from "../money/ratio";

export type CollectionLine = Pick<ClaimLine, "charge" | "insurancePaid" | "patientPaid" | "contractualAdjustment" | "otherAdjustment">;

export interface CollectionRates {
  charges: Cents;
  /** Σ insurancePaid + patientPaid. */
  payments: Cents;
  contractualAdjustments: Cents;
  otherAdjustments: Cents;
  /** payments ÷ charges; null when charges are 0. */
  grossCollectionRate: Decimal | null;
  /** payments ÷ (charges − contractual adjustments); null when that is 0. */
  netCollectionRate: Decimal | null;
}

/**
 * Gross and net (adjusted) collection rates of the period lines (definitions.md, "Collection
 * rates": MGMA gross FFS and adjusted FFS collection %). Pass the period's lines (linesInPeriod).
 */
export function collectionRates(periodLines: readonly CollectionLine[]): CollectionRates {
  let charges = 0;
  let payments = 0;
  let contractual = 0;
  let other = 0;
  for (let i = 0; i < periodLines.length; i++) {
    const line = periodLines[i];
    charges += line.charge;
    payments += line.insurancePaid + line.patientPaid;
    contractual += line.contractualAdjustment;
    other += line.otherAdjustment;
  }
  return {
    charges,
    payments,
    contractualAdjustments: contractual,
    otherAdjustments: other,
    grossCollectionRate: ratio(payments, charges),
    netCollectionRate: ratio(payments, charges - contractual),
  };
}
