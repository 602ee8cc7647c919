import type { ClaimLine } from "./claimLine";

/**
 * Finds a line that repeats an earlier one exactly: same claim, date of service, payer (case and
 * surrounding spaces aside), procedure code, modifiers and charge (definitions.md, "The claims
 * register": a repeated line is left out and listed).
 *
 * Lines are compared only within their claim. A register lists a claim's lines together, so the
 * lines of the claim being read are a short chain walked without any lookup. While the claims come
 * in increasing order (a register sorted by claim number), a new claim cannot have been met
 * before, and nothing else is kept; once they do not, every claim's chain is kept in a map with
 * one entry per claim, so that a claim met again after others finds its earlier lines.
 */
export class DuplicateLines {
  /** Head of each earlier claim's chain (an index into `lines`), written when the claim's run ends; null while claims come in increasing order. */
  private heads: Map<string, number> | null = null;
  /** While claims come in increasing order: each earlier claim and its chain's head, to build `heads` from if the order breaks. */
  private readonly sortedClaims: string[] = [];
  private readonly sortedHeads: number[] = [];
  /** For each kept line, the index of the previous line of the same claim, or -1. */
  private readonly previous: number[] = [];
  private currentClaim: string | null = null;
  private currentHead = -1;

  /** Only the current claim's lines (when no list of every line is given): the first `claimCount` entries. */
  private readonly claimLines: ClaimLine[] = [];
  private claimCount = 0;

  /**
   * `lines`: the list every line kept is pushed on (`add` gives its index). null: nothing but the
   * current claim's lines is kept, which finds every repeat only when each claim's lines come
   * together (ClaimRuns says whether they do). `samePayer`: how two payers are compared (by
   * default equal, or equal case and surrounding spaces aside).
   */
  constructor(
    private readonly lines: readonly ClaimLine[] | null,
    private readonly samePayer: (a: string, b: string) => boolean = samePayerName,
  ) {}

  /** The row of the earlier line `line` repeats, or null (then `add` it). */
  findRepeat(line: ClaimLine): number | null {
    const lines = this.lines;
    if (lines === null) {
      const claimLines = this.claimLines;
      if (line.claimId !== this.currentClaim) {
        this.currentClaim = line.claimId;
        this.claimCount = 0;
      }
      for (let i = 0; i < this.claimCount; i++) {
        if (this.sameLine(claimLines[i], line)) return claimLines[i].row;
      }
      return null;
    }
    if (line.claimId !== this.currentClaim) this.startClaim(line.claimId);
    for (let i = this.currentHead; i >= 0; i = this.previous[i]) {
      const earlier = lines[i];
      if (this.sameLine(earlier, line)) return earlier.row;
    }
    return null;
  }

  /** Same claim (already known), date, payer, code, modifiers and charge. */
  private sameLine(a: ClaimLine, b: ClaimLine): boolean {
    if (a.dateOfService !== b.dateOfService || a.charge !== b.charge) return false;
    if ((a.cpt ?? "") !== (b.cpt ?? "")) return false;
    if (a.modifiers.join(" ") !== b.modifiers.join(" ")) return false;
    return this.samePayer(a.payer, b.payer);
  }

  private startClaim(claimId: string): void {
    const ended = this.currentClaim;
    if (this.heads === null && ended !== null && !(claimId > ended)) {
      // Out of order: from here on every claim's chain is looked up.
      this.heads = new Map();
      for (let i = 0; i < this.sortedClaims.length; i++) this.heads.set(this.sortedClaims[i], this.sortedHeads[i]);
    }
    if (ended !== null) {
      if (this.heads === null) {
        this.sortedClaims.push(ended);
        this.sortedHeads.push(this.currentHead);
      } else this.heads.set(ended, this.currentHead);
    }
    this.currentClaim = claimId;
    this.currentHead = this.heads === null ? -1 : (this.heads.get(claimId) ?? -1);
  }

  /** Records `line` after `findRepeat` returned null for it (`index`: where it was pushed on `lines`, when they are kept). */
  add(line: ClaimLine, index: number): void {
    if (this.lines === null) {
      this.claimLines[this.claimCount++] = line;
      return;
    }
    this.previous[index] = this.currentHead;
    this.currentHead = index;
  }
}

/** The same payer on two lines: equal, or equal case and surrounding spaces aside. */
export function samePayerName(a: string, b: string): boolean {
  return a === b || a.trim().toLowerCase() === b.trim().toLowerCase();
}
