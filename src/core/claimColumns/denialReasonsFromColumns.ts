import { denialReasonKey, NO_DENIAL_REASON, sortReasonRows, type DenialReasonRow } from "../kpis/denialsByReason";
import type { ClaimColumns } from "./claimColumns";
import { claimPairs, countPair, everyClaim, type ClaimPairs } from "./claimPairs";
import { grownArray } from "./grownArray";

/**
 * denialsByReason (definitions.md, "Denials") over columns: the period's Denied lines grouped by
 * reason (trimmed, case-insensitive), each reason as written (a spelling column) looked up once,
 * claims as claim groups. Claims per reason are distinct (claim, reason) pairs: each
 * claim remembers its first reason; the rare claim denied for several reasons keeps its other
 * pairs in a set.
 */
export function denialReasonsFromColumns(cols: ClaimColumns): DenialReasonRow[] {
  const tally = new DenialReasonsTally();
  tally.add(cols, false);
  return tally.finish();
}

/** The reasons so far: each reason's lines, charges and claims, by reason number. */
interface ReasonTally {
  /** Reason number of each spelling, found when the spelling is first met (−1: not yet). */
  reasonOf: Int32Array;
  reasons: string[];
  byKey: Map<string, number>;
  lineCounts: number[];
  charges: number[];
  claims: number[];
}

/**
 * denialReasonsFromColumns over chunks of the register. State: per reason and spelling, and the
 * claim being read (ClaimPairs, as PayersAndProvidersTally).
 */
export class DenialReasonsTally {
  private readonly t: ReasonTally = { reasonOf: new Int32Array(0), reasons: [], byKey: new Map(), lineCounts: [], charges: [], claims: [] };
  private readonly pairs = claimPairs();

  /** `claimsTogether`: each claim's lines so far come together (then any number of chunks), else one chunk only. */
  add(cols: ClaimColumns, claimsTogether: boolean): void {
    this.t.reasonOf = grownArray(this.t.reasonOf, cols.denialReasonSpellings.length, -1);
    if (!claimsTogether) everyClaim(this.pairs, cols.claimCount);
    tallyReasons(cols, this.t, this.pairs);
  }

  finish(): DenialReasonRow[] {
    const { reasons, claims, lineCounts, charges } = this.t;
    return sortReasonRows(reasons.map((reason, n) => ({ reason, claims: claims[n], lines: lineCounts[n], charges: charges[n] })));
  }
}

/** The pass over the period's Denied lines (the loop alone in its function). */
function tallyReasons(cols: ClaimColumns, t: ReasonTally, pairs: ClaimPairs): void {
  const { periodDenied, charge, claim, denialReasonSpelling, denialReasonSpellings } = cols;
  const { reasonOf, reasons, byKey, lineCounts, charges, claims } = t;
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
    claims[r] += countPair(pairs, claim[i], r);
  }
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
