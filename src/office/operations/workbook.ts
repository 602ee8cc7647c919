import type { CellValue } from "../../core/cells/cellValue";
import type { WorkbookSheet } from "../../core/report/workbookReport";
import { readUsedRanges } from "../readSheets";
import { renderSheetDescription, RenderSheetError, type RenderResult } from "../renderSheet";
import type { SheetDescription } from "../../core/sheet/sheetDescription";
import { OperationError } from "./errors";
import { checkCancelled, isCancellation, type LeftOutCell, type OperationOptions } from "./options";

/** The workbook's sheet names, in order (one sync). */
export async function sheetNames(context: Excel.RequestContext): Promise<string[]> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  return worksheets.items.map((w) => w.name);
}

/** The name as the workbook spells it (Excel compares sheet names case-insensitively), or null. */
export function findName(names: readonly string[], wanted: string): string | null {
  const w = wanted.trim().toLowerCase();
  return names.find((n) => n.toLowerCase() === w) ?? null;
}

/** Reads the sheets named (used ranges, row blocks under the byte budget), checking for cancel first. */
export async function readSheets(context: Excel.RequestContext, names: readonly string[] | undefined, o: OperationOptions): Promise<WorkbookSheet[]> {
  checkCancelled(o);
  const sheets = await readUsedRanges(context, names);
  checkCancelled(o);
  return sheets;
}

/**
 * Renders a sheet description as a new sheet: a cancel request stops it before its next sync and
 * removes the partial sheet (OperationCancelled comes out); a failure removes it too and comes out
 * as an OperationError in plain words.
 */
export async function renderNewSheet(context: Excel.RequestContext, sheet: SheetDescription, o: OperationOptions, activate = true): Promise<RenderResult> {
  try {
    return await renderSheetDescription(context, sheet, { activate, beforeSync: () => checkCancelled(o), passThrough: isCancellation });
  } catch (error) {
    if (isCancellation(error)) throw error;
    if (error instanceof RenderSheetError) throw new OperationError(error.message, undefined, error);
    throw error;
  }
}

/** Deletes sheets this operation created (one sync); never throws, says what it could not remove. */
export async function removeSheets(context: Excel.RequestContext, names: readonly string[]): Promise<string[]> {
  if (names.length === 0) return [];
  const left: string[] = [];
  try {
    for (const n of names) context.workbook.worksheets.getItem(n).delete();
    await context.sync();
  } catch {
    // One by one, so one that cannot go does not keep the others (failure path only: a few sheets at most).
    for (const n of names) {
      try {
        context.workbook.worksheets.getItem(n).delete();
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
      } catch (e) {
        if ((e as { code?: unknown }).code !== "ItemNotFound") left.push(n);
      }
    }
  }
  return left;
}

/** "A12": the cell of a left-out row, in its column when the reader named one by letter, else in `fallbackColumn`. */
export function leftOutAddress(row: number, column: string | undefined, fallbackColumn: string): string {
  const letters = column !== undefined ? /^\s*([A-Z]{1,3})\b/.exec(column)?.[1] : undefined;
  return `${letters ?? fallbackColumn}${row}`;
}

/** Left-out rows as cells the pane can select. */
export function leftOutCells(rows: readonly { sheet?: string; row: number; column?: string; reason: string }[], sheet: string, fallbackColumn = "A", rowOffset = 0): LeftOutCell[] {
  return rows.map((l) => {
    const row = l.row + rowOffset;
    const cell: LeftOutCell = { sheet: l.sheet ?? sheet, row, reason: l.reason, address: leftOutAddress(row, l.column, fallbackColumn) };
    if (l.column !== undefined) cell.column = l.column;
    return cell;
  });
}

/** The first column (letters) holding a value in a grid, "A" when none. */
export function firstUsedColumn(grid: readonly (readonly CellValue[])[]): number {
  let first = Infinity;
  for (const row of grid) {
    if (!Array.isArray(row)) continue;
    for (let c = 0; c < row.length && c < first; c++) if (row[c] !== "" && row[c] !== null && row[c] !== undefined) first = c;
  }
  return Number.isFinite(first) ? first : 0;
}

/** The Day of today in the user's time zone. */
export function today(): number {
  const now = new Date();
  return Math.floor(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / 86_400_000);
}
