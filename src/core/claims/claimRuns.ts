/**
 * Whether a register lists each claim's lines together (one run of lines per claim), checked line
 * by line without keeping the claims' numbers: what a pass that sees the lines once, and keeps only
 * the claim it is on, needs to be sure of (a claim met again later would be counted twice).
 *
 * Each run's claim number is kept as a 52-bit hash in an open-addressed table filled up to three
 * quarters (11 to 21 bytes a claim: 8 MB for the 690,000 claims of a million lines). Two claims with the same hash read as a
 * claim met again: `together` then turns false for a register that was in fact listed together
 * (about 1 in 10^5 at 700,000 claims), which only sends the caller to the reading that keeps every
 * line, never to a wrong figure.
 */
export class ClaimRuns {
  /** False from the first claim number that comes back after another claim's lines. */
  together = true;
  /** Runs of lines so far: the claims, while `together`. */
  runs = 0;
  private last: string | null = null;
  private table: Float64Array = new Float64Array(1024).fill(-1);
  private filled = 0;

  /** Takes the next line's claim number; true when it starts a new run. */
  add(claimId: string): boolean {
    if (claimId === this.last) return false;
    this.last = claimId;
    this.runs++;
    if (this.together && !this.remember(claimId)) this.together = false;
    return true;
  }

  /** Adds a claim number's hash; false when it was there already. */
  private remember(claimId: string): boolean {
    let table = this.table;
    if ((this.filled + 1) * 4 > table.length * 3) table = this.grow();
    const hash = hash52(claimId);
    const mask = table.length - 1;
    let slot = hash % table.length;
    while (table[slot] !== -1) {
      if (table[slot] === hash) return false;
      slot = (slot + 1) & mask;
    }
    table[slot] = hash;
    this.filled++;
    return true;
  }

  private grow(): Float64Array {
    const old = this.table;
    const table = new Float64Array(old.length * 2).fill(-1);
    const mask = table.length - 1;
    for (const hash of old) {
      if (hash === -1) continue;
      let slot = hash % table.length;
      while (table[slot] !== -1) slot = (slot + 1) & mask;
      table[slot] = hash;
    }
    this.table = table;
    return table;
  }
}

/** A 52-bit hash of a text (two 26-bit FNV-1a halves with different offsets), a whole number ≥ 0 held exactly in a double. */
function hash52(text: string): number {
  let a = 0x811c9dc5, b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 6) * 0x4000000 + (b >>> 6);
}
