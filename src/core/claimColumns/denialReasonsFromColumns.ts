import { denialReasonKey, NO_DENIAL_REASON, sortReasonRows, type DenialReasonRow } from "../kpis/denialsByReason";
import type { ClaimColumns } from "./claimColumns";

/** The reasons met so far, by number: each as first written (trimmed), its lines, charges and claims. */
interface ReasonTally {
  reasons: string[];
  lines: number[];
  charges: number[];
  claims: number[];
}

/**
 * denialsByReason (definitions.md, "Denials") over columns: the period's Denied lines grouped by
 * reason (trimmed, case-insensitive), each reason as written read once, claims as claim groups.
 * Claims per reason are distinct (claim, reason) pairs: each claim remembers its first reason;
 * the rare claim denied for several reasons keeps its other pairs in a set.
 */
export function denialReasonsFromColumns(cols: ClaimColumns): DenialReasonRow[] {
  const { periodDenied, lines, charge, claim } = cols;
  const tally: ReasonTally = { reasons: [], lines: [], charges: [], claims: [] };
  const reasonOf = reasonNumbers(tally);
  const firstReason = new Int32Array(cols.claimCount).fill(-1);
  const otherPairs = new Set<number>();
  const pairs = periodDenied.length + 1;
  let lastWritten: string | null | undefined = undefined, r = -1;
  for (let k = 0; k < periodDenied.length; k++) {
    const i = periodDenied[k];
    const written = lines[i].denialReason;
    if (written !== lastWritten) {
      lastWritten = written;
      r = reasonOf(written);
    }
    tally.lines[r]++;
    tally.charges[r] += charge[i];
    const c = claim[i];
    const first = firstReason[c];
    if (first === -1) {
      firstReason[c] = r;
      tally.claims[r]++;
    } else if (first !== r && !otherPairs.has(c * pairs + r)) {
      otherPairs.add(c * pairs + r);
      tally.claims[r]++;
    }
  }
  return sortReasonRows(tally.reasons.map((reason, n) => ({ reason, claims: tally.claims[n], lines: tally.lines[n], charges: tally.charges[n] })));
}

/** The number of a reason as written (a new reason gets the next number and an empty tally). */
function reasonNumbers(tally: ReasonTally): (written: string | null) => number {
  const byWritten = new Map<string | null, number>();
  const byKey = new Map<string, number>();
  return (written) => {
    let r = byWritten.get(written);
    if (r !== undefined) return r;
    const trimmed = written?.trim() ?? "";
    const key = denialReasonKey(trimmed);
    r = byKey.get(key);
    if (r === undefined) {
      r = tally.reasons.length;
      tally.reasons.push(trimmed === "" ? NO_DENIAL_REASON : trimmed);
      tally.lines.push(0);
      tally.charges.push(0);
      tally.claims.push(0);
      byKey.set(key, r);
    }
    byWritten.set(written, r);
    return r;
  };
}
