import type { CellValue } from "../cells/cellValue";
import type { InputIssue } from "../cells/issue";
import { CLAIM_FIELD_HEADERS, REQUIRED_CLAIM_FIELDS, type ClaimField } from "../claims/claimLine";
import type { RawClaimRow } from "../claims/readClaimLines";
import { findHeaderRow } from "./findHeaderRow";
import { CLAIM_HEADER_SYNONYMS, type HeaderSynonyms } from "./headerSynonyms";
import { totalsRowReason } from "./isTotalsRow";
import { mapColumns, type ColumnMapping, type ColumnOverrides, type FieldMatch } from "./mapColumns";
import { headerRows } from "./twoRowHeader";
import { cellsOf, exportRowCells, fieldColumnsOf, sortExportRows, type LeftOutRow } from "./readExportRows";

export interface ReadExportOptions<F extends string> {
  /** Sheet or file name, for messages. */
  sheet?: string;
  /** Where the caller says a field is: header text, column letter or 1-based column number. */
  overrides?: ColumnOverrides<F>;
  /** Synonym lists to use instead of the built-in ones. */
  synonyms?: HeaderSynonyms<F>;
  /** Rows searched for the header (30). */
  maxHeaderRows?: number;
}

export interface ExportRead<F extends string, R> {
  sheet?: string;
  /** 1-based header row (the last, for a header over two rows); null when none was found (then nothing was read: see `issues`). */
  headerRow: number | null;
  /** 1-based rows the header spans (two for "Ins" above "Paid"); empty when none was found. */
  headerRows: number[];
  /** The header text of each column (two rows joined). */
  headerCells: CellValue[];
  /** How each field's column was matched (synonym, exact or contained, override). */
  matches: Partial<Record<F, FieldMatch>>;
  /** Column letter of each field ("F", "F, G" for modifiers in several columns). */
  mapping: Partial<Record<F, string>>;
  /** 0-based column of each field, and further columns of multi-column fields. */
  columns: Pick<ColumnMapping<F>, "mapping" | "extraColumns">;
  unmapped: { column: string; header: string }[];
  ambiguous: ColumnMapping<F>["ambiguous"];
  missingRequired: F[];
  /** Data rows, cells matched to fields, ready for the reader. */
  rows: R[];
  /** Totals rows, repeated header rows, footers and notes below the header. */
  leftOut: LeftOutRow[];
  blankRows: number;
  /** rows.length. */
  dataRows: number;
  /** Rows below the header that were read: dataRows + leftOut.length + blankRows. */
  rowsBelowHeader: number;
  /** What kept the export from being read, and warnings about the header. */
  issues: InputIssue[];
}

const CLAIM_FIELD_WORDS = "claim number, date of service, payer and charge";

/**
 * Reads a practice-management claims export: finds the header row below title and "Run date:"
 * lines, matches its columns to the register's fields (CLAIM_HEADER_SYNONYMS, caller overrides
 * first), and sorts every row below it into data rows, rows left out with the reason (totals,
 * repeated headers, footers, notes) and blank rows, so that
 * rows below header = dataRows + leftOut + blankRows. Mod 1 … Mod 4 columns are joined into one
 * modifiers cell, separated by a space. Never throws; a sheet with no usable header gives an error
 * issue and no rows.
 */
export function readClaimsExport(
  grid: readonly (readonly CellValue[])[],
  options: ReadExportOptions<ClaimField> = {},
): ExportRead<ClaimField, RawClaimRow> {
  return readExport(grid, options, claimsExportKind(options));
}

/**
 * readClaimsExport with the data rows given as grid indexes (`dataRows`), for a reader that takes
 * their cells straight from the grid (issue 13: no object per row). The read's `rows` are the same
 * as readClaimsExport's, built from the grid the first time they are asked for.
 */
export function readClaimsExportRows(
  grid: readonly (readonly CellValue[])[],
  options: ReadExportOptions<ClaimField> = {},
): { read: ExportRead<ClaimField, RawClaimRow>; dataRows: readonly number[] } {
  return readExportOfRows(grid, options, claimsExportKind(options), true);
}

function claimsExportKind(options: ReadExportOptions<ClaimField>): ExportKind<ClaimField, RawClaimRow> {
  return {
    synonyms: options.synonyms ?? CLAIM_HEADER_SYNONYMS,
    required: REQUIRED_CLAIM_FIELDS,
    requiredWords: CLAIM_FIELD_WORDS,
    multiColumn: ["modifiers"],
    canonical: CLAIM_FIELD_HEADERS,
    totalsReason: (mapping) => (cells) => totalsRowReason(cells, mapping),
    toRow: (row) => row,
  };
}

/** What differs between one kind of export and another. */
export interface ExportKind<F extends string, R> {
  synonyms: HeaderSynonyms<F>;
  required: readonly F[];
  requiredWords: string;
  multiColumn: readonly F[];
  /** The project's own header of each field, preferred over every synonym. */
  canonical?: Partial<Record<F, string>>;
  minFields?: number;
  /** Fields of which at least one must have a column (the fee schedule's amount or percent). */
  oneOf?: readonly F[];
  totalsReason: (mapping: Partial<Record<F, number>>) => (cells: readonly CellValue[]) => string | null;
  toRow: (row: { row: number; cells: Partial<Record<F, CellValue>> }) => R;
}

/** The shared reading of an export; see readClaimsExport. */
export function readExport<F extends string, R>(
  grid: readonly (readonly CellValue[])[],
  options: ReadExportOptions<F>,
  kind: ExportKind<F, R>,
): ExportRead<F, R> {
  return readExportOfRows(grid, options, kind, false).read;
}

/** readExport, and the grid index of each data row; `lazyRows`: the read's `rows` are built when first asked for. */
function readExportOfRows<F extends string, R>(
  grid: readonly (readonly CellValue[])[],
  options: ReadExportOptions<F>,
  kind: ExportKind<F, R>,
  lazyRows: boolean,
): { read: ExportRead<F, R>; dataRows: readonly number[] } {
  const safeGrid: readonly (readonly CellValue[])[] = Array.isArray(grid) ? grid : [];
  const { read: result, rows: sorting } = readExportHeader(safeGrid, options, kind);
  if (sorting === null) return { read: result, dataRows: [] };
  const sorted = sortExportRows(safeGrid, sorting.headerRow, result.columns, sorting.totalsReason, { sheet: options.sheet, headerRows: sorting.headerRows });
  const columns = result.columns;
  const buildRows = (): R[] => {
    const fieldColumns = fieldColumnsOf(columns);
    return sorted.dataRows.map((i) => kind.toRow({ row: i + 1, cells: exportRowCells(cellsOf(safeGrid[i]), fieldColumns) }));
  };
  if (lazyRows) rowsWhenAskedFor(result, buildRows);
  else result.rows = buildRows();
  exportRowsSorted(result, sorted.leftOut, sorted.blankRows, sorted.dataRows.length, safeGrid.length);
  return { read: result, dataRows: sorted.dataRows };
}

/** How the rows below an export's header are sorted (ExportRowSorter): the header's rows and the totals test. */
export interface ExportRowSorting {
  /** 1-based last header row: the rows below it are the export's. */
  headerRow: number;
  /** 1-based rows the header spans. */
  headerRows: number[];
  totalsReason: (cells: readonly CellValue[]) => string | null;
}

/**
 * The first part of readExport: the header found among the first rows (`grid` may be only those:
 * nothing below the header is read) and its columns matched to fields. `rows` is null when no
 * usable header was found (the read's issues say why; nothing below it is to be read).
 */
export function readExportHeader<F extends string, R>(
  grid: readonly (readonly CellValue[])[],
  options: ReadExportOptions<F>,
  kind: ExportKind<F, R>,
): { read: ExportRead<F, R>; rows: ExportRowSorting | null } {
  const sheet = options.sheet;
  const safeGrid: readonly (readonly CellValue[])[] = Array.isArray(grid) ? grid : [];
  const result: ExportRead<F, R> = {
    headerRow: null, headerRows: [], headerCells: [], matches: {}, mapping: {}, columns: { mapping: {}, extraColumns: {} }, unmapped: [], ambiguous: [],
    missingRequired: [], rows: [], leftOut: [], blankRows: 0, dataRows: 0, rowsBelowHeader: 0, issues: [],
  };
  if (sheet !== undefined) result.sheet = sheet;
  const issue = (row: number, severity: InputIssue["severity"], message: string, column?: string): InputIssue => {
    const i: InputIssue = { row, severity, message };
    if (sheet !== undefined) i.sheet = sheet;
    if (column !== undefined) i.column = column;
    return i;
  };

  const overrides = options.overrides ?? {};
  const header = findHeaderRow(safeGrid, kind.synonyms, kind.required, {
    sheet, overrides, maxRows: options.maxHeaderRows, minFields: kind.minFields, requiredWords: kind.requiredWords,
  });
  if (!header.found) {
    result.issues.push(header.issue);
    return { read: result, rows: null };
  }
  const mapOptions = { required: kind.required, multiColumn: kind.multiColumn, canonical: kind.canonical };
  const spanned = headerRows(safeGrid, header.row, kind.synonyms, overrides, mapOptions);
  const headerCells = spanned.cells;
  const mapped = mapColumns(headerCells, kind.synonyms, overrides, mapOptions);
  const lastHeaderRow = spanned.rows[spanned.rows.length - 1];
  result.headerRow = lastHeaderRow;
  result.headerRows = spanned.rows;
  result.headerCells = headerCells;
  result.matches = mapped.matches;
  result.mapping = mapped.columnsByField;
  result.columns = { mapping: mapped.mapping, extraColumns: mapped.extraColumns };
  result.unmapped = mapped.unmapped;
  result.ambiguous = mapped.ambiguous;
  result.missingRequired = mapped.missingRequired;
  for (const bad of mapped.badOverrides) result.issues.push(issue(header.row, "warning", `override for ${bad.field}: ${bad.message}`));
  for (const a of mapped.ambiguous) {
    result.issues.push(issue(header.row, "warning", `columns ${a.columns.join(", ")} could all be ${a.field}; column ${a.chosen} ("${String(headerCells[columnIndex(a.chosen)] ?? "")}") was used (name another with the overrides option)`, a.chosen));
  }
  const missing: string[] = [...mapped.missingRequired];
  const oneOf = kind.oneOf ?? [];
  if (oneOf.length > 0 && !oneOf.some((f) => mapped.mapping[f] !== undefined)) missing.push(oneOf.join(" or "));
  if (missing.length > 0) {
    result.issues.push(issue(header.row, "error", `header row ${header.row} has no column for ${missing.join(", ")}; nothing was read (name the columns with the overrides option)`));
    return { read: result, rows: null };
  }
  return { read: result, rows: { headerRow: lastHeaderRow, headerRows: spanned.rows, totalsReason: kind.totalsReason(mapped.mapping) } };
}

/** Writes the sorted rows' counts into the read; `rowCount`: rows in the sheet (the grid's length). */
export function exportRowsSorted<F extends string, R>(read: ExportRead<F, R>, leftOut: LeftOutRow[], blankRows: number, dataRows: number, rowCount: number): void {
  read.leftOut = leftOut;
  read.blankRows = blankRows;
  read.dataRows = dataRows;
  read.rowsBelowHeader = Math.max(0, rowCount - (read.headerRow ?? 0));
}

/** readClaimsExport's header part (readExportHeader) for a claims export. */
export function readClaimsExportHeader(
  grid: readonly (readonly CellValue[])[],
  options: ReadExportOptions<ClaimField> = {},
): { read: ExportRead<ClaimField, RawClaimRow>; rows: ExportRowSorting | null } {
  return readExportHeader(grid, options, claimsExportKind(options));
}

/**
 * `read.rows` built by `build` the first time it is read (then kept as a plain value); writing it
 * replaces it. It stays an enumerable property in its place, so the read compares and prints as before.
 */
function rowsWhenAskedFor<R>(read: { rows: R[] }, build: () => R[]): void {
  const settle = (rows: R[]): R[] => {
    Object.defineProperty(read, "rows", { value: rows, writable: true, enumerable: true, configurable: true });
    return rows;
  };
  Object.defineProperty(read, "rows", { get: () => settle(build()), set: settle, enumerable: true, configurable: true });
}

/** 0-based column of a letter ("C" → 2). */
function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
