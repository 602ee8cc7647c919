/**
 * Reading a worksheet part of an .xlsx: its XML scanned as UTF-8 bytes, chunk by chunk, into rows
 * of cell values, handed to a consumer: GridRows keeps them as the sheet's grid (readXlsxGrids),
 * RowStream hands each one on and keeps none (xlsxSheets.ts forEachRow). See xlsxReader.ts, which
 * reads the package, the shared strings and the workbook.
 *
 * Bytes, not decoded text: a sheet of a million lines is 600 MB of XML, and decoding it to strings
 * (then joining chunks) cost more than reading it. Every element and attribute the scanner looks
 * for is ASCII, and in UTF-8 a byte below 0x80 is always that character (never part of a longer
 * one), so the bytes are searched exactly as the text was; only the values that are text (inline
 * strings, t="str", errors, ISO dates) are decoded, one by one.
 */
import type { CellValue } from "../core/cells/cellValue";
import { UnreadableFileError, type ZipPackage } from "./zipPackage";
import { PartDecoder, decodeCellText, decodeXmlText, rootPrefix, runsText, tagEnd } from "./xmlText";
import { EXCEL_LIMITS, FORMULA_WITHOUT_VALUE, MAX_PENDING_CHARACTERS, ReadBudget, type UnreadCell } from "./readLimits";

/**
 * Excel's limits as plain constants of this file: read per cell, an imported object's field goes
 * through the module's getter each time (the scan took some 15% longer so in one A/B run).
 */
const { rows: MAX_ROWS, columns: MAX_COLUMNS, cellTextCharacters: MAX_TEXT } = EXCEL_LIMITS;

/** `t` attribute of a cell. */
const CellType = { Number: 0, Shared: 1, Str: 2, Inline: 3, Bool: 4, Error: 5, Date: 6 } as const;
type CellType = (typeof CellType)[keyof typeof CellType];

/**
 * ISO 8601 value of a t="d" cell → a Date in UTC (midnight for a date alone); a time alone
 * ("10:59:59.99") or a duration ("PT24H0M0.000S", written by Excel in Strict files) → the
 * fraction or number of days Excel would store as the cell's value; unreadable text stays text.
 */
function isoDate(text: string): CellValue {
  const time = /^\s*(\d{1,2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?\s*$/.exec(text);
  if (time !== null) return (Number(time[1]) * 3600 + Number(time[2]) * 60 + Number(time[3] ?? 0)) / 86400;
  const duration = /^\s*(-)?P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?\s*$/.exec(text);
  if (duration !== null && /\d/.test(text)) {
    const days = Number(duration[2] ?? 0) + (Number(duration[3] ?? 0) * 3600 + Number(duration[4] ?? 0) * 60 + Number(duration[5] ?? 0)) / 86400;
    return duration[1] === "-" ? -days : days;
  }
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?/.exec(text);
  if (m === null) return text;
  const ms = m[7] === undefined ? 0 : Math.round(Number(`0.${m[7]}`) * 1000);
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), ms));
  if (m[1] < "0100") d.setUTCFullYear(Number(m[1]));
  return d;
}


/** Byte at p of b, or -1 outside it (as charCodeAt gives NaN past the end). */
function byteAt(b: Buffer, p: number): number {
  return p >= 0 && p < b.length ? b[p] : -1;
}

/** True when the bytes of `m` stand at b[at]. */
function bytesAt(b: Buffer, at: number, m: Buffer): boolean {
  const n = m.length;
  if (at < 0 || at + n > b.length) return false;
  for (let k = 0; k < n; k++) if (b[at + k] !== m[k]) return false;
  return true;
}

/** Index of the byte c at or after `from`, or -1 (for short hops; a native call costs more). */
function byteIndex(b: Buffer, c: number, from: number): number {
  const n = b.length;
  for (let p = from < 0 ? 0 : from; p < n; p++) if (b[p] === c) return p;
  return -1;
}

/** Index of the bytes of `m` (which start with "<") at or after `from`, or -1. */
function markIndex(b: Buffer, m: Buffer, from: number): number {
  const n = b.length;
  for (let p = from < 0 ? 0 : from; p < n; p++) if (b[p] === 60 && bytesAt(b, p, m)) return p;
  return -1;
}

/** The text of b[a..e) (UTF-8). */
function textOf(b: Buffer, a: number, e: number): string {
  return e > a ? b.toString("utf8", a, e) : "";
}

/** True for the bytes that may follow an element name: whitespace, `>` or `/`, or the end. */
function isNameEndByte(c: number): boolean {
  return c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13 || c === -1;
}

/**
 * Thrown through ZipPackage.forEachChunk to leave it: to stop the inflating (the rows wanted are
 * read), or carrying an error of the reader. An UnreadableFileError, because forEachChunk lets
 * that kind pass as it is and reports any other error as damaged compressed data (a
 * RowsOutOfOrderError, or an error of the host's row callback, would come out as a damaged file).
 */
class LeaveThePart extends UnreadableFileError {
  constructor(
    /** True: the reader stopped; false: it threw readerError. */
    readonly stopped: boolean,
    readonly readerError?: unknown,
  ) {
    super("reading of the part stopped");
  }
}

/**
 * Feeds a part's bytes to `onBytes` as UTF-8 (a UTF-16 part, marked by its byte-order mark, is
 * decoded and written again as UTF-8) until it returns false (the rest is not inflated, nor its
 * CRC-32 checked: only what was read counts). What `onBytes` throws is thrown as it is. Returns
 * false when the part does not exist.
 */
export async function forEachUtf8Chunk(zip: ZipPackage, partPath: string, onBytes: (chunk: Buffer) => boolean): Promise<boolean> {
  let decoder: PartDecoder | null | undefined;
  const pass = (bytes: Buffer): void => {
    let more: boolean;
    try {
      more = onBytes(bytes);
    } catch (e) {
      throw e instanceof UnreadableFileError ? e : new LeaveThePart(false, e);
    }
    if (!more) throw new LeaveThePart(true);
  };
  let found: boolean;
  try {
    found = await zip.forEachChunk(partPath, (chunk) => {
      if (decoder === undefined) decoder = (chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff) ? new PartDecoder() : null;
      if (decoder === null) pass(chunk);
      else {
        const text = decoder.write(chunk);
        if (text.length > 0) pass(Buffer.from(text, "utf8"));
      }
    });
  } catch (e) {
    if (!(e instanceof LeaveThePart)) throw e;
    if (!e.stopped) throw e.readerError;
    return true;
  }
  if (!found) return false;
  const rest = decoder?.end() ?? "";
  if (rest.length > 0) onBytes(Buffer.from(rest, "utf8"));
  return true;
}

/**
 * Feeds a worksheet's bytes chunk by chunk, as ChunkedScanner does its text: each chunk is
 * searched once (a tail of a few bytes catches a tag split between chunks), the complete rows are
 * scanned, the incomplete tail is kept (bounded); after </sheetData> the rest is not kept.
 */
abstract class ChunkedByteScanner {
  private parts: Buffer[] = [];
  private pendingLength = 0;
  private tail: Buffer = Buffer.alloc(0);
  private started = false;
  private done = false;
  protected prefix = "";
  private marker: Buffer = Buffer.alloc(0);
  private endMarker: Buffer = Buffer.alloc(0);
  /** The end marker's last 9 bytes ("heetData>"), searched first (see endIndex). */
  private endTail: Buffer = Buffer.alloc(0);
  private work: Buffer = Buffer.alloc(0);

  /** The message when the bytes held would pass the bound. */
  protected abstract tooLong(): string;

  feed(chunk: Buffer): void {
    if (this.done) return;
    if (!this.started) {
      const all = this.parts.length === 0 ? chunk : Buffer.concat([...this.parts, chunk]);
      const s = all.toString("utf8");
      const root = s.indexOf("<", s.indexOf("?>") + 1);
      if (root < 0 || tagEnd(s, root) < 0) {
        this.hold([all], all.length, all);
        return;
      }
      this.started = true;
      this.prefix = rootPrefix(s);
      this.marker = Buffer.from(`<${this.prefix}row`, "utf8");
      this.endMarker = Buffer.from(`</${this.prefix}sheetData>`, "utf8");
      this.endTail = this.endMarker.subarray(this.endMarker.length - 9);
      this.begin();
      this.parts = [];
      this.pendingLength = 0;
      this.tail = Buffer.alloc(0);
    }
    const edge = this.tail.length === 0 ? null : Buffer.concat([this.tail, chunk.subarray(0, 32)]);
    const hasEnd = this.endIndex(chunk) >= 0 || (edge !== null && this.endIndex(edge) >= 0);
    if (!hasEnd && chunk.indexOf(this.marker) < 0 && !(edge !== null && edge.indexOf(this.marker) >= 0)) {
      this.parts.push(chunk);
      this.hold(this.parts, this.pendingLength + chunk.length, chunk.length >= 32 || edge === null ? chunk : Buffer.concat([this.tail, chunk]));
      return;
    }
    const s = this.parts.length === 0 ? chunk : this.joined(chunk);
    if (hasEnd) {
      this.scan(s, this.endIndex(s));
      this.done = true;
      this.parts = [];
      return;
    }
    const cut = s.lastIndexOf(this.marker);
    if (cut <= 0) {
      const all = Buffer.from(s); // a copy: s may be the work buffer, written again next time
      this.hold([all], all.length, all);
      return;
    }
    this.scan(s, cut);
    if (this.done) return; // stopped by the reader (the rows it wanted are read)
    const rest = Buffer.from(s.subarray(cut)); // a copy: the chunk it came from can go
    this.hold([rest], rest.length, rest);
  }

  /**
   * Index of the first </sheetData> in b, or -1. Its tail "heetData>" is searched first: its
   * first letter is rare in a sheet's XML, where "<" starts every few bytes and slows a search
   * for the whole marker about ninefold (memchr hops to each candidate).
   */
  private endIndex(b: Buffer): number {
    const { endMarker, endTail } = this;
    const lead = endMarker.length - endTail.length;
    for (let p = lead; ; ) {
      const k = b.indexOf(endTail, p);
      if (k < 0) return -1;
      if (bytesAt(b, k - lead, endMarker)) return k - lead;
      p = k + 1;
    }
  }

  /** The held bytes and the chunk, one after the other in the work buffer (reused, grown as needed). */
  private joined(chunk: Buffer): Buffer {
    const length = this.pendingLength + chunk.length;
    if (this.work.length < length) this.work = Buffer.allocUnsafeSlow(Math.max(length, 2 * this.work.length));
    let at = 0;
    for (const part of this.parts) at += part.copy(this.work, at);
    chunk.copy(this.work, at);
    return this.work.subarray(0, length);
  }

  private hold(parts: Buffer[], length: number, last: Buffer): void {
    if (length > MAX_PENDING_CHARACTERS) throw new UnreadableFileError(this.tooLong());
    this.parts = parts;
    this.pendingLength = length;
    this.tail = Buffer.from(last.subarray(Math.max(0, last.length - 32)));
  }

  finish(): void {
    if (this.done) return;
    const s = Buffer.concat(this.parts);
    this.parts = [];
    if (!this.started) {
      this.started = true;
      this.prefix = rootPrefix(s.toString("utf8"));
      this.begin();
    }
    this.scan(s, s.length);
    this.done = true;
  }

  /**
   * True once reading was stopped before the end (the first rows were wanted): the rest of the part
   * need not be inflated. (After </sheetData> the rest is still inflated, for its CRC-32 check.)
   */
  stopped = false;

  /** Stops reading: what is fed from now on is ignored. */
  protected stop(): void {
    this.stopped = true;
    this.done = true;
    this.parts = [];
  }

  protected abstract begin(): void;
  /** Scans the complete elements of s[0..end). */
  protected abstract scan(s: Buffer, end: number): void;
}

/**
 * Where the scanner's rows go: the grid keeps them (GridRows), a stream hands each one on and keeps
 * none (RowStream). The scanner reads the XML; the consumer decides what a row number means.
 */
export interface SheetRows {
  /**
   * A `<row>` for grid index `index` (its row number - 1) starts, in the order of the XML. Returns
   * the row its cells join (the same row number listed before, in a grid), or null: a new row.
   */
  begin(index: number): CellValue[] | null;
  /**
   * The row's cells are read: `cells[0..length)`. For a new row `cells` is the scanner's scratch
   * array, written over by the next row (take a copy to keep them).
   */
  end(index: number, cells: CellValue[], length: number): void;
}

/** The rows kept as the sheet's grid (readXlsxGrids): rows absent from the XML are blank ([]). */
export class GridRows implements SheetRows {
  readonly grid: CellValue[][] = [];

  constructor(
    private readonly budget: ReadBudget,
    private readonly label: string,
  ) {}

  begin(index: number): CellValue[] | null {
    const grid = this.grid;
    let row = grid[index];
    // index is at most Excel's 1,048,576 rows, and rows made in all sheets are counted
    if (row === undefined) {
      this.budget.spendRows(index + 1 - grid.length, this.label);
      while (grid.length < index) grid.push([]);
      row = [];
      grid[index] = row;
    }
    return row.length > 0 ? row : null;
  }

  /** Makes the grid at least `length` rows long (blank rows), as a row further down would. */
  padTo(length: number): void {
    if (length > this.grid.length) this.begin(length - 1);
  }

  end(index: number, cells: CellValue[], length: number): void {
    // A new row is kept as an exact-size copy of the scratch array: an array grown cell by cell
    // holds about twice the slots (41 for 19 cells), a million times over.
    if (length > 0 && cells !== this.grid[index]) this.grid[index] = cells.slice(0, length);
  }
}

/**
 * Thrown by a row stream when the XML lists a row whose number is not greater than the row before
 * (a grid places such rows by their number; a stream has handed the earlier rows on already).
 * Not a damaged file: the sheet can still be read whole.
 */
export class RowsOutOfOrderError extends Error {}

/**
 * The rows handed on one by one as the XML lists them, none kept (memory stays flat): each row's
 * cells as the grid would hold them at its index. Rows are counted against the read budget as the
 * grid counts them (the blank rows before each one too).
 */
export class RowStream implements SheetRows {
  /** The grid's length so far: the last row's index + 1. */
  length = 0;

  constructor(
    private readonly onRow: (index: number, cells: readonly CellValue[]) => void,
    private readonly budget: ReadBudget,
    private readonly label: string,
    private readonly sheetName: string,
  ) {}

  begin(index: number): null {
    if (index < this.length) {
      throw new RowsOutOfOrderError(`${this.label}: sheet "${this.sheetName}" lists row ${index + 1} after row ${this.length}: its rows cannot be read one by one in order`);
    }
    this.budget.spendRows(index + 1 - this.length, this.label);
    this.length = index + 1;
    return null;
  }

  end(index: number, cells: CellValue[], length: number): void {
    this.onRow(index, cells.slice(0, length));
  }
}

/** What a worksheet scanner is told besides the shared strings and where its rows go. */
export interface WorksheetContext {
  /** The file's name for messages. */
  label: string;
  sheetName: string;
  /** In a 1904-system workbook, the styles that show dates (their serials get 1,462 days added). */
  dateStyles?: ReadonlySet<number> | null;
  budget?: ReadBudget;
  /** Called for every `<row>` read (progress). */
  onRow?: () => void;
  /** Stop before the first row numbered past this (the first rows of a sheet; default: read all). */
  lastRow?: number;
}

export class WorksheetScanner extends ChunkedByteScanner {
  /** Things the manager should know about the sheet (text cut at Excel's limit). */
  readonly notes: string[] = [];
  rows = 0;
  private lastRow = 0;
  private rowOpen: Buffer = Buffer.from("<row");
  private rowClose: Buffer = Buffer.from("</row>");
  private cOpen: Buffer = Buffer.from("<c");
  private cClose: Buffer = Buffer.from("</c>");
  private vOpen: Buffer = Buffer.from("<v");
  private fOpen: Buffer = Buffer.from("<f");
  private vClose: Buffer = Buffer.from("</v>");
  private isOpen: Buffer = Buffer.from("<is");
  private isClose: Buffer = Buffer.from("</is>");
  /** The value read by readCell. */
  private value: CellValue = null;
  /** The number of cells of the row scanCells read. */
  private cells = 0;
  /** The cells of the row being read (see scan). */
  private scratch: CellValue[] = [];
  private readonly label: string;
  private readonly sheetName: string;
  private readonly dateStyles: ReadonlySet<number> | null;
  private readonly budget: ReadBudget;
  private readonly onRow: () => void;
  private readonly stopAfter: number;

  constructor(
    private readonly strings: readonly string[],
    private readonly target: SheetRows,
    context: WorksheetContext,
  ) {
    super();
    this.label = context.label;
    this.sheetName = context.sheetName;
    this.dateStyles = context.dateStyles ?? null;
    this.budget = context.budget ?? new ReadBudget();
    this.onRow = context.onRow ?? ((): void => undefined);
    this.stopAfter = context.lastRow ?? Infinity;
  }

  protected tooLong(): string {
    return `${this.label}: sheet "${this.sheetName}" holds more than ${MAX_PENDING_CHARACTERS.toLocaleString("en-US")} characters of XML without a complete row (a damaged or hostile file?)`;
  }

  private beyondLimits(what: string): never {
    throw new UnreadableFileError(`${this.label}: sheet "${this.sheetName}" has ${what}; the file is damaged or was not written by a spreadsheet program`);
  }

  protected begin(): void {
    const mark = (text: string): Buffer => Buffer.from(text, "utf8");
    const p = this.prefix;
    this.rowOpen = mark(`<${p}row`);
    this.rowClose = mark(`</${p}row>`);
    this.cOpen = mark(`<${p}c`);
    this.cClose = mark(`</${p}c>`);
    this.vOpen = mark(`<${p}v`);
    this.fOpen = mark(`<${p}f`);
    this.vClose = mark(`</${p}v>`);
    this.isOpen = mark(`<${p}is`);
    this.isClose = mark(`</${p}is>`);
  }

  protected scan(s: Buffer, end: number): void {
    const { rowOpen, target } = this;
    const openLen = rowOpen.length;
    let i = 0;
    for (;;) {
      i = markIndex(s, rowOpen, i);
      if (i < 0 || i >= end) return;
      if (!isNameEndByte(byteAt(s, i + openLen))) {
        i += openLen; // <rowBreaks> and the like
        continue;
      }
      const te = byteIndex(s, 62 /* > */, i);
      let rowNumber = attrNumber(s, i + openLen, te, 114 /* r */);
      if (rowNumber <= 0) rowNumber = this.lastRow + 1;
      if (rowNumber > MAX_ROWS) this.beyondLimits(`a row numbered ${rowNumber}, past Excel's limit of ${MAX_ROWS.toLocaleString("en-US")} rows`);
      if (rowNumber > this.stopAfter) {
        this.stop();
        return;
      }
      this.lastRow = rowNumber;
      this.rows++;
      this.onRow();
      const index = rowNumber - 1;
      const row = target.begin(index);
      if (byteAt(s, te - 1) === 47) {
        i = te + 1; // <row r="7"/>: no cells
        target.end(index, this.scratch, 0);
      } else if (row !== null) {
        i = this.scanRow(s, te + 1, end, row, row.length); // the same row number again: its cells join the row
        target.end(index, row, this.cells);
      } else {
        // A new row is read into a scratch array. It is not emptied (that would give back its
        // room, to grow again each row): scanRow writes over its first cells and counts them (this.cells).
        if (this.scratch.length > 1024) this.scratch = []; // after a wide or sparse row: start afresh
        const scratch = this.scratch;
        i = this.scanRow(s, te + 1, end, scratch, 0);
        target.end(index, scratch, this.cells);
      }
    }
  }

  /**
   * Reads the cells of a row from just after its start tag; returns the index after `</row>`.
   * They go into row[0..), whose first `filled` cells are already the row's (any
   * beyond are left from an earlier row, to be written over); leaves the row's length in this.cells.
   */
  private scanRow(s: Buffer, from: number, end: number, row: CellValue[], filled: number): number {
    const { cOpen, rowClose } = this;
    const openLen = cOpen.length;
    let col = 0;
    let length = filled;
    let i = from;
    for (;;) {
      i = byteIndex(s, 60 /* < */, i);
      if (i < 0 || i >= end) {
        this.cells = length;
        return end;
      }
      if (!bytesAt(s, i, cOpen) || !isNameEndByte(byteAt(s, i + openLen))) {
        if (bytesAt(s, i, rowClose)) {
          this.cells = length;
          return i + rowClose.length;
        }
        i++; // <extLst> or another element that is not a cell
        continue;
      }
      const te = this.cellTag(s, i + openLen);
      col = this.tagColumn > 0 ? this.tagColumn : col + 1;
      if (col > MAX_COLUMNS) this.beyondLimits(`more than ${MAX_COLUMNS.toLocaleString("en-US")} cells in row ${this.lastRow}`);
      if (byteAt(s, te - 1) === 47) {
        i = te + 1; // <c r="B2" s="3"/>: no value
        continue;
      }
      const type = this.tagType;
      i = this.plainValue(s, te + 1, end, type);
      if (i < 0) i = this.readCell(s, te + 1, end, type);
      const value = this.cellValue(col);
      if (value !== null) {
        this.budget.spendCell(this.label);
        length = placeCell(row, length, col - 1, value);
      }
    }
  }

  /** What cellTag read of a cell's attributes: its type, its column (0: no reference), its style. */
  private tagType: CellType = CellType.Number;
  private tagColumn = 0;
  private tagStyle = 0;

  /**
   * A cell tag's attributes from just after `<c`, read in the same pass that looks for the tag's
   * ">" (the first one), whose index it returns (-1: none left): r (reference: its letters give the
   * column), t (type) and s (style, for 1904 dates), into tagType, tagColumn and tagStyle.
   */
  private cellTag(s: Buffer, from: number): number {
    let te = -1;
    let type: CellType = CellType.Number;
    let refCol = 0;
    let style = 0;
    let pastXfd = false;
    const n = s.length;
    for (let p = from; p < n; p++) {
      const c = s[p];
      if (c === 62 /* > */) {
        te = p;
        break;
      }
      if (c === 61 /* = */ && isSpace(byteAt(s, p - 2))) {
        const name = s[p - 1];
        if (name === 114 /* r */) {
          let q = p + 2;
          for (;; q++) {
            let k = byteAt(s, q);
            if (k >= 97 && k <= 122) k -= 32;
            if (k < 65 || k > 90) break;
            refCol = refCol * 26 + (k - 64);
            if (refCol > MAX_COLUMNS) {
              pastXfd = true;
              break;
            }
          }
          if (byteAt(s, q) === 62) {
            te = q;
            break;
          }
          p = q; // the byte at q is not read as an attribute's "="
        } else if (name === 115 /* s */ && this.dateStyles !== null) {
          for (let q = p + 2; ; q++) {
            const k = byteAt(s, q);
            if (k < 48 || k > 57) break;
            style = style * 10 + (k - 48);
          }
        } else if (name === 116 /* t */) {
          type = cellType(s, p + 2);
          if (byteAt(s, p + 1) === 62 || byteAt(s, p + 2) === 62) {
            te = byteAt(s, p + 1) === 62 ? p + 1 : p + 2;
            break;
          }
          p += 2; // the quote and the type's first letter
        }
      }
    }
    if (te < 0) {
      // no ">" left: the tag's attributes are not read (as the text scanner did)
      type = CellType.Number;
      refCol = 0;
      style = 0;
    } else if (pastXfd) this.beyondLimits(`a cell reference past column XFD (Excel's limit of ${MAX_COLUMNS.toLocaleString("en-US")} columns) in row ${this.lastRow}`);
    this.tagType = type;
    this.tagColumn = refCol;
    this.tagStyle = style;
    return te;
  }

  /** The value just read (this.value), moved to the 1900 date system and cut to Excel's text limit. */
  private cellValue(col: number): CellValue {
    let value = this.value;
    // 1904 system (ECMA-376 Part 1, 18.17.4.1): serial 0 is 1904-01-01, i.e. 1900-system serial 1,462.
    if (typeof value === "number" && this.dateStyles !== null && this.dateStyles.has(this.tagStyle)) value += 1462;
    if (typeof value === "string" && value.length > MAX_TEXT) {
      this.notes.push(`${this.sheetName} row ${this.lastRow} column ${columnName(col)}: text of ${value.length.toLocaleString("en-US")} characters cut to Excel's limit of 32,767`);
      value = value.slice(0, MAX_TEXT);
    }
    return value;
  }

  /**
   * The usual cell, `<v>…</v></c>` with no other element: its value into this.value, returning
   * the index after `</c>` (what readCell would give), or -1 for any other shape (readCell reads it).
   */
  private plainValue(s: Buffer, from: number, end: number, type: CellType): number {
    const { vOpen, vClose, cClose } = this;
    const vStart = from + vOpen.length + 1;
    if (vStart >= end || s[vStart - 1] !== 62 /* > */ || !bytesAt(s, from, vOpen)) return -1;
    // One walk to the "<" that ends the value, reading a plain decimal on the way (as parseNumber does).
    const n = s.length;
    let p = vStart;
    const negative = s[p] === 45; /* - */
    if (negative) p++;
    let mantissa = 0;
    let digits = 0;
    let decimals = -1;
    let plain = true;
    for (; p < n; p++) {
      const c = s[p];
      if (c >= 48 && c <= 57) {
        mantissa = mantissa * 10 + (c - 48);
        digits++;
        if (decimals >= 0) decimals++;
      } else if (c === 60 /* < */) break;
      else if (c === 46 /* . */ && decimals < 0) decimals = 0;
      else plain = false;
    }
    const vEnd = p;
    const cAt = vEnd + vClose.length;
    if (vEnd >= n || cAt >= end || !bytesAt(s, vEnd, vClose) || !bytesAt(s, cAt, cClose)) return -1;
    plain = plain && digits > 0 && digits <= 15;
    if (plain && type === CellType.Number) {
      const v = decimals > 0 ? mantissa / POW10[decimals] : mantissa;
      this.value = negative ? -v : v;
    } else if (plain && type === CellType.Shared && !negative && decimals < 0 && this.strings[mantissa] !== undefined) {
      this.value = this.strings[mantissa];
    } else this.value = this.typedValue(s, vStart, vEnd, type);
    return cAt + cClose.length;
  }

  /**
   * Reads a cell's content from just after its start tag: the <v> element (the value, or a
   * formula's cached value) or an inline string's <is>, into this.value; returns the index after `</c>`.
   */
  private readCell(s: Buffer, from: number, end: number, type: CellType): number {
    const { vOpen, isOpen, cClose } = this;
    this.value = null;
    let formula = false;
    let valueSeen = false;
    let i = from;
    for (;;) {
      i = byteIndex(s, 60 /* < */, i);
      if (i < 0 || i >= end || bytesAt(s, i, cClose)) {
        if (formula && !valueSeen) this.value = { error: "#VALUE!", reason: FORMULA_WITHOUT_VALUE } satisfies UnreadCell;
        return i < 0 || i >= end ? end : i + cClose.length;
      }
      if (bytesAt(s, i, this.fOpen) && isNameEndByte(byteAt(s, i + this.fOpen.length))) formula = true;
      if (bytesAt(s, i, vOpen)) {
        const next = byteAt(s, i + vOpen.length);
        if (next === 47 || next === 62 || isSpace(next)) {
          const tagClose = byteIndex(s, 62 /* > */, i);
          if (tagClose < 0 || tagClose >= end) return end;
          valueSeen = true;
          if (byteAt(s, tagClose - 1) === 47) {
            i = tagClose + 1; // <v/> or <v />: an empty value
            continue;
          }
          const vStart = tagClose + 1;
          let vEnd = markIndex(s, this.vClose, vStart);
          if (vEnd < 0 || vEnd > end) vEnd = end;
          if (!(type === CellType.Inline && this.value !== null)) this.value = this.typedValue(s, vStart, vEnd, type);
          i = vEnd + this.vClose.length;
          continue;
        }
      } else if (type === CellType.Inline && bytesAt(s, i, isOpen) && isNameEndByte(byteAt(s, i + isOpen.length))) {
        let isEnd = markIndex(s, this.isClose, i);
        if (isEnd < 0 || isEnd > end) isEnd = end;
        this.value = this.inlineText(s, i, isEnd);
        i = isEnd;
        continue;
      }
      i++;
    }
  }

  /**
   * The text of an inline string <is> at s[from..to). Its text is decoded up to and including
   * its </is>; runsText's searches then stop where they stopped in the whole sheet's text. When
   * the </is> is missing, the rest of the bytes are decoded (a damaged file: rare and small).
   */
  private inlineText(s: Buffer, from: number, to: number): string | null {
    if (bytesAt(s, to, this.isClose)) {
      const text = textOf(s, from, to + this.isClose.length);
      return runsText(text, 0, text.length - this.isClose.length, this.prefix);
    }
    const text = textOf(s, from, s.length);
    return runsText(text, 0, textOf(s, from, to).length, this.prefix);
  }

  private typedValue(s: Buffer, vStart: number, vEnd: number, type: CellType): CellValue {
    switch (type) {
      case CellType.Shared: {
        let n = 0;
        let digits = 0;
        for (let p = vStart; p < vEnd; p++) {
          const c = s[p];
          if (c >= 48 && c <= 57) {
            n = n * 10 + (c - 48);
            digits++;
          } else if (!isSpace(c)) return null;
        }
        const text = digits > 0 ? this.strings[n] : undefined;
        if (text !== undefined) return text;
        if (digits === 0) return null;
        return {
          error: "#REF!",
          reason: `shared string ${n} does not exist (the file's table holds ${this.strings.length}): the file is damaged`,
        } satisfies UnreadCell;
      }
      case CellType.Number: {
        if (vEnd === vStart) return null;
        if (s[vStart] === 60 /* <![CDATA[ */) {
          const text = decodeXmlText(textOf(s, vStart, vEnd));
          const n = Number(text);
          return text.trim() === "" ? null : Number.isFinite(n) ? n : text;
        }
        const n = parseNumber(s, vStart, vEnd);
        return Number.isNaN(n) ? decodeXmlText(textOf(s, vStart, vEnd)) : n;
      }
      case CellType.Str:
      case CellType.Inline:
        return decodeCellText(textOf(s, vStart, vEnd));
      case CellType.Bool: {
        const t = textOf(s, vStart, vEnd).trim();
        return t === "1" || t.toLowerCase() === "true";
      }
      case CellType.Error:
        return { error: decodeXmlText(textOf(s, vStart, vEnd)).trim() };
      case CellType.Date:
        return isoDate(decodeXmlText(textOf(s, vStart, vEnd)));
    }
    return null;
  }
}

/** A numeric attribute (1-letter name) of a tag in s[from..to), or -1. */
function attrNumber(s: Buffer, from: number, to: number, nameCode: number): number {
  for (let p = from; p < to; p++) {
    if (s[p] === nameCode && byteAt(s, p + 1) === 61 /* = */ && isSpace(byteAt(s, p - 1))) {
      let n = 0;
      for (let q = p + 3; q < to; q++) {
        const c = s[q];
        if (c < 48 || c > 57) break;
        n = n * 10 + (c - 48);
      }
      return n;
    }
  }
  return -1;
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/**
 * The number written in s[a..b). Plain decimals of up to 15 digits are computed as
 * integer ÷ 10^k: both exact in binary, so the division's correctly rounded result is the very
 * double `Number()` would give; anything else (exponents, long mantissas, spaces) goes to Number().
 */
function parseNumber(s: Buffer, a: number, b: number): number {
  let p = a;
  let negative = false;
  if (s[p] === 45 /* - */) {
    negative = true;
    p++;
  }
  let mantissa = 0;
  let digits = 0;
  let decimals = -1;
  for (; p < b; p++) {
    const c = s[p];
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (decimals >= 0) decimals++;
    } else if (c === 46 /* . */ && decimals < 0) decimals = 0;
    else return Number(textOf(s, a, b));
  }
  if (digits === 0 || digits > 15) return Number(textOf(s, a, b));
  const n = decimals > 0 ? mantissa / POW10[decimals] : mantissa;
  return negative ? -n : n;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** The cell type named by the attribute value starting at p (just after its quote). */
function cellType(s: Buffer, p: number): CellType {
  const c = byteAt(s, p);
  const next = byteAt(s, p + 1);
  const one = next === 34 || next === 39; // a one-letter value
  switch (c) {
    case 115 /* s */:
      return one ? CellType.Shared : CellType.Str;
    case 105 /* i */:
      return CellType.Inline;
    case 98 /* b */:
      return CellType.Bool;
    case 101 /* e */:
      return CellType.Error;
    case 100 /* d */:
      return CellType.Date;
    default:
      return CellType.Number;
  }
}

/**
 * One worksheet's XML, handed over in the given pieces as the inflater would, read as
 * readXlsxGrids reads a sheet (for tests: a row, tag or character cut between pieces at any byte).
 */
export function readWorksheetPieces(pieces: readonly Buffer[], strings: readonly string[], sheetName = "Sheet1"): { grid: CellValue[][]; notes: string[] } {
  const rows = new GridRows(new ReadBudget(), "the workbook");
  return { grid: rows.grid, notes: scanPieces(pieces, strings, rows, sheetName) };
}

/**
 * The same XML and pieces read as a stream (forEachRow): `onRow` for each row in order; returns the
 * grid's length and the notes, or throws RowsOutOfOrderError.
 */
export function streamWorksheetPieces(
  pieces: readonly Buffer[],
  strings: readonly string[],
  onRow: (index: number, cells: readonly CellValue[]) => void,
  sheetName = "Sheet1",
): { rows: number; notes: string[] } {
  const rows = new RowStream(onRow, new ReadBudget(), "the workbook", sheetName);
  const notes = scanPieces(pieces, strings, rows, sheetName);
  return { rows: rows.length, notes };
}

function scanPieces(pieces: readonly Buffer[], strings: readonly string[], rows: SheetRows, sheetName: string): string[] {
  const scanner = new WorksheetScanner(strings, rows, { label: "the workbook", sheetName });
  for (const piece of pieces) if (piece.length > 0) scanner.feed(piece);
  scanner.finish();
  return scanner.notes;
}

/** Column number (1-based) → letters ("A", "XFD"). */
function columnName(col: number): string {
  let n = col;
  let name = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    name = String.fromCharCode(65 + r) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/**
 * Puts a cell's value at `index` of the row being filled (`length` cells so far) and returns the
 * new length: blanks fill a short gap; a cell far to the right makes a sparse row, not thousands
 * of blanks (and none of an earlier row's cells).
 */
function placeCell(row: CellValue[], length: number, index: number, value: CellValue): number {
  if (index === length) {
    row[length] = value;
    return length + 1;
  }
  if (index > length + 256) {
    if (row.length > length) row.length = length;
    row[index] = value;
    return index + 1;
  }
  if (index > length) {
    let filled = length;
    while (filled < index) row[filled++] = null;
    row[filled] = value;
    return filled + 1;
  }
  row[index] = value;
  return length;
}
