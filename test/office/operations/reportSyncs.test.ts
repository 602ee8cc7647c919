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
