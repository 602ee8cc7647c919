/**
 * A multiset of waits in days: counts per whole day from 0 up (grown as needed), with any other
 * value (a fraction, or beyond MAX_DAY) kept aside and sorted; nth() is the k-th smallest.
 */
const MAX_DAY = 1 << 20;

export class WaitCounts {
  count = 0;
  sum = 0;
  private counts = new Float64Array(64);
  private others: number[] = [];

  add(wait: number): void {
    this.count++;
    this.sum += wait;
    if (Number.isInteger(wait) && wait >= 0 && wait < MAX_DAY) {
      if (wait >= this.counts.length) this.grow(wait + 1);
      this.counts[wait]++;
    } else this.others.push(wait);
  }

  /**
   * Adds every wait of `other` (all payers from the payers' counts). Waits are differences of day
   * numbers, so adding the sums payer by payer gives the sum line by line exactly.
   */
  addAll(other: WaitCounts): void {
    this.count += other.count;
    this.sum += other.sum;
    if (other.counts.length > this.counts.length) this.grow(other.counts.length);
    for (let d = 0; d < other.counts.length; d++) this.counts[d] += other.counts[d];
    for (const wait of other.others) this.others.push(wait);
  }

  private grow(atLeast: number): void {
    let size = this.counts.length;
    while (size < atLeast) size *= 2;
    const grown = new Float64Array(size);
    grown.set(this.counts);
    this.counts = grown;
  }

  /** The k-th smallest wait (0-based), k < count. */
  nth(k: number): number {
    if (this.others.length === 0) return this.fromCounts(k);
    // Merge the counted days with the sorted others (rare: fractional or huge waits).
    const others = [...this.others].sort((a, b) => a - b);
    const all: number[] = [];
    for (let d = 0; d < this.counts.length; d++) for (let c = 0; c < this.counts[d]; c++) all.push(d);
    return [...all, ...others].sort((a, b) => a - b)[k];
  }

  private fromCounts(k: number): number {
    let seen = 0;
    for (let d = 0; d < this.counts.length; d++) {
      seen += this.counts[d];
      if (seen > k) return d;
    }
    throw new RangeError(`no wait number ${k} among ${this.count}`);
  }
}
