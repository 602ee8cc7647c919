import type { ClaimColumns } from "./claimColumns";

/**
 * The first period line when the period lines are one run of consecutive lines (a register of the
 * period only, or sorted by date of service), else −1. A pass then reads line `run + k` instead of
 * `periodIndexes[k]`: the same lines in the same order, without reading the index list.
 */
export function periodRunStart(cols: ClaimColumns): number {
  const indexes = cols.periodIndexes;
  const n = indexes.length;
  return n > 0 && indexes[n - 1] - indexes[0] === n - 1 ? indexes[0] : -1;
}
