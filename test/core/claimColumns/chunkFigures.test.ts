/**
 * The claim figures tallied chunk by chunk (ClaimFiguresTally over RegisterColumnsBuilder's
 * takeChunk, what a reading that keeps no lines does) against the figures of the whole register
 * (reportFigures, one chunk). Property tests over random registers with each claim's lines listed
 * together, cut into random chunks (down to one line a chunk, so every claim, provider pair and
 * open claim of the month tally crosses a chunk boundary somewhere). Registers whose claims are
 * not listed together must be refused in chunks and give, in one chunk, what the reference
 * implementations over line objects give (denialRates, providerProductivity, denialsByReason).
 */
import fc from "fast-check";
import Decimal from "decimal.js";
import type { ClaimLine } from "../../../src/core/claims/claimLine";
import { denialRates, denialsByReason, linesInPeriod, reportingPeriod } from "../../../src/core/kpis";
import { providerProductivity } from "../../../src/core/kpis/providerProductivity";
import {
  ClaimFiguresTally, ClaimsNotTogetherError, RegisterColumnsBuilder, registerColumns, type ClaimFigures, type ClaimFiguresOptions, type RegisterColumns,
} from "../../../src/core/claimColumns";
import { reportFigures } from "../../../src/core/report/reportFigures";
import type { RvuTableRead } from "../../../src/core/rvu/workRvuRow";
import { plain, SCHEDULE } from "./figureTestData";
import { AS_OF, registerArb } from "./registerArb";

const PERIOD = reportingPeriod(AS_OF);

const RVU_TABLE: RvuTableRead = {
  sheet: "RVUs", headerRow: 1, rowsRead: 3, issues: [],
  rows: [
    { row: 2, cpt: "99213", modifier: null, work: new Decimal("0.97") },
    { row: 3, cpt: "99214", modifier: null, work: new Decimal("1.5") },
    { row: 4, cpt: "99214", modifier: "25", work: new Decimal("1.25") },
  ],
};

const optionsArb = fc.record({
  feeSchedule: fc.constantFrom(null, SCHEDULE),
  feeTolerance: fc.constantFrom(0, 150),
  rvuTable: fc.constantFrom(null, RVU_TABLE),
});

/** The lines with each claim's lines brought together, claims in order of first appearance. */
function groupedByClaim(lines: readonly ClaimLine[]): ClaimLine[] {
  const byClaim = new Map<string, ClaimLine[]>();
  for (const l of lines) {
    const claim = byClaim.get(l.claimId);
    if (claim === undefined) byClaim.set(l.claimId, [l]);
    else claim.push(l);
  }
  return [...byClaim.values()].flat();
}

/** The lines cut into chunks of the sizes given, in turn (the last size repeated). */
function cut(lines: readonly ClaimLine[], sizes: readonly number[]): ClaimLine[][] {
  const chunks: ClaimLine[][] = [];
  for (let at = 0, k = 0; at < lines.length; k++) {
    const size = sizes[Math.min(k, sizes.length - 1)];
    chunks.push(lines.slice(at, at + size));
    at += size;
  }
  return chunks;
}

/** Each chunk through a chunk builder; `seen` is told each chunk before the next lines are added. */
function eachChunk(chunks: readonly ClaimLine[][], seen: (chunk: RegisterColumns) => void): void {
  const builder = new RegisterColumnsBuilder(4, "chunks");
  for (const lines of chunks) {
    for (const line of lines) builder.add(line);
    seen(builder.takeChunk(lines));
  }
}

function tallyInChunks(chunks: readonly ClaimLine[][], options: ClaimFiguresOptions): ClaimFigures {
  const tally = new ClaimFiguresTally(options);
  eachChunk(chunks, (chunk) => tally.add(chunk));
  return tally.finish();
}

/** The claim figures of reportFigures over the whole register. */
function wholeFigures(lines: readonly ClaimLine[], options: Omit<ClaimFiguresOptions, "asOf">, keys: readonly string[]): unknown {
  const figures = reportFigures({ practiceName: "P", asOf: AS_OF, lines, rowsRead: lines.length, leftOut: [], ...options }) as unknown as Record<string, unknown>;
  return Object.fromEntries(keys.map((k) => [k, figures[k]]));
}

const sizesArb = fc.array(fc.integer({ min: 1, max: 25 }), { minLength: 1, maxLength: 8 });

describe("claim figures in chunks", () => {
  test("any cut into chunks (down to one line a chunk) gives the whole register's figures", () => {
    fc.assert(fc.property(registerArb, sizesArb, optionsArb, (raw, sizes, options) => {
      const lines = groupedByClaim(raw);
      const figures = tallyInChunks(cut(lines, sizes), { asOf: AS_OF, ...options });
      expect(plain(figures)).toEqual(plain(wholeFigures(lines, options, Object.keys(figures))));
    }), { numRuns: 300 });
  });

  test("one line a chunk", () => {
    fc.assert(fc.property(registerArb, optionsArb, (raw, options) => {
      const lines = groupedByClaim(raw);
      const figures = tallyInChunks(cut(lines, [1]), { asOf: AS_OF, ...options });
      expect(plain(figures)).toEqual(plain(wholeFigures(lines, options, Object.keys(figures))));
    }), { numRuns: 100 });
  });

  test("streamed figures passed to reportFigures (claimFigures) are the report's, with no lines", () => {
    fc.assert(fc.property(registerArb, sizesArb, (raw, sizes) => {
      const lines = groupedByClaim(raw);
      const claimFigures = tallyInChunks(cut(lines, sizes), { asOf: AS_OF, feeSchedule: SCHEDULE });
      const streamed = reportFigures({ practiceName: "P", asOf: AS_OF, lines: [], claimFigures, rowsRead: lines.length, leftOut: [], feeSchedule: SCHEDULE });
      const whole = reportFigures({ practiceName: "P", asOf: AS_OF, lines, rowsRead: lines.length, leftOut: [], feeSchedule: SCHEDULE });
      expect(plain(streamed)).toEqual(plain(whole));
    }), { numRuns: 50 });
  });

  test("no chunk at all: the figures of an empty register", () => {
    const figures = new ClaimFiguresTally({ asOf: AS_OF }).finish();
    expect(plain(figures)).toEqual(plain(wholeFigures([], {}, Object.keys(figures))));
    expect(figures.linesUsed).toBe(0);
  });

  test("group numbers of the chunks are those of one whole build; claim numbers by runs", () => {
    fc.assert(fc.property(registerArb, sizesArb, (raw, sizes) => {
      const lines = groupedByClaim(raw);
      const whole = registerColumns(lines);
      let at = 0;
      eachChunk(cut(lines, sizes), (chunk) => {
        expect(chunk.claimsTogether).toBe(true);
        chunk.lines.forEach((line, k) => {
          const i = at + k;
          for (const column of ["payer", "payerSpelling", "provider", "providerSpelling", "denialReasonSpelling", "pricing", "claim"] as const) {
            expect([column, chunk[column][k]]).toEqual([column, whole[column][i]]);
          }
          expect(chunk.claimIds[chunk.claim[k] - chunk.claimIdsFrom]).toBe(line.claimId);
          expect(chunk.payerSpellings[chunk.payerSpelling[k]]).toBe(line.payer);
          expect(chunk.charge[k]).toBe(line.charge);
        });
        expect(chunk.claimCount).toBe(new Set(lines.slice(0, at + chunk.lines.length).map((l) => l.claimId)).size);
        at += chunk.lines.length;
      });
    }), { numRuns: 200 });
  });
});

describe("claims not listed together", () => {
  // Claim C-1 is met again after claim C-2: a run-by-run count would count it twice.
  const line = (row: number, claimId: string, status: ClaimLine["status"], provider: string, charge: number): ClaimLine => ({
    row, claimId, dateOfService: AS_OF - 20, payer: "Aetna", charge, insurancePaid: 0, patientPaid: 0, contractualAdjustment: 0,
    otherAdjustment: 0, allowed: null, cpt: "99213", modifiers: [], units: 1, placeOfService: null, provider, payerClass: null,
    status, denialReason: status === "Denied" ? "CO-97" : null, submittedDate: null, lastPaymentDate: null,
  });
  const LINES = [
    line(2, "C-1", "Submitted", "Dr Lee", 10_000),
    line(3, "C-2", "Paid", "Dr Lee", 5_000),
    line(4, "C-1", "Denied", "Dr Lee", 2_500),
    line(5, "C-1", "Denied", "Dr Patel", 1_000),
  ];

  test("in several chunks the tally refuses (ClaimsNotTogetherError), however cut", () => {
    for (const sizes of [[1], [2], [3], [2, 1, 1], [4]]) {
      const tally = new ClaimFiguresTally({ asOf: AS_OF });
      eachChunk(cut(LINES, sizes), (chunk) => tally.add(chunk));
      expect(tally.cannot).toBe(true);
      expect(() => tally.finish()).toThrow(ClaimsNotTogetherError);
    }
  });

  test("a whole register's columns with another chunk are refused", () => {
    const tally = new ClaimFiguresTally({ asOf: AS_OF });
    tally.add(registerColumns(LINES.slice(0, 2)));
    tally.add(registerColumns(LINES.slice(2)));
    expect(() => tally.finish()).toThrow(ClaimsNotTogetherError);
  });

  test("in one chunk (the whole register) the figures are today's, claims counted once", () => {
    const tally = new ClaimFiguresTally({ asOf: AS_OF });
    tally.add(registerColumns(LINES));
    const figures = tally.finish();
    // By hand (definitions.md, "Denials"): 2 claims submitted, C-1 denied (charges 13,500 of 18,500 cents).
    expect(figures.denials.submittedClaims).toBe(2);
    expect(figures.denials.deniedClaims).toBe(1);
    expect(figures.denials.submittedCharges).toBe(18_500);
    expect(figures.denials.deniedCharges).toBe(13_500);
    // Visits: Dr Lee has C-1 and C-2, Dr Patel has C-1; one claim denied for CO-97 (2 lines).
    expect(figures.providers.map((p) => [p.provider, p.visits, p.lines])).toEqual([["Dr Lee", 2, 3], ["Dr Patel", 1, 1]]);
    expect(figures.denialReasons.map((r) => [r.reason, r.claims, r.lines, r.charges])).toEqual([["CO-97", 1, 2, 3_500]]);
    const period = linesInPeriod(LINES, PERIOD);
    expect(plain(figures.denials)).toEqual(plain(denialRates(period)));
    expect(plain(figures.providers)).toEqual(plain(providerProductivity(period)));
    expect(plain(figures.denialReasons)).toEqual(plain(denialsByReason(period)));
  });

  test("random scattered registers: refused in chunks when a claim comes back, one chunk equals reportFigures", () => {
    fc.assert(fc.property(registerArb, sizesArb, (lines, sizes) => {
      const comesBack = lines.some((l, i) => i > 0 && l.claimId !== lines[i - 1].claimId && lines.slice(0, i - 1).some((e) => e.claimId === l.claimId));
      const tally = new ClaimFiguresTally({ asOf: AS_OF });
      eachChunk(cut(lines, sizes), (chunk) => tally.add(chunk));
      expect(tally.cannot).toBe(comesBack);
      const whole = new ClaimFiguresTally({ asOf: AS_OF });
      whole.add(registerColumns(lines));
      const figures = whole.finish();
      expect(plain(figures)).toEqual(plain(wholeFigures(lines, {}, Object.keys(figures))));
      if (!comesBack) expect(plain(tally.finish())).toEqual(plain(figures));
    }), { numRuns: 200 });
  });
});
