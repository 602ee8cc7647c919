import type Decimal from "decimal.js";
import type { ClaimLine } from "../claims/claimLine";
import type { Day } from "../dates/day";
import type { Cents } from "../money/cents";
import { ratio } from "../money/ratio";
import { DEFAULT_AGING_BUCKETS, validateAgingBuckets, type AgingBucket } from "./agingBuckets";
import { AGING_BASES, type AgingBasis } from "./lineAge";

/** What aging needs of a line: the balance parts, the date of service and, optionally, the other basis dates. */
export type AgingLine = Pick<
  ClaimLine,
  "dateOfService" | "charge" | "insurancePaid" | "patientPaid" | "contractualAdjustment" | "otherAdjustment"
> &
  Partial<Pick<ClaimLine, "submittedDate" | "lastPaymentDate">>;

export interface AgingOptions {
  /** Date the age counts from; default date of service. */
  basis?: AgingBasis;
  /** Buckets; default DEFAULT_AGING_BUCKETS (0-30 … 121+). */
  buckets?: readonly AgingBucket[];
}

export interface AgingBucketAmount extends AgingBucket {
  /** Σ balance of the bucket's lines (credit balances netted in). */
  amount: Cents;
  /** Lines of the bucket with a non-zero balance. */
  lines: number;
}

export interface ArAging {
  asOf: Day;
  basis: AgingBasis;
  /** A/R total = Σ balance of every line with DOS ≤ D, credit balances netted in. */
  total: Cents;
  /** Σ of the negative balances (≤ 0), also netted into `total`. */
  creditBalances: Cents;
  buckets: AgingBucketAmount[];
  /** Σ balance of lines aged over 90 days. */
  over90: Cents;
  /** Σ balance of lines aged over 120 days. */
  over120: Cents;
  /** over90 ÷ total; null when the total is 0. */
  over90Share: Decimal | null;
  /** over120 ÷ total; null when the total is 0. */
  over120Share: Decimal | null;
  /** Lines with DOS ≤ D (zero balances included). */
  linesAged: number;
  /** Lines with DOS after D: counted, not aged. */
  linesAfterAsOf: number;
}

/** Checks and resolves aging options; throws RangeError on an unknown basis or broken buckets. */
export function resolveAgingOptions(options: AgingOptions = {}): { basis: AgingBasis; buckets: readonly AgingBucket[] } {
  const basis = options.basis ?? "dateOfService";
  if (!AGING_BASES.includes(basis)) throw new RangeError(`unknown aging basis "${String(basis)}"; use ${AGING_BASES.join(", ")}`);
  const buckets = options.buckets ?? DEFAULT_AGING_BUCKETS;
  if (buckets !== DEFAULT_AGING_BUCKETS) validateAgingBuckets(buckets);
  return { basis, buckets };
}

/** Upper bounds of the closed buckets, for the hot loop (the last bucket takes the rest). */
export function closedBucketBounds(buckets: readonly AgingBucket[]): Float64Array {
  const bounds = new Float64Array(buckets.length - 1);
  for (let i = 0; i < bounds.length; i++) bounds[i] = buckets[i].to as number;
  return bounds;
}

/**
 * A/R aging at as-of date D (definitions.md, "A/R and aging"): A/R total, credit balances, the
 * bucket amounts (which add up to the total exactly) and the shares over 90 and over 120 days.
 * One pass in integer cents. Over 90 / over 120 are taken from the line ages (age > 90, > 120),
 * so they stay right with custom buckets; with the default buckets they equal 91-120 + 121+ and 121+.
 * @throws RangeError on an unknown basis or buckets that do not cover every age once.
 */
export function arAging(lines: readonly AgingLine[], asOf: Day, options: AgingOptions = {}): ArAging {
  const { basis, buckets } = resolveAgingOptions(options);
  const bounds = closedBucketBounds(buckets);
  const closed = bounds.length;
  const amounts = new Float64Array(buckets.length);
  const counts = new Float64Array(buckets.length);
  const basisCode = basis === "dateOfService" ? 0 : basis === "submittedDate" ? 1 : 2;
  let total = 0;
  let credit = 0;
  let over90 = 0;
  let over120 = 0;
  let aged = 0;
  let after = 0;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const dos = line.dateOfService;
    if (dos > asOf) {
      after++;
      continue;
    }
    aged++;
    const balance = line.charge - line.insurancePaid - line.patientPaid - line.contractualAdjustment - line.otherAdjustment;
    total += balance;
    if (balance < 0) credit += balance;
    const start = basisCode === 0 ? dos : basisCode === 1 ? (line.submittedDate ?? dos) : (line.lastPaymentDate ?? dos);
    const age = asOf - start;
    let b = 0;
    while (b < closed && age > bounds[b]) b++;
    amounts[b] += balance;
    if (balance !== 0) counts[b]++;
    if (age > 90) {
      over90 += balance;
      if (age > 120) over120 += balance;
    }
  }

  return {
    asOf,
    basis,
    total,
    creditBalances: credit,
    buckets: buckets.map((bucket, i) => ({ label: bucket.label, from: bucket.from, to: bucket.to, amount: amounts[i], lines: counts[i] })),
    over90,
    over120,
    over90Share: ratio(over90, total),
    over120Share: ratio(over120, total),
    linesAged: aged,
    linesAfterAsOf: after,
  };
}
