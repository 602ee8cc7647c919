import type { Day } from "../dates/day";
import { isBlankCell, type CellValue } from "../cells/cellValue";
import type { InputIssue } from "../cells/issue";
import type { ClaimField, ClaimLine } from "../claims/claimLine";
import { readClaimLines, readClaimLinesFrom, type ClaimLinesRead, type RawClaimRow, type ReadClaimOptions } from "../claims/readClaimLines";
import { groupPayerNames, type PayerNameMerge } from "./normalizePayerNames";
import { PayerSpellings } from "./payerSpellings";
import { readClaimsExportRows, type ExportRead, type ReadExportOptions } from "./readClaimsExport";
import type { LeftOutRow } from "./readExportRows";
import { reconcileBalances, type BalanceCheck } from "./reconcileBalances";
import {
  balanceColumnOf, layoutOf, looksLikeMoneyHeader, mappingNotes, missingMoneyFields, missingMoneyNotes, sourceFields, type SourceColumns, type SourceLayout,
} from "./sourceColumns";
import { columnLetter } from "../cells/issue";
import { ledgerRead } from "./ledgerAsExport";
import { blankPayerIsSelfPay } from "./selfPayConvention";
import { GridClaimRows } from "./gridClaimRows";
import { creditSigns } from "./creditSigns";
import { columnsAfterRewrites, type RegisterColumns } from "../claimColumns/registerColumns";

export interface ReadClaimsRegisterOptions extends ReadExportOptions<ClaimField> {
  /** Group payer spellings ("Aetna", "AETNA ", "Aetna, Inc.") under one name (true). */
  normalizePayers?: boolean;
  /** As-of date: a transaction ledger is rolled up from the postings up to this date. */
  asOf?: Day;
  /** Also give the lines as columns (`registerColumns`), filled as the lines are read: for a report's figures. */
  registerColumns?: boolean;
}

export interface ClaimsRegisterRead {
  sheet?: string;
  headerRow: number | null;
  /** Column letter of each field. */
  mapping: Partial<Record<ClaimField, string>>;
  unmapped: { column: string; header: string }[];
  /** Claim lines that passed: every figure is computed from these. */
  lines: ClaimLine[];
  /** Every row left out, once, sorted by row: totals, repeated headers, footers, and rows with errors. */
  leftOut: LeftOutRow[];
  /** Errors and warnings: the header's, then each row's (readClaimLines). */
  issues: InputIssue[];
  /** Rows below the header that were read = rowsRead + blankRows. */
  rowsBelowHeader: number;
  /** Non-blank rows below the header = lines.length + leftOut.length. */
  rowsRead: number;
  blankRows: number;
  /** Payer spellings merged into one name. */
  payerNameMerges: PayerNameMerge[];
  /** The export as read, before the lines were checked (its `rows` are built from the grid when first read). */
  export: ExportRead<ClaimField, RawClaimRow>;
  /** Where each field came from, columns not used, money fields missing, notes and assumptions. */
  source: SourceColumns;
  /** The computed balances against the export's own balance column; null when it has none. */
  balanceCheck: BalanceCheck | null;
  /** "asOfDate" when the lines were rolled up from postings up to the as-of date; else "export". */
  balancesAsOf?: "export" | "asOfDate";
  /** `lines` as columns, when asked for (ReadClaimsRegisterOptions.registerColumns). */
  registerColumns?: RegisterColumns;
}

/**
 * Reads a claims export into claim lines: readClaimsExport (header, columns, totals and footers),
 * payer spellings grouped (normalizePayerNames, on by default), then readClaimLines (checks of
 * each row, definitions.md "The claims register"). Every non-blank row below the header is either
 * a line used or listed once in `leftOut` with its reason:
 * rowsRead = lines.length + leftOut.length, rowsBelowHeader = rowsRead + blankRows. Never throws.
 *
 * An export's data rows are read straight from the grid (GridClaimRows, issue 13): no RawClaimRow
 * object per row; `export.rows` is built only if asked for. A transaction ledger's rolled-up lines
 * are RawClaimRow objects and go through readClaimLines. Both give the same lines and issues as
 * the reader before (test/core/import/importSameAsBefore.test.ts). ClaimsStreamReader gives the
 * same from rows handed one at a time, with the same parts (claimsStreamReader.ts).
 */
export function readClaimsRegister(
  grid: readonly (readonly CellValue[])[],
  options: ReadClaimsRegisterOptions = {},
): ClaimsRegisterRead {
  const sheet = options.sheet;
  const asLedger = ledgerRead(grid, sheet, options.asOf, options.overrides);
  const ledger = asLedger !== null && "read" in asLedger ? asLedger : null;
  const fromExport = ledger === null ? readClaimsExportRows(grid, options) : null;
  const read = ledger?.read ?? (fromExport as NonNullable<typeof fromExport>).read;
  const layout = ledger !== null ? "transaction ledger" : layoutOf(read.headerCells, read.mapping);
  const notes: string[] = ledger?.notes ?? (asLedger !== null && "asRegister" in asLedger ? [asLedger.asRegister] : []);
  const selfPay = layout === "OpenEMR Collections Report" && read.columns.mapping.payer !== undefined;
  const normalizePayers = options.normalizePayers ?? true;
  const lineOptions = { sheet, columns: read.mapping, registerColumns: options.registerColumns === true };
  const lined =
    fromExport !== null
      ? linesOfGrid(new GridClaimRows(grid, fromExport.dataRows, read.columns, selfPay), normalizePayers, lineOptions)
      : linesOfRows(read.rows, selfPay, normalizePayers, lineOptions);
  return registerOfLines(grid, options, { read, fromLedger: ledger !== null, layout, notes, lined });
}

/** A register's export as read and its lines as checked: what registerOfLines makes the result of. */
export interface RegisterLines {
  read: ExportRead<ClaimField, RawClaimRow>;
  /** The lines were rolled up from a transaction ledger (their signs are the ledger's). */
  fromLedger: boolean;
  layout: SourceLayout;
  /** Notes so far (the ledger's); the register's own are added. */
  notes: string[];
  lined: LinesRead;
}

/**
 * The rest of readClaimsRegister once the lines are checked: credit signs turned (not for a
 * ledger), the export's own balances reconciled, then the result (registerRead).
 * `turnCreditSigns` is creditSigns (the test reference passes the one before issue 13).
 */
export function registerOfLines(
  grid: readonly (readonly CellValue[])[], options: ReadClaimsRegisterOptions, parts: RegisterLines, turnCreditSigns: typeof creditSigns = creditSigns,
): ClaimsRegisterRead {
  const { read, fromLedger, notes, lined } = parts;
  let lines = lined.checked.lines;
  if (!fromLedger) {
    const signs = turnCreditSigns(lines, read.mapping);
    lines = signs.lines;
    notes.push(...signs.notes);
  }
  const balanceColumn = balanceColumnOf(read.unmapped, read.headerCells);
  let balance: CheckedBalances | null = null;
  if (balanceColumn !== null) {
    const reconciled = reconcileBalances(lines, grid, balanceColumn, columnLetter(balanceColumn + 1), options.sheet);
    lines = reconciled.lines;
    balance = reconciled;
    notes.push(...reconciled.notes);
  }
  const result = registerRead(options, parts, lines, balance);
  // The columns were filled as the lines were read; lines corrected since are read again.
  if (lined.checked.registerColumns !== undefined) result.registerColumns = columnsAfterRewrites(lined.checked.registerColumns, lines);
  return result;
}

/** The balance check's result and its warnings. */
export interface CheckedBalances {
  check: BalanceCheck;
  issues: InputIssue[];
}

/**
 * The register's result from its parts, the lines corrected (credit signs, balances) and their
 * notes already in `parts.notes`: every row left out listed once with its reason, the issues in
 * order (the header's, each row's, the balance check's), where each field came from.
 */
export function registerRead(options: ReadClaimsRegisterOptions, parts: RegisterLines, lines: ClaimLine[], balance: CheckedBalances | null): ClaimsRegisterRead {
  const { read, fromLedger, layout, notes, lined } = parts;
  const sheet = options.sheet;
  const checked = lined.checked;
  const issues: InputIssue[] = [...read.issues, ...(checked.failure ?? []), ...checked.issues, ...(balance?.issues ?? [])];
  const leftOut = [...read.leftOut, ...rowsLeftOut(checked, sheet)].sort((a, b) => a.row - b.row);
  const blankRows = read.blankRows + checked.blankRows;

  const notUsed = read.unmapped.map((u) => ({ ...u, looksLikeMoney: looksLikeMoneyHeader(u.header) }));
  const balanceColumn = balanceColumnOf(read.unmapped, read.headerCells);
  const missingMoney = read.headerRow === null || fromLedger ? [] : missingMoneyFields(read.mapping);
  notes.unshift(...missingMoneyNotes(missingMoney));
  const balanceLetter = balanceColumn === null ? null : columnLetter(balanceColumn + 1);
  notes.push(...mappingNotes(notUsed, read.matches, read.ambiguous, balanceLetter));
  const source: SourceColumns = {
    layout, headerRows: read.headerRows, fields: sourceFields(read.mapping, read.matches), notUsed, missingMoney,
    ambiguous: read.ambiguous, balanceColumn: balanceLetter, notes, assumptions: lined.selfPayAssumption === null ? [] : [lined.selfPayAssumption],
  };
  const result: ClaimsRegisterRead = {
    headerRow: read.headerRow,
    mapping: read.mapping,
    unmapped: read.unmapped,
    lines,
    leftOut,
    issues,
    rowsBelowHeader: read.rowsBelowHeader,
    rowsRead: read.rowsBelowHeader - blankRows,
    blankRows,
    payerNameMerges: lined.merges,
    export: read,
    source,
    balanceCheck: balance?.check ?? null,
    balancesAsOf: fromLedger && options.asOf !== undefined ? "asOfDate" : "export",
  };
  if (sheet !== undefined) result.sheet = sheet;
  return result;
}

/** The rows readClaimLines left out, each with its errors' messages as the reason (in the order given). */
function rowsLeftOut(checked: ClaimLinesRead, sheet: string | undefined): LeftOutRow[] {
  const errorsByRow = new Map<number, InputIssue[]>();
  for (const i of checked.issues) {
    if (i.severity !== "error") continue;
    const list = errorsByRow.get(i.row);
    if (list === undefined) errorsByRow.set(i.row, [i]);
    else list.push(i);
  }
  return checked.leftOutRows.map((row) => {
    const errors = errorsByRow.get(row) ?? [];
    const entry: LeftOutRow = { row, reason: errors.length > 0 ? errors.map((i) => i.message).join("; ") : "left out" };
    if (sheet !== undefined) entry.sheet = sheet;
    const column = errors[0]?.column;
    if (column !== undefined) entry.column = column;
    return entry;
  });
}

/** The lines read, the payer spellings merged and the self-pay assumption (null when none was made). */
export interface LinesRead {
  checked: ClaimLinesRead & { failure?: InputIssue[] };
  merges: PayerNameMerge[];
  selfPayAssumption: string | null;
}

/**
 * The claim lines of an export's data rows, read straight from the grid (GridClaimRows): payer
 * names counted in one pass, grouped, then every row checked by readClaimLinesFrom.
 */
function linesOfGrid(rows: GridClaimRows, normalizePayers: boolean, options: ReadClaimOptions): LinesRead {
  const spellings = new PayerSpellings(normalizePayers, rows.cells.blankPayerIsSelfPay);
  for (let k = 0; k < rows.count; k++) spellings.add(rows.ownPayer(k));
  const grouped = spellings.grouped();
  rows.cells.renamePayers(grouped.renames);
  const checked = checkedLines(() => readClaimLinesFrom(rows, options), rows.count, (k) => rows.rowNumber(k), options);
  return { checked, merges: grouped.merges, selfPayAssumption: grouped.selfPayAssumption };
}

/** The same from RawClaimRow objects (a transaction ledger's rolled-up lines). */
function linesOfRows(read: readonly RawClaimRow[], selfPay: boolean, normalizePayers: boolean, options: ReadClaimOptions): LinesRead {
  let rows: readonly RawClaimRow[] = read;
  let assumption: string | null = null;
  if (selfPay) {
    const convention = blankPayerIsSelfPay(rows);
    rows = convention.rows;
    assumption = convention.assumption;
  }
  let merges: PayerNameMerge[] = [];
  let toRead = rows;
  if (normalizePayers) {
    const names = rows.map((r) => r.cells.payer).filter((v): v is string => typeof v === "string" && !isBlankCell(v));
    const grouped = groupPayerNames(names);
    merges = grouped.merges;
    toRead = rows.map((r) => {
      const payer = r.cells.payer;
      if (typeof payer !== "string") return r;
      const canonical = grouped.map.get(payer);
      return canonical === undefined || canonical === payer ? r : { row: r.row, cells: { ...r.cells, payer: canonical } };
    });
  }
  const checked = checkedLines(() => readClaimLines(toRead, options), toRead.length, (k) => toRead[k].row, options);
  return { checked, merges, selfPayAssumption: assumption };
}

/**
 * readClaimLines never throws; should it all the same, every row is left out with the reason, so
 * that one bad cell cannot stop a report.
 */
function checkedLines(read: () => ClaimLinesRead, count: number, rowNumber: (k: number) => number, options: ReadClaimOptions): ClaimLinesRead & { failure?: InputIssue[] } {
  try {
    return read();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const rows: number[] = [];
    for (let k = 0; k < count; k++) rows.push(rowNumber(k));
    const failure = rows.map((row): InputIssue => ({ row, severity: "error", message: `row could not be read: ${message}`, ...(options.sheet !== undefined ? { sheet: options.sheet } : {}) }));
    return { lines: [], issues: [], rowsRead: count, leftOutRows: rows, blankRows: 0, failure };
  }
}
