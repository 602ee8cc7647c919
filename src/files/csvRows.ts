/**
 * A CSV export read row by row, never whole in memory (issue 13: memory flat as the file grows):
 * the file is read in parts (1 MB by default) through a file handle, decoded part by part and split
 * by csv.ts's one tokenizer, so neither its bytes, nor its text, nor its rows are held.
 *
 * What needs the whole file is decided when it is opened, by a first pass that keeps counts only
 * (csv.ts's CsvSurvey): UTF-8 or Windows-1252 (the whole file must be valid UTF-8), the separator
 * (its first 200 lines), the header's width (its first 50 rows), decimal commas (whether they
 * outnumber decimal points, and the cells converted). Every row then comes out exactly as
 * readCsvBytes(whole file).grid holds it, with the same notes, however large the file and whatever
 * the part size.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { CellValue } from "../core/cells/cellValue";
import {
  checkedRow,
  CsvSurvey,
  CsvTextDecoder,
  CsvTokenizer,
  decimalCommaNotes,
  DelimiterLines,
  detectDelimiter,
  encodingByMark,
  fileNotes,
  ReadAgain,
  type CsvDecisions,
  type CsvEncoding,
  type LongRows,
} from "./csv";
import type { SheetGrid } from "./xlsxReader";
import { UnreadableFileError } from "./zipPackage";

/** Bytes read from the file at a time. */
export const CSV_PART_BYTES = 1024 * 1024;

/**
 * Characters of one row the first pass holds without knowing how it ends (a quote never closed
 * would otherwise hold the rest of the file): past them it reads on without the text to learn it,
 * then reads the file again (one more pass for each such row; Excel's cells hold 32,767 characters).
 */
export const CSV_HOLD_ROW_CHARACTERS = 8 * 1024 * 1024;

export interface CsvRowsOptions {
  /** Bytes read at a time (tests read in parts down to 1 byte); CSV_PART_BYTES by default. */
  partBytes?: number;
  /** CSV_HOLD_ROW_CHARACTERS by default (tests make it small). */
  holdRowCharacters?: number;
}

/** What forEachRow read: the number of rows (the grid's length) and the notes for the manager. */
export interface CsvRowsRead {
  rows: number;
  /** As readWorkbookGrids gives them for the file: separator, encoding, decimal commas, rows with an issue. */
  notes: string[];
}

export interface CsvRows {
  /** The sheet's name (the file's name without its extension, as readWorkbookGrids names it). */
  readonly sheet: string;
  readonly encoding: CsvEncoding;
  readonly delimiter: string;
  readonly decimalComma: boolean;
  /** The file's size in bytes, and its rows (the grid's length), from the first pass. */
  readonly bytes: number;
  readonly rows: number;
  /**
   * The first `rows` rows as readWorkbookGrids' grid holds them (cells and issue cells), with the
   * notes that concern them (the file's, decimal commas, issues on these rows); reading stops there.
   */
  head(rows: number): Promise<SheetGrid>;
  /**
   * Every row in order: `index` 0-based (the grid's), `cells` the grid's row at that index (a new
   * array each row). At the end, the notes readWorkbookGrids gives for the file. Can be called again
   * (each call reads the file afresh); an error thrown by onRow comes out as it is.
   */
  forEachRow(onRow: (index: number, cells: readonly CellValue[]) => void): Promise<CsvRowsRead>;
}

/** Where the text of one pass goes: parts (true to stop reading), then the end (not called after a stop). */
interface TextSink {
  text(part: string): boolean;
  end(): void;
}

/** The file read, with its size and modification time when opened: each pass reads the same file or refuses. */
interface CsvFile {
  path: string;
  size: number;
  mtimeMs: number;
}

/** Refuses a file written to since it was opened (an export still being written): its passes would not read the same rows. */
async function unchanged(handle: fs.promises.FileHandle, file: CsvFile): Promise<void> {
  const now = await handle.stat();
  if (now.size !== file.size || now.mtimeMs !== file.mtimeMs) {
    throw new UnreadableFileError(`${path.basename(file.path)}: the file changed while it was being read; read it again once it is no longer being written`);
  }
}

/** Thrown inside a pass when the file is not valid UTF-8 (the decoder's TypeError, told apart from the sink's errors). */
class NotUtf8 extends Error {}

/**
 * One pass over the file: its bytes after the byte-order mark read in parts, decoded, a leading
 * U+FEFF of the text dropped (as readCsvText does), given to the sink.
 */
async function readPass(file: CsvFile, encoding: CsvEncoding, markBytes: number, partBytes: number, sink: TextSink): Promise<void> {
  const handle = await fs.promises.open(file.path, "r");
  try {
    await unchanged(handle, file);
    const decoder = new CsvTextDecoder(encoding);
    const buffer = Buffer.alloc(partBytes);
    let position = markBytes;
    let started = false;
    const give = (text: string): boolean => {
      if (text.length === 0) return false;
      if (!started) {
        started = true;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      return sink.text(text);
    };
    const decode = (bytes: Uint8Array, final: boolean): string => {
      try {
        return decoder.decode(bytes, final);
      } catch (e) {
        // The fatal UTF-8 decoder throws only on bytes that are not UTF-8 (a TypeError, of Node's realm).
        if (encoding === "UTF-8") throw new NotUtf8();
        throw e;
      }
    };
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, partBytes, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      if (give(decode(buffer.subarray(0, bytesRead), false))) return;
    }
    if (give(decode(new Uint8Array(0), true))) return;
    await unchanged(handle, file);
    sink.end();
  } finally {
    await handle.close();
  }
}

/** What the first pass learnt: the decisions, the number of rows, the rows too long to hold unknown. */
interface Surveyed {
  decisions: CsvDecisions;
  rows: number;
  known: LongRows;
}

/**
 * The first pass: the separator from the first lines, then every row through CsvSurvey; nothing kept
 * but counts. Read again from the start (all counts afresh) each time a row too long to hold is learnt.
 */
async function surveyPass(file: CsvFile, encoding: CsvEncoding, markBytes: number, partBytes: number, holdCharacters: number): Promise<Surveyed> {
  const known: LongRows = { unterminated: new Set(), ending: new Set() };
  for (;;) {
    try {
      return { ...(await surveyOnce(file, encoding, markBytes, partBytes, { known, holdCharacters })), known };
    } catch (e) {
      if (!(e instanceof ReadAgain)) throw e;
    }
  }
}

async function surveyOnce(
  file: CsvFile,
  encoding: CsvEncoding,
  markBytes: number,
  partBytes: number,
  rowOptions: { known: LongRows; holdCharacters: number },
): Promise<{ decisions: CsvDecisions; rows: number }> {
  const lines = new DelimiterLines();
  let survey: CsvSurvey | null = null;
  let tokenizer: CsvTokenizer | null = null;
  let rows = 0;
  const start = (text: string): CsvTokenizer => {
    const delimiter = detectDelimiter(text);
    const s = new CsvSurvey(delimiter);
    survey = s;
    const t = new CsvTokenizer(
      delimiter,
      (r) => {
        s.add(r);
        rows++;
      },
      rowOptions,
    );
    tokenizer = t;
    t.push(text);
    return t;
  };
  await readPass(file, encoding, markBytes, partBytes, {
    text(part) {
      if (tokenizer !== null) tokenizer.push(part);
      else if (lines.push(part)) start(lines.text());
      return false;
    },
    end() {
      (tokenizer ?? start(lines.text())).end();
    },
  });
  if (survey === null) throw new Error("the CSV survey ended without its text"); // readPass always ends the sink
  return { decisions: (survey as CsvSurvey).decisions(), rows };
}

class OpenedCsv implements CsvRows {
  readonly delimiter: string;
  readonly decimalComma: boolean;

  constructor(
    private readonly file: CsvFile,
    readonly sheet: string,
    readonly encoding: CsvEncoding,
    private readonly markBytes: number,
    private readonly partBytes: number,
    private readonly decisions: CsvDecisions,
    private readonly known: LongRows,
    readonly bytes: number,
    readonly rows: number,
  ) {
    this.delimiter = decisions.delimiter;
    this.decimalComma = decisions.decimalComma;
  }

  /** The notes before any row's: separator, encoding, decimal commas. */
  private firstNotes(): string[] {
    return [...fileNotes(this.sheet, this.encoding, this.delimiter), ...decimalCommaNotes(this.sheet, this.decisions)];
  }

  /** Rows in order to `onRow` until it returns true; the notes. */
  private async stream(onRow: (index: number, cells: unknown[]) => boolean): Promise<CsvRowsRead> {
    const notes = this.firstNotes();
    let k = 0;
    let stop = false;
    // The rows too long to hold are known: a quote never closed is read as its first line at once.
    const tokenizer = new CsvTokenizer(
      this.delimiter,
      (r) => {
        if (stop) return;
        const cells = checkedRow(r, k, this.decisions, this.sheet, notes);
        stop = onRow(k, cells);
        k++;
      },
      { known: this.known },
    );
    await readPass(this.file, this.encoding, this.markBytes, this.partBytes, {
      text(part) {
        tokenizer.push(part);
        return stop;
      },
      end() {
        tokenizer.end();
      },
    });
    return { rows: k, notes };
  }

  async head(rows: number): Promise<SheetGrid> {
    const n = Math.max(0, Math.floor(rows));
    const grid: CellValue[][] = [];
    const { notes } = n === 0 ? { notes: this.firstNotes() } : await this.stream((_k, cells) => grid.push(cells) >= n);
    const sheet: SheetGrid = { name: this.sheet, grid };
    if (notes.length > 0) sheet.notes = notes;
    return sheet;
  }

  forEachRow(onRow: (index: number, cells: readonly CellValue[]) => void): Promise<CsvRowsRead> {
    return this.stream((k, cells) => {
      onRow(k, cells);
      return false;
    });
  }
}

/**
 * Opens a CSV export to be read row by row as the sheet `sheet`: its byte-order mark read, then a
 * first pass over the whole file (in parts, nothing kept) decides the encoding (Windows-1252 when it
 * is not valid UTF-8: a second first pass), the separator, the header and decimal commas.
 */
export async function openCsvRows(file: string, sheet: string, options: CsvRowsOptions = {}): Promise<CsvRows> {
  const partBytes = Math.max(1, Math.floor(options.partBytes ?? CSV_PART_BYTES));
  const hold = options.holdRowCharacters ?? CSV_HOLD_ROW_CHARACTERS;
  const handle = await fs.promises.open(file, "r");
  let first: Uint8Array;
  let opened: CsvFile;
  try {
    const stat = await handle.stat();
    opened = { path: file, size: stat.size, mtimeMs: stat.mtimeMs };
    const mark = Buffer.alloc(3);
    const { bytesRead } = await handle.read(mark, 0, 3, 0);
    first = mark.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  const { encoding, markBytes } = encodingByMark(first);
  let read: Surveyed;
  let used: CsvEncoding = encoding;
  try {
    read = await surveyPass(opened, encoding, markBytes, partBytes, hold);
  } catch (e) {
    if (!(e instanceof NotUtf8)) throw e;
    // Not valid UTF-8: Excel for Windows and most US practice-management systems write Windows-1252.
    used = "Windows-1252";
    read = await surveyPass(opened, used, markBytes, partBytes, hold);
  }
  return new OpenedCsv(opened, sheet, used, markBytes, partBytes, read.decisions, read.known, opened.size, read.rows);
}
