/** Reading the open workbook in row blocks, and the report pipeline on what was read. */
import fc from "fast-check";
import { workbookReport } from "../../src/core/report/workbookReport";
import { DEFAULT_SAMPLE_AS_OF } from "../../src/sample";
import { readUsedRanges, MissingSheetError, PROBE_CELLS, readSheetHeads, streamUsedRange, usedRangesOf } from "../../src/office/readSheets";
import { renderSheetDescription } from "../../src/office/renderSheet";
import { PAYLOAD_LIMIT_BYTES, SimulatedExcel } from "./simulatedExcel";
import { excelContext, registerGrid } from "./helpers";

const BUDGET = 4 * 1024 * 1024;

/** The grid as Office.js reads it back: blanks are "". */
const asRead = (grid: (string | number | boolean | null)[][]): unknown[][] => grid.map((row) => row.map((v) => (v === null ? "" : v)));

describe("readUsedRanges", () => {
  it("reads a 100-row register in 3 syncs: names, used ranges, one block", async () => {
    const grid = registerGrid(100);
    const sim = new SimulatedExcel([]);
    sim.addSheetNow("Claims Register", grid);
    const sheets = await readUsedRanges(excelContext(sim));
    // 101 rows × 19 columns = 1,919 cells ≤ PROBE_CELLS (10,000): the first block holds it all.
    expect(101 * 19).toBeLessThanOrEqual(PROBE_CELLS);
    expect(sim.syncCount).toBe(3);
    expect(sheets).toEqual([{ name: "Claims Register", grid: asRead(grid) }]);
  });

  it("reads a 100,000-row register with syncs ≤ 3 + ceil(bytes / budget), each response under 5 MB, and the core report is the same", async () => {
    const grid = registerGrid(100_000);
    const sim = new SimulatedExcel([]);
    sim.addSheetNow("Claims Register", grid);
    sim.addSheetNow("Notes", [["free text"]]);
    const before = sim.snapshotAll();
    const sheets = await readUsedRanges(excelContext(sim));
    const responseBytes = sim.syncs.reduce((n, s) => n + s.responseBytes, 0);
    expect(sim.syncCount).toBeLessThanOrEqual(3 + Math.ceil(responseBytes / BUDGET) + 1);
    expect(sim.syncCount).toBeGreaterThan(3); // the register is well over one budget
    for (const s of sim.syncs) {
      expect(s.responseBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
      expect(s.requestBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    }
    expect(sheets.map((s) => s.name)).toEqual(["Claims Register", "Notes"]);
    expect(sheets[0].grid.length).toBe(100_001);
    expect(JSON.stringify(sheets[0].grid)).toBe(JSON.stringify(asRead(grid))); // one string compare: fast on 1.9 million cells
    // Reading changes nothing.
    expect(sim.snapshotAll()).toEqual(before);

    // The same pipeline as the .xlsx path: the report from what was read equals the report from the grid itself.
    const fromExcel = workbookReport(sheets, { asOf: DEFAULT_SAMPLE_AS_OF });
    const direct = workbookReport([{ name: "Claims Register", grid: asRead(grid) }, { name: "Notes", grid: [["free text"]] }], { asOf: DEFAULT_SAMPLE_AS_OF });
    expect(JSON.stringify(fromExcel.summary)).toBe(JSON.stringify(direct.summary));
    // 100,000 rows read; the synthetic register repeats one line exactly, which the reader leaves out (as it does from the grid).
    expect(fromExcel.claims.rowsRead).toBe(100_000);
    expect(fromExcel.claims.lines.length).toBe(direct.claims.lines.length);
    expect(fromExcel.claims.lines.length + fromExcel.claims.leftOut.length).toBe(100_000);

    // Then the report renders in 2 syncs, like the one from 100 rows.
    const syncsBefore = sim.syncCount;
    const { syncs } = await renderSheetDescription(excelContext(sim), fromExcel.sheet);
    expect(syncs).toBe(2);
    expect(sim.syncCount - syncsBefore).toBe(2);
    for (const [name, snap] of Object.entries(before)) expect(sim.snapshot(name)).toBe(snap);
  });

  it("needs more syncs only when the budget forces it: a register within one budget takes at most 4", async () => {
    const read = async (rows: number): Promise<SimulatedExcel> => {
      const sim = new SimulatedExcel([]);
      sim.addSheetNow("Claims Register", registerGrid(rows));
      await readUsedRanges(excelContext(sim));
      return sim;
    };
    // 100 rows: the first block holds everything → names + used ranges + 1 block = 3 syncs.
    expect((await read(100)).syncCount).toBe(3);
    // 20,000 rows: under one 4 MB budget → the first block, then the rest in one more sync = 4.
    const sim = await read(20_000);
    expect(sim.syncs.reduce((n, s) => n + s.responseBytes, 0)).toBeLessThan(BUDGET);
    expect(sim.syncCount).toBe(4);
  });

  it("places a used range that starts at C3 at grid[2][2], and an empty sheet as []", async () => {
    const sim = new SimulatedExcel(["Empty"]);
    sim.addSheetNow("Offset", [[], [], [null, null, "Payer", "Charge"], [null, null, "Aetna", 125]]);
    const sheets = await readUsedRanges(excelContext(sim));
    expect(sheets).toEqual([
      { name: "Empty", grid: [] },
      { name: "Offset", grid: [[], [], ["", "", "Payer", "Charge"], ["", "", "Aetna", 125]] },
    ]);
  });

  it("reads only the sheets named, and names the ones missing", async () => {
    const sim = new SimulatedExcel(["A", "B"]);
    sim.addSheetNow("Claims", [["x"]]);
    expect((await readUsedRanges(excelContext(sim), ["claims"])).map((s) => s.name)).toEqual(["Claims"]);
    await expect(readUsedRanges(excelContext(sim), ["Claims", "Fees"])).rejects.toThrow(new MissingSheetError('No sheet named "Fees" in this workbook.'));
  });
});

describe("readUsedRanges sizes reads from what it measured", () => {
  it("reads text-heavy sheets without any response past 5 MB: first blocks sent together only while they fit", async () => {
    // Two sheets of 100 rows × 19 columns of 2,000-character notes: 1,900 cells × ~2 KB ≈ 3.9 MB
    // each, so one response holding both first blocks (the old 10,000-cell guess at 32 bytes a cell
    // sent them together) would be 7.8 MB.
    const note = "n".repeat(2_000);
    const sheet = Array.from({ length: 100 }, () => Array.from({ length: 19 }, () => note));
    const sim = new SimulatedExcel([]);
    sim.addSheetNow("Notes A", sheet);
    sim.addSheetNow("Notes B", sheet);
    const sheets = await readUsedRanges(excelContext(sim));
    expect(sim.syncs.every((s) => s.failed === null && s.responseBytes <= PAYLOAD_LIMIT_BYTES)).toBe(true);
    expect(sheets.map((s) => s.grid.length)).toEqual([100, 100]);
    expect(sheets[1].grid[99][18]).toBe(note);
  });

  it("reads again in halves a block whose rows turn out far longer than the ones measured", async () => {
    // Rows 1-3,000 are short (a 1-character cell each: the first block, PROBE_CELLS rows of one
    // column, measures 6 bytes a row, ["a"],); rows 3,001-3,400 hold 20,000-character notes (8 MB):
    // the next block, sized from the measure, fails with ResponsePayloadSizeLimitExceeded and is
    // read again in halves.
    const long = "x".repeat(20_000);
    const grid = [...Array.from({ length: 3_000 }, () => ["a"]), ...Array.from({ length: 400 }, () => [long])];
    const sim = new SimulatedExcel([]);
    sim.addSheetNow("Mixed", grid);
    const sheets = await readUsedRanges(excelContext(sim), undefined, { budgetBytes: 4 * 1024 * 1024 });
    expect(sim.syncs.some((s) => s.failed === "ResponsePayloadSizeLimitExceeded")).toBe(true);
    expect(sim.syncs.filter((s) => s.failed === null).every((s) => s.responseBytes <= PAYLOAD_LIMIT_BYTES)).toBe(true);
    expect(sheets[0].grid.length).toBe(3_400);
    expect(JSON.stringify(sheets[0].grid)).toBe(JSON.stringify(grid));
  });
});

/**
 * The row stream and the first rows (issue 13) read through the same block reader. Empty cells are
 * "" as Range.values gives them ("Null or blank property values in the Excel JavaScript API":
 * empty strings in responses are cells holding no data,
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values), and the
 * used range (Worksheet.getUsedRangeOrNullObject(true), values only) may start below row 1 and
 * right of column A; the rows handed on are indexed and padded as the grid holds them.
 */
describe("streamUsedRange and readSheetHeads", () => {
  // A register from C3 (rows 1-2 and columns A-B empty), 20,000 rows (about 2.7 MB of values),
  // read with a 1 MB budget so the stream takes several blocks.
  const register = registerGrid(20_000);
  const offset = [[], [], ...register.map((r) => [null, null, ...r])];

  it("hands every row of the used range once, in order, with its sheet row and cells from column A, as the grid holds them", async () => {
    const sim = new SimulatedExcel([]);
    sim.addSheetNow("Claims", offset);
    const ctx = excelContext(sim);
    const [grid] = await readUsedRanges(ctx, undefined, { budgetBytes: 1024 * 1024 });
    const [used] = await usedRangesOf(ctx);
    expect([used.rowIndex, used.columnIndex, used.rowCount, used.columnCount]).toEqual([2, 2, 20_001, 19]);
    const before = sim.syncCount;
    const indexes: number[] = [];
    const rows: unknown[][] = [];
    const { bytesPerRow } = await streamUsedRange(ctx, used, (index, cells) => {
      indexes.push(index);
      rows.push([...cells]);
    }, { budgetBytes: 1024 * 1024 });
    expect(indexes[0]).toBe(2);
    expect(indexes.every((r, i) => r === i + 2)).toBe(true);
    expect(JSON.stringify(rows)).toBe(JSON.stringify(grid.grid.slice(2)));
    // A probe block, then blocks of at most the budget; each response under it.
    const streamSyncs = sim.syncs.slice(before);
    const bytes = streamSyncs.reduce((n, s) => n + s.responseBytes, 0);
    expect(streamSyncs.length).toBeLessThanOrEqual(1 + Math.ceil(bytes / (1024 * 1024)) + 1);
    expect(streamSyncs.every((s) => s.responseBytes < 1.1 * 1024 * 1024)).toBe(true);

    // Given the measure, a second pass sends no probe: one sync per chunk.
    const again = sim.syncCount;
    let count = 0;
    await streamUsedRange(ctx, used, () => count++, { budgetBytes: 1024 * 1024, bytesPerRow });
    expect(count).toBe(20_001);
    const second = sim.syncs.slice(again);
    const secondBytes = second.reduce((n, s) => n + s.responseBytes, 0);
    expect(second.length).toBe(Math.ceil(secondBytes / (1024 * 1024)));
  });

  it("stops when the row callback throws, sending no further sync", async () => {
    const sim = new SimulatedExcel([]);
    sim.addSheetNow("Claims", offset);
    const ctx = excelContext(sim);
    const [used] = await usedRangesOf(ctx);
    const before = sim.syncCount;
    await expect(streamUsedRange(ctx, used, (index) => {
      if (index === 10) throw new Error("stop");
    })).rejects.toThrow("stop");
    expect(sim.syncCount - before).toBe(1); // the probe block only
  });

  it("reads every sheet's first rows in one sync, as the grid holds them", async () => {
    const sim = new SimulatedExcel([]);
    sim.addSheetNow("Claims", offset);
    sim.addSheetNow("Empty");
    sim.addSheetNow("Far down", [...Array.from({ length: 80 }, () => []), ["below the first rows"]]);
    sim.addSheetNow("Short", [["a", null, "c"]]);
    const ctx = excelContext(sim);
    const used = await usedRangesOf(ctx);
    const before = sim.syncCount;
    const heads = await readSheetHeads(ctx, used, 64);
    expect(sim.syncCount - before).toBe(1);
    expect(heads.map((h) => h.sheet.name)).toEqual(["Claims", "Empty", "Far down", "Short"]);
    expect(heads[0].sheet.grid.length).toBe(64);
    expect(JSON.stringify(heads[0].sheet.grid.slice(2))).toBe(JSON.stringify(offset.slice(2, 64).map((r) => r.map((v) => (v === null ? "" : v)))));
    expect(heads[0].bytesPerRow).toBeGreaterThan(0);
    expect(heads[1].sheet.grid).toEqual([]);
    expect(heads[1].bytesPerRow).toBeNull();
    expect(heads[2].sheet.grid).toEqual(Array.from({ length: 64 }, () => []));
    expect(heads[3].sheet.grid).toEqual([["a", "", "c"]]);
  });
});

describe("one block reader: the stream hands on exactly the rows the grid holds", () => {
  it("for any sheet, used range offset and budget (property)", async () => {
    const cell = fc.oneof(fc.constant(null), fc.integer({ min: -1e6, max: 1e6 }), fc.string({ maxLength: 40 }), fc.boolean());
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 120 }),
        fc.nat({ max: 3 }),
        fc.nat({ max: 3 }),
        fc.integer({ min: 200, max: 4_000 }),
        async (rows, top, left, budgetBytes) => {
          const grid = [...Array.from({ length: top }, () => []), ...rows.map((r) => [...Array.from({ length: left }, () => null), ...r])];
          const sim = new SimulatedExcel([]);
          sim.addSheetNow("S", grid);
          const ctx = excelContext(sim);
          const [whole] = await readUsedRanges(ctx, undefined, { budgetBytes });
          const [used] = await usedRangesOf(ctx);
          const streamed: unknown[][] = [];
          const indexes: number[] = [];
          if (used.rowCount > 0) {
            await streamUsedRange(ctx, used, (index, cells) => {
              indexes.push(index);
              streamed.push([...cells]);
            }, { budgetBytes });
          }
          const dataRows = whole.grid.slice(used.rowIndex);
          expect(JSON.stringify(streamed)).toBe(JSON.stringify(dataRows));
          expect(indexes).toEqual(dataRows.map((_r, i) => used.rowIndex + i));
        },
      ),
      { numRuns: 60 },
    );
  });
});
