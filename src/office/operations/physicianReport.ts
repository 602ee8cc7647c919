import type { Day } from "../../core/dates/day";
import { withKpiEmphasis } from "../../core/report/kpiEmphasis";
import type { ReportSummaryJson } from "../../core/report/summaryJson";
import { UnusableInputError, workbookReport } from "../../core/report/workbookReport";
import { OperationError } from "./errors";
import { progress, type LeftOutCell, type OperationOptions } from "./options";
import { leftOutCells, readSheets, renderNewSheet } from "./workbook";
import { registerFor } from "./registerFor";

/**
 * Writes a new "Physician Report YYYY-MM" tab from the open workbook: reads the used ranges
 * (readUsedRanges), runs the same pipeline as the command line (workbookReport), adds threshold
 * emphasis on the KPI values outside their benchmark (kpiEmphasis), renders it with native charts
 * and activates it. The user's sheets are only read. Syncs: about 3 + ceil(bytes / budget) to
 * read, 2 to write.
 */
export async function generatePhysicianReport(
  context: Excel.RequestContext,
  options: { asOf: Day; practiceName?: string; claimsSheet?: string } & OperationOptions,
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
 * An unusable register is an OperationError that starts with `refusal` ("No report was written").
 */
export async function reportOfWorkbook(
  context: Excel.RequestContext,
  options: { asOf: Day; practiceName?: string; claimsSheet?: string },
  o: OperationOptions,
  refusal: string,
): Promise<ReturnType<typeof workbookReport>> {
  progress(o, 0, "Reading the workbook…");
  const sheets = await readSheets(context, undefined, o);
  progress(o, 0.5, "Computing the figures…");
  try {
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
