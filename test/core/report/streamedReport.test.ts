import fc from "fast-check";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { StreamedReport, type StreamFallback } from "../../../src/core/report/streamedReport";
import { claimsSheetOf, workbookReport, type WorkbookReport, type WorkbookReportOptions, type WorkbookSheet } from "../../../src/core/report/workbookReport";
import { dayFromYMD, type Day } from "../../../src/core/dates/day";
import type { CellValue } from "../../../src/core/cells/cellValue";
import { streamGrid } from "../import/exportArb";
import { samplePractice } from "../../../src/sample/samplePractice";
import { sampleWorkbook } from "../../../src/files/writeSampleWorkbook";
import { readWorkbookGrids } from "../../../src/files/readWorkbook";

// Issue 13, the streaming path: a report whose claims sheet is given row by row (twice) instead of
// as a grid must be the report workbookReport makes of the whole workbook, wherever the stream says
// it can give one. The whole read is the reference: its figures are held to values worked out by
// hand and by LibreOffice elsewhere (test/pipeline, test/report).

jest.setTimeout(120_000);

/** The report with the claims sheet streamed: its first `headRows` rows as its grid, then every row twice. */
function streamedReport(sheets: readonly WorkbookSheet[], options: WorkbookReportOptions, chunkLines: number, headRows = 64): WorkbookReport | StreamFallback {
  const claims = claimsSheetOf(sheets, options).sheet;
  const given = sheets.map((s) => (s === claims ? { ...s, grid: s.grid.slice(0, headRows) } : s));
  const streamed = StreamedReport.begin(given, options, chunkLines);
  if (!(streamed instanceof StreamedReport)) return streamed;
  const rows = claims.grid as (CellValue[] | undefined)[];
  rows.forEach((cells, i) => cells !== undefined && streamed.count(i, cells));
  const why = streamed.endCount();
  if (why !== null) return { fallback: why };
  rows.forEach((cells, i) => cells !== undefined && streamed.read(i, cells));
  return streamed.finish();
}

/** What the two reports must share: every figure, the summary, the report sheet, and what the reader says of the claims. */
function expectSameReport(streamed: WorkbookReport, whole: WorkbookReport, asOf: number): void {
  expect(streamed.figures).toEqual(whole.figures);
  expect(streamed.summary).toEqual(whole.summary);
  expect(streamed.sheet).toEqual(whole.sheet);
  expect(streamed.feeSchedule).toEqual(whole.feeSchedule);
  expect([streamed.budget, streamed.payroll, streamed.payrollSettings]).toEqual([whole.budget, whole.payroll, whole.payrollSettings]);
  // Set aside: the lines and columns (the stream keeps none) and the export's rows (the grid's).
  const setAside = (c: object, keys: string[]): object => Object.fromEntries(Object.entries(c).filter(([k]) => !keys.includes(k)));
  const wholeClaims = setAside(whole.claims, ["lines", "registerColumns", "export"]);
  const streamedClaims = setAside(streamed.claims, ["lines", "export"]);
  expect(streamed.claims.lines).toEqual([]);
  const paidAfter = whole.claims.lines.filter((l) => l.lastPaymentDate !== null && l.lastPaymentDate > asOf).length;
  expect(streamedClaims).toEqual({ ...wholeClaims, linesUsed: whole.claims.lines.length, linesPaidAfterAsOf: paidAfter });
}

const FEE_SCHEDULE = [["Payer", "CPT", "Allowed"], ["Aetna", "99213", 80], ["Cigna", "99213", 75], ["Medicare", "99213", 70], ["Aetna", "G0439", 120]];
const RVUS = [["CPT", "Work RVU"], ["99213", 1.3], ["G0439", 1.5]];

describe("a report with its claims sheet streamed", () => {
  test("is the whole read's report, in chunks of any size, on random exports (or says why it cannot be)", () => {
    const asOf = dayFromYMD(2026, 11, 30) as Day;
    let streamedCount = 0;
    fc.assert(
      fc.property(streamGrid(70), fc.integer({ min: 1, max: 8 }), fc.boolean(), fc.boolean(), fc.integer({ min: 3, max: 64 }), (grid, chunkLines, fees, rvus, headRows) => {
        const sheets: WorkbookSheet[] = [{ name: "Claims", grid: grid as CellValue[][] }];
        if (fees) sheets.push({ name: "Fee Schedule", grid: FEE_SCHEDULE });
        if (rvus) sheets.push({ name: "RVUs", grid: RVUS });
        let whole: WorkbookReport | Error;
        try {
          whole = workbookReport(sheets, { asOf });
        } catch (e) {
          whole = e as Error;
        }
        let streamed: WorkbookReport | StreamFallback | Error;
        try {
          streamed = streamedReport(sheets, { asOf }, chunkLines, Math.max(headRows, 32));
        } catch (e) {
          streamed = e as Error;
        }
        if (whole instanceof Error) {
          // No usable claim line: the stream refuses with the same words, or gives way to the whole read.
          if (streamed instanceof Error) expect(streamed.message).toBe(whole.message);
          else expect(streamed).toHaveProperty("fallback");
          return;
        }
        if (streamed instanceof Error) throw streamed;
        if ("fallback" in streamed) {
          expect(streamed.fallback).toMatch(/\S/);
          return;
        }
        streamedCount++;
        expectSameReport(streamed, whole, asOf);
      }),
      { numRuns: 250 },
    );
    expect(streamedCount).toBeGreaterThan(50);
  });

  test("is the whole read's report on the sample practice (fee schedule, RVUs, budget, payroll, settings), in chunks of 1, 97 and 65,536 lines", async () => {
    const sample = samplePractice();
    const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), "pl-stream-"));
    try {
      const file = path.join(dir, "sample.xlsx");
      await sampleWorkbook(sample).xlsx.writeFile(file);
      const sheets = await readWorkbookGrids(file);
      const whole = workbookReport(sheets, { asOf: sample.asOf });
      expect(whole.figures.workRvus).not.toBeNull();
      expect(whole.figures.feeCheck).not.toBeNull();
      for (const chunkLines of [1, 97, 65536]) {
        const streamed = streamedReport(sheets, { asOf: sample.asOf }, chunkLines);
        if ("fallback" in streamed) throw new Error(streamed.fallback);
        expectSameReport(streamed, whole, sample.asOf);
      }
    } finally {
      await fs.promises.rm(dir, { recursive: true, force: true });
    }
  });

  test("claims not listed together: the stream says so, and the whole read gives the report", () => {
    const asOf = dayFromYMD(2026, 11, 30) as Day;
    const grid = [
      ["Claim ID", "Date of Service", "Payer", "Charge", "Insurance Paid"],
      ["C1", 46200, "Aetna", 100, 50],
      ["C2", 46201, "Aetna", 200, 0],
      ["C1", 46200, "Aetna", 300, 0],
    ];
    const streamed = streamedReport([{ name: "Claims", grid }], { asOf }, 2);
    expect(streamed).toEqual({ fallback: expect.stringMatching(/together/) });
    expect(workbookReport([{ name: "Claims", grid }], { asOf }).figures.linesUsed).toBe(3);
  });
});
