/** Groups per claim in the key of a (claim, group) pair kept in the set: more than a register has lines. */
const PAIR_WIDTH = 1 << 21;

/**
 * Distinct (claim, group) pairs (claims per provider, per denial reason): each claim's first group
 * in an array, the rare other pairs of a claim in a set. The array covers a window of claim groups
 * (`window`): every claim for the whole register, or for a chunk of a register whose claims are
 * listed together, the chunk's claims only (claims before them never come back), the claim a chunk
 * ends with carried over to the next. So the state is bounded by a chunk's claims, not the register's.
 */
export class ClaimPairs {
  /** first[c − base]: the first group of claim c (−1: none yet). */
  first = new Int32Array(0);
  base = 0;
  private size = 0;
  /** (c − base) × PAIR_WIDTH + group for the pairs other than a claim's first. */
  private readonly others = new Set<number>();

  /** The next claims are of groups from … to (both included); none before `from` comes again. */
  window(from: number, to: number): void {
    const shift = from - this.base;
    if (shift < 0) throw new RangeError(`claim ${from} is before the window (from ${this.base})`);
    const size = Math.max(0, to - from + 1);
    const keep = Math.max(0, Math.min(this.size - shift, size));
    let first = this.first;
    if (first.length < size) {
      first = new Int32Array(Math.max(size, first.length * 2));
      first.set(this.first.subarray(shift, shift + keep));
    } else if (keep > 0 && shift > 0) first.copyWithin(0, shift, shift + keep);
    first.fill(-1, keep, size);
    if (this.others.size > 0) this.shiftOthers(shift, keep);
    this.first = first;
    this.base = from;
    this.size = size;
  }

  /** 1 the first time claim c (in the window) is met with a group other than its first, else 0. */
  otherPair(c: number, group: number): number {
    const key = (c - this.base) * PAIR_WIDTH + group;
    if (this.others.has(key)) return 0;
    this.others.add(key);
    return 1;
  }

  /** The other pairs of the claims kept, keyed from the new base. */
  private shiftOthers(shift: number, keep: number): void {
    const kept: number[] = [];
    for (const key of this.others) {
      const c = Math.floor(key / PAIR_WIDTH) - shift;
      if (c >= 0 && c < keep) kept.push(key - shift * PAIR_WIDTH);
    }
    this.others.clear();
    for (const key of kept) this.others.add(key);
  }
}
