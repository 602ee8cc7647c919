import { DEFAULT_AGING_BUCKETS } from "../aging/agingBuckets";
import { closedBucketBounds } from "../aging/arAging";
import type { ArAgingByPayer, PayerAgingRow } from "../aging/arAgingByPayer";
import type { ClaimColumns } from "./claimColumns";

/** arAgingByPayer by date of service with the default buckets, over columns. */
export function agingByPayerFromColumns(cols: ClaimColumns): ArAgingByPayer {
  const { asOf, dateOfService, balance, payer } = cols;
  const buckets = DEFAULT_AGING_BUCKETS;
  const bounds = closedBucketBounds(buckets);
  const closed = bounds.length;
  const width = buckets.length;
  const groups = cols.payers.size;
  const amounts = new Float64Array(groups * width);
  const credits = new Float64Array(groups);
  let after = 0;
  for (let i = 0; i < dateOfService.length; i++) {
    const dos = dateOfService[i];
    if (dos > asOf) {
      after++;
      continue;
    }
    const b0 = balance[i];
    const age = asOf - dos;
    let b = 0;
    while (b < closed && age > bounds[b]) b++;
    amounts[payer[i] * width + b] += b0;
    if (b0 < 0) credits[payer[i]] += b0;
  }
  const grandAmounts = new Array<number>(width).fill(0);
  let grandCredit = 0;
  const rows: (PayerAgingRow & { key: string })[] = [];
  for (let g = 0; g < groups; g++) {
    const name = cols.payerNameAged[g];
    if (name === undefined) continue;
    const rowAmounts = Array.from(amounts.subarray(g * width, (g + 1) * width));
    let total = 0;
    for (let b = 0; b < width; b++) {
      total += rowAmounts[b];
      grandAmounts[b] += rowAmounts[b];
    }
    grandCredit += credits[g];
    rows.push({ payer: name, amounts: rowAmounts, total, creditBalances: credits[g], key: cols.payers.keys[g] });
  }
  rows.sort((a, b) => b.total - a.total || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  let grandTotal = 0;
  for (const a of grandAmounts) grandTotal += a;
  return {
    asOf, basis: "dateOfService",
    buckets: buckets.map((b) => ({ label: b.label, from: b.from, to: b.to })),
    payers: rows.map(({ payer: p, amounts: a, total, creditBalances }) => ({ payer: p, amounts: a, total, creditBalances })),
    grand: { payer: "Total", amounts: grandAmounts, total: grandTotal, creditBalances: grandCredit },
    linesAfterAsOf: after,
  };
}
