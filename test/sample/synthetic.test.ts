import { lineBalance } from "../../src/core/claims/balance";
import { readClaimLines, type RawClaimRow } from "../../src/core/claims/readClaimLines";
import { CLAIM_FIELDS } from "../../src/core/claims/claimLine";
import { dayFromYMD } from "../../src/core/dates/day";
import { syntheticClaimColumns, syntheticClaimLines, NO_MODIFIERS } from "../../src/sample/synthetic";

describe("syntheticClaimLines", () => {
  const lines = syntheticClaimLines(20_000);

  it("returns exactly count lines, the same for the same seed, others for another seed", () => {
    expect(lines).toHaveLength(20_000);
    expect(syntheticClaimLines(20_000)).toEqual(lines);
    expect(syntheticClaimLines(500, { seed: 1 })).not.toEqual(syntheticClaimLines(500, { seed: 2 }));
    expect(syntheticClaimLines(0)).toEqual([]);
  });

  it("keeps DOS within the 12 months ending at asOf (2025-11-01 … 2026-10-31), in order", () => {
    const from = dayFromYMD(2025, 11, 1) as number;
    const asOf = dayFromYMD(2026, 10, 31) as number;
    const wrong: number[] = [];
    lines.forEach((l, i) => {
      if (l.dateOfService < from || l.dateOfService > asOf) wrong.push(l.row);
      if (i > 0 && l.dateOfService < lines[i - 1].dateOfService) wrong.push(l.row);
    });
    expect(wrong).toEqual([]);
  });

  it("shares one frozen empty modifiers array and small string pools", () => {
    const empty = lines.filter((l) => l.modifiers.length === 0);
    expect(empty.every((l) => l.modifiers === NO_MODIFIERS)).toBe(true);
    expect(Object.isFrozen(NO_MODIFIERS)).toBe(true);
    expect(new Set(lines.map((l) => l.payer)).size).toBe(7);
    expect(new Set(lines.map((l) => l.provider)).size).toBe(3);
  });

  it("keeps statuses consistent with amounts; credit balances (copay above allowed) are rare", () => {
    const wrong: number[] = [];
    let credits = 0;
    for (const l of lines) {
      const b = lineBalance(l);
      if (b < 0) credits++;
      if ((l.status === "Denied" || l.status === "Appealed") && (l.insurancePaid !== 0 || l.denialReason === null)) wrong.push(l.row);
      if ((l.status === "Draft" || l.status === "Submitted") && l.insurancePaid !== 0) wrong.push(l.row);
      if (l.allowed !== null && l.contractualAdjustment !== l.charge - l.allowed) wrong.push(l.row);
    }
    expect(wrong).toEqual([]);
    expect(credits / lines.length).toBeLessThan(0.005);
  });

  it("denies 5-10 % of submitted claims", () => {
    const submitted = new Set<string>();
    const denied = new Set<string>();
    for (const l of lines) {
      if (l.status !== "Draft") submitted.add(l.claimId);
      if (l.status === "Denied") denied.add(l.claimId);
    }
    expect(denied.size / submitted.size).toBeGreaterThanOrEqual(0.05);
    expect(denied.size / submitted.size).toBeLessThanOrEqual(0.1);
  });
});

describe("syntheticClaimColumns", () => {
  it("gives the same data as cell columns that readClaimLines reads back line for line", () => {
    const lines = syntheticClaimLines(3_000, { seed: 5 });
    const columns = syntheticClaimColumns(3_000, { seed: 5 });
    expect(Object.keys(columns)).toEqual([...CLAIM_FIELDS]);
    for (const field of CLAIM_FIELDS) expect(columns[field]).toHaveLength(3_000);
    const rows: RawClaimRow[] = lines.map((_, i) => ({
      row: i + 2,
      cells: Object.fromEntries(CLAIM_FIELDS.map((f) => [f, columns[f][i][0]])),
    }));
    const read = readClaimLines(rows);
    expect(read.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(read.lines).toEqual(lines.map((l) => ({ ...l, modifiers: [...l.modifiers] })));
  });

  it("writes dates as Excel serials and money as dollars", () => {
    const [line] = syntheticClaimLines(1, { seed: 9 });
    const cols = syntheticClaimColumns(1, { seed: 9, fields: ["dateOfService", "charge"] });
    expect(Object.keys(cols)).toEqual(["dateOfService", "charge"]);
    // serial = Day + 25569 from 1900-03-01 on (1970-01-01 is serial 25569)
    expect(cols.dateOfService[0][0]).toBe(line.dateOfService + 25569);
    expect(cols.charge[0][0]).toBe(line.charge / 100);
    // 2026-10-31 is Day 20757 (20454 for 2026-01-01, + 273 for January-September, + 30) → serial 46326
    expect((dayFromYMD(2026, 10, 31) as number) + 25569).toBe(46326);
  });
});
