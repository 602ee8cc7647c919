import { CLAIM_DENIED as DENIED, CLAIM_SUBMITTED as SUBMITTED } from "../kpis/denialRates";
import type { MonthRange } from "./monthSpan";

/** Months whose claims are tallied per pass over the lines: one bit of a claim's masks per month. */
export const MONTHS_PER_PASS = 30;

/** A claim's flags from its masks in a period: submitted with any submitted line, denied with any Denied line. */
export function claimFlags(sentBits: number, refusedBits: number): number {
  return (sentBits !== 0 ? SUBMITTED : 0) | (refusedBits !== 0 ? DENIED : 0);
}

/** The bits of the months of `range` among months base … base + MONTHS_PER_PASS − 1. */
export function rangeBits(range: MonthRange, base: number): number {
  let bits = 0;
  for (let m = Math.max(range.first, base); m <= range.last && m < base + MONTHS_PER_PASS; m++) bits |= 1 << (m - base);
  return bits;
}

/** Adds 1 to counts[base + m] for each bit m set in `mask`. */
export function addBits(mask: number, counts: Float64Array, base: number): void {
  let rest = mask;
  while (rest !== 0) {
    const low = rest & -rest;
    counts[base + 31 - Math.clz32(low)]++;
    rest ^= low;
  }
}
