import { isBlankCell, type CellValue } from "../cells/cellValue";
import type { ColumnMapping } from "./mapColumns";
import { headerText, normalizeHeader } from "./normalizeHeader";

/** A row of an export that is not data, with the reason it was left out. */
export interface LeftOutRow {
  sheet?: string;
  /** 1-based row number in the sheet or file. */
  row: number;
  column?: string;
  reason: string;
}

export interface ExportRows<F extends string> {
  rows: { row: number; cells: Partial<Record<F, CellValue>> }[];
  leftOut: LeftOutRow[];
  blankRows: number;
}

function words(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
}

/** Page headers and footers that PM systems print inside the data. */
export function footerReason(text: string): string | null {
  const w = words(text);
  if (/^end of (the )?report\b/.test(w) || /^report end\b/.test(w)) return `end-of-report footer ("${text.trim()}")`;
  if (/^page \d+( of \d+)?$/.test(w)) return `page number line ("${text.trim()}")`;
  if (/^(run|report|print|printed|generated|created|as of|export|exported)( (date|time|on|by|at))?\b/.test(w) && /\d/.test(w)) {
    return `page header or footer ("${text.trim()}")`;
  }
  if (/^(printed|generated|exported|run) by\b/.test(w) || /^confidential\b/.test(w)) return `page header or footer ("${text.trim()}")`;
  return null;
}

// The words of an aging summary, matched on the text as written: `\s*` / `\s+` and the i flag stand
// for trimming, folding runs of spaces into one and lower case (the same words as before, held to
// that reading by a property test), so no copy of the text is made per cell.
const BUCKET_LABEL = /^\s*(?:current|0\s*-\s*30|1\s*-\s*30|31\s*-\s*60|61\s*-\s*90|91\s*-\s*120|120\s*\+|121\s*\+|over\s+90|over\s+120|>\s*90|>\s*120|90\s*\+|total\s+due)(?:\s+days)?\s*$/i;

const AGING_HEADING = /^\s*(?:(?:a\/?r\s+)?aging(?:\s+summary|\s+totals?)?:?\s*$|summary\s+of\s+aging|aging\s+by)/i;

/** What a text is to an aging summary: 1 when it names one ("Aging Summary"), 2 when it is a bucket label ("31-60"), else 0. */
export function agingWordKind(cell: string): number {
  // A text that starts with two visible ASCII characters can only be a word they start: "a/", "ar",
  // "ag", "su" an aging heading; "cu", "ov", "to", "0-", "1-", "12", "31", "61", "91", "90", ">9",
  // ">1" a bucket label. Anything else (a space, a letter outside ASCII) is matched in full.
  const first = asciiLower(cell.charCodeAt(0));
  const second = asciiLower(cell.charCodeAt(1));
  if (first !== -1 && second !== -1) {
    const start = WORD_STARTS[first * 128 + second];
    if (start === 0) return 0;
    return start === 1 ? (AGING_HEADING.test(cell) ? 1 : 0) : BUCKET_LABEL.test(cell) ? 2 : 0;
  }
  return (AGING_HEADING.test(cell) ? 1 : 0) | (BUCKET_LABEL.test(cell) ? 2 : 0);
}

/** A visible ASCII character's code, letters in lower case; -1 for a space, a character outside ASCII or none. */
function asciiLower(code: number): number {
  if (!(code > 32 && code < 127)) return -1;
  return code >= 65 && code <= 90 ? code + 32 : code;
}

/** The first two characters (first * 128 + second) of each aging word: 1 an aging heading, 2 a bucket label, 0 none. */
const WORD_STARTS = new Uint8Array(128 * 128);
for (const w of ["a/", "ar", "ag", "su"]) WORD_STARTS[w.charCodeAt(0) * 128 + w.charCodeAt(1)] = 1;
for (const w of ["cu", "ov", "to", "0-", "1-", "12", "31", "61", "91", "90", ">9", ">1"]) WORD_STARTS[w.charCodeAt(0) * 128 + w.charCodeAt(1)] = 2;

/**
 * A heading of an aging summary: "Aging Summary" / "A/R Aging" alone, or two or more bucket labels
 * ("Current", "31-60"). `kindOf` may be a memo of agingWordKind (a column repeats its texts).
 */
export function agingSummaryHeading(cells: readonly CellValue[], filled: readonly number[], kindOf: (cell: string) => number = agingWordKind): boolean {
  let labels = 0;
  for (const c of filled) {
    const cell = cells[c];
    if (typeof cell !== "string") continue;
    const kind = kindOf(cell);
    if (filled.length <= 2 && (kind & 1) !== 0) return true;
    if ((kind & 2) !== 0) labels++;
  }
  return labels >= 2;
}

/** The row's cells, safely (a row that is not an array reads as empty). */
export function cellsOf(row: unknown): readonly CellValue[] {
  return Array.isArray(row) ? row : [];
}

/** isBlankCell for a text, without trimming the common text that starts with a visible ASCII character. */
function isBlankText(text: string): boolean {
  const first = text.charCodeAt(0);
  if (first > 32 && first < 127) return false;
  return text.trim() === "";
}

/** True when no cell of the row holds a value (blank texts aside): a row ExportRowSorter counts as blank. */
export function isBlankSheetRow(cells: readonly CellValue[]): boolean {
  for (let column = 0; column < cells.length; column++) {
    const cell = cells[column];
    if (cell === null || cell === undefined) continue;
    if (typeof cell !== "string" || !isBlankText(cell)) return false;
  }
  return true;
}

/** Words of one header row, to recognise the header repeated on a later page. */
interface HeaderWords {
  columns: number[];
  words: string[];
  wordHasDigit: boolean[];
  /** Cells that must repeat their header: at least two, and half of the header's. */
  needed: number;
}

function headerWordsOf(header: readonly CellValue[]): HeaderWords {
  const words: HeaderWords = { columns: [], words: [], wordHasDigit: [], needed: 0 };
  for (let column = 0; column < header.length; column++) {
    const w = normalizeHeader(headerText(header[column]));
    if (w !== "") {
      words.columns.push(column);
      words.words.push(w);
      words.wordHasDigit.push(/\d/.test(w));
    }
  }
  words.needed = Math.max(2, Math.ceil(words.columns.length / 2)); // repeats >= 2 and repeats * 2 >= n
  return words;
}

/** Each field's first column, and all its columns in order when it joins several. */
export interface FieldColumns<F extends string> {
  field: F;
  first: number;
  all: number[] | null;
}

/** The columns of each mapped field, in the mapping's order (the order of the row's cells). */
export function fieldColumnsOf<F extends string>(columns: Pick<ColumnMapping<F>, "mapping" | "extraColumns">): FieldColumns<F>[] {
  return (Object.keys(columns.mapping) as F[]).map((field) => {
    const first = columns.mapping[field] as number;
    const extras = columns.extraColumns[field] ?? [];
    return { field, first, all: extras.length === 0 ? null : [first, ...extras].sort((a, b) => a - b) };
  });
}

/** The value of a field that joins several columns (Mod 1 … Mod 4): texts joined by `joinWith`, else the first value; null when all are blank. */
export function joinedCell(cells: readonly CellValue[], all: readonly number[], joinWith = " "): CellValue {
  const parts = all
    .map((c) => cells[c])
    .filter((v) => !isBlankCell(v))
    .map((v) => (typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : v));
  return parts.length === 0 ? null : parts.every((p) => typeof p === "string") ? parts.join(joinWith) : parts[0];
}

/** A data row's cells matched to their fields (see readExportRows). */
export function exportRowCells<F extends string>(cells: readonly CellValue[], fieldColumns: readonly FieldColumns<F>[], joinWith?: string): Partial<Record<F, CellValue>> {
  const rowCells: Partial<Record<F, CellValue>> = {};
  for (const { field, first, all } of fieldColumns) {
    rowCells[field] = all === null ? (cells[first] ?? null) : joinedCell(cells, all, joinWith);
  }
  return rowCells;
}

export interface SortedExportRows {
  /** 0-based grid index of each data row, in order (its row number is the index + 1). */
  dataRows: number[];
  leftOut: LeftOutRow[];
  blankRows: number;
}

/**
 * Sorts the rows below a header into data rows and rows left out: blank rows (counted), repeated
 * header rows (multi-page exports), totals rows (`totalsReason`), end-of-report footers and page
 * headers, lines of text alone (group headings, notes), and rows with values only in columns no
 * field took. Every row below the header lands in exactly one place:
 * rows below header = rows.length + leftOut.length + blankRows. Never throws.
 */
export function readExportRows<F extends string>(
  grid: readonly (readonly CellValue[])[],
  headerRow: number,
  columns: Pick<ColumnMapping<F>, "mapping" | "extraColumns">,
  totalsReason: (cells: readonly CellValue[]) => string | null,
  options: { sheet?: string; joinWith?: string; /** 1-based rows of a header over two rows (the last is `headerRow`). */ headerRows?: readonly number[] } = {},
): ExportRows<F> {
  const sorted = sortExportRows(grid, headerRow, columns, totalsReason, options);
  const fieldColumns = fieldColumnsOf(columns);
  const rows = sorted.dataRows.map((i) => ({ row: i + 1, cells: exportRowCells(cellsOf(grid[i]), fieldColumns, options.joinWith) }));
  return { rows, leftOut: sorted.leftOut, blankRows: sorted.blankRows };
}

/**
 * readExportRows without building the data rows' cells: which rows are data (their grid indexes),
 * which are left out and why, and how many are blank. The rows go one at a time through an
 * ExportRowSorter (the same sorting as a reader that is handed the rows one by one).
 */
export function sortExportRows<F extends string>(
  grid: readonly (readonly CellValue[])[],
  headerRow: number,
  columns: Pick<ColumnMapping<F>, "mapping" | "extraColumns">,
  totalsReason: (cells: readonly CellValue[]) => string | null,
  options: { sheet?: string; headerRows?: readonly number[] } = {},
): SortedExportRows {
  const headerRowList = options.headerRows ?? [headerRow];
  const sorter = new ExportRowSorter(headerRowList.map((r) => cellsOf(grid[r - 1])), columns, totalsReason, options.sheet);
  const dataRows: number[] = [];
  for (let i = headerRow; i < grid.length; i++) {
    if (sorter.add(i, cellsOf(grid[i]))) dataRows.push(i);
  }
  return { dataRows, leftOut: sorter.leftOut, blankRows: sorter.blankRows };
}

/**
 * Sorts the rows below a header, handed one at a time in order, into data rows and rows left out:
 * blank rows (counted), repeated header rows (multi-page exports), totals rows (`totalsReason`),
 * end-of-report footers and page headers, lines of text alone (group headings, notes), and rows
 * with values only in columns no field took. Every row below the header lands in exactly one
 * place: rows below header = data rows + leftOut.length + blankRows. Never throws.
 *
 * What it keeps across rows: the rows left out, the blank count, whether an aging-summary block
 * has begun (from which row), and a memo of header words of repeated texts (at most 10,000).
 *
 * Written for a million rows (issue 13): one pass over a row's cells counts what the tests below
 * need (filled cells, texts, cells past the header, cells in mapped columns, aging words), and
 * each test runs only when those counts say the row could be one (a repeated header needs as many
 * texts as half the header's columns; a footer two cells at most).
 */
export class ExportRowSorter<F extends string> {
  /** Every row left out so far, in row order. */
  readonly leftOut: LeftOutRow[] = [];
  /** Blank rows so far (rows not given, absent from a file, count when said: `skipBlank`). */
  blankRows = 0;
  private readonly isMapped: Uint8Array;
  private readonly mappedWidth: number;
  private readonly headerWordsList: HeaderWords[];
  private readonly fewestNeeded: number;
  private readonly headerWidth: number;
  private agingSummaryFrom: number | null = null;
  private readonly repeats = new RepeatedHeader();

  /** `headers`: the cells of the header's rows (one, or two for a header over two rows). */
  constructor(
    headers: readonly (readonly CellValue[])[],
    columns: Pick<ColumnMapping<F>, "mapping" | "extraColumns">,
    private readonly totalsReason: (cells: readonly CellValue[]) => string | null,
    private readonly sheet?: string,
  ) {
    // The columns some field takes (a column is a whole number from 0; anything else names no cell).
    const mappedList: number[] = [];
    for (const f of Object.keys(columns.mapping) as F[]) {
      mappedList.push(columns.mapping[f] as number, ...(columns.extraColumns[f] ?? []));
    }
    const cellColumns = mappedList.filter((c) => Number.isSafeInteger(c) && c >= 0);
    this.mappedWidth = cellColumns.reduce((width, c) => Math.max(width, c + 1), 0);
    this.isMapped = new Uint8Array(this.mappedWidth);
    for (const c of cellColumns) this.isMapped[c] = 1;
    this.headerWordsList = headers.map((h) => headerWordsOf(h));
    let fewestNeeded = Infinity;
    for (const h of this.headerWordsList) fewestNeeded = Math.min(fewestNeeded, h.needed);
    this.fewestNeeded = fewestNeeded;
    let headerWidth = 0;
    for (const header of headers) {
      for (let c = header.length - 1; c >= headerWidth; c--) {
        if (!isBlankCell(header[c])) {
          headerWidth = c + 1;
          break;
        }
      }
    }
    this.headerWidth = headerWidth;
  }

  /** Counts `count` rows that are not given (absent from the file) as blank. */
  skipBlank(count: number): void {
    if (count > 0) this.blankRows += count;
  }

  /** Sorts the row at 0-based grid index `index`: true when it is a data row (else it was counted blank or left out). */
  add(index: number, cells: readonly CellValue[]): boolean {
    const rowNumber = index + 1;
    const agingSummaryFrom = this.agingSummaryFrom;
    const headerWidth = this.headerWidth;
    const mappedWidth = this.mappedWidth;
    const isMapped = this.isMapped;
    // One pass: what the tests below need to know of the row.
    let filled = 0;
    let texts = 0;
    let firstFilled = -1;
    let secondFilled = -1;
    let past = 0;
    let inMapped = 0;
    let agingHeading = 0;
    let agingLabels = 0;
    for (let column = 0; column < cells.length; column++) {
      const cell = cells[column];
      if (cell === null || cell === undefined) continue;
      if (typeof cell === "string") {
        if (isBlankText(cell)) continue;
        texts++;
        if (agingSummaryFrom === null) {
          const kind = agingWordKind(cell);
          agingHeading |= kind & 1;
          agingLabels += kind >> 1;
        }
      }
      filled++;
      if (firstFilled === -1) firstFilled = column;
      else if (secondFilled === -1) secondFilled = column;
      if (column >= headerWidth) past++;
      if (column < mappedWidth && isMapped[column] === 1) inMapped++;
    }
    if (filled === 0) {
      this.blankRows++;
      return false;
    }
    // A repeated header (page break): at least two columns, and half of the header's, repeat their header.
    if (texts >= this.fewestNeeded && this.repeats.any(cells, this.headerWordsList)) {
      this.agingSummaryFrom = null; // a new page of data
      return this.leave(rowNumber, "repeated header row (page break)");
    }
    // The aging-summary block some exports print after the lines ("Aging Summary", then
    // "Current | 31-60 | 61-90 | ..." and their amounts): every row of it is a summary, not data.
    if (agingSummaryFrom === null && ((filled <= 2 && agingHeading !== 0) || agingLabels >= 2)) this.agingSummaryFrom = rowNumber;
    if (this.agingSummaryFrom !== null) {
      return this.leave(rowNumber, this.agingSummaryFrom === rowNumber ? "aging summary block (a summary of the export, not data)" : `aging summary block (from row ${this.agingSummaryFrom})`);
    }
    const totals = this.totalsReason(cells);
    if (totals !== null) return this.leave(rowNumber, totals);
    const footer = filled > 2 ? null : footerOfCells(cells[firstFilled], secondFilled === -1 ? null : cells[secondFilled]);
    if (footer !== null) return this.leave(rowNumber, footer);
    const only = cells[firstFilled];
    if (filled === 1 && typeof only === "string" && /\S\s+\S/.test(only)) {
      return this.leave(rowNumber, `a line of text alone ("${only.trim().slice(0, 60)}"), not a data row`);
    }
    // A text row (CSV) with values past the header's last column: an unquoted "1,234.50" split in
    // two, or a stray delimiter. Its cells would sit under the wrong headers, so it is not read.
    if (past > 0 && texts === filled) {
      return this.leave(rowNumber, `${past} more value${past === 1 ? "" : "s"} than the header has columns (an amount such as 1,234.50 written without quotes splits in two); not read, so that no value lands under the wrong column`);
    }
    if (inMapped === 0) return this.leave(rowNumber, "values only in columns that no field uses");
    return true;
  }

  private leave(row: number, reason: string): false {
    const entry: LeftOutRow = { row, reason };
    if (this.sheet !== undefined) entry.sheet = this.sheet;
    this.leftOut.push(entry);
    return false;
  }
}

/** The first footer reason of a row's one or two filled cells (texts only), or null. */
function footerOfCells(first: CellValue, second: CellValue): string | null {
  const a = typeof first === "string" ? footerReason(first) : null;
  if (a !== null) return a;
  return typeof second === "string" ? footerReason(second) : null;
}

/** Whether a row repeats one of the header rows, its texts' header words read once per distinct text. */
class RepeatedHeader {
  // Same text, same words: data columns repeat payer names, statuses and codes row after row.
  private readonly memo = new Map<string, string>();

  any(cells: readonly CellValue[], headerWordsList: readonly HeaderWords[]): boolean {
    let repeated = false;
    for (const headerWords of headerWordsList) {
      const n = headerWords.columns.length;
      const needed = headerWords.needed;
      let repeats = 0;
      for (let k = 0; k < n && repeats + (n - k) >= needed; k++) {
        if (this.normalized(cells[headerWords.columns[k]], headerWords.wordHasDigit[k]) === headerWords.words[k]) repeats++;
      }
      if (repeats >= needed) repeated = true;
    }
    return repeated;
  }

  private normalized(cell: CellValue, wHasDigit: boolean): string {
    if (typeof cell !== "string") return "";
    if (!wHasDigit && /\d/.test(cell)) return ""; // a claim number, date or amount is no header
    let n = this.memo.get(cell);
    if (n === undefined) {
      n = normalizeHeader(cell.trim());
      if (this.memo.size < 10000) this.memo.set(cell, n);
    }
    return n;
  }
}
