/**
 * An aging bucket: lines aged `from` … `to` days, both included; `to` null is open-ended ("121+").
 * Ages are whole days (definitions.md, "A/R and aging").
 */
export interface AgingBucket {
  label: string;
  from: number;
  to: number | null;
}

/** The MGMA survey buckets: 0-30, 31-60, 61-90, 91-120, 121+ days (definitions.md, "A/R and aging"). */
export const DEFAULT_AGING_BUCKETS: readonly AgingBucket[] = Object.freeze([
  Object.freeze({ label: "0-30", from: 0, to: 30 }),
  Object.freeze({ label: "31-60", from: 31, to: 60 }),
  Object.freeze({ label: "61-90", from: 61, to: 90 }),
  Object.freeze({ label: "91-120", from: 91, to: 120 }),
  Object.freeze({ label: "121+", from: 121, to: null }),
]);

/**
 * Buckets from their upper bounds: [30, 60, 90, 120] → 0-30, 31-60, 61-90, 91-120, 121+.
 * The last bucket is always open-ended, so every age has exactly one bucket.
 * @throws RangeError when the list is empty or a bound is not a whole number above 0 greater than
 * the one before it (callers turn this into a message or an Excel #VALUE!).
 */
export function agingBucketsFromBounds(upperBounds: readonly number[]): AgingBucket[] {
  if (upperBounds.length === 0) throw new RangeError("aging buckets need at least one upper bound, e.g. 30, 60, 90, 120");
  const buckets: AgingBucket[] = [];
  let from = 0;
  for (let i = 0; i < upperBounds.length; i++) {
    const bound = upperBounds[i];
    if (typeof bound !== "number" || !Number.isInteger(bound) || bound < 1) {
      throw new RangeError(`aging bucket bound ${i + 1} must be a whole number of days above 0 (got ${String(bound)})`);
    }
    if (bound < from) {
      throw new RangeError(`aging bucket bounds must increase: ${bound} follows ${from - 1}`);
    }
    buckets.push({ label: `${from}-${bound}`, from, to: bound });
    from = bound + 1;
  }
  buckets.push({ label: `${from}+`, from, to: null });
  return buckets;
}

/**
 * Checks that buckets start at 0, follow each other without gap or overlap and end open-ended, so
 * that they add up to the A/R total exactly.
 * @throws RangeError naming the first bucket that breaks the rule.
 */
export function validateAgingBuckets(buckets: readonly AgingBucket[]): void {
  if (buckets.length === 0) throw new RangeError("at least one aging bucket is needed");
  let from = 0;
  for (let i = 0; i < buckets.length; i++) {
    const b = buckets[i];
    const last = i === buckets.length - 1;
    if (b.from !== from) throw new RangeError(`aging bucket "${b.label}" must start at ${from} days`);
    if (last) {
      if (b.to !== null) throw new RangeError(`the last aging bucket "${b.label}" must be open-ended (to: null)`);
    } else {
      if (b.to === null || !Number.isInteger(b.to) || b.to < b.from) {
        throw new RangeError(`aging bucket "${b.label}" must end on a whole number of days not before its start`);
      }
      from = b.to + 1;
    }
  }
}

/**
 * Index of the bucket that holds an age in days. An age below 0 (a basis date after the as-of
 * date, e.g. a payment posted later) goes to the first bucket; an age past the last closed bucket
 * goes to the last. Assumes valid buckets (see validateAgingBuckets).
 */
export function bucketIndexForAge(age: number, buckets: readonly AgingBucket[]): number {
  const last = buckets.length - 1;
  for (let i = 0; i < last; i++) {
    const to = buckets[i].to;
    if (to === null || age <= to) return i;
  }
  return last;
}
