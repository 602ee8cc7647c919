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
 */
import type { UnreadCell } from "./xlsxReader";

/** One row as split, with the line it starts on (1-based) and whether a quote in it never closed. */
interface CsvRow {
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

/**
 * Splits CSV text into rows, field by field with slices (not character by character); a quote
 * left open at the end of the file is re-read as one line of plain text, and reading goes on.
 */
function tokenize(input: string, delimiter: string): CsvRow[] {
  const rows: CsvRow[] = [];
  const n = input.length;
  const d = delimiter.charCodeAt(0);
  let i = 0;
  let line = 1;
  while (i < n) {
    const rowStart = i;
    const rowLine = line;
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
          if (q < 0) {
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
      fields.push(field);
      if (i >= n) break;
      const c = input.charCodeAt(i);
      if (c === d) {
        i++;
        continue;
      }
      i += c === 13 && input.charCodeAt(i + 1) === 10 ? 2 : 1;
      line++;
      ended = true;
      break;
    }
    if (unterminated) {
      // The quote never closed: this row is its first line, read as plain text.
      const lineEnd = input.slice(rowStart).search(/\r\n|\n|\r/);
      const text = lineEnd < 0 ? input.slice(rowStart) : input.slice(rowStart, rowStart + lineEnd);
      rows.push({ fields: text.split(delimiter), line: rowLine, unterminated: true });
      if (lineEnd < 0) break;
      i = rowStart + lineEnd + (input.startsWith("\r\n", rowStart + lineEnd) ? 2 : 1);
      line = rowLine + 1;
      continue;
    }
    rows.push({ fields, line: rowLine, unterminated: false });
    if (!ended) break;
  }
  return rows;
}

/**
 * RFC 4180 CSV text → rows of cell text, leniently (a quote never closed is read as text on its
 * own line). A UTF-8 byte-order mark is dropped; the separator (comma, semicolon or tab) is found
 * from the first lines. For checked reading (issues on rows), use readCsvText.
 */
export function parseCsv(text: string): string[][] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
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

/**
 * Checked reading of a CSV export named `sheet`: issues on rows (a quote never closed, more fields
 * than the header), decimal commas converted when the file uses them throughout.
 */
export function readCsvText(text: string, sheet: string): CsvSheet {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = detectDelimiter(input);
  const rows = tokenize(input, delimiter);
  const notes: string[] = [];
  const decimalComma = delimiter !== "," && usesDecimalComma(rows);
  let converted = 0;
  if (decimalComma) {
    for (const r of rows) {
      r.fields = r.fields.map((f) => {
        const v = fromDecimalComma(f);
        if (v !== f) converted++;
        return v;
      });
    }
    notes.push(
      `${sheet}: amounts are written with a decimal comma ("1.234,50"): read as 1234.50 (${converted} cells); "." is taken as the thousands separator`,
    );
  }
  // The header: the first row with two or more filled fields (a title line above it has one).
  const headerIndex = rows.findIndex((r, k) => k < 50 && r.fields.filter((f) => f.trim() !== "").length >= 2);
  const headerWidth = headerIndex < 0 ? Infinity : width(rows[headerIndex].fields);
  const grid: unknown[][] = rows.map((r, k) => {
    let reason: string | null = null;
    if (r.unterminated) reason = `a quote opened on this row is never closed: the row was read as plain text`;
    else if (k > headerIndex && headerIndex >= 0 && width(r.fields) > headerWidth) {
      reason = `${width(r.fields)} fields where the header has ${headerWidth}: a separator inside an unquoted field? The columns may be shifted`;
    }
    if (reason === null) return r.fields;
    notes.push(`${sheet} row ${k + 1} (line ${r.line}): ${reason}`);
    const issue: UnreadCell = { error: "#VALUE!", reason };
    return r.fields.map(() => ({ ...issue }));
  });
  return { grid, delimiter, decimalComma, notes };
}

const EU_AMOUNT = /^\s*-?(?:\d{1,3}(?:\.\d{3})+|\d+),\d+\s*$/;
const US_AMOUNT = /^\s*-?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d+\s*$/;

/** True when decimal-comma amounts ("12,50", "1.234,50") outnumber decimal-point ones ("12.50"). */
function usesDecimalComma(rows: readonly CsvRow[]): boolean {
  let eu = 0;
  let us = 0;
  for (const r of rows) {
    for (const f of r.fields) {
      if (EU_AMOUNT.test(f)) eu++;
      else if (US_AMOUNT.test(f) && !/^\s*-?\d{1,3}\.\d{3}\s*$/.test(f)) us++; // "1.234" could be either
    }
  }
  return eu > 0 && eu > us;
}

/** "1.234,50" → "1234.50", "12,5" → "12.5", "-3,00" → "-3.00"; anything else as it is. */
function fromDecimalComma(field: string): string {
  const m = /^(\s*)(-?)((?:\d{1,3}(?:\.\d{3})+|\d+))(?:,(\d+))?(\s*)$/.exec(field);
  if (m === null || (m[4] === undefined && !m[3].includes("."))) return field;
  return `${m[2]}${m[3].replace(/\./g, "")}${m[4] !== undefined ? `.${m[4]}` : ""}`;
}

/** The text of a CSV file's bytes and the encoding it was read in (byte-order mark, else UTF-8 if valid, else Windows-1252). */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "UTF-8 (with byte-order mark)" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "UTF-16 LE" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "UTF-16 BE" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "UTF-8" };
  } catch {
    // Not valid UTF-8: Excel for Windows and most US practice-management systems write Windows-1252.
    return { text: windows1252(bytes), encoding: "Windows-1252" };
  }
}

/**
 * Windows-1252 → text. Done by hand: Node 20's TextDecoder("windows-1252") decodes as ISO-8859-1,
 * which turns 0x80–0x9F (€, curly quotes, dashes) into control characters. The table is the
 * WHATWG Encoding Standard's index-windows-1252 for 0x80–0x9F (5 unassigned bytes map to C1 controls).
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
  const notes = [...read.notes];
  if (encoding === "Windows-1252") notes.unshift(`${sheet}: the file is not UTF-8; read as Windows-1252 (accented letters as Excel for Windows writes them)`);
  else if (encoding.startsWith("UTF-16")) notes.unshift(`${sheet}: read as ${encoding} text`);
  if (read.delimiter !== ",") notes.unshift(`${sheet}: fields separated by ${DELIMITER_NAMES[read.delimiter]}s`);
  return { ...read, notes, encoding };
}

/**
 * The separator that splits the first lines (up to 20 non-blank ones, so a title line above the
 * header does not decide) into the most fields most consistently: comma, semicolon or tab.
 */
function detectDelimiter(text: string): string {
  const lines = text.split(/\r\n|\n|\r/, 200).filter((l) => l.trim() !== "").slice(0, 20);
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
