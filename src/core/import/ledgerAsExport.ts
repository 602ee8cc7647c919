import type { CellValue } from "../cells/cellValue";
import { CLAIM_FIELDS, type ClaimField } from "../claims/claimLine";
import type { RawClaimRow } from "../claims/readClaimLines";
import type { Day } from "../dates/day";
import type { FieldMatch } from "./mapColumns";
import type { ExportRead } from "./readClaimsExport";
import { looksLikeLedger, readTransactionLedger } from "./readTransactionLedger";

const MONEY: readonly ClaimField[] = ["charge", "insurancePaid", "patientPaid", "contractualAdjustment", "otherAdjustment"];

/**
 * A transaction ledger seen as a claims export: its rolled-up claim lines as the export's rows,
 * every money field taken from the amount (or debit and credit) column by transaction type, and
 * every ledger row either rolled into a line or listed as left out. Null when the sheet is not a
 * ledger, or when most of its rows do not read as transactions (then it is read as a register).
 */
export function ledgerRead(grid: readonly (readonly CellValue[])[], sheet: string | undefined, asOf: Day | undefined): { read: ExportRead<ClaimField, RawClaimRow>; notes: string[] } | null {
  if (!looksLikeLedger(grid)) return null;
  const ledger = readTransactionLedger(grid, { sheet, asOf });
  const e = ledger.export;
  if (e.headerRow === null || ledger.rows.length === 0 || ledger.transactions * 2 < e.dataRows) return null;
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
  return { read, notes: ledger.notes };
}
