import { ratio } from "../money/ratio";
import type { PayerMixRow } from "../payerMix/payerMix";
import type { ClaimColumns } from "./claimColumns";

/** payerMix (definitions.md, "Payer mix") of the period lines, over columns. */
export function payerMixFromColumns(cols: ClaimColumns): PayerMixRow[] {
  const { periodIndexes, payer, charge, payments: paid } = cols;
  const groups = cols.payers.size;
  const charges = new Float64Array(groups);
  const payments = new Float64Array(groups);
  let totalCharges = 0, totalPayments = 0;
  for (let k = 0; k < periodIndexes.length; k++) {
    const i = periodIndexes[k];
    charges[payer[i]] += charge[i];
    payments[payer[i]] += paid[i];
    totalCharges += charge[i];
    totalPayments += paid[i];
  }
  const keys = cols.payers.keys;
  const order: number[] = [];
  for (let g = 0; g < groups; g++) if (cols.payerNamePeriod[g] !== undefined) order.push(g);
  order.sort((a, b) => charges[b] - charges[a] || (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
  return order.map((g) => ({
    payer: cols.payerNamePeriod[g] as string,
    charges: charges[g], chargeShare: ratio(charges[g], totalCharges),
    payments: payments[g], paymentShare: ratio(payments[g], totalPayments),
    collectionRatio: ratio(payments[g], charges[g]),
  }));
}
