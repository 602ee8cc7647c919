/**
 * Reads the used ranges of the open workbook's sheets as grids of cell values, so the same core
 * pipeline that reads an .xlsx (src/core/report/workbookReport.ts) runs on the open workbook.
 *
 * Requests: one sync for the sheet names, one for the used ranges' sizes, then a first block of
 * each sheet (at most PROBE_CELLS cells) whose response MEASURES the bytes per row, then blocks of
 * rows sized from that measure so each response stays under the byte budget (4 MB by default;
 * Excel on the web refuses a response over 5 MB, "Resource limits and performance optimization for
 * Office Add-ins", https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
 * Nothing is known of a sheet before its first block, so first blocks are small and are sent
 * together only while they would fit even if every cell held PROBE_BYTES_PER_CELL bytes of text.
 * Should a block still come back over the limit (rows far longer than those measured), its sync
 * fails with RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded and the block is
 * read again in halves. A register of N bytes takes about 3 + ceil(N / budget) syncs. The measure
 * per row only grows: each block read updates it to the largest seen.
 */
import type { CellValue } from "../core/cells/cellValue";
import type { WorkbookSheet } from "../core/report/workbookReport";
import { DEFAULT_BUDGET_BYTES, jsonBytes } from "./requestBudget";

export interface ReadOptions {
  /** Bytes per response (default 4 MB, under Excel's 5 MB limit). */
  budgetBytes?: number;
}

/** Cells in the first block read of each sheet, before anything is known of its rows' size. */
export const PROBE_CELLS = 2_000;
/**
 * Bytes a first block's cell is allowed for when first blocks are batched: 2,000 cells of 2 KB of
 * text (a long note) still fit one 4 MB response. Longer text is caught by the halving retry.
 */
const PROBE_BYTES_PER_CELL = 2_048;

interface SheetRead {
  name: string;
  sheet: Excel.Worksheet;
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
  nextRow: number;
  bytesPerRow: number | null;
  grid: CellValue[][];
}

interface PendingBlock {
  read: SheetRead;
  range: Excel.Range;
  firstRow: number;
  rows: number;
}

/** A sheet asked for by name that the workbook does not have. */
export class MissingSheetError extends Error {}

/**
 * The used range of each sheet (all sheets, or those named, in the workbook's order) as
 * `{ name, grid }`: grid[0] is the sheet's row 1 and grid[r][0] its column A, as the core reads
 * them; empty cells are "" (as Office.js gives them), rows above the used range are [].
 */
export async function readUsedRanges(context: Excel.RequestContext, sheetNames?: readonly string[], options: ReadOptions = {}): Promise<WorkbookSheet[]> {
  const budget = options.budgetBytes ?? DEFAULT_BUDGET_BYTES;
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();

  const all = worksheets.items.map((sheet) => ({ sheet, name: sheet.name }));
  let chosen = all;
  if (sheetNames !== undefined) {
    const wanted = sheetNames.map((n) => n.trim().toLowerCase());
    const missing = sheetNames.filter((n, i) => !all.some((s) => s.name.toLowerCase() === wanted[i]));
    if (missing.length > 0) throw new MissingSheetError(`No sheet named ${missing.map((n) => `"${n}"`).join(", ")} in this workbook.`);
    chosen = all.filter((s) => wanted.includes(s.name.toLowerCase()));
  }

  const used = chosen.map((s) => {
    const range = s.sheet.getUsedRangeOrNullObject(true);
    range.load("rowIndex,columnIndex,rowCount,columnCount");
    return { ...s, range };
  });
  await context.sync();

  const reads: SheetRead[] = used.map((u) =>
    u.range.isNullObject
      ? { name: u.name, sheet: u.sheet, rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0, nextRow: 0, bytesPerRow: null, grid: [] }
      : {
          name: u.name, sheet: u.sheet, rowIndex: u.range.rowIndex, columnIndex: u.range.columnIndex, rowCount: u.range.rowCount,
          columnCount: u.range.columnCount, nextRow: 0, bytesPerRow: null, grid: blankRows(u.range.rowIndex),
        },
  );

  let pending: PendingBlock[] = [];
  let queuedBytes = 0;
  const flush = async (): Promise<void> => {
    const sent = pending;
    pending = [];
    queuedBytes = 0;
    try {
      await context.sync();
    } catch (e) {
      if (!isPayloadLimit(e)) throw e;
      // Rows far longer than measured: read each block of the failed request again, in halves.
      for (const block of sent) await readInHalves(context, block);
      return;
    }
    for (const block of sent) takeBlock(block);
  };
  const queueBlock = (read: SheetRead, rows: number, estimate: number): void => {
    const range = read.sheet.getRangeByIndexes(read.rowIndex + read.nextRow, read.columnIndex, rows, read.columnCount);
    range.load("values");
    pending.push({ read, range, firstRow: read.nextRow, rows });
    read.nextRow += rows;
    queuedBytes += estimate;
  };

  // First blocks: small, to learn the bytes per row of each sheet.
  for (const read of reads) {
    if (read.rowCount === 0) continue;
    const rows = Math.min(read.rowCount, Math.max(1, Math.floor(PROBE_CELLS / read.columnCount)));
    // The worst case a first block is allowed for, not a guess of its size: nothing is known yet.
    const estimate = rows * read.columnCount * PROBE_BYTES_PER_CELL;
    if (pending.length > 0 && queuedBytes + estimate > budget) await flush();
    queueBlock(read, rows, estimate);
  }
  if (pending.length > 0) await flush();

  // The rest: as many rows as the budget holds at the largest bytes per row seen.
  for (const read of reads) {
    while (read.nextRow < read.rowCount) {
      // Measured by the sheet's first block (takeBlock), the largest bytes per row seen so far.
      const perRow = Math.max(1, read.bytesPerRow ?? read.columnCount * PROBE_BYTES_PER_CELL);
      const fits = Math.floor((budget - queuedBytes) / perRow);
      if (fits < 1 && pending.length > 0) {
        await flush();
        continue;
      }
      const rows = Math.min(read.rowCount - read.nextRow, Math.max(1, fits));
      queueBlock(read, rows, rows * perRow);
    }
  }
  if (pending.length > 0) await flush();

  return reads.map((r) => ({ name: r.name, grid: r.grid }));
}

/** True for Excel's refusal of a request or response over its payload limit. */
function isPayloadLimit(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

/** Reads a block that came back over the limit as two halves, each in its own sync (and so on). */
async function readInHalves(context: Excel.RequestContext, block: PendingBlock): Promise<void> {
  const { read } = block;
  if (block.rows === 1) {
    throw new Error(`Row ${read.rowIndex + block.firstRow + 1} of the sheet "${read.name}" holds more text than Excel can send in one response (5 MB).`);
  }
  const half = Math.ceil(block.rows / 2);
  for (const [firstRow, rows] of [[block.firstRow, half], [block.firstRow + half, block.rows - half]] as const) {
    const range = read.sheet.getRangeByIndexes(read.rowIndex + firstRow, read.columnIndex, rows, read.columnCount);
    range.load("values");
    const part: PendingBlock = { read, range, firstRow, rows };
    try {
      // Two syncs per halving, only after Excel refused a response: the rare path, not the loop of reads.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (e) {
      if (!isPayloadLimit(e)) throw e;
      await readInHalves(context, part);
      continue;
    }
    takeBlock(part);
  }
}

function blankRows(n: number): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let i = 0; i < n; i++) rows.push([]);
  return rows;
}

function takeBlock(block: PendingBlock): void {
  const { read, range } = block;
  const values = range.values;
  const bytes = jsonBytes(values);
  const perRow = Math.ceil(bytes / Math.max(1, block.rows));
  read.bytesPerRow = Math.max(read.bytesPerRow ?? 0, perRow);
  const pad: CellValue[] = new Array(read.columnIndex).fill("");
  for (const row of values) read.grid.push(read.columnIndex === 0 ? row : pad.concat(row));
}
