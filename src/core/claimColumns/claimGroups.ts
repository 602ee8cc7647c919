/**
 * Lines grouped into claims by claim number (definitions.md, "Denials": a claim is its lines with
 * one claim number), fast in the common case. Registers list a claim's lines together and most
 * sort by claim number: while every new run of lines has a claim number greater than the run
 * before, each run is a new claim and no look-up table is needed. At the first run out of order
 * the table is built from the claims seen so far and every later run is looked up in it. The
 * result is the same either way (claimGroups.test.ts checks it against a plain Map).
 */
export class ClaimGroups {
  /** Claim number of each group, in order of first appearance. */
  readonly ids: string[] = [];
  private lastId: string | null = null;
  private lastGroup = -1;
  private byId: Map<string, number> | null = null;

  /** The group of a claim number; a new claim gets the next group (the old `size`). */
  groupOf(claimId: string): number {
    if (claimId === this.lastId) return this.lastGroup;
    let group: number;
    if (this.byId === null && (this.lastId === null || claimId > this.lastId)) {
      group = this.ids.length;
      this.ids.push(claimId);
    } else {
      const byId = this.byId ?? this.buildTable();
      const found = byId.get(claimId);
      if (found !== undefined) group = found;
      else {
        group = this.ids.length;
        this.ids.push(claimId);
        byId.set(claimId, group);
      }
    }
    this.lastId = claimId;
    this.lastGroup = group;
    return group;
  }

  get size(): number {
    return this.ids.length;
  }

  private buildTable(): Map<string, number> {
    const byId = new Map<string, number>();
    for (let g = 0; g < this.ids.length; g++) byId.set(this.ids[g], g);
    this.byId = byId;
    return byId;
  }
}
