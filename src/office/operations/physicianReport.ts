import type { Day } from "../../core/dates/day";
import { withKpiEmphasis } from "../../core/report/kpiEmphasis";
import type { ReportSummaryJson } from "../../core/report/summaryJson";
import { UnusableInputError, workbookReport } from "../../core/report/workbookReport";
import { OperationError } from "./errors";
import { checkCancelled, progress, type LeftOutCell, type OperationOptions } from "./options";
import { leftOutCells, renderNewSheet } from "./workbook";
import { registerFor } from "./registerFor";
import { readWholeSheets, usedRangesOf } from "../readSheets";
import { STREAM_FROM_CELLS, streamedReportOfWorkbook } from "./streamedPhysicianReport";

/** What the physician report is computed from; `streamFromCells` lowers the streaming threshold (tests, bench). */
export interface ReportOfWorkbookOptions {
  asOf: Day;
  practiceName?: string;
  claimsSheet?: string;
  /** A claims sheet with more cells than this is read as a stream (default STREAM_FROM_CELLS). */
  streamFromCells?: number;
}

/**
 * Writes a new "Physician Report YYYY-MM" tab from the open workbook: reads the used ranges
 * (readUsedRanges), runs the same pipeline as the command line (workbookReport), adds threshold
 * emphasis on the KPI values outside their benchmark (kpiEmphasis), renders it with native charts
 * and activates it. The user's sheets are only read. Syncs: about 3 + ceil(bytes / budget) to
 * read, 2 to write; with a large claims sheet streamed (streamedPhysicianReport.ts), 3 + the other
 * sheets' reads + twice the claims sheet's chunks to read, 2 to write.
 */
export async function generatePhysicianReport(
  context: Excel.RequestContext,
  options: ReportOfWorkbookOptions & OperationOptions,
): Promise<{ sheet: string; summary: ReportSummaryJson; leftOut: LeftOutCell[] }> {
  const o: OperationOptions = { onProgress: options.onProgress, signal: options.signal };
  const report = await reportOfWorkbook(context, options, o, "No report was written");
  const claimsSheet = report.claims.sheet ?? "";
  const leftOut = leftOutCells(report.claims.leftOut, claimsSheet);
  progress(o, 0.7, "Writing the report…");
  const { name } = await renderNewSheet(context, withKpiEmphasis(report.sheet), o, true);
  progress(o, 1, "Done");
  return { sheet: name, summary: report.summary, leftOut };
}

/**
 * Reads the open workbook (chunked reads) and computes the report on the register chosen (or
 * found), with the practice name given; what the report tab and the handout both start from.
 * A claims sheet of more than `streamFromCells` cells is read as a stream, twice, keeping no grid
 * of it (streamedPhysicianReport.ts); when the stream cannot give the report, the workbook is read
 * whole, as for a smaller one. An unusable register is an OperationError that starts with
 * `refusal` ("No report was written").
 */
export async function reportOfWorkbook(
  context: Excel.RequestContext,
  options: ReportOfWorkbookOptions,
  o: OperationOptions,
  refusal: string,
): Promise<ReturnType<typeof workbookReport>> {
  progress(o, 0, "Reading the workbook…");
  try {
    const used = await usedRangesOf(context);
    checkCancelled(o);
    const streamed = await streamedReportOfWorkbook(context, used, options, o, options.streamFromCells ?? STREAM_FROM_CELLS);
    if (streamed !== null) {
      progress(o, 0.5, "Computing the figures…");
      return streamed;
    }
    const sheets = await readWholeSheets(context, used, { beforeSync: () => checkCancelled(o) });
    progress(o, 0.5, "Computing the figures…");
    const claimsSheet = registerFor(sheets, options.claimsSheet);
    const practiceName = options.practiceName?.trim() ?? "";
    return workbookReport(sheets, { asOf: options.asOf, ...(claimsSheet !== undefined ? { claimsSheet } : {}), ...(practiceName !== "" ? { practiceName } : {}) });
  } catch (error) {
    if (error instanceof UnusableInputError) {
      throw new OperationError(`${refusal}: ${error.message}. Set up a Claims Register or convert an export first.`);
    }
    throw error;
  }
}
