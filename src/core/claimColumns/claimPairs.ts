/** Groups per claim in the key of a (claim, group) pair kept in the set: more than a register has lines. */
const PAIR_WIDTH = 1 << 21;

/**
 * Distinct (claim, group) pairs (claims per provider, per denial reason), met line by line. When
 * each claim's lines are listed together, only the claim being read is kept (its first group, and
 * its other groups in a set, rare), whatever the chunks: nothing per claim. Otherwise (everyClaim:
 * the whole register in one chunk) each claim's first group in an array, the rare other pairs in a set.
 * A plain record and functions, not a class: V8 threw away the optimised pass that called a
 * method of a class here each time the collector ran ("deoptimization, reason: weak objects").
 */
export interface ClaimPairs {
  /** first[c]: the first group of claim c (−1: none yet); empty: claims listed together. */
  first: Int32Array;
  open: number;
  openFirst: number;
  /** The other groups of the open claim, or (claims not together) c × PAIR_WIDTH + group. */
  others: Set<number>;
}

/** Pairs of claims listed together (see ClaimPairs). */
export function claimPairs(): ClaimPairs {
  return { first: new Int32Array(0), open: -1, openFirst: -1, others: new Set() };
}

/** The claims are not listed together: every claim's first group is kept (claims 0 … claimCount − 1). */
export function everyClaim(pairs: ClaimPairs, claimCount: number): void {
  pairs.first = new Int32Array(Math.max(1, claimCount)).fill(-1);
}

/** 1 the first time claim c is met with `group`, else 0. */
export function countPair(pairs: ClaimPairs, c: number, group: number): number {
  const first = pairs.first;
  if (first.length === 0) {
    if (c !== pairs.open) {
      pairs.open = c;
      pairs.openFirst = group;
      if (pairs.others.size > 0) pairs.others.clear();
      return 1;
    }
    return group === pairs.openFirst ? 0 : otherPair(pairs.others, group);
  }
  const f = first[c];
  if (f === -1) {
    first[c] = group;
    return 1;
  }
  return f === group ? 0 : otherPair(pairs.others, c * PAIR_WIDTH + group);
}

/** 1 the first time a pair other than a claim's first is met, else 0. */
function otherPair(others: Set<number>, key: number): number {
  if (others.has(key)) return 0;
  others.add(key);
  return 1;
}
