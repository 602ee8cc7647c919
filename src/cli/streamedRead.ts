/**
 * The report with the claims sheet read as a stream of rows (issue 13: memory flat as the file
 * grows): every sheet's first rows are read to find the claims sheet by its header, the other
 * sheets are read whole (they are small), and the claims sheet is read row by row twice
 * (StreamedReport: pass 1 decides what needs the whole sheet, pass 2 tallies the figures); no
 * grid, no claim line and no column of the register is kept. When the stream cannot give the same
 * report (a transaction ledger, claims not listed together, rows out of order in the file), it says
 * why and the caller reads the workbook whole, as before.
 */
import * as path from "node:path";
import type { OptionSpec } from "./args";
import type { SheetGrid } from "../files/readWorkbook";
import { openXlsxSheets, RowsOutOfOrderError } from "../files/xlsxSheets";
import { claimsSheetOf, UnusableInputError, type WorkbookReport, type WorkbookReportOptions, type WorkbookSheet } from "../core/report/workbookReport";
import { StreamedReport } from "../core/report/streamedReport";

export type StreamMode = "auto" | "always" | "never";

/** Thrown from a row callback to stop reading a sheet whose stream has given way to the whole read. */
class StopReading extends Error {}

export const STREAM_OPTIONS: readonly OptionSpec[] = [
  {
    name: "stream", value: true, placeholder: "auto|always|never",
    help: "read the claims sheet row by row, in two passes, so memory stays flat as the file grows (auto, the default: when its sheet holds over 8 MB of XML, about 13,000 lines; never: read it whole)",
  },
];

/**
 * Claims sheets with more XML than this are streamed when --stream is auto: about 13,000 rows of 19
 * columns. Below it the whole read takes little memory and is a little faster (the stream reads the
 * sheet twice); above it the whole read's memory grows by about 0.7 KB a line (npm run bench).
 */
export const STREAM_FROM_XML_BYTES = 8 * 1024 * 1024;

/** Rows read of each sheet to find the claims sheet: the header search's 30, a two-row header, the practice name's 60. */
const HEAD_ROWS = 64;

/** The --stream value as a mode; null when it is none of them (a usage error). */
export function streamModeOf(value: string | undefined): StreamMode | null {
  if (value === undefined || value === "auto") return "auto";
  return value === "always" || value === "never" ? value : null;
}

export type StreamedRead =
  | { report: WorkbookReport; sheets: SheetGrid[] }
  /** Not streamed: `reason` says why when the manager asked for it or the sheet was large enough (null: small, read whole silently). */
  | { report: null; reason: string | null };

/**
 * The report of an .xlsx with its claims sheet streamed, or why not. `practiceName` gets the
 * sheets (the claims sheet's first rows) to find the practice's name in, as the whole read does.
 */
export async function streamedReport(
  input: string,
  mode: StreamMode,
  options: WorkbookReportOptions,
  practiceName: (sheets: readonly WorkbookSheet[]) => string | undefined,
  /** Called with the rows read so far every 20,000 rows of the first pass. */
  progress?: (rows: number) => void,
): Promise<StreamedRead> {
  const ext = path.extname(input).toLowerCase();
  if (mode === "never") return { report: null, reason: null };
  if (ext !== ".xlsx" && ext !== ".xlsm") return { report: null, reason: mode === "always" ? `${path.basename(input)} is not an .xlsx workbook; read whole` : null };
  const book = await openXlsxSheets(input);
  try {
    const heads: SheetGrid[] = [];
    for (const name of book.names) heads.push(await book.head(name, HEAD_ROWS));
    let claimsSheet: string;
    try {
      claimsSheet = claimsSheetOf(heads, options).sheet.name;
    } catch (e) {
      if (e instanceof UnusableInputError) return { report: null, reason: null }; // the whole read says it, with the same words
      throw e;
    }
    if (mode === "auto" && book.xmlBytes(claimsSheet) < STREAM_FROM_XML_BYTES) return { report: null, reason: null };
    const sheets: SheetGrid[] = [];
    for (const head of heads) sheets.push(head.name === claimsSheet ? head : await book.grid(head.name));
    const withName = { ...options, practiceName: options.practiceName ?? practiceName(sheets) };
    const streamed = StreamedReport.begin(sheets, withName);
    if (!(streamed instanceof StreamedReport)) return { report: null, reason: streamed.fallback };
    let rows = 0;
    try {
      await book.forEachRow(claimsSheet, (index, cells) => {
        streamed.count(index, cells);
        if (++rows % 4096 === 0 && streamed.cannotStream !== null) throw new StopReading();
        if (progress !== undefined && rows % 20000 === 0) progress(rows);
      });
    } catch (e) {
      // The stream cannot give the report (claims not listed together, …): no need to read on.
      if (!(e instanceof StopReading)) throw e;
    }
    const why = streamed.endCount();
    if (why !== null) return { report: null, reason: why };
    const read = await book.forEachRow(claimsSheet, (index, cells) => streamed.read(index, cells));
    const report = streamed.finish();
    if ("fallback" in report) return { report: null, reason: report.fallback };
    // The claims sheet's first rows are let go with the rest; its reading notes stay.
    const kept = sheets.map((s) => (s.name === claimsSheet ? { ...s, grid: [], notes: read.notes } : s));
    return { report, sheets: kept };
  } catch (e) {
    if (e instanceof RowsOutOfOrderError) return { report: null, reason: `${e.message}; read whole` };
    throw e;
  } finally {
    book.close();
  }
}
