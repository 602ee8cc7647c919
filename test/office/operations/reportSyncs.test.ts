/**
 * How many context.sync() calls the task pane's physician report takes: a constant plus one per
 * chunk of the register read, each chunk at most the 4 MB request budget (src/office/requestBudget.ts),
 * itself under Excel on the web's 5 MB per request and response (Microsoft's "Resource limits and
 * performance optimization for Office Add-ins", https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization).
 * The constant is 5: the sheet names, the used ranges' sizes, a first small block of each sheet
 * (src/office/readSheets.ts), the sheet names again before writing, and the report tab's writes.
 * The chunk count is worked out here from the register's own bytes, not read from the code.
 */
import { dayFromYMD } from "../../../src/core/dates/day";
import { generatePhysicianReport } from "../../../src/office/operations";
import { PROBE_CELLS } from "../../../src/office/readSheets";
import { countChunkReads } from "../../../bench/officeHost";
import { SimulatedExcel } from "../simulatedExcel";
import { excelContext, registerGrid } from "../helpers";

const BUDGET = 4 * 1024 * 1024;
const CONSTANT_SYNCS = 5;

async function reportSyncs(rows: number): Promise<{ sim: SimulatedExcel; grid: unknown[][] }> {
  const grid = registerGrid(rows);
  const sim = new SimulatedExcel([]);
  sim.addSheetNow("Claims Register", grid);
  await generatePhysicianReport(excelContext(sim), { asOf: dayFromYMD(2026, 10, 31) as number });
  return { sim, grid };
}

/** Chunks of at most the budget that the register's rows after the first block need (JSON, as the host sends values). */
function chunksNeeded(grid: unknown[][]): number {
  const probeRows = Math.floor(PROBE_CELLS / grid[0].length);
  const rest = grid.slice(probeRows).map((row) => row.map((v) => (v === null ? "" : v)));
  return Math.ceil(Buffer.byteLength(JSON.stringify(rest)) / BUDGET);
}

describe("physician report: context.sync() = a constant + one per chunk read", () => {
  jest.setTimeout(60_000);

  // 1,000 rows fit one chunk; 40,000 rows (about 5.4 MB of values) take two.
  test.each([[1_000, 1], [40_000, 2]])("%i rows: %i chunk(s)", async (rows, expectedChunks) => {
    const { sim, grid } = await reportSyncs(rows);
    const chunks = countChunkReads(sim.syncs);
    // Each chunk fills the budget but for the last, and a chunk's rows are sized by the widest row
    // seen so far: the count is the bytes' chunks, or one more.
    const needed = chunksNeeded(grid);
    expect(chunks).toBeGreaterThanOrEqual(needed);
    expect(chunks).toBeLessThanOrEqual(needed + 1);
    expect(chunks).toBe(expectedChunks);
    expect(sim.syncCount).toBe(CONSTANT_SYNCS + chunks);
    // Excel's limit is what must hold; a chunk may pass the 4 MB budget by a little (its rows are
    // sized by the widest row seen before it; 4.20 MB measured), never 5 MB.
    for (const s of sim.syncs) expect(Math.max(s.requestBytes, s.responseBytes)).toBeLessThan(5 * 1024 * 1024);
  });
});

/**
 * The streamed path (issue 13): a claims sheet over the threshold (lowered here through the
 * `streamFromCells` option, so a 40,000-row register takes it) is read twice as a stream. Syncs:
 * the sheet names, the used ranges' sizes, every sheet's first 64 rows (one batched sync), then one
 * per chunk of the claims sheet in each pass (no probe block: the first rows measured the bytes
 * per row), then the sheet names again and the report tab's writes: 5 + 2 × chunks. Each chunk is
 * at most the 4 MB budget, under the 5 MB per request and response of Excel on the web ("Resource
 * limits and performance optimization for Office Add-ins",
 * https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
 * Empty cells come back as "" (Range.values of an empty cell: "Excel.EmptyCellValue interface",
 * https://learn.microsoft.com/javascript/api/excel/excel.emptycellvalue, basicValue ""), which is
 * what the simulated host gives and what the stream hands on.
 */
describe("physician report streamed: context.sync() = a constant + one per chunk read, twice", () => {
  jest.setTimeout(60_000);
  const STREAMED_CONSTANT_SYNCS = 5;

  test("40,000 rows over a lowered threshold: 5 + 2 × chunks syncs, every payload under 5 MB, the same report tab as the whole read", async () => {
    const grid = registerGrid(40_000);
    const asOf = dayFromYMD(2026, 10, 31) as number;

    const whole = new SimulatedExcel([]);
    whole.addSheetNow("Claims Register", grid);
    const wholeRun = await generatePhysicianReport(excelContext(whole), { asOf });

    const streamed = new SimulatedExcel([]);
    streamed.addSheetNow("Claims Register", grid);
    const texts: string[] = [];
    const streamedRun = await generatePhysicianReport(excelContext(streamed), { asOf, streamFromCells: 100_000, onProgress: (_f, t) => texts.push(t) });

    // The chunks of one pass: the whole used range's values (JSON, as the host sends them) over the
    // budget; as on the whole read, the count is the bytes' chunks or one more.
    const bytes = Buffer.byteLength(JSON.stringify(grid.map((row) => row.map((v) => (v === null ? "" : v)))));
    const needed = Math.ceil(bytes / BUDGET);
    expect(needed).toBe(2); // about 5.4 MB of values
    const chunkSyncs = streamed.syncCount - STREAMED_CONSTANT_SYNCS;
    expect(chunkSyncs).toBeGreaterThanOrEqual(2 * needed);
    expect(chunkSyncs).toBeLessThanOrEqual(2 * (needed + 1));
    expect(chunkSyncs).toBe(4);
    // The syncs between the first rows and the writes read the claims sheet twice, all of it and nothing else.
    const passes = streamed.syncs.slice(3, 3 + chunkSyncs);
    const passBytes = passes.reduce((n, s) => n + s.responseBytes, 0);
    expect(passBytes).toBeGreaterThan(2 * bytes);
    expect(passBytes).toBeLessThan(2 * bytes + 4096);
    for (const s of streamed.syncs) expect(Math.max(s.requestBytes, s.responseBytes)).toBeLessThan(5 * 1024 * 1024);
    // Both passes said where they were.
    expect(texts.some((t) => t.startsWith("Reading the claims, pass 1 of 2"))).toBe(true);
    expect(texts.some((t) => t.startsWith("Reading the claims, pass 2 of 2"))).toBe(true);

    // The same tab, cell for cell (values, formats, styles, charts), and the same summary.
    expect(streamedRun.sheet).toBe(wholeRun.sheet);
    expect(streamed.snapshot(streamedRun.sheet)).toBe(whole.snapshot(wholeRun.sheet));
    expect(JSON.stringify(streamedRun.summary)).toBe(JSON.stringify(wholeRun.summary));
    expect(streamedRun.leftOut).toEqual(wholeRun.leftOut);
  });
});
