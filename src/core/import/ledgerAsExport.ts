import type { CellValue } from "../cells/cellValue";
import { CLAIM_FIELD_HEADERS, CLAIM_FIELDS, type ClaimField } from "../claims/claimLine";
import type { RawClaimRow } from "../claims/readClaimLines";
import type { Day } from "../dates/day";
import type { FieldMatch } from "./mapColumns";
import type { ExportRead } from "./readClaimsExport";
import type { ColumnOverrides } from "./mapColumns";
import { moneyAwayFromAmount, splitLedgerOverrides } from "./ledgerOverrides";
import { looksLikeLedger, readTransactionLedger } from "./readTransactionLedger";

const MONEY: readonly ClaimField[] = ["charge", "insurancePaid", "patientPaid", "contractualAdjustment", "otherAdjustment"];

/**
 * A transaction ledger seen as a claims export: its rolled-up claim lines as the export's rows,
 * every money field taken from the amount (or debit and credit) column by transaction type, and
 * every ledger row either rolled into a line or listed as left out. Null when the sheet is not a
 * ledger, or when most of its rows do not read as transactions (then it is read as a register).
 * Columns chosen for the register's fields (`overrides`, as the task pane's Convert sends them)
 * are used for the fields a ledger row names (claim, date of service, payer, CPT, …); a money
 * field moved off the amount column means "read this as a register" (`asRegister`, with the note).
 */
export function ledgerRead(
  grid: readonly (readonly CellValue[])[],
  sheet: string | undefined,
  asOf: Day | undefined,
  overrides: ColumnOverrides<ClaimField> = {},
): { read: ExportRead<ClaimField, RawClaimRow>; notes: string[] } | { asRegister: string } | null {
  if (!looksLikeLedger(grid)) return null;
  const chosen = splitLedgerOverrides(overrides);
  const ledger = readTransactionLedger(grid, { sheet, asOf, overrides: chosen.ledger });
  const e = ledger.export;
  if (e.headerRow === null || ledger.rows.length === 0 || ledger.transactions * 2 < e.dataRows) return null;
  const amountLetter = (e.matches.amount ?? e.matches.debit ?? e.matches.credit)?.column ?? null;
  const away = moneyAwayFromAmount(chosen.money, amountLetter, e.headerCells);
  if (away.length > 0) {
    return { asRegister: `read as a register, not as a transaction ledger: a column of its own was chosen for ${away.map((f) => CLAIM_FIELD_HEADERS[f]).join(", ")}` };
  }
  const mapping: Partial<Record<ClaimField, string>> = {};
  const matches: Partial<Record<ClaimField, FieldMatch>> = {};
  for (const f of CLAIM_FIELDS) {
    const own = e.mapping[f as keyof typeof e.mapping];
    if (own !== undefined) {
      mapping[f] = own;
      const m = e.matches[f as keyof typeof e.matches];
      if (m !== undefined) matches[f] = m;
    }
  }
  const amount = e.matches.amount ?? e.matches.debit ?? e.matches.credit;
  const type = e.matches.transactionType;
  if (amount !== undefined) {
    for (const f of MONEY) {
      mapping[f] = amount.column;
      matches[f] = { ...amount, synonym: `by transaction type (column ${type?.column ?? "?"})` };
    }
  }
  const leftOut = ledger.leftOut.map((l) => ({ ...(sheet !== undefined ? { sheet } : {}), row: l.row, reason: l.reason }));
  const read: ExportRead<ClaimField, RawClaimRow> = {
    headerRow: e.headerRow, headerRows: e.headerRows, headerCells: e.headerCells, matches, mapping,
    columns: { mapping: {}, extraColumns: {} },
    unmapped: e.unmapped, ambiguous: [], missingRequired: [], rows: ledger.rows, leftOut, blankRows: e.blankRows,
    dataRows: ledger.rows.length, rowsBelowHeader: ledger.rows.length + leftOut.length + e.blankRows, issues: e.issues,
  };
  if (sheet !== undefined) read.sheet = sheet;
  return { read, notes: [...ledger.notes, ...chosen.notes] };
}
