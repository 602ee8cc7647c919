/**
 * readClaimsRegister as it was before the speed work of issue 13 (copied from
 * src/core/import/readClaimsRegister.ts at a0f569b, with groupPayerNames and creditSigns as they
 * were): RawClaimRow objects from readClaimsExport, then readClaimLines. Kept only as the reference
 * the faster register reader is held to by a property test.
 */
import { payerNameKey } from "../../../src/core/import/normalizePayerNames";
import type { Day } from "../../../src/core/dates/day";
import { isBlankCell, type CellValue } from "../../../src/core/cells/cellValue";
import type { InputIssue } from "../../../src/core/cells/issue";
import type { ClaimField, ClaimLine } from "../../../src/core/claims/claimLine";
import { readClaimLines, type RawClaimRow } from "../../../src/core/claims/readClaimLines";
import type { PayerNameMerge } from "../../../src/core/import/normalizePayerNames";
import { readClaimsExport, type ExportRead, type ReadExportOptions } from "../../../src/core/import/readClaimsExport";
import type { LeftOutRow } from "../../../src/core/import/readExportRows";
import { reconcileBalances, type BalanceCheck } from "../../../src/core/import/reconcileBalances";
import {
  balanceColumnOf, layoutOf, looksLikeMoneyHeader, mappingNotes, missingMoneyFields, missingMoneyNotes, sourceFields, type SourceColumns,
} from "../../../src/core/import/sourceColumns";
import { columnLetter } from "../../../src/core/cells/issue";
import { ledgerRead } from "../../../src/core/import/ledgerAsExport";
import { blankPayerIsSelfPay } from "../../../src/core/import/selfPayConvention";


interface ReadClaimsRegisterOptions extends ReadExportOptions<ClaimField> {
  /** Group payer spellings ("Aetna", "AETNA ", "Aetna, Inc.") under one name (true). */
  normalizePayers?: boolean;
  /** As-of date: a transaction ledger is rolled up from the postings up to this date. */
  asOf?: Day;
}

interface ClaimsRegisterRead {
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
export function referenceReadClaimsRegister(
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
    const grouped = referenceGroupPayerNames(names);
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
    const signs = referenceCreditSigns(lines, read.mapping);
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

/** Both at once: the spelling → display name map and the merges made. */
export function referenceGroupPayerNames(names: readonly string[]): { map: Map<string, string>; merges: PayerNameMerge[] } {
  interface Group { counts: Map<string, number>; order: string[] }
  const groups = new Map<string, Group>();
  const keyOf = new Map<string, string>();
  const map = new Map<string, string>();
  // A register repeats a handful of payer names on every line: each spelling's key is worked out once.
  const keyOfTrimmed = new Map<string, string>();
  for (const name of names) {
    if (typeof name !== "string") continue;
    const trimmed = name.trim();
    let key = keyOfTrimmed.get(trimmed);
    if (key === undefined) {
      key = payerNameKey(trimmed);
      keyOfTrimmed.set(trimmed, key);
    }
    if (key === "") {
      map.set(name, name);
      continue;
    }
    keyOf.set(name, key);
    let group = groups.get(key);
    if (group === undefined) {
      group = { counts: new Map(), order: [] };
      groups.set(key, group);
    }
    if (!group.counts.has(trimmed)) group.order.push(trimmed);
    group.counts.set(trimmed, (group.counts.get(trimmed) ?? 0) + 1);
  }
  const canonicalOf = new Map<string, string>();
  const merges: PayerNameMerge[] = [];
  for (const [key, group] of groups) {
    let canonical = group.order[0];
    for (const spelling of group.order) {
      if ((group.counts.get(spelling) ?? 0) > (group.counts.get(canonical) ?? 0)) canonical = spelling;
    }
    canonicalOf.set(key, canonical);
    const variants = group.order.filter((s) => s !== canonical);
    if (variants.length > 0) merges.push({ canonical, variants });
  }
  for (const [name, key] of keyOf) map.set(name, canonicalOf.get(key) as string);
  return { map, merges };
}

/** Fewer negatives than this are read as they stand (a reversal or two), never as a convention. */
const MIN_LINES = 3;

const FIELDS = ["insurancePaid", "patientPaid", "contractualAdjustment", "otherAdjustment"] as const;
type CreditField = (typeof FIELDS)[number];

const WORDS: Record<CreditField, string> = {
  insurancePaid: "insurance payments", patientPaid: "patient payments",
  contractualAdjustment: "contractual adjustments", otherAdjustment: "other adjustments",
};

/**
 * Payments and adjustments reduce a line's balance (definitions.md: balance = charge − payments −
 * adjustments), so the register holds them as positive amounts. Some exports write them as
 * credits, negative. When three or more, and nine in ten or more, of a field's non-zero amounts are negative, the
 * export's convention is credits: the field's signs are turned on every line and a note says so
 * (a few negatives among positives stay: they are reversals). The columns' letters are for the note.
 */
export function referenceCreditSigns(lines: readonly ClaimLine[], columns: Partial<Record<string, string>>): { lines: ClaimLine[]; notes: string[] } {
  const turn: CreditField[] = [];
  for (const f of FIELDS) {
    let negative = 0;
    let positive = 0;
    for (const l of lines) {
      if (l[f] < 0) negative++;
      else if (l[f] > 0) positive++;
    }
    if (negative >= MIN_LINES && positive * 9 < negative) turn.push(f);
  }
  if (turn.length === 0) return { lines: [...lines], notes: [] };
  const out = lines.map((l) => {
    const copy = { ...l };
    for (const f of turn) copy[f] = -l[f] === 0 ? 0 : -l[f];
    return copy;
  });
  const notes = turn.map((f) => `${WORDS[f]}${columns[f] !== undefined ? ` (column ${columns[f]})` : ""} are written as negative credits in this export: read as reductions of the balance`);
  return { lines: out, notes };
}
