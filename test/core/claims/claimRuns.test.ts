import fc from "fast-check";
import { ClaimRuns } from "../../../src/core/claims/claimRuns";

/** The plain answer: each claim number's lines form one run. */
function listedTogether(ids: readonly string[]): boolean {
  const seen = new Set<string>();
  for (let i = 0; i < ids.length; i++) {
    if (i > 0 && ids[i] === ids[i - 1]) continue;
    if (seen.has(ids[i])) return false;
    seen.add(ids[i]);
  }
  return true;
}

function runsOf(ids: readonly string[]): ClaimRuns {
  const runs = new ClaimRuns();
  for (const id of ids) runs.add(id);
  return runs;
}

describe("ClaimRuns", () => {
  it("says whether each claim's lines are listed together, as a set of every claim would", () => {
    const id = fc.constantFrom("C1", "C2", "C3", "C10", "c1", "C1 ", "", "é", "C-0001", "99");
    fc.assert(
      fc.property(fc.array(id, { maxLength: 40 }), (ids) => {
        const runs = runsOf(ids);
        expect(runs.together).toBe(listedTogether(ids));
        if (runs.together) expect(runs.runs).toBe(new Set(ids).size);
      }),
      { numRuns: 2000 },
    );
  });

  it("holds many claims, sorted or not, listed together (the table grows)", () => {
    const ids: string[] = [];
    for (let k = 0; k < 50000; k++) {
      const id = `CLM-${(k * 7919) % 50000}`; // every number once, out of order
      ids.push(id, id);
    }
    const runs = runsOf(ids);
    expect(runs.together).toBe(true);
    expect(runs.runs).toBe(50000);
    runs.add("CLM-123"); // met before, after other claims
    expect(runs.together).toBe(false);
  });
});
