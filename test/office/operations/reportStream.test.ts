/**
 * The task pane's physician report with the claims sheet streamed (issue 13), through the
 * simulated Excel host: whatever path the report takes, the tab written is the whole read's, cell
 * for cell. The threshold is lowered through `streamFromCells` so registers of a few thousand
 * rows take the streamed path and the suite stays fast.
 */
import { dayFromYMD } from "../../../src/core/dates/day";
import { generatePhysicianReport, OperationCancelled } from "../../../src/office/operations";
import { SimulatedExcel } from "../simulatedExcel";
import { excelContext, registerGrid, type GridCell } from "../helpers";
import { feeScheduleGrid } from "./fixtures";

const asOf = dayFromYMD(2026, 10, 31) as number;
const LOW = 10_000;

type Book = { name: string; grid: GridCell[][] }[];

async function run(book: Book, streamFromCells?: number, onProgress?: (fraction: number, text: string) => void, signal?: AbortSignal) {
  const sim = new SimulatedExcel([]);
  for (const s of book) sim.addSheetNow(s.name, s.grid);
  const before = sim.snapshotAll();
  const result = await generatePhysicianReport(excelContext(sim), { asOf, practiceName: "Riverside Family Medicine", ...(streamFromCells !== undefined ? { streamFromCells } : {}), onProgress, signal }).then(
    (r) => ({ ok: r, error: null }),
    (e: unknown) => ({ ok: null, error: e }),
  );
  return { sim, before, ...result };
}

/** The first sync of the claims sheet's first pass follows names, sizes and the first rows: the streamed path reads the register twice. */
const streamedTwice = (sim: SimulatedExcel, registerBytes: number): boolean =>
  sim.syncs.reduce((n, s) => n + s.responseBytes, 0) > 2 * registerBytes;

const bytesOf = (grid: GridCell[][]): number => Buffer.byteLength(JSON.stringify(grid.map((r) => r.map((v) => (v === null ? "" : v)))));

describe("physician report, claims sheet streamed", () => {
  jest.setTimeout(30_000);

  test("a register below a title, from column B, after a fee schedule and beside a notes sheet: the same tab as the whole read", async () => {
    const register = registerGrid(3_000);
    // Row 1 a title in B1, row 2 blank, the header on row 3; column A empty: the used range starts at B1.
    const offset: GridCell[][] = [[null, "Claims export, Riverside"], [], ...register.map((r) => [null, ...r])];
    const book: Book = [{ name: "Fee Schedule", grid: feeScheduleGrid() }, { name: "Claims", grid: offset }, { name: "Notes", grid: [["free text"]] }];
    const whole = await run(book);
    const streamed = await run(book, LOW);
    expect(whole.error).toBeNull();
    expect(streamed.error).toBeNull();
    expect(streamedTwice(whole.sim, bytesOf(register))).toBe(false);
    expect(streamedTwice(streamed.sim, bytesOf(register))).toBe(true);
    expect(streamed.ok?.sheet).toBe(whole.ok?.sheet);
    const tab = whole.ok?.sheet as string;
    expect(streamed.sim.snapshot(tab)).toBe(whole.sim.snapshot(tab));
    expect(JSON.stringify(streamed.ok?.summary)).toBe(JSON.stringify(whole.ok?.summary));
    expect(streamed.ok?.leftOut).toEqual(whole.ok?.leftOut);
    // The user's sheets are only read.
    for (const [name, snap] of Object.entries(streamed.before)) expect(streamed.sim.snapshot(name)).toBe(snap);
  });

  test("claims not listed together: the stream gives way and the workbook is read whole, with the same tab", async () => {
    const register = registerGrid(3_000);
    // Rows 3 and 4 are the second and third lines of claim SYN-0000002: one moves to the end.
    expect(register[2][0]).toBe("SYN-0000002");
    expect(register[3][0]).toBe("SYN-0000002");
    const moved = [...register.slice(0, 3), ...register.slice(4), register[3]];
    const book: Book = [{ name: "Claims Register", grid: moved }];
    const whole = await run(book);
    const streamed = await run(book, LOW);
    expect(streamed.error).toBeNull();
    expect(streamed.sim.syncCount).toBeGreaterThan(whole.sim.syncCount); // it tried, then read whole
    const tab = whole.ok?.sheet as string;
    expect(streamed.sim.snapshot(tab)).toBe(whole.sim.snapshot(tab));
    expect(JSON.stringify(streamed.ok?.summary)).toBe(JSON.stringify(whole.ok?.summary));
  });

  test("a claims sheet at or under the threshold is read whole, once", async () => {
    const register = registerGrid(3_000);
    const cells = register.length * register[0].length;
    const at = await run([{ name: "Claims Register", grid: register }], cells);
    expect(streamedTwice(at.sim, bytesOf(register))).toBe(false);
    const over = await run([{ name: "Claims Register", grid: register }], cells - 1);
    expect(streamedTwice(over.sim, bytesOf(register))).toBe(true);
  });

  test("a register with no usable line: the same refusal streamed as read whole, and no tab", async () => {
    const register = registerGrid(3_000);
    // Every date of service unreadable: no line can be used.
    const bad = [register[0], ...register.slice(1).map((r) => [r[0], "not a date", ...r.slice(2)])];
    const whole = await run([{ name: "Claims Register", grid: bad }]);
    const streamed = await run([{ name: "Claims Register", grid: bad }], LOW);
    expect(whole.error).toBeInstanceOf(Error);
    expect((whole.error as Error).message).toMatch(/^No report was written: /);
    expect((streamed.error as Error).message).toBe((whole.error as Error).message);
    expect(streamed.sim.sheets.map((s) => s.name)).toEqual(["Claims Register"]);
  });

  test("cancelled during the first pass: OperationCancelled, no sync after it, no tab written", async () => {
    const register = registerGrid(60_000);
    const controller = new AbortController();
    const result = await run([{ name: "Claims Register", grid: register }], LOW, (_f, text) => {
      if (text.startsWith("Reading the claims, pass 1")) controller.abort();
    }, controller.signal);
    expect(result.error).toBeInstanceOf(OperationCancelled);
    // 60,000 rows are about 8 MB of values: two or three chunks a pass; cancelled at row 20,000 of
    // the first, the second chunk's sync is never sent. Names, sizes, first rows, first chunk.
    expect(result.sim.syncCount).toBe(4);
    expect(result.sim.sheets.map((s) => s.name)).toEqual(["Claims Register"]);
  });
});
