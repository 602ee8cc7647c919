/**
 * The task pane's physician report with a large claims sheet read as a stream of rows (issue 13:
 * the pane's memory stays flat as the register grows), as the command line does it
 * (src/cli/streamedRead.ts): every sheet's first rows are read to find the claims sheet, the other
 * sheets are read whole (they are small), and the claims sheet's used range is read row by row
 * twice into StreamedReport (pass 1 decides what needs the whole sheet, pass 2 tallies); no grid
 * of it is kept, only one block of rows (at most the 4 MB budget) at a time. When the stream
 * cannot give the same report it says so (null) and the caller reads the workbook whole.
 *
 * Syncs: the names and the used ranges' sizes (2, read by the caller), the first rows of every
 * sheet (1), the other sheets whole (0 when there are none, else 1 + their chunks), then one per
 * chunk of the claims sheet in each pass: no probe block, the bytes per row are measured by the
 * first rows. So a constant plus one per chunk read, the claims sheet's chunks twice.
 */
import { STREAM_HEAD_ROWS, StreamedReport } from "../../core/report/streamedReport";
import { claimsSheetOf, UnusableInputError, type WorkbookReport, type WorkbookReportOptions, type WorkbookSheet } from "../../core/report/workbookReport";
import { readSheetHeads, readWholeSheets, streamUsedRange, type ReadOptions, type UsedRange } from "../readSheets";
import { checkCancelled, progress, type OperationOptions } from "./options";
import { registerFor } from "./registerFor";

/**
 * A claims sheet whose used range holds more cells than this is streamed: about 105,000 rows of a
 * 19-column register. Below it the whole read's grid is a few tens of MB of JavaScript and is read
 * once (the stream reads the sheet twice); above it the grid grows by about 1 KB a row, hundreds
 * of MB at a million rows.
 */
export const STREAM_FROM_CELLS = 2_000_000;


/** Rows handed on between progress reports (and cancel checks) inside a pass. */
const PROGRESS_EVERY_ROWS = 20_000;


/**
 * The report with the claims sheet streamed, or null: when no claims sheet is found in the first
 * rows, when it holds `streamFromCells` cells or fewer, or when the stream cannot give the same
 * report (the caller then reads the used ranges whole, as before). `used` is every sheet's used range.
 */
export async function streamedReportOfWorkbook(
  context: Excel.RequestContext,
  used: readonly UsedRange[],
  options: { asOf: WorkbookReportOptions["asOf"]; practiceName?: string; claimsSheet?: string },
  o: OperationOptions,
  streamFromCells: number = STREAM_FROM_CELLS,
): Promise<WorkbookReport | null> {
  if (!used.some((u) => u.rowCount * u.columnCount > streamFromCells)) return null;
  const read: ReadOptions = { beforeSync: () => checkCancelled(o) };
  const heads = await readSheetHeads(context, used, STREAM_HEAD_ROWS, read);
  const headSheets = heads.map((h) => h.sheet);
  let claims: UsedRange;
  let reportOptions: WorkbookReportOptions;
  try {
    const picked = registerFor(headSheets, options.claimsSheet);
    const practiceName = options.practiceName?.trim() ?? "";
    reportOptions = { asOf: options.asOf, ...(picked !== undefined ? { claimsSheet: picked } : {}), ...(practiceName !== "" ? { practiceName } : {}) };
    const name = claimsSheetOf(headSheets, reportOptions).sheet.name;
    claims = used.find((u) => u.name === name) as UsedRange;
  } catch (e) {
    if (e instanceof UnusableInputError) return null; // the whole read says it, with the same words
    throw e;
  }
  if (claims.rowCount * claims.columnCount <= streamFromCells) return null;

  const others = await readWholeSheets(context, used.filter((u) => u !== claims), read);
  const sheets: WorkbookSheet[] = used.map((u, i) => (u === claims ? heads[i].sheet : (others.find((s) => s.name === u.name) as WorkbookSheet)));
  const streamed = StreamedReport.begin(sheets, reportOptions);
  if (!(streamed instanceof StreamedReport)) return null;

  const total = Math.max(1, claims.rowCount);
  let rows = 0;
  const pass = (n: 1 | 2) => (): void => {
    if (++rows % PROGRESS_EVERY_ROWS === 0) {
      progress(o, 0.05 + 0.45 * ((n - 1) / 2 + Math.min(1, rows / total) / 2), `Reading the claims, pass ${n} of 2 (${rows.toLocaleString("en-US")} of ${claims.rowCount.toLocaleString("en-US")} rows)…`);
    }
  };
  // Pass 1's blocks are sized from the first rows' bytes, pass 2's from what pass 1 measured.
  let bytesPerRow = heads.find((h) => h.used === claims)?.bytesPerRow ?? null;
  const passes = await streamed.readTwice(async (n, onRow) => {
    rows = 0;
    const tick = pass(n);
    const measured = await streamUsedRange(context, claims, (index, cells) => {
      onRow(index, cells);
      tick();
    }, { ...read, bytesPerRow });
    bytesPerRow = measured.bytesPerRow;
  }); // UnusableInputError as workbookReport throws it
  return "fallback" in passes ? null : passes.report;
}
