import type { Day } from "../dates/day";
import { ratio } from "../money/ratio";
import type { AgingBucket } from "./agingBuckets";
import { closedBucketBounds, resolveAgingOptions, type ArAging } from "./arAging";

/**
 * arAging (definitions.md, "A/R and aging") by date of service over two columns: the first `count`
 * dates of service (day numbers) and balances (integer cents). Lines dated after the as-of date are
 * counted, not aged. For readers that hold numbers, not line objects (the report's claim columns,
 * PRACTICE.ARAGING over a million cells).
 */
export function arAgingOfBalances(
  dateOfService: ArrayLike<number>, balance: ArrayLike<number>, count: number, asOf: Day, bucketList?: readonly AgingBucket[],
): ArAging {
  const { buckets } = resolveAgingOptions({ buckets: bucketList });
  const bounds = closedBucketBounds(buckets);
  const closed = bounds.length;
  const amounts = new Float64Array(buckets.length);
  const counts = new Float64Array(buckets.length);
  let total = 0, credit = 0, over90 = 0, over120 = 0, aged = 0;
  for (let i = 0; i < count; i++) {
    const dos = dateOfService[i];
    if (dos > asOf) continue;
    aged++;
    const b0 = balance[i];
    total += b0;
    if (b0 < 0) credit += b0;
    const age = asOf - dos;
    let b = 0;
    while (b < closed && age > bounds[b]) b++;
    amounts[b] += b0;
    if (b0 !== 0) counts[b]++;
    if (age > 90) {
      over90 += b0;
      if (age > 120) over120 += b0;
    }
  }
  return {
    asOf, basis: "dateOfService", total, creditBalances: credit,
    buckets: buckets.map((bucket, i) => ({ label: bucket.label, from: bucket.from, to: bucket.to, amount: amounts[i], lines: counts[i] })),
    over90, over120, over90Share: ratio(over90, total), over120Share: ratio(over120, total),
    linesAged: aged, linesAfterAsOf: count - aged,
  };
}
