import type { Day } from "../dates/day";
import { isBlankCell, type CellValue } from "../cells/cellValue";
import type { InputIssue } from "../cells/issue";
import type { ClaimField, ClaimLine } from "../claims/claimLine";
import { readClaimLines, type RawClaimRow } from "../claims/readClaimLines";
import { groupPayerNames, type PayerNameMerge } from "./normalizePayerNames";
import { readClaimsExport, type ExportRead, type ReadExportOptions } from "./readClaimsExport";
import type { LeftOutRow } from "./readExportRows";
import { reconcileBalances, type BalanceCheck } from "./reconcileBalances";
import {
  balanceColumnOf, layoutOf, looksLikeMoneyHeader, mappingNotes, missingMoneyFields, missingMoneyNotes, sourceFields, type SourceColumns,
} from "./sourceColumns";
import { columnLetter } from "../cells/issue";
import { ledgerRead } from "./ledgerAsExport";
import { blankPayerIsSelfPay } from "./selfPayConvention";
import { creditSigns } from "./creditSigns";

export interface ReadClaimsRegisterOptions extends ReadExportOptions<ClaimField> {
  /** Group payer spellings ("Aetna", "AETNA ", "Aetna, Inc.") under one name (true). */
  normalizePayers?: boolean;
  /** As-of date: a transaction ledger is rolled up from the postings up to this date. */
  asOf?: Day;
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
  /** The export as read, before the lines were checked. */
  export: ExportRead<ClaimField, RawClaimRow>;
  /** Where each field came from, columns not used, money fields missing, notes and assumptions. */
  source: SourceColumns;
  /** The computed balances against the export's own balance column; null when it has none. */
  balanceCheck: BalanceCheck | null;
  /** "asOfDate" when the lines were rolled up from postings up to the as-of date; else "export". */
  balancesAsOf?: "export" | "asOfDate";
}

/**
 * Reads a claims export into claim lines: readClaimsExport (header, columns, totals and footers),
 * payer spellings grouped (normalizePayerNames, on by default), then readClaimLines (checks of
 * each row, definitions.md "The claims register"). Every non-blank row below the header is either
 * a line used or listed once in `leftOut` with its reason:
 * rowsRead = lines.length + leftOut.length, rowsBelowHeader = rowsRead + blankRows. Never throws.
 */
export function readClaimsRegister(
  grid: readonly (readonly CellValue[])[],
  options: ReadClaimsRegisterOptions = {},
): ClaimsRegisterRead {
  const sheet = options.sheet;
  const asLedger = ledgerRead(grid, sheet, options.asOf, options.overrides);
  const ledger = asLedger !== null && "read" in asLedger ? asLedger : null;
  const read = ledger?.read ?? readClaimsExport(grid, options);
  const leftOut: LeftOutRow[] = [...read.leftOut];
  const issues: InputIssue[] = [...read.issues];
  const place = (row: number, reason: string, column?: string): LeftOutRow => {
    const entry: LeftOutRow = { row, reason };
    if (sheet !== undefined) entry.sheet = sheet;
    if (column !== undefined) entry.column = column;
    return entry;
  };

  const layout = ledger !== null ? "transaction ledger" : layoutOf(read.headerCells, read.mapping);
  const assumptions: string[] = [];
  const notes: string[] = ledger?.notes ?? (asLedger !== null && "asRegister" in asLedger ? [asLedger.asRegister] : []);
  let rows: RawClaimRow[] = read.rows;
  if (layout === "OpenEMR Collections Report" && read.columns.mapping.payer !== undefined) {
    const selfPay = blankPayerIsSelfPay(rows);
    rows = selfPay.rows;
    if (selfPay.assumption !== null) assumptions.push(selfPay.assumption);
  }

  let merges: PayerNameMerge[] = [];
  let toRead = rows;
  if (options.normalizePayers ?? true) {
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

  let checked: ReturnType<typeof readClaimLines>;
  try {
    checked = readClaimLines(toRead, { sheet, columns: read.mapping });
  } catch (e) {
    // Not expected (readClaimLines never throws); kept so that one bad cell cannot stop a report.
    const message = e instanceof Error ? e.message : String(e);
    checked = { lines: [], issues: [], rowsRead: toRead.length, leftOutRows: toRead.map((r) => r.row), blankRows: 0 };
    for (const r of toRead) issues.push({ row: r.row, severity: "error", message: `row could not be read: ${message}`, ...(sheet !== undefined ? { sheet } : {}) });
  }
  issues.push(...checked.issues);
  const errorsByRow = new Map<number, InputIssue[]>();
  for (const i of checked.issues) {
    if (i.severity !== "error") continue;
    const list = errorsByRow.get(i.row);
    if (list === undefined) errorsByRow.set(i.row, [i]);
    else list.push(i);
  }
  for (const row of checked.leftOutRows) {
    const errors = errorsByRow.get(row) ?? [];
    const reason = errors.length > 0 ? errors.map((i) => i.message).join("; ") : "left out";
    leftOut.push(place(row, reason, errors[0]?.column));
  }
  leftOut.sort((a, b) => a.row - b.row);
  const blankRows = read.blankRows + checked.blankRows;

  const notUsed = read.unmapped.map((u) => ({ ...u, looksLikeMoney: looksLikeMoneyHeader(u.header) }));
  const balanceColumn = balanceColumnOf(read.unmapped, read.headerCells);
  let lines = checked.lines;
  if (ledger === null) {
    const signs = creditSigns(lines, read.mapping);
    lines = signs.lines;
    notes.push(...signs.notes);
  }
  let balanceCheck: BalanceCheck | null = null;
  if (balanceColumn !== null) {
    const reconciled = reconcileBalances(lines, grid, balanceColumn, columnLetter(balanceColumn + 1), sheet);
    lines = reconciled.lines;
    balanceCheck = reconciled.check;
    notes.push(...reconciled.notes);
    issues.push(...reconciled.issues);
  }
  const missingMoney = read.headerRow === null || ledger !== null ? [] : missingMoneyFields(read.mapping);
  notes.unshift(...missingMoneyNotes(missingMoney));
  const balanceLetter = balanceColumn === null ? null : columnLetter(balanceColumn + 1);
  notes.push(...mappingNotes(notUsed, read.matches, read.ambiguous, balanceLetter));
  const source: SourceColumns = {
    layout, headerRows: read.headerRows, fields: sourceFields(read.mapping, read.matches), notUsed, missingMoney,
    ambiguous: read.ambiguous, balanceColumn: balanceLetter, notes, assumptions,
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
    payerNameMerges: merges,
    export: read,
    source,
    balanceCheck,
    balancesAsOf: ledger !== null && options.asOf !== undefined ? "asOfDate" : "export",
  };
  if (sheet !== undefined) result.sheet = sheet;
  return result;
}
