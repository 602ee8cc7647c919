/**
 * CSV exports → rows of cell text (RFC 4180: quoted fields may hold the separator, quotes ("")
 * and line breaks; CRLF, LF or CR line ends). Kept hand-written rather than replaced by csv-parse
 * or PapaParse (see README, "CSV files"): it is about 100 lines, has no dependency, and the checks a
 * manager needs are specific: a quote never closed is an issue on ITS row (the rest of the file is
 * still read), a row with more fields than the header is an issue on that row (never a silent
 * column shift), except trailing empty fields (OpenEMR ends every line with a comma).
 *
 * Every cell comes back as text: reading amounts and dates is the core's job, so a CSV and an
 * .xlsx go through the same checks. Rows with an issue come back as cells holding the issue
 * (`{ error: "#VALUE!", reason }`, as the .xlsx reader's unreadable cells), so the core lists them.
 *
 * One implementation for the whole read (readCsvBytes, readCsvText: the text held) and the stream
 * (csvRows.ts: the file read in parts, never whole): the tokenizer takes the text in parts
 * (CsvTokenizer; the whole read gives it one), the decoders decode in parts (CsvTextDecoder), the
 * file-wide decisions are counted row by row (CsvSurvey) and each row is checked alone (checkedRow).
 */
import type { UnreadCell } from "./xlsxReader";

/** One row as split, with the line it starts on (1-based) and whether a quote in it never closed. */
export interface CsvRow {
  fields: string[];
  line: number;
  unterminated: boolean;
}

/** Line breaks in s[from..to) (CRLF counts once). */
function lineBreaks(s: string, from: number, to: number): number {
  let n = 0;
  for (let p = s.indexOf("\n", from); p >= 0 && p < to; p = s.indexOf("\n", p + 1)) n++;
  for (let p = s.indexOf("\r", from); p >= 0 && p < to; p = s.indexOf("\r", p + 1)) if (s.charCodeAt(p + 1) !== 10) n++;
  return n;
}

/** Returned by scanRows when the text ends inside a row that later text may still change. */
const NEEDS_MORE = -1;

/**
 * What a first reading learnt about rows too long to hold while it was not known how they end (by
 * their index, 0-based): rows whose quote never closes (read as their first line at once, without
 * holding the rest of the file), and rows that do end, only long (held whole, as the whole read holds them).
 */
export interface LongRows {
  unterminated: Set<number>;
  ending: Set<number>;
}

/** Where scanRows is in the text: the line it starts on (1-based), the index of its first row. */
interface ScanPlace {
  line: number;
  row: number;
}

/** The first line of input from `from` (without its line break) and where the next line starts; null when the part may not hold all of it. */
function firstLine(input: string, from: number, final: boolean): { text: string; next: number } | null {
  const lineEnd = input.slice(from).search(/\r\n|\n|\r/);
  if (!final && (lineEnd < 0 || from + lineEnd === input.length - 1)) return null; // the line, or a CR that may be a CRLF, goes on
  if (lineEnd < 0) return { text: input.slice(from), next: input.length };
  return { text: input.slice(from, from + lineEnd), next: from + lineEnd + (input.startsWith("\r\n", from + lineEnd) ? 2 : 1) };
}

/**
 * Splits CSV text into rows, field by field with slices (not character by character); a quote
 * left open at the end of the file is re-read as one line of plain text, and reading goes on.
 * With `final` false the text is a part of the file: a row that reaches its end (a field, a quote,
 * or a CR that the next part may continue) is not emitted, and the index it starts at is returned
 * for the caller to read again with more text; with `final` true every row is emitted.
 * `at` is where the text starts, and is moved past the rows emitted.
 */
function scanRows(input: string, delimiter: string, final: boolean, at: ScanPlace, onRow: (row: CsvRow) => void, known: LongRows | null): number {
  const n = input.length;
  const d = delimiter.charCodeAt(0);
  let i = 0;
  let line = at.line;
  let rowIndex = at.row;
  while (i < n) {
    const rowStart = i;
    const rowLine = line;
    if (known !== null && known.unterminated.has(rowIndex)) {
      // A row whose quote is known never to close: its first line, as below, without waiting for the file's end.
      const first = firstLine(input, rowStart, final);
      if (first === null) {
        at.line = rowLine;
        at.row = rowIndex;
        return rowStart;
      }
      onRow({ fields: first.text.split(delimiter), line: rowLine, unterminated: true });
      rowIndex++;
      i = first.next;
      line = rowLine + 1;
      continue;
    }
    const fields: string[] = [];
    let unterminated = false;
    let ended = false;
    for (;;) {
      // One field, starting at i.
      let field: string;
      if (input.charCodeAt(i) === 34 /* " */) {
        field = "";
        let p = i + 1;
        for (;;) {
          const q = input.indexOf('"', p);
          if (q < 0 || (!final && q === n - 1)) {
            unterminated = true;
            break;
          }
          field += input.slice(p, q);
          if (input.charCodeAt(q + 1) === 34) {
            field += '"';
            p = q + 2;
            continue;
          }
          line += lineBreaks(input, i, q);
          p = q + 1;
          break;
        }
        if (unterminated) break;
        // Text between the closing quote and the separator is kept, as before ("a"b → ab).
        let e = p;
        while (e < n) {
          const c = input.charCodeAt(e);
          if (c === d || c === 10 || c === 13) break;
          e++;
        }
        field += input.slice(p, e);
        i = e;
      } else {
        let e = i;
        while (e < n) {
          const c = input.charCodeAt(e);
          if (c === d || c === 10 || c === 13) break;
          e++;
        }
        field = input.slice(i, e);
        i = e;
      }
      if (i >= n && !final) break;
      fields.push(field);
      if (i >= n) break;
      const c = input.charCodeAt(i);
      if (c === d) {
        i++;
        continue;
      }
      if (c === 13 && i + 1 >= n && !final) break;
      i += c === 13 && input.charCodeAt(i + 1) === 10 ? 2 : 1;
      line++;
      ended = true;
      break;
    }
    if (!final && !ended) {
      // The row runs to the end of this part of the text: read it again with the next part.
      at.line = rowLine;
      at.row = rowIndex;
      return rowStart;
    }
    rowIndex++;
    if (unterminated) {
      // The quote never closed: this row is its first line, read as plain text.
      const first = firstLine(input, rowStart, true) as { text: string; next: number };
      onRow({ fields: first.text.split(delimiter), line: rowLine, unterminated: true });
      i = first.next;
      line = rowLine + 1;
      continue;
    }
    onRow({ fields, line: rowLine, unterminated: false });
    if (!ended) break;
  }
  at.line = line;
  at.row = rowIndex;
  return final ? n : NEEDS_MORE;
}

/**
 * Thrown by a tokenizer that held `holdCharacters` of one row without knowing how it ends, once it
 * knows (the row is added to its LongRows): read the text again from the start with them.
 */
export class ReadAgain extends Error {
  constructor(readonly row: number) {
    super(`row ${row + 1}: read the text again, its long row now known`);
  }
}

/**
 * How a row read character by character, not held, ends: the states of scanRows' reading of a
 * row (a field's start, an unquoted field, a quoted one, a quote seen in it, text after its closing quote).
 */
const enum Probe {
  FieldStart,
  Unquoted,
  Quoted,
  QuoteSeen,
  AfterQuote,
  RowEnded,
}

function probe(state: Probe, text: string, d: number): Probe {
  for (let k = 0; k < text.length && state !== Probe.RowEnded; k++) {
    const c = text.charCodeAt(k);
    switch (state) {
      case Probe.Quoted:
        // Straight to the next quote: the rest of a quoted field is not looked at.
        {
          const q = text.indexOf('"', k);
          if (q < 0) return Probe.Quoted;
          k = q;
          state = Probe.QuoteSeen;
        }
        break;
      case Probe.QuoteSeen:
        if (c === 34) state = Probe.Quoted;
        else state = c === d ? Probe.FieldStart : c === 10 || c === 13 ? Probe.RowEnded : Probe.AfterQuote;
        break;
      case Probe.FieldStart:
        state = c === 34 ? Probe.Quoted : c === d ? Probe.FieldStart : c === 10 || c === 13 ? Probe.RowEnded : Probe.Unquoted;
        break;
      default: // Unquoted, AfterQuote
        if (c === d) state = Probe.FieldStart;
        else if (c === 10 || c === 13) state = Probe.RowEnded;
    }
  }
  return state;
}

/** Text kept unread below this length is read again with each new part; above it, when it has doubled. */
const RETRY_EVERY_PART_BELOW = 64 * 1024;

/**
 * The CSV tokenizer, fed the text in parts (`push`, then `end`): it emits the rows the whole text
 * gives, in order, with their line numbers, whatever the parts' sizes. What it keeps between parts
 * is the row not yet ended (a quoted field still open, a CR that may be a CRLF, a field cut by the
 * part's end). A row longer than 64 K characters is tried again only when its text has doubled, so
 * a long row costs time in proportion to its length.
 *
 * Memory: with `holdCharacters` (the stream), a row not ended past that many characters is no longer
 * held: the tokenizer reads on without keeping the text, to learn how it ends (a quote never closed,
 * or only a long row), adds it to `known` and throws ReadAgain; the caller reads the text again from
 * the start with the same `known`, so a quote never closed does not hold the rest of the file. Without
 * it (the whole read, which holds the file anyway) a row is held until it ends.
 */
export class CsvTokenizer {
  private pending: string[] = [];
  private pendingLength = 0;
  private retryAt = 0;
  private readonly at: ScanPlace = { line: 1, row: 0 };
  /** The state of the row read without being held (null: none). */
  private probing: Probe | null = null;

  constructor(
    private readonly delimiter: string,
    private readonly onRow: (row: CsvRow) => void,
    private readonly options: { known?: LongRows; holdCharacters?: number } = {},
  ) {}

  push(text: string): void {
    if (text.length === 0) return;
    if (this.probing !== null) {
      this.probing = probe(this.probing, text, this.delimiter.charCodeAt(0));
      if (this.probing === Probe.RowEnded) this.learnt(false);
      return;
    }
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength < this.retryAt) return;
    const input = this.pending.length === 1 ? this.pending[0] : this.pending.join("");
    const from = scanRows(input, this.delimiter, false, this.at, this.onRow, this.options.known ?? null);
    const rest = from === NEEDS_MORE ? "" : input.slice(from);
    this.pending = rest === "" ? [] : [rest];
    this.pendingLength = rest.length;
    this.retryAt = rest.length < RETRY_EVERY_PART_BELOW ? 0 : 2 * rest.length;
    const known = this.options.known;
    if (known !== undefined && rest.length > (this.options.holdCharacters ?? Infinity) && !known.ending.has(this.at.row) && !known.unterminated.has(this.at.row)) {
      // Too long to hold without knowing how it ends: read on without it.
      this.pending = [];
      this.pendingLength = 0;
      this.probing = probe(Probe.FieldStart, rest, this.delimiter.charCodeAt(0));
      if (this.probing === Probe.RowEnded) this.learnt(false);
    }
  }

  end(): void {
    if (this.probing !== null) this.learnt(this.probing === Probe.Quoted); // a quote seen last closes its field
    const input = this.pending.join("");
    this.pending = [];
    this.pendingLength = 0;
    scanRows(input, this.delimiter, true, this.at, this.onRow, this.options.known ?? null);
  }

  private learnt(unterminated: boolean): never {
    const known = this.options.known as LongRows;
    (unterminated ? known.unterminated : known.ending).add(this.at.row);
    throw new ReadAgain(this.at.row);
  }
}

/** Rows of a whole text (the tokenizer given it in one part). */
function tokenize(input: string, delimiter: string): CsvRow[] {
  const rows: CsvRow[] = [];
  const tokenizer = new CsvTokenizer(delimiter, (r) => rows.push(r));
  tokenizer.push(input);
  tokenizer.end();
  return rows;
}

/**
 * RFC 4180 CSV text → rows of cell text, leniently (a quote never closed is read as text on its
 * own line). A UTF-8 byte-order mark is dropped; the separator (comma, semicolon or tab) is found
 * from the first lines. For checked reading (issues on rows), use readCsvText.
 */
export function parseCsv(text: string): string[][] {
  const input = withoutBom(text);
  return tokenize(input, detectDelimiter(input)).map((r) => r.fields);
}

export interface CsvSheet {
  /** Cells as text; a row with an issue holds the issue in each of its cells. */
  grid: unknown[][];
  delimiter: string;
  /** Amounts were written with a decimal comma (1.234,50) and were converted (1234.50). */
  decimalComma: boolean;
  /** What the manager should be told: issues by row, the conventions assumed. */
  notes: string[];
}

const DELIMITER_NAMES: Record<string, string> = { ",": "comma", ";": "semicolon", "\t": "tab" };

/** Width of a row: fields up to the last non-empty one (trailing empty fields do not count). */
function width(fields: readonly string[]): number {
  let w = fields.length;
  while (w > 0 && fields[w - 1].trim() === "") w--;
  return w;
}

/** What reading a CSV decides from the whole file before its rows are checked. */
export interface CsvDecisions {
  delimiter: string;
  /** Decimal-comma amounts outnumber decimal-point ones (and the separator is not a comma). */
  decimalComma: boolean;
  /** Cells a decimal-comma reading converts (counted when the separator is not a comma, else 0). */
  converted: number;
  /** The header's row index (-1: none in the first 50 rows) and its width (Infinity: none). */
  headerIndex: number;
  headerWidth: number;
}

/** Rows that may hold the header: the first 50 (a title line or two above it have one field). */
const HEADER_SEARCH_ROWS = 50;

/**
 * The pass over every row that makes the file-wide decisions (decimal commas, the header), keeping
 * counts only: the whole read and the stream (csvRows.ts) both decide with it.
 */
export class CsvSurvey {
  private eu = 0;
  private us = 0;
  private convertible = 0;
  private rows = 0;
  private headerIndex = -1;
  private headerWidth = Infinity;

  /** `delimiter`: the file's separator (a comma file is never read with decimal commas). */
  constructor(private readonly delimiter: string) {}

  add(row: CsvRow): void {
    const fields = row.fields;
    // A comma-separated file is never read with decimal commas: its amounts are not looked at.
    if (this.delimiter !== ",") this.countAmounts(fields);
    // The header: the first row with two or more filled fields (a title line above it has one).
    if (this.headerIndex < 0 && this.rows < HEADER_SEARCH_ROWS && fields.filter((f) => f.trim() !== "").length >= 2) {
      this.headerIndex = this.rows;
      this.headerWidth = width(fields);
    }
    this.rows++;
  }

  private countAmounts(fields: readonly string[]): void {
    for (const f of fields) {
      // A decimal-comma amount has a ",", a decimal-point one a "."; fromDecimalComma changes only fields with one.
      const comma = f.includes(",");
      const point = f.includes(".");
      if (!comma && !point) continue;
      if (comma && EU_AMOUNT.test(f)) this.eu++;
      else if (point && US_AMOUNT.test(f) && !/^\s*-?\d{1,3}\.\d{3}\s*$/.test(f)) this.us++; // "1.234" could be either
      if (fromDecimalComma(f) !== f) this.convertible++;
    }
  }

  decisions(): CsvDecisions {
    const delimiter = this.delimiter;
    // Decimal-comma amounts ("12,50", "1.234,50") outnumber decimal-point ones ("12.50").
    const decimalComma = delimiter !== "," && this.eu > 0 && this.eu > this.us;
    return { delimiter, decimalComma, converted: this.convertible, headerIndex: this.headerIndex, headerWidth: this.headerWidth };
  }
}

/** The note on decimal commas, when the file uses them (before the notes on rows). */
export function decimalCommaNotes(sheet: string, decisions: CsvDecisions): string[] {
  if (!decisions.decimalComma) return [];
  return [`${sheet}: amounts are written with a decimal comma ("1.234,50"): read as 1234.50 (${decisions.converted} cells); "." is taken as the thousands separator`];
}

/** The notes on the file as a whole, first: its separator when not a comma, its encoding when not plain UTF-8. */
export function fileNotes(sheet: string, encoding: string, delimiter: string): string[] {
  const notes: string[] = [];
  if (delimiter !== ",") notes.push(`${sheet}: fields separated by ${DELIMITER_NAMES[delimiter]}s`);
  if (encoding === "Windows-1252") notes.push(`${sheet}: the file is not UTF-8; read as Windows-1252 (accented letters as Excel for Windows writes them)`);
  else if (encoding.startsWith("UTF-16")) notes.push(`${sheet}: read as ${encoding} text`);
  return notes;
}

/**
 * A row as the grid holds it (index k, 0-based): its fields with decimal commas converted, or, when
 * it has an issue (a quote never closed, more fields than the header), the issue in each of its
 * cells, with a note on it pushed to `notes`.
 */
export function checkedRow(row: CsvRow, k: number, decisions: CsvDecisions, sheet: string, notes: string[]): unknown[] {
  const fields = decisions.decimalComma ? row.fields.map(fromDecimalComma) : row.fields;
  let reason: string | null = null;
  if (row.unterminated) reason = `a quote opened on this row is never closed: the row was read as plain text`;
  else if (k > decisions.headerIndex && decisions.headerIndex >= 0 && width(fields) > decisions.headerWidth) {
    reason = `${width(fields)} fields where the header has ${decisions.headerWidth}: a separator inside an unquoted field? The columns may be shifted`;
  }
  if (reason === null) return fields;
  notes.push(`${sheet} row ${k + 1} (line ${row.line}): ${reason}`);
  const issue: UnreadCell = { error: "#VALUE!", reason };
  return fields.map(() => ({ ...issue }));
}

/** The text without a leading byte-order mark (U+FEFF). */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Checked reading of a CSV export named `sheet`: issues on rows (a quote never closed, more fields
 * than the header), decimal commas converted when the file uses them throughout.
 */
export function readCsvText(text: string, sheet: string): CsvSheet {
  const input = withoutBom(text);
  const delimiter = detectDelimiter(input);
  const rows = tokenize(input, delimiter);
  const survey = new CsvSurvey(delimiter);
  for (const r of rows) survey.add(r);
  const decisions = survey.decisions();
  const notes = decimalCommaNotes(sheet, decisions);
  const grid = rows.map((r, k) => checkedRow(r, k, decisions, sheet, notes));
  return { grid, delimiter, decimalComma: decisions.decimalComma, notes };
}

const EU_AMOUNT = /^\s*-?(?:\d{1,3}(?:\.\d{3})+|\d+),\d+\s*$/;
const US_AMOUNT = /^\s*-?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d+\s*$/;

/** "1.234,50" → "1234.50", "12,5" → "12.5", "-3,00" → "-3.00"; anything else as it is. */
function fromDecimalComma(field: string): string {
  const m = /^(\s*)(-?)((?:\d{1,3}(?:\.\d{3})+|\d+))(?:,(\d+))?(\s*)$/.exec(field);
  if (m === null || (m[4] === undefined && !m[3].includes("."))) return field;
  return `${m[2]}${m[3].replace(/\./g, "")}${m[4] !== undefined ? `.${m[4]}` : ""}`;
}

/** How a CSV file's bytes are decoded (the names are said in the notes). */
export type CsvEncoding = "UTF-8 (with byte-order mark)" | "UTF-16 LE" | "UTF-16 BE" | "UTF-8" | "Windows-1252";

/**
 * The encoding a file's first (up to 3) bytes announce by a byte-order mark, and the bytes the mark
 * takes; without one, "UTF-8" (to be checked: Windows-1252 when the bytes are not valid UTF-8).
 */
export function encodingByMark(first: Uint8Array): { encoding: CsvEncoding; markBytes: number } {
  if (first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf) return { encoding: "UTF-8 (with byte-order mark)", markBytes: 3 };
  if (first[0] === 0xff && first[1] === 0xfe) return { encoding: "UTF-16 LE", markBytes: 2 };
  if (first[0] === 0xfe && first[1] === 0xff) return { encoding: "UTF-16 BE", markBytes: 2 };
  return { encoding: "UTF-8", markBytes: 0 };
}

/**
 * Bytes → text in parts (`decode(bytes, final)`; the bytes after the mark): a multi-byte character
 * cut by a part's end is kept for the next (TextDecoder's stream option). "UTF-8" is decoded fatally:
 * decode throws a TypeError on bytes that are not UTF-8 (then read the file as Windows-1252).
 */
export class CsvTextDecoder {
  private readonly decoder: TextDecoder | null;

  constructor(readonly encoding: CsvEncoding) {
    this.decoder =
      encoding === "Windows-1252" ? null
      : encoding === "UTF-8" ? new TextDecoder("utf-8", { fatal: true })
      : new TextDecoder(encoding === "UTF-16 LE" ? "utf-16le" : encoding === "UTF-16 BE" ? "utf-16be" : "utf-8");
  }

  decode(bytes: Uint8Array, final: boolean): string {
    if (this.decoder === null) return windows1252(bytes);
    return this.decoder.decode(bytes, { stream: !final });
  }
}

/** The text of a CSV file's bytes and the encoding it was read in (byte-order mark, else UTF-8 if valid, else Windows-1252). */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const { encoding, markBytes } = encodingByMark(bytes);
  const body = bytes.subarray(markBytes);
  try {
    return { text: new CsvTextDecoder(encoding).decode(body, true), encoding };
  } catch {
    // Not valid UTF-8: Excel for Windows and most US practice-management systems write Windows-1252.
    return { text: new CsvTextDecoder("Windows-1252").decode(body, true), encoding: "Windows-1252" };
  }
}

/**
 * Windows-1252 → text. Done by hand: Node 20's TextDecoder("windows-1252") decodes as ISO-8859-1,
 * which turns 0x80–0x9F (€, curly quotes, dashes) into control characters. The table is the
 * WHATWG Encoding Standard's index-windows-1252 for 0x80–0x9F (5 unassigned bytes map to C1 controls).
 * One byte is one character, so the file can be decoded in parts of any size.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function windows1252(bytes: Uint8Array): string {
  let out = "";
  for (let at = 0; at < bytes.length; at += 8192) {
    const codes = Array.from(bytes.subarray(at, at + 8192), (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : b));
    out += String.fromCharCode(...codes);
  }
  return out;
}

/** A CSV file's bytes → the checked sheet, with a note on the encoding when it is not plain UTF-8. */
export function readCsvBytes(bytes: Uint8Array, sheet: string): CsvSheet & { encoding: string } {
  const { text, encoding } = decodeCsvBytes(bytes);
  const read = readCsvText(text, sheet);
  const notes = [...fileNotes(sheet, encoding, read.delimiter), ...read.notes];
  return { ...read, notes, encoding };
}

/** Lines the separator is found from (split at CRLF, LF or CR), of which the first 20 non-blank count. */
const DELIMITER_LINES = 200;

/**
 * The start of a text given in parts, kept until it holds the lines detectDelimiter reads (200 line
 * breaks and a character after them, so a CR is known not to begin a CRLF) or the text ends.
 */
export class DelimiterLines {
  private parts: string[] = [];
  private breakCharacters = 0;

  /** Adds a part; true when the text so far decides the separator. */
  push(text: string): boolean {
    this.parts.push(text);
    for (let p = text.indexOf("\n"); p >= 0; p = text.indexOf("\n", p + 1)) this.breakCharacters++;
    for (let p = text.indexOf("\r"); p >= 0; p = text.indexOf("\r", p + 1)) this.breakCharacters++;
    // A line break is one or two of these characters: 2 × 201 of them make 201 line breaks or more.
    return this.breakCharacters >= 2 * (DELIMITER_LINES + 1);
  }

  /** The text kept (the parts given, joined). */
  text(): string {
    return this.parts.join("");
  }
}

/**
 * The separator that splits the first lines (up to 20 non-blank ones, so a title line above the
 * header does not decide) into the most fields most consistently: comma, semicolon or tab.
 */
export function detectDelimiter(text: string): string {
  const lines = text.split(/\r\n|\n|\r/, DELIMITER_LINES).filter((l) => l.trim() !== "").slice(0, 20);
  let best = ",";
  let bestScore = -1;
  for (const d of [",", ";", "\t"]) {
    // Lines that split into 2+ fields, weighted by how many fields they give.
    let score = 0;
    for (const line of lines) {
      const fields = line.split(d).length;
      if (fields > 1) score += fields;
    }
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}
