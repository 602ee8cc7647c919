import { denialReasonKey, NO_DENIAL_REASON, sortReasonRows, type DenialReasonRow } from "../kpis/denialsByReason";
import type { ClaimColumns } from "./claimColumns";

/**
 * denialsByReason (definitions.md, "Denials") over columns: the period's Denied lines grouped by
 * reason (trimmed, case-insensitive), each reason as written (a spelling column) looked up once,
 * claims as claim groups. Claims per reason are distinct (claim, reason) pairs: each
 * claim remembers its first reason; the rare claim denied for several reasons keeps its other
 * pairs in a set.
 */
export function denialReasonsFromColumns(cols: ClaimColumns): DenialReasonRow[] {
  const { periodDenied, charge, claim, denialReasonSpelling, denialReasonSpellings } = cols;
  // Reason number of each spelling, found when the spelling is first met (-1: not yet).
  const reasonOf = new Int32Array(denialReasonSpellings.length).fill(-1);
  const reasons: string[] = [];
  const byKey = new Map<string, number>();
  const lineCounts: number[] = [], charges: number[] = [], claims: number[] = [];
  const firstReason = new Int32Array(cols.claimCount).fill(-1);
  const otherPairs = new Set<number>();
  const pairs = periodDenied.length + 1;
  for (let k = 0; k < periodDenied.length; k++) {
    const i = periodDenied[k];
    const spelling = denialReasonSpelling[i];
    let r = reasonOf[spelling];
    if (r === -1) {
      r = reasonOf[spelling] = reasonNumber(denialReasonSpellings[spelling], reasons, byKey);
      if (r === lineCounts.length) {
        lineCounts.push(0);
        charges.push(0);
        claims.push(0);
      }
    }
    lineCounts[r]++;
    charges[r] += charge[i];
    const c = claim[i];
    const first = firstReason[c];
    if (first === -1) {
      firstReason[c] = r;
      claims[r]++;
    } else if (first !== r && !otherPairs.has(c * pairs + r)) {
      otherPairs.add(c * pairs + r);
      claims[r]++;
    }
  }
  return sortReasonRows(reasons.map((reason, n) => ({ reason, claims: claims[n], lines: lineCounts[n], charges: charges[n] })));
}

/** The number of a reason newly written: trimmed and case-insensitive, a new reason the next number. */
function reasonNumber(written: string | null, reasons: string[], byKey: Map<string, number>): number {
  const trimmed = written?.trim() ?? "";
  const key = denialReasonKey(trimmed);
  let r = byKey.get(key);
  if (r === undefined) {
    r = reasons.length;
    reasons.push(trimmed === "" ? NO_DENIAL_REASON : trimmed);
    byKey.set(key, r);
  }
  return r;
}
