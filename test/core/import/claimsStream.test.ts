import fc from "fast-check";
import { ClaimsStreamReader, type ClaimsStreamRead } from "../../../src/core/import/claimsStreamReader";
import { readClaimsRegister, type ClaimsRegisterRead, type ReadClaimsRegisterOptions } from "../../../src/core/import/readClaimsRegister";
import type { CellValue } from "../../../src/core/cells/cellValue";
import type { ClaimLine } from "../../../src/core/claims/claimLine";
import { dayFromYMD, type Day } from "../../../src/core/dates/day";
import { streamGrid } from "./exportArb";
import { COVER_SHEET, LEDGER_GRID, LINE_ITEM_GRID } from "./fixtures/realLayouts";
import { csvLikeExport } from "./fixtures/csvLikeExport";
import { kareoLikeExport } from "./fixtures/kareoLikeExport";
import { overrideExport } from "./fixtures/overrideExport";
import { serialDatesExport } from "./fixtures/serialDatesExport";

// Issue 13's streaming path: the claims register read from rows handed one at a time, twice, with
// no line kept, must give what the whole read gives (stream-common.md: same lines, issues, rows
// left out; deep-equal), or say it cannot (then the host uses the whole read).

const asOf = dayFromYMD(2026, 10, 31) as Day;

interface Streamed {
  streamable: true | { reason: string };
  lines: ClaimLine[];
  result: ClaimsStreamRead | null;
}

/** The grid through ClaimsStreamReader: the first 40 rows as the head, then the rows at `given` (all by default) twice. */
function stream(grid: readonly unknown[][], options: ReadClaimsRegisterOptions, given?: readonly number[]): Streamed {
  const rows = grid as readonly (readonly CellValue[])[];
  const indexes = given ?? rows.map((_, i) => i);
  const lines: ClaimLine[] = [];
  const reader = new ClaimsStreamReader(rows.slice(0, 40), { ...options, onLine: (l) => lines.push(l) });
  if (reader.streamable !== true) return { streamable: reader.streamable, lines, result: null };
  for (const i of indexes) reader.count(i, rows[i]);
  reader.endCount();
  if (reader.streamable !== true) return { streamable: reader.streamable, lines, result: null };
  for (const i of indexes) reader.read(i, rows[i]);
  const result = reader.finish();
  return { streamable: reader.streamable, lines, result };
}

/** The whole read's result as the stream gives it: no lines, no register columns, no export rows. */
function withoutLines(read: ClaimsRegisterRead): unknown {
  const rest: Partial<ClaimsRegisterRead> = { ...read, export: { ...read.export, rows: [] } };
  delete rest.lines;
  delete rest.registerColumns;
  return rest;
}

function streamedWithoutCounts(result: ClaimsStreamRead): unknown {
  expect(result.lines).toEqual([]);
  const rest: Partial<ClaimsStreamRead> = { ...result };
  delete rest.lines;
  delete rest.linesUsed;
  delete rest.linesPaidAfterAsOf;
  return rest;
}

/** Whether each claim's used lines come in one run (worked out from the whole read's lines). */
function claimsTogether(lines: readonly ClaimLine[]): boolean {
  const seen = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const id = lines[i].claimId;
    if (i > 0 && lines[i - 1].claimId === id) continue;
    if (seen.has(id)) return false;
    seen.add(id);
  }
  return true;
}

/** The stream equals the whole read (when it streams), and says why not otherwise. */
function expectSameAsWhole(grid: readonly unknown[][], options: ReadClaimsRegisterOptions, given?: readonly number[]): Streamed {
  const whole = readClaimsRegister(grid as readonly (readonly CellValue[])[], options);
  const s = stream(grid, options, given);
  if (s.streamable === true) {
    const result = s.result as ClaimsStreamRead;
    expect(s.lines).toEqual(whole.lines);
    expect(streamedWithoutCounts(result)).toEqual(withoutLines(whole));
    expect(result.linesUsed).toBe(whole.lines.length);
    expect(result.linesPaidAfterAsOf).toBe(whole.lines.filter((l) => l.lastPaymentDate !== null && l.lastPaymentDate > asOf).length);
  } else if (/not listed together/.test(s.streamable.reason)) {
    // Lines left out as repeats also count as lines of their claim; a payer cell "#N/A" grouped with
    // "n/a" reads as a line in one pass and not in the other (the stream then declines whatever
    // the order); else the used lines are out of order.
    const repeats = whole.issues.some((i) => /repeats row/.test(i.message));
    const errorGrouped = whole.payerNameMerges.some((m) => [m.canonical, ...m.variants].some((name) => name.includes("#")));
    expect(repeats || errorGrouped || !claimsTogether(whole.lines)).toBe(true);
  } else {
    expect(s.streamable.reason).toMatch(/transaction ledger|no usable header|error value/);
  }
  return s;
}

describe("ClaimsStreamReader gives what readClaimsRegister gives", () => {
  test("on random exports, OpenEMR reports and registers, the rows often sorted by claim", () => {
    let streamed = 0;
    let together = 0;
    fc.assert(fc.property(streamGrid(60), fc.boolean(), (grid, normalizePayers) => {
      const s = expectSameAsWhole(grid, { sheet: "Claims", normalizePayers, asOf });
      if (s.streamable === true) streamed++;
      else if (/not listed together/.test(s.streamable.reason)) together++;
    }), { numRuns: 300 });
    // Both outcomes are exercised.
    expect(streamed).toBeGreaterThan(60);
    expect(together).toBeGreaterThan(10);
  });

  test("rows given with gaps (blank rows absent from the file) read the same", () => {
    fc.assert(fc.property(streamGrid(60), fc.infiniteStream(fc.boolean()), (grid, drop) => {
      const isBlank = (row: unknown[]): boolean => row.every((c) => c === null || c === undefined || (typeof c === "string" && c.trim() === ""));
      const last = grid.length - 1;
      // The last row stays: a file's rows end with its last row present.
      const given = grid.map((_, i) => i).filter((i) => i === last || !isBlank(grid[i]) || !(drop.next().value as boolean));
      expectSameAsWhole(grid, { sheet: "Claims", asOf }, given);
    }), { numRuns: 200 });
  });

  test("lines with a payment after the as-of date are counted (2026-11-03 after 2026-10-31; 2026-10-20 and none not)", () => {
    const grid = [
      ["Claim ID", "Date of Service", "Payer", "Charge", "Insurance Paid", "Last Payment Date"],
      ["A", "10/01/2026", "Aetna", 100, 80, "10/20/2026"], ["B", "10/02/2026", "Aetna", 100, 50, "11/03/2026"], ["C", "10/03/2026", "Cigna", 90, 0, null],
    ];
    const s = expectSameAsWhole(grid, { asOf });
    expect([s.result?.linesUsed, s.result?.linesPaidAfterAsOf]).toEqual([3, 1]);
  });

  test("a count the second pass does not find again turns streamable false at finish (the host then reads whole)", () => {
    // Pass 1 compares payers as they will read once spellings are grouped: 1004 (a number) and
    // "1004." have the same key, so the second line reads as a repeat there; a number is never
    // renamed, and in pass 2 "1004" and "1004." differ: two lines, not one.
    const grid = [["Claim ID", "Date of Service", "Payer", "Charge"], ["C1", 46000, 1004, 100], ["C1", 46000, "1004.", 100]];
    const whole = readClaimsRegister(grid, {});
    expect(whole.lines.map((l) => l.payer)).toEqual(["1004", "1004."]);
    const s = stream(grid, {});
    expect(s.streamable).toEqual({ reason: "the second pass did not find the counts the first decided from" });
  });

  test("claims not listed together are said, and nothing is read", () => {
    const grid = [["Claim ID", "Date of Service", "Payer", "Charge"], ["A", 46000, "Aetna", 100], ["B", 46000, "Aetna", 100], ["A", 46001, "Aetna", 50]];
    const s = stream(grid, {});
    expect(s.streamable).toEqual({ reason: expect.stringMatching(/claims are not listed together/) });
    expect(s.lines).toEqual([]);
  });
});

describe("real layouts through the stream", () => {
  test("line-item charge detail: the same lines and rows left out as the whole read (rows 6, 9, 10, 11, 12, 15, 16, 18, 19, 20 left out)", () => {
    const s = expectSameAsWhole(LINE_ITEM_GRID, { sheet: "Charge Detail", asOf });
    expect(s.streamable).toBe(true);
    expect(s.lines.map((l) => l.claimId)).toEqual(["50123", "50124", "50125", "50126"]);
    expect(s.result?.leftOut.map((l) => l.row)).toEqual([6, 9, 10, 11, 12, 15, 16, 18, 19, 20]);
    expect(s.result?.balanceCheck).toMatchObject({ linesChecked: 4, agreeing: 4, disagreements: 0 });
  });

  test("a transaction ledger is not streamed (it is rolled up whole)", () => {
    expect(stream(LEDGER_GRID, { asOf }).streamable).toEqual({ reason: expect.stringMatching(/transaction ledger/) });
  });

  test("a sheet with no header is not streamed", () => {
    expect(stream(COVER_SHEET, {}).streamable).toEqual({ reason: "no usable header row" });
  });

  test.each([["Kareo-like", kareoLikeExport], ["serial dates", serialDatesExport]])("%s export", (_name, grid) => {
    const s = expectSameAsWhole(grid as unknown[][], { sheet: "Export", asOf });
    expect(s.streamable).toBe(true);
  });

  test("columns named by the caller (overrides)", () => {
    const s = expectSameAsWhole(overrideExport, { sheet: "Export", asOf, overrides: { claimId: "Acct Ref", cpt: "D", insurancePaid: 6, otherAdjustment: "Write-offs" } });
    expect(s.streamable).toBe(true);
    expect(stream(overrideExport, { sheet: "Export" }).streamable).toEqual({ reason: "no usable header row" });
  });

  test("a CSV export that repeats a line of an earlier claim further down is not streamed (the repeat needs that claim's lines)", () => {
    // Row 10 repeats row 5 (claim E-504) after claims E-505 to E-507.
    expect(expectSameAsWhole(csvLikeExport, { sheet: "Export", asOf }).streamable).toEqual({ reason: expect.stringMatching(/not listed together/) });
    // Without that row the claims come together.
    expect(expectSameAsWhole(csvLikeExport.filter((_, i) => i !== 9), { sheet: "Export", asOf }).streamable).toBe(true);
  });
});
