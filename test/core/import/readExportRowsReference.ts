/**
 * readExportRows, agingWordKind and totalsRowReason as they were before the speed work of issue 13 (copied from
 * src/core/import/readExportRows.ts at a0f569b), kept only as the reference the faster reader is
 * held to by a property test. The helpers that did not change are imported from the source.
 */
import type { ColumnMapping } from "../../../src/core/import/mapColumns";
import { headerText, normalizeHeader } from "../../../src/core/import/normalizeHeader";
import { parseDate } from "../../../src/core/cells/parseDate";
import { parseMoney } from "../../../src/core/cells/parseMoney";
import type { ClaimField } from "../../../src/core/claims/claimLine";
import { isTotalsText } from "../../../src/core/import/isTotalsRow";
import { isBlankCell, showCell, type CellValue } from "../../../src/core/cells/cellValue";
// What did not change in issue 13 is taken from the source; only the old row sorting, aging words
// and totals test are kept here.
import { agingSummaryHeading, cellsOf, footerReason, type ExportRows, type LeftOutRow } from "../../../src/core/import/readExportRows";

const BUCKET_LABEL = /^(current|0 ?- ?30|1 ?- ?30|31 ?- ?60|61 ?- ?90|91 ?- ?120|120 ?\+|121 ?\+|over 90|over 120|> ?90|> ?120|90 ?\+|total due)( days)?$/;

const AGING_HEADING = /^(a\/?r )?aging( summary| totals?)?:?$|^summary of aging|^aging by/;

/** What a text is to an aging summary: 1 when it names one ("Aging Summary"), 2 when it is a bucket label ("31-60"), else 0. */
export function agingWordKind(cell: string): number {
  const t = cell.trim().toLowerCase().replace(/\s+/g, " ");
  return (AGING_HEADING.test(t) ? 1 : 0) | (BUCKET_LABEL.test(t) ? 2 : 0);
}

/** agingWordKind read once per distinct text (up to 10,000 texts kept). */
function agingWordMemo(): (cell: string) => number {
  const memo = new Map<string, number>();
  return (cell) => {
    let kind = memo.get(cell);
    if (kind === undefined) {
      kind = agingWordKind(cell);
      if (memo.size < 10000) memo.set(cell, kind);
    }
    return kind;
  };
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
  const rows: ExportRows<F>["rows"] = [];
  const leftOut: LeftOutRow[] = [];
  let blankRows = 0;
  const fields = Object.keys(columns.mapping) as F[];
  const mappedColumns = new Set<number>();
  for (const f of fields) {
    mappedColumns.add(columns.mapping[f] as number);
    for (const extra of columns.extraColumns[f] ?? []) mappedColumns.add(extra);
  }
  // Words of each header row, to recognise the header repeated on a later page.
  const headerWordsList: { columns: number[]; words: string[]; wordHasDigit: boolean[] }[] = [];
  for (const r of options.headerRows ?? [headerRow]) {
    const header = cellsOf(grid[r - 1]);
    const words: (typeof headerWordsList)[number] = { columns: [], words: [], wordHasDigit: [] };
    for (let column = 0; column < header.length; column++) {
      const w = normalizeHeader(headerText(header[column]));
      if (w !== "") {
        words.columns.push(column);
        words.words.push(w);
        words.wordHasDigit.push(/\d/.test(w));
      }
    }
    headerWordsList.push(words);
  }
  // Each field's columns, in order (a field may join several).
  const fieldColumns = fields.map((field) => {
    const first = columns.mapping[field] as number;
    const extras = columns.extraColumns[field] ?? [];
    return { field, first, all: extras.length === 0 ? null : [first, ...extras].sort((a, b) => a - b) };
  });
  const agingKind = agingWordMemo();
  let agingSummaryFrom: number | null = null;
  let headerWidth = 0;
  for (const r of options.headerRows ?? [headerRow]) {
    const header = cellsOf(grid[r - 1]);
    for (let c = header.length - 1; c >= headerWidth; c--) {
      if (!isBlankCell(header[c])) {
        headerWidth = c + 1;
        break;
      }
    }
  }
  // Same text, same words: data columns repeat payer names, statuses and codes row after row.
  const memo = new Map<string, string>();
  const normalized = (cell: CellValue, wHasDigit: boolean): string => {
    if (typeof cell !== "string") return "";
    if (!wHasDigit && /\d/.test(cell)) return ""; // a claim number, date or amount is no header
    let n = memo.get(cell);
    if (n === undefined) {
      n = normalizeHeader(cell.trim());
      if (memo.size < 10000) memo.set(cell, n);
    }
    return n;
  };
  const place = (row: number, reason: string): LeftOutRow => {
    const entry: LeftOutRow = { row, reason };
    if (options.sheet !== undefined) entry.sheet = options.sheet;
    return entry;
  };

  for (let i = headerRow; i < grid.length; i++) {
    const rowNumber = i + 1;
    const cells = cellsOf(grid[i]);
    const filled: number[] = [];
    for (let column = 0; column < cells.length; column++) {
      if (!isBlankCell(cells[column])) filled.push(column);
    }
    if (filled.length === 0) {
      blankRows++;
      continue;
    }
    // A repeated header (page break): at least two columns, and half of the header's, repeat their header.
    let repeatedHeader = false;
    for (const headerWords of headerWordsList) {
      const n = headerWords.columns.length;
      const needed = Math.max(2, Math.ceil(n / 2)); // repeats >= 2 and repeats * 2 >= n
      let repeats = 0;
      for (let k = 0; k < n && repeats + (n - k) >= needed; k++) {
        if (normalized(cells[headerWords.columns[k]], headerWords.wordHasDigit[k]) === headerWords.words[k]) repeats++;
      }
      if (repeats >= needed) repeatedHeader = true;
    }
    if (repeatedHeader) {
      agingSummaryFrom = null; // a new page of data
      leftOut.push(place(rowNumber, "repeated header row (page break)"));
      continue;
    }
    // The aging-summary block some exports print after the lines ("Aging Summary", then
    // "Current | 31-60 | 61-90 | ..." and their amounts): every row of it is a summary, not data.
    if (agingSummaryFrom === null && agingSummaryHeading(cells, filled, agingKind)) agingSummaryFrom = rowNumber;
    if (agingSummaryFrom !== null) {
      leftOut.push(place(rowNumber, agingSummaryFrom === rowNumber ? "aging summary block (a summary of the export, not data)" : `aging summary block (from row ${agingSummaryFrom})`));
      continue;
    }
    const totals = totalsReason(cells);
    if (totals !== null) {
      leftOut.push(place(rowNumber, totals));
      continue;
    }
    const footer = filled.length > 2 ? null : filled
      .map((c) => cells[c])
      .filter((v): v is string => typeof v === "string")
      .map(footerReason)
      .find((r) => r !== null) ?? null;
    if (footer !== null) {
      leftOut.push(place(rowNumber, footer));
      continue;
    }
    if (filled.length === 1 && typeof cells[filled[0]] === "string" && /\S\s+\S/.test(cells[filled[0]] as string)) {
      leftOut.push(place(rowNumber, `a line of text alone ("${(cells[filled[0]] as string).trim().slice(0, 60)}"), not a data row`));
      continue;
    }
    // A text row (CSV) with values past the header's last column: an unquoted "1,234.50" split in
    // two, or a stray delimiter. Its cells would sit under the wrong headers, so it is not read.
    let past = 0;
    for (const c of filled) if (c >= headerWidth) past++;
    if (past > 0 && filled.every((c) => typeof cells[c] === "string")) {
      leftOut.push(place(rowNumber, `${past} more value${past === 1 ? "" : "s"} than the header has columns (an amount such as 1,234.50 written without quotes splits in two); not read, so that no value lands under the wrong column`));
      continue;
    }
    if (!filled.some((c) => mappedColumns.has(c))) {
      leftOut.push(place(rowNumber, "values only in columns that no field uses"));
      continue;
    }
    const rowCells: Partial<Record<F, CellValue>> = {};
    for (const { field, first, all } of fieldColumns) {
      if (all === null) {
        rowCells[field] = cells[first] ?? null;
      } else {
        const parts = all
          .map((c) => cells[c])
          .filter((v) => !isBlankCell(v))
          .map((v) => (typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : v));
        rowCells[field] = parts.length === 0 ? null : parts.every((p) => typeof p === "string") ? parts.join(options.joinWith ?? " ") : parts[0];
      }
    }
    rows.push({ row: rowNumber, cells: rowCells });
  }
  return { rows, leftOut, blankRows };
}

// totalsRowReason as it was before issue 13 (src/core/import/isTotalsRow.ts at a0f569b).

const MONEY_FIELDS: readonly ClaimField[] = [
  "charge", "insurancePaid", "patientPaid", "contractualAdjustment", "otherAdjustment", "allowed",
];
/** Safe reads: a throw from a parser never leaves this module. */
function hasMoney(value: CellValue): boolean {
  try {
    return parseMoney(value).kind === "value";
  } catch {
    return false;
  }
}

function hasDate(value: CellValue): boolean {
  try {
    return parseDate(value).kind === "value";
  } catch {
    return false;
  }
}

/**
 * Why a row of a claims export is a totals row, or null when it is not one:
 * - a text cell reads as a total ("Total", "Grand Total", "Subtotal", "Totals for Aetna",
 *   "** Total **", "Page total", "Report total"); except when the row has a claim number that is
 *   not itself total wording and a readable date of service, so that a real line for a payer named
 *   "Total Health Care" is kept;
 * - or the row has no claim number and no date of service but holds amounts.
 * `mapping` gives the 0-based column of each field.
 */
export function referenceTotalsRowReason(row: readonly CellValue[], mapping: Partial<Record<ClaimField, number>>): string | null {
  const cells: readonly CellValue[] = Array.isArray(row) ? row : [];
  const claimCell = cellAt(cells, mapping, "claimId");
  let label: string | undefined;
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c];
    if (typeof cell === "string" && isTotalsText(cell)) {
      label = cell;
      break;
    }
  }
  if (label !== undefined) {
    const claimIsTotal = typeof claimCell === "string" && isTotalsText(claimCell);
    const looksLikeLine = !isBlankCell(claimCell) && !claimIsTotal && hasDate(cellAt(cells, mapping, "dateOfService"));
    if (!looksLikeLine) return `totals row ("${showCell(label.trim())}")`;
  }
  if (isBlankCell(claimCell) && isBlankCell(cellAt(cells, mapping, "dateOfService")) && MONEY_FIELDS.some((f) => hasMoney(cellAt(cells, mapping, f)))) {
    return "totals row: amounts with no claim number and no date of service";
  }
  return null;
}

function cellAt(cells: readonly CellValue[], mapping: Partial<Record<ClaimField, number>>, field: ClaimField): CellValue {
  const column = mapping[field];
  return column === undefined ? null : cells[column];
}


