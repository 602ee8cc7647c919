import type { AgingBucket } from "../aging/agingBuckets";
import type { ArAgingByPayer, PayerAgingRow } from "../aging/arAgingByPayer";
import type { AgedTally } from "./agedFromColumns";
import type { ClaimColumns } from "./claimColumns";

/**
 * arAgingByPayer from the aged tally: one row per payer with a line dated on or before the as-of
 * date, largest A/R first (ties by payer key), and the grand row summed from them.
 */
export function payerAgingRows(cols: ClaimColumns, buckets: readonly AgingBucket[], tally: AgedTally): ArAgingByPayer {
  const width = buckets.length;
  const grandAmounts = new Array<number>(width).fill(0);
  let grandCredit = 0;
  const rows: (PayerAgingRow & { key: string })[] = [];
  for (let g = 0; g < cols.payers.size; g++) {
    const name = cols.payerNameAged[g];
    if (name === undefined) continue;
    const amounts = Array.from(tally.amounts.subarray(g * width, (g + 1) * width));
    let total = 0;
    for (let b = 0; b < width; b++) {
      total += amounts[b];
      grandAmounts[b] += amounts[b];
    }
    grandCredit += tally.credits[g];
    rows.push({ payer: name, amounts, total, creditBalances: tally.credits[g], key: cols.payers.keys[g] });
  }
  rows.sort((a, b) => b.total - a.total || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  let grandTotal = 0;
  for (const a of grandAmounts) grandTotal += a;
  return {
    asOf: cols.asOf, basis: "dateOfService",
    buckets: buckets.map((b) => ({ label: b.label, from: b.from, to: b.to })),
    payers: rows.map(({ payer, amounts, total, creditBalances }) => ({ payer, amounts, total, creditBalances })),
    grand: { payer: "Total", amounts: grandAmounts, total: grandTotal, creditBalances: grandCredit },
    linesAfterAsOf: tally.linesAfterAsOf,
  };
}
