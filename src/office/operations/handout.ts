import type { Day } from "../../core/dates/day";
import { physicianReport } from "../../core/report/physicianReport";
import { OperationError } from "./errors";
import { checkCancelled, progress, type OperationOptions } from "./options";
import { reportOfWorkbook } from "./physicianReport";

/** Base64 of bytes, in chunks (String.fromCharCode on the whole array would overflow the stack). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/**
 * The physicians' handout as a NEW workbook: reads the open workbook, computes the report, builds
 * the handout .xlsx in the pane with the command line's renderer (ExcelJS + DrawingML charts,
 * loaded on demand so the pane's first load stays small) and opens it with
 * Excel.createWorkbook(base64), ExcelApi 1.8 (Office.js reference, "Excel.createWorkbook":
 * https://learn.microsoft.com/javascript/api/excel#excel-excel-createworkbook-function(1)).
 * The open workbook is only read. The handout is about 70 KB (the demo's), far below the 5 MB a
 * request may carry on the web. Where Windows' extensionHardening policy blocks the call
 * (office-js#3568), the error says so in plain words.
 */
export async function openPhysicianHandout(
  context: Excel.RequestContext,
  options: { asOf: Day; practiceName?: string; claimsSheet?: string; createWorkbook?: (base64: string) => Promise<void> } & OperationOptions,
): Promise<{ bytes: number; sheet: string }> {
  const o: OperationOptions = { onProgress: options.onProgress, signal: options.signal };
  const report = await reportOfWorkbook(context, options, o, "No handout was made");
  progress(o, 0.7, "Building the handout…");
  const sheet = physicianReport(report.figures, { audience: "physicians" });
  const { handoutWorkbookBytes } = await import("../../files/writeHandoutWorkbook");
  const bytes = await handoutWorkbookBytes(sheet);
  checkCancelled(o);
  progress(o, 0.9, "Opening it as a new workbook…");
  const create = options.createWorkbook ?? ((b64: string) => Excel.createWorkbook(b64));
  try {
    await create(bytesToBase64(bytes));
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    throw new OperationError(
      /extension hardening/i.test(text)
        ? "Excel refused to open the handout as a new workbook (the extension hardening policy of this computer). Generate the report tab instead, or use the command line's --handout."
        : `Excel could not open the handout as a new workbook: ${text}`,
    );
  }
  progress(o, 1, "Done");
  return { bytes: bytes.length, sheet: sheet.name };
}
