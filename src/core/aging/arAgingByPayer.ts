import type { ClaimLine } from "../claims/claimLine";
import type { Day } from "../dates/day";
import type { Cents } from "../money/cents";
import { PayerGroups } from "../payerMix/payerGroups";
import type { AgingBucket } from "./agingBuckets";
import { closedBucketBounds, resolveAgingOptions, type AgingLine, type AgingOptions } from "./arAging";
import type { AgingBasis } from "./lineAge";

export type PayerAgingLine = AgingLine & Pick<ClaimLine, "payer">;

export interface PayerAgingRow {
  /** Payer name as first written ("Total" on the grand row). */
  payer: string;
  /** Amount of each bucket, in the order of `buckets`. */
  amounts: Cents[];
  /** Σ of the amounts = the payer's A/R. */
  total: Cents;
  /** Σ of the payer's negative balances (netted into total). */
  creditBalances: Cents;
}

export interface ArAgingByPayer {
  asOf: Day;
  basis: AgingBasis;
  buckets: AgingBucket[];
  /** One row per payer with a line dated on or before D, largest A/R first (ties by name). */
  payers: PayerAgingRow[];
  /** All payers together; equals arAging's total and bucket amounts. */
  grand: PayerAgingRow;
  linesAfterAsOf: number;
}

/**
 * A/R aging per payer (definitions.md, "A/R and aging" and "Payer mix": payer names compared
 * trimmed and case-insensitively, shown as first written), with a grand total row.
 * @throws RangeError on an unknown basis or broken buckets (see arAging).
 */
export function arAgingByPayer(lines: readonly PayerAgingLine[], asOf: Day, options: AgingOptions = {}): ArAgingByPayer {
  const { basis, buckets } = resolveAgingOptions(options);
  const bounds = closedBucketBounds(buckets);
  const closed = bounds.length;
  const width = buckets.length;
  const basisCode = basis === "dateOfService" ? 0 : basis === "submittedDate" ? 1 : 2;
  const groups = new PayerGroups();
  const amounts: Float64Array[] = [];
  const credits: number[] = [];
  let after = 0;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const dos = line.dateOfService;
    if (dos > asOf) {
      after++;
      continue;
    }
    const row = groups.groupOf(line.payer);
    if (row === amounts.length) {
      amounts.push(new Float64Array(width));
      credits.push(0);
    }
    const balance = line.charge - line.insurancePaid - line.patientPaid - line.contractualAdjustment - line.otherAdjustment;
    const start = basisCode === 0 ? dos : basisCode === 1 ? (line.submittedDate ?? dos) : (line.lastPaymentDate ?? dos);
    const age = asOf - start;
    let b = 0;
    while (b < closed && age > bounds[b]) b++;
    amounts[row][b] += balance;
    if (balance < 0) credits[row] += balance;
  }

  const grandAmounts = new Array<number>(width).fill(0);
  let grandCredit = 0;
  const payers: (PayerAgingRow & { key: string })[] = groups.names.map((payer, row) => {
    const rowAmounts = Array.from(amounts[row]);
    let total = 0;
    for (let b = 0; b < width; b++) {
      total += rowAmounts[b];
      grandAmounts[b] += rowAmounts[b];
    }
    grandCredit += credits[row];
    return { payer, amounts: rowAmounts, total, creditBalances: credits[row], key: groups.keys[row] };
  });
  payers.sort((a, b) => b.total - a.total || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  let grandTotal = 0;
  for (const a of grandAmounts) grandTotal += a;

  return {
    asOf,
    basis,
    buckets: buckets.map((b) => ({ label: b.label, from: b.from, to: b.to })),
    payers: payers.map(({ payer, amounts: a, total, creditBalances }) => ({ payer, amounts: a, total, creditBalances })),
    grand: { payer: "Total", amounts: grandAmounts, total: grandTotal, creditBalances: grandCredit },
    linesAfterAsOf: after,
  };
}
