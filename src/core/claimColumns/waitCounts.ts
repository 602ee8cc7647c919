/**
 * A multiset of waits in days: counts per whole day from 0 up (grown as needed), with any other
 * value (a fraction, or beyond MAX_DAY) kept aside and sorted; nth() is the k-th smallest.
 */
const MAX_DAY = 1 << 20;

export class WaitCounts {
  count = 0;
  private counts = new Float64Array(64);
  private others: number[] = [];

  add(wait: number): void {
    this.count++;
    // The common case first: a whole day within the counts so far.
    if (wait >= 0 && wait < this.counts.length && Number.isInteger(wait)) this.counts[wait]++;
    else this.addOther(wait);
  }

  /**
   * Σ of the waits: Σ day × count, then the others. Waits are differences of day numbers (whole
   * days), so this equals the sum line by line exactly.
   */
  get sum(): number {
    let sum = 0;
    for (let d = 1; d < this.counts.length; d++) sum += d * this.counts[d];
    for (const wait of this.others) sum += wait;
    return sum;
  }

  /** Adds every wait of `other` (all payers from the payers' counts). */
  addAll(other: WaitCounts): void {
    this.count += other.count;
    if (other.counts.length > this.counts.length) this.grow(other.counts.length);
    for (let d = 0; d < other.counts.length; d++) this.counts[d] += other.counts[d];
    for (const wait of other.others) this.others.push(wait);
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

  /** A wait beyond the counts so far (they grow up to MAX_DAY), a fraction, or negative. */
  private addOther(wait: number): void {
    if (Number.isInteger(wait) && wait >= 0 && wait < MAX_DAY) {
      this.grow(wait + 1);
      this.counts[wait]++;
    } else this.others.push(wait);
  }

  private grow(atLeast: number): void {
    let size = this.counts.length;
    while (size < atLeast) size *= 2;
    const grown = new Float64Array(size);
    grown.set(this.counts);
    this.counts = grown;
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
