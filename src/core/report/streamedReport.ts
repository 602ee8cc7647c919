import type { CellValue } from "../cells/cellValue";
import type { ClaimLine } from "../claims/claimLine";
import { ClaimsStreamReader } from "../import/claimsStreamReader";
import { RegisterColumnsBuilder } from "../claimColumns/registerColumns";
import { ClaimFiguresTally, ClaimsNotTogetherError } from "../claimColumns/claimFiguresTally";
import type { ClaimFigures } from "../claimColumns/claimFigures";
import { claimsSheetOf, reportContext, reportOfClaims, UnusableInputError, type ReportContext, type WorkbookReport, type WorkbookReportOptions, type WorkbookSheet } from "./workbookReport";
import { unusableReason } from "./claimsSource";

/** Lines tallied at a time: their objects and columns are all a streamed report holds of the claims (a few MB). */
export const STREAM_CHUNK_LINES = 4096;

/**
 * Rows of every sheet a host reads first, to find the claims sheet as the whole read would: the
 * header search's 30 (findHeaderRow), a header over two rows, and the practice name's 60 (practiceNameIn).
 */
export const STREAM_HEAD_ROWS = 64;

/** Rows of pass 1 between asking whether the stream can still give the report (readTwice stops reading when not). */
const CHECK_EVERY_ROWS = 4096;

/** Thrown from pass 1's row callback, through the host's reader, to stop reading a sheet the stream gave up on. */
class StopReading extends Error {}

/** Hands every row of the claims sheet present in the file, in order, to `onRow` (pass 1 or 2); what it resolves to is the host's. */
export type ReadClaimRows<R> = (pass: 1 | 2, onRow: (index: number, cells: readonly CellValue[]) => void) => Promise<R>;

/** The stream cannot give the same report as the whole read; `fallback` says why (the caller reads the sheet whole). */
export interface StreamFallback {
  fallback: string;
}

/**
 * workbookReport with the claims sheet given as a stream of rows instead of a grid (issue 13:
 * memory flat as the file grows). The sheets are given as workbookReport takes them, except that
 * the claims sheet's grid holds only its first rows (STREAM_HEAD_ROWS). Then the host gives
 * every row of the claims sheet twice, through `readTwice` (or by hand: `count` each, `endCount()`,
 * `read` each, `finish()`). Pass 1 (ClaimsStreamReader) decides what needs the whole sheet (payer spellings,
 * credit signs, the balance column's signs, whether claims are listed together); pass 2 hands each
 * corrected line to the register's builder, whose columns are tallied every STREAM_CHUNK_LINES
 * lines (ClaimFiguresTally) and dropped. No grid, line or column of the whole register is kept.
 *
 * Wherever it says it can stream, it gives the same report as workbookReport (the tests hold it
 * to it); where it cannot (a transaction ledger, claims not listed together, …) `begin`, `endCount`
 * or `finish` says why, and the host reads the workbook whole.
 */
export class StreamedReport {
  private readonly reader: ClaimsStreamReader;
  private readonly builder: RegisterColumnsBuilder;
  private readonly tally: ClaimFiguresTally;
  private chunk: ClaimLine[] = [];

  private constructor(
    private readonly context: ReportContext,
    head: readonly (readonly CellValue[])[],
    private readonly options: WorkbookReportOptions,
    private readonly chunkLines: number,
  ) {
    this.builder = new RegisterColumnsBuilder(chunkLines, "chunks");
    this.reader = new ClaimsStreamReader(head, { sheet: context.claimsSheet, asOf: options.asOf, onLine: (line) => this.take(line) });
    this.tally = new ClaimFiguresTally({ asOf: options.asOf, feeSchedule: context.feeSchedule?.rows ?? null, feeTolerance: options.feeTolerance, rvuTable: context.rvuTable });
  }

  /**
   * Starts a streamed report, or says why the claims cannot be streamed. Throws UnusableInputError
   * as workbookReport does when no sheet holds claims.
   */
  static begin(sheets: readonly WorkbookSheet[], options: WorkbookReportOptions, chunkLines = STREAM_CHUNK_LINES): StreamedReport | StreamFallback {
    const found = claimsSheetOf(sheets, options);
    const context = reportContext(sheets, found, options);
    const streamed = new StreamedReport(context, found.sheet.grid, options, Math.max(1, Math.floor(chunkLines)));
    const why = streamed.cannot();
    return why === null ? streamed : { fallback: why };
  }

  /**
   * Both passes over the claims sheet through the host's reader: pass 1 stops as soon as the stream
   * knows it cannot give the report (asked every 4,096 rows; the row callback throws, and the
   * host's reader must let that error out as it is), pass 2 follows only when it can. The report
   * and what the host's reader gave for pass 2, or why the stream gave way.
   */
  async readTwice<R>(readRows: ReadClaimRows<R>): Promise<{ report: WorkbookReport; read: R } | StreamFallback> {
    let rows = 0;
    try {
      await readRows(1, (index, cells) => {
        this.count(index, cells);
        if (++rows % CHECK_EVERY_ROWS === 0 && this.cannot() !== null) throw new StopReading();
      });
    } catch (e) {
      // The stream cannot give the report (claims not listed together, …): no need to read on.
      if (!(e instanceof StopReading)) throw e;
    }
    const why = this.endCount();
    if (why !== null) return { fallback: why };
    const read = await readRows(2, (index, cells) => this.read(index, cells));
    const report = this.finish();
    return "fallback" in report ? report : { report, read };
  }

  /** Pass 1: every row of the claims sheet present in the file, in order (0-based index). */
  count(index: number, cells: readonly CellValue[]): void {
    if (this.reader.streamable === true) this.reader.count(index, cells);
  }

  /** The end of pass 1: null when pass 2 can follow, else why the sheet must be read whole. */
  endCount(): string | null {
    if (this.reader.streamable === true) this.reader.endCount();
    return this.cannot();
  }

  /** Pass 2: the same rows again. */
  read(index: number, cells: readonly CellValue[]): void {
    this.reader.read(index, cells);
  }

  /** The report, or why the stream could not give it after all (then read the workbook whole). */
  finish(): WorkbookReport | StreamFallback {
    this.tallyChunk();
    const claims = this.reader.finish();
    const why = this.cannot();
    if (why !== null) return { fallback: why };
    let claimFigures: ClaimFigures;
    try {
      claimFigures = this.tally.finish();
    } catch (e) {
      if (e instanceof ClaimsNotTogetherError) return { fallback: e.message };
      throw e;
    }
    const unusable = unusableReason(claims, this.context.claimsSheet, claims.linesUsed);
    if (unusable !== null) throw new UnusableInputError(unusable);
    return reportOfClaims(this.context, claims, { lines: [], claimFigures, linesUsed: claims.linesUsed, paidAfterAsOf: claims.linesPaidAfterAsOf }, this.options);
  }

  private cannot(): string | null {
    const s = this.reader.streamable;
    return s === true ? null : s.reason;
  }

  private take(line: ClaimLine): void {
    this.chunk.push(line);
    this.builder.add(line);
    if (this.chunk.length === this.chunkLines) this.tallyChunk();
  }

  private tallyChunk(): void {
    if (this.chunk.length === 0) return;
    this.tally.add(this.builder.takeChunk(this.chunk));
    this.chunk = [];
  }
}
