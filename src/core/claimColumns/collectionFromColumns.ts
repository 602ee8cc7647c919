import type { CollectionRates } from "../kpis/collectionRates";
import { ratio } from "../money/ratio";
import type { ClaimColumns } from "./claimColumns";

/** collectionRates (definitions.md, "Collection rates") of the period lines, over columns. */
export function collectionFromColumns(cols: ClaimColumns): CollectionRates {
  return collectionOfIndexes(cols, cols.periodIndexes);
}

/** collectionRates of the lines at `indexes` (any set of lines: a period, a month). */
export function collectionOfIndexes(cols: ClaimColumns, indexes: ArrayLike<number>): CollectionRates {
  const { charge, payments: paid, contractualAdjustment, balance } = cols;
  let charges = 0, payments = 0, contractual = 0, other = 0;
  for (let k = 0; k < indexes.length; k++) {
    const i = indexes[k];
    charges += charge[i];
    payments += paid[i];
    contractual += contractualAdjustment[i];
    // other adjustment = charge − payments − contractual − balance, exact in integer cents.
    other += charge[i] - paid[i] - contractualAdjustment[i] - balance[i];
  }
  return {
    charges, payments, contractualAdjustments: contractual, otherAdjustments: other,
    grossCollectionRate: ratio(payments, charges), netCollectionRate: ratio(payments, charges - contractual),
  };
}
