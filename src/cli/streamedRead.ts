/**
 * The report with the claims sheet read as a stream of rows (issue 13: memory flat as the file
 * grows): every sheet's first rows are read to find the claims sheet by its header, the other
 * sheets are read whole (they are small), and the claims sheet is read row by row twice
 * (StreamedReport: pass 1 decides what needs the whole sheet, pass 2 tallies the figures); no
 * grid, no claim line and no column of the register is kept. When the stream cannot give the same
 * report (a transaction ledger, claims not listed together, rows out of order in the file), it says
 * why and the caller reads the workbook whole, as before.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { OptionSpec } from "./args";
import type { SheetGrid } from "../files/readWorkbook";
import { openXlsxSheets, RowsOutOfOrderError } from "../files/xlsxSheets";
import { openCsvRows } from "../files/csvRows";
import type { CellValue } from "../core/cells/cellValue";
import { claimsSheetOf, UnusableInputError, type WorkbookReport, type WorkbookReportOptions, type WorkbookSheet } from "../core/report/workbookReport";
import { STREAM_HEAD_ROWS, StreamedReport } from "../core/report/streamedReport";

export type StreamMode = "auto" | "always" | "never";

type RowSink = (index: number, cells: readonly CellValue[]) => void;

export const STREAM_OPTIONS: readonly OptionSpec[] = [
  {
    name: "stream", value: true, placeholder: "auto|always|never",
    help: "read the claims sheet row by row, in two passes, so memory stays flat as the file grows (auto, the default: when its sheet holds over 8 MB of XML, about 13,000 lines; never: read it whole)",
  },
];

/**
 * Claims sheets with more XML than this (or CSV files larger) are streamed when --stream is auto:
 * about 13,000 rows of 19 columns in .xlsx. Below it the whole read takes little memory and is a
 * little faster (the stream reads the sheet twice); above it the whole read's memory grows by about
 * 0.7 KB a line (npm run bench).
 */
export const STREAM_FROM_BYTES = 8 * 1024 * 1024;

/** A workbook read sheet by sheet: an .xlsx (xlsxSheets.ts) or a CSV file as its one sheet (csvRows.ts). */
interface SheetSource {
  readonly names: readonly string[];
  /** The sheet's size in bytes: an .xlsx worksheet's XML, a CSV file. */
  bytes(name: string): number;
  head(name: string, rows: number): Promise<SheetGrid>;
  grid(name: string): Promise<SheetGrid>;
  forEachRow(name: string, onRow: (index: number, cells: readonly CellValue[]) => void): Promise<{ notes: string[] }>;
  close(): void;
}

/** The file as a SheetSource; null for a kind the stream does not read; "small" for a CSV file under `minBytes` (not opened). */
async function openSource(input: string, minBytes: number): Promise<SheetSource | null | "small"> {
  const ext = path.extname(input).toLowerCase();
  if (ext === ".xlsx" || ext === ".xlsm") {
    const book = await openXlsxSheets(input);
    return { names: book.names, bytes: (n) => book.xmlBytes(n), head: (n, r) => book.head(n, r), grid: (n) => book.grid(n), forEachRow: (n, f) => book.forEachRow(n, f), close: () => book.close() };
  }
  if (ext !== ".csv" && ext !== ".txt") return null;
  if ((await fs.promises.stat(input)).size < minBytes) return "small";
  // A CSV file is one sheet named after the file, as readWorkbookGrids names it; its first pass (on
  // opening) decides its encoding, separator and decimal commas as the whole read does.
  const name = path.basename(input, path.extname(input));
  const csv = await openCsvRows(input, name);
  return {
    names: [name], bytes: () => csv.bytes, head: (_n, r) => csv.head(r),
    grid: () => { throw new Error("a CSV file's one sheet is its claims sheet"); },
    forEachRow: (_n, f) => csv.forEachRow(f), close: () => undefined,
  };
}


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
  if (mode === "never") return { report: null, reason: null };
  const book = await openSource(input, mode === "auto" ? STREAM_FROM_BYTES : 0);
  if (book === "small") return { report: null, reason: null };
  if (book === null) return { report: null, reason: mode === "always" ? `${path.basename(input)} is neither an .xlsx workbook nor a CSV file; read whole` : null };
  try {
    const heads: SheetGrid[] = [];
    for (const name of book.names) heads.push(await book.head(name, STREAM_HEAD_ROWS));
    let claimsSheet: string;
    try {
      claimsSheet = claimsSheetOf(heads, options).sheet.name;
    } catch (e) {
      if (e instanceof UnusableInputError) return { report: null, reason: null }; // the whole read says it, with the same words
      throw e;
    }
    if (mode === "auto" && book.bytes(claimsSheet) < STREAM_FROM_BYTES) return { report: null, reason: null };
    const sheets: SheetGrid[] = [];
    for (const head of heads) sheets.push(head.name === claimsSheet ? head : await book.grid(head.name));
    const withName = { ...options, practiceName: options.practiceName ?? practiceName(sheets) };
    const streamed = StreamedReport.begin(sheets, withName);
    if (!(streamed instanceof StreamedReport)) return { report: null, reason: streamed.fallback };
    let rows = 0;
    const counted = (onRow: RowSink): RowSink => (index, cells) => {
      onRow(index, cells);
      if (progress !== undefined && ++rows % 20000 === 0) progress(rows);
    };
    const passes = await streamed.readTwice((pass, onRow) => book.forEachRow(claimsSheet, pass === 1 ? counted(onRow) : onRow));
    if ("fallback" in passes) return { report: null, reason: passes.fallback };
    // The claims sheet's first rows are let go with the rest; its reading notes stay.
    const kept = sheets.map((s) => (s.name === claimsSheet ? { ...s, grid: [], notes: passes.read.notes } : s));
    return { report: passes.report, sheets: kept };
  } catch (e) {
    if (e instanceof RowsOutOfOrderError) return { report: null, reason: `${e.message}; read whole` };
    throw e;
  } finally {
    book.close();
  }
}
