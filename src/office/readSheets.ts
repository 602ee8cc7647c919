/**
 * Reads the used ranges of the open workbook's sheets, so the same core pipeline that reads an
 * .xlsx (src/core/report/workbookReport.ts) runs on the open workbook: whole, as grids of cell
 * values (readUsedRanges), or one sheet as a stream of rows that keeps nothing (streamUsedRange,
 * issue 13), or every sheet's first rows (readSheetHeads). All three read through one block
 * reader (readBlocks), which sizes the requests.
 *
 * Requests: one sync for the sheet names, one for the used ranges' sizes (usedRangesOf), then a
 * first block of each sheet (at most PROBE_CELLS cells) whose response MEASURES the bytes per row,
 * then blocks of rows sized from that measure so each response stays under the byte budget (4 MB
 * by default; Excel on the web refuses a response over 5 MB, "Resource limits and performance
 * optimization for Office Add-ins", https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
 * Nothing is known of a sheet before its first block, so first blocks are small and are sent
 * together only while they would fit even if every cell held PROBE_BYTES_PER_CELL bytes of text.
 * Should a block still come back over the limit (rows far longer than those measured), its sync
 * fails with RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded and the block is
 * read again in halves. A register of N bytes takes about 3 + ceil(N / budget) syncs. The measure
 * per row only grows: each block read updates it to the largest seen. A stream given a measure
 * (from the sheet's first rows, or from a pass before) sends no probe: ceil(N / budget) syncs.
 */
import type { CellValue } from "../core/cells/cellValue";
import type { WorkbookSheet } from "../core/report/workbookReport";
import { DEFAULT_BUDGET_BYTES, jsonBytes } from "./requestBudget";

export interface ReadOptions {
  /** Bytes per response (default 4 MB, under Excel's 5 MB limit). */
  budgetBytes?: number;
  /** Called before each sync of a block (e.g. to throw when the user cancelled). */
  beforeSync?: () => void;
}

/** Cells in the first block read of each sheet, before anything is known of its rows' size. */
export const PROBE_CELLS = 2_000;
/**
 * Bytes a first block's cell is allowed for when first blocks are batched: 2,000 cells of 2 KB of
 * text (a long note) still fit one 4 MB response. Longer text is caught by the halving retry.
 */
const PROBE_BYTES_PER_CELL = 2_048;

/**
 * A sheet's used range (Worksheet.getUsedRangeOrNullObject(true): the cells holding values;
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-getusedrangeornullobject-member(1)):
 * 0-based first row and column and its size; an empty sheet has 0 rows and 0 columns.
 */
export interface UsedRange {
  name: string;
  sheet: Excel.Worksheet;
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

/** One sheet's rows to read: `rows` rows of its used range from its row `from` (0-based in the range). */
interface Span {
  used: UsedRange;
  nextRow: number;
  endRow: number;
  bytesPerRow: number | null;
  /** Gets each block's values in order: the sheet's 0-based row of the first, and the rows. */
  take: (sheetRow: number, values: CellValue[][]) => void;
}

interface PendingBlock {
  span: Span;
  range: Excel.Range;
  firstRow: number;
  rows: number;
}

/** A sheet asked for by name that the workbook does not have. */
export class MissingSheetError extends Error {}

/**
 * The used ranges of each sheet (all sheets, or those named, in the workbook's order): two syncs,
 * the names and the sizes. Throws MissingSheetError for a name the workbook does not have.
 */
export async function usedRangesOf(context: Excel.RequestContext, sheetNames?: readonly string[]): Promise<UsedRange[]> {
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

  const ranges = chosen.map((s) => {
    const range = s.sheet.getUsedRangeOrNullObject(true);
    range.load("rowIndex,columnIndex,rowCount,columnCount");
    return { ...s, range };
  });
  await context.sync();
  return ranges.map(({ name, sheet, range }) =>
    range.isNullObject
      ? { name, sheet, rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0 }
      : { name, sheet, rowIndex: range.rowIndex, columnIndex: range.columnIndex, rowCount: range.rowCount, columnCount: range.columnCount },
  );
}

/**
 * The used range of each sheet (all sheets, or those named, in the workbook's order) as
 * `{ name, grid }`: grid[0] is the sheet's row 1 and grid[r][0] its column A, as the core reads
 * them; empty cells are "" (as Office.js gives them), rows above the used range are [].
 */
export async function readUsedRanges(context: Excel.RequestContext, sheetNames?: readonly string[], options: ReadOptions = {}): Promise<WorkbookSheet[]> {
  return readWholeSheets(context, await usedRangesOf(context, sheetNames), options);
}

/** The sheets whose used ranges are given, read whole as readUsedRanges reads them (1 + chunks syncs). */
export async function readWholeSheets(context: Excel.RequestContext, used: readonly UsedRange[], options: ReadOptions = {}): Promise<WorkbookSheet[]> {
  const sheets = used.map((u) => ({ name: u.name, grid: blankRows(u.rowCount === 0 ? 0 : u.rowIndex) }));
  const spans = used.map((u, i): Span => ({ used: u, nextRow: 0, endRow: u.rowCount, bytesPerRow: null, take: gridTaker(u, sheets[i].grid) }));
  await readBlocks(context, spans, options, "probe");
  return sheets;
}

/** A sheet's first rows, as readUsedRanges would hold them, and the bytes per row measured in them. */
export interface SheetHead {
  used: UsedRange;
  /** The sheet's rows 1 … `rows` (fewer when its used range ends before). */
  sheet: WorkbookSheet;
  /** Bytes per row of the rows read as Excel sent them (JSON); null when none were read. */
  bytesPerRow: number | null;
}

/**
 * Every sheet's first `rows` rows (sheet rows 1 … rows), all in one sync: a claims sheet's header
 * is found in its first rows. Should the response pass Excel's limit (thousands of long columns),
 * each sheet's rows are read again in halves, as any block.
 */
export async function readSheetHeads(context: Excel.RequestContext, used: readonly UsedRange[], rows: number, options: ReadOptions = {}): Promise<SheetHead[]> {
  const sheets = used.map((u) => ({ name: u.name, grid: blankRows(u.rowCount === 0 ? 0 : Math.min(u.rowIndex, rows)) }));
  const spans = used.map((u, i): Span => {
    const endRow = Math.max(0, Math.min(u.rowCount, rows - u.rowIndex));
    return { used: u, nextRow: 0, endRow, bytesPerRow: null, take: gridTaker(u, sheets[i].grid) };
  });
  await readBlocks(context, spans, options, "whole");
  return used.map((u, i) => ({ used: u, sheet: sheets[i], bytesPerRow: spans[i].bytesPerRow }));
}

/**
 * Reads one sheet's used range row by row in the same budgeted blocks as readUsedRanges, handing
 * each row to `onRow(index, cells)`: `index` the sheet's 0-based row, `cells` from column A as the
 * grid would hold them ("" for an empty cell, as Range.values gives it). Keeps nothing: each
 * block's values are let go once its rows are handed on. With `bytesPerRow` (measured by the
 * sheet's first rows or by a pass before) no probe block is read: one sync per chunk of the budget.
 * Returns the largest bytes per row measured, for the next pass. `onRow` may throw to stop reading.
 */
export async function streamUsedRange(
  context: Excel.RequestContext,
  used: UsedRange,
  onRow: (index: number, cells: readonly CellValue[]) => void,
  options: ReadOptions & { bytesPerRow?: number | null } = {},
): Promise<{ bytesPerRow: number | null }> {
  const pad: CellValue[] = new Array<CellValue>(used.columnIndex).fill("");
  const take = (sheetRow: number, values: CellValue[][]): void => {
    for (let r = 0; r < values.length; r++) onRow(sheetRow + r, used.columnIndex === 0 ? values[r] : pad.concat(values[r]));
  };
  const span: Span = { used, nextRow: 0, endRow: used.rowCount, bytesPerRow: options.bytesPerRow ?? null, take };
  await readBlocks(context, [span], options, "probe");
  return { bytesPerRow: span.bytesPerRow };
}

/** Hands a block's rows to a grid, padded from column A. */
function gridTaker(used: UsedRange, grid: CellValue[][]): Span["take"] {
  const pad: CellValue[] = new Array<CellValue>(used.columnIndex).fill("");
  return (_sheetRow, values) => {
    for (const row of values) grid.push(used.columnIndex === 0 ? row : pad.concat(row));
  };
}

/**
 * The block reader: reads each span's rows in blocks under the byte budget, in order, and hands
 * each block to its span's `take`. First blocks of spans with no measure yet are "probe" blocks
 * (PROBE_CELLS cells, batched while their worst case fits), or the "whole" span at once (the first
 * rows of every sheet, in one sync); then the rest in blocks sized by the largest bytes per row seen.
 */
async function readBlocks(context: Excel.RequestContext, spans: readonly Span[], options: ReadOptions, first: "probe" | "whole"): Promise<void> {
  const budget = options.budgetBytes ?? DEFAULT_BUDGET_BYTES;
  let pending: PendingBlock[] = [];
  let queuedBytes = 0;
  const flush = async (): Promise<void> => {
    const sent = pending;
    pending = [];
    queuedBytes = 0;
    options.beforeSync?.();
    try {
      await context.sync();
    } catch (e) {
      if (!isPayloadLimit(e)) throw e;
      // Rows far longer than measured: read each block of the failed request again, in halves.
      for (const block of sent) await readInHalves(context, block, options);
      return;
    }
    for (const block of sent) takeBlock(block);
  };
  const queueBlock = (span: Span, rows: number, estimate: number): void => {
    const { used } = span;
    const range = used.sheet.getRangeByIndexes(used.rowIndex + span.nextRow, used.columnIndex, rows, used.columnCount);
    range.load("values");
    pending.push({ span, range, firstRow: span.nextRow, rows });
    span.nextRow += rows;
    queuedBytes += estimate;
  };

  // First blocks: small, to learn the bytes per row of each sheet (or the whole of each span).
  for (const span of spans) {
    if (span.nextRow >= span.endRow || span.bytesPerRow !== null) continue;
    const columns = span.used.columnCount;
    const rows = first === "whole" ? span.endRow : Math.min(span.endRow, Math.max(1, Math.floor(PROBE_CELLS / columns)));
    // The worst case a first block is allowed for, not a guess of its size: nothing is known yet.
    const estimate = first === "whole" ? 0 : rows * columns * PROBE_BYTES_PER_CELL;
    if (pending.length > 0 && queuedBytes + estimate > budget) await flush();
    queueBlock(span, rows, estimate);
  }
  if (pending.length > 0) await flush();

  // The rest: as many rows as the budget holds at the largest bytes per row seen.
  for (const span of spans) {
    while (span.nextRow < span.endRow) {
      // Measured by the span's first block (takeBlock) or given, the largest bytes per row seen so far.
      const perRow = Math.max(1, span.bytesPerRow ?? span.used.columnCount * PROBE_BYTES_PER_CELL);
      const fits = Math.floor((budget - queuedBytes) / perRow);
      if (fits < 1 && pending.length > 0) {
        await flush();
        continue;
      }
      const rows = Math.min(span.endRow - span.nextRow, Math.max(1, fits));
      queueBlock(span, rows, rows * perRow);
    }
  }
  if (pending.length > 0) await flush();
}

/** True for Excel's refusal of a request or response over its payload limit. */
function isPayloadLimit(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

/** Reads a block that came back over the limit as two halves, each in its own sync (and so on). */
async function readInHalves(context: Excel.RequestContext, block: PendingBlock, options: ReadOptions): Promise<void> {
  const { used } = block.span;
  if (block.rows === 1) {
    throw new Error(`Row ${used.rowIndex + block.firstRow + 1} of the sheet "${used.name}" holds more text than Excel can send in one response (5 MB).`);
  }
  const half = Math.ceil(block.rows / 2);
  for (const [firstRow, rows] of [[block.firstRow, half], [block.firstRow + half, block.rows - half]] as const) {
    const range = used.sheet.getRangeByIndexes(used.rowIndex + firstRow, used.columnIndex, rows, used.columnCount);
    range.load("values");
    const part: PendingBlock = { span: block.span, range, firstRow, rows };
    options.beforeSync?.();
    try {
      // Two syncs per halving, only after Excel refused a response: the rare path, not the loop of reads.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (e) {
      if (!isPayloadLimit(e)) throw e;
      await readInHalves(context, part, options);
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
  const { span, range } = block;
  const values = range.values as CellValue[][];
  const bytes = jsonBytes(values);
  const perRow = Math.ceil(bytes / Math.max(1, block.rows));
  span.bytesPerRow = Math.max(span.bytesPerRow ?? 0, perRow);
  span.take(span.used.rowIndex + block.firstRow, values);
}
