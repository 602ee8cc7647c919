import { CLAIM_FIELD_HEADERS, type ClaimField } from "../claims/claimLine";
import { normalizeHeader, headerText } from "./normalizeHeader";
import type { CellValue } from "../cells/cellValue";
import type { ColumnOverrides } from "./mapColumns";
import { LEDGER_FIELDS, type LedgerField } from "./ledgerSynonyms";

const MONEY: readonly ClaimField[] = ["charge", "insurancePaid", "patientPaid", "contractualAdjustment", "otherAdjustment"];
/** Register fields a ledger derives from its postings: a column chosen for them is not used. */
const FROM_POSTINGS: Partial<Record<ClaimField, string>> = { status: "status", denialReason: "denial reason", lastPaymentDate: "last payment date" };

/** The register-field columns chosen in the pane (or by a caller), split the way a transaction ledger reads them. */
export interface LedgerOverrides {
  /** Columns for the fields a ledger row names itself (claim, date of service, payer, CPT, …). */
  ledger: ColumnOverrides<LedgerField>;
  /** Money fields given a column (in a ledger they all come from the amount column, by transaction type). */
  money: Partial<Record<ClaimField, string | number>>;
  /** What was not used, in words. */
  notes: string[];
}

export function splitLedgerOverrides(overrides: ColumnOverrides<ClaimField>): LedgerOverrides {
  const ledger: ColumnOverrides<LedgerField> = {};
  const money: Partial<Record<ClaimField, string | number>> = {};
  const notes: string[] = [];
  for (const [field, column] of Object.entries(overrides) as [ClaimField, string | number | undefined][]) {
    if (column === undefined) continue;
    if (MONEY.includes(field)) {
      if (column === "") notes.push(`"(not used)" for ${CLAIM_FIELD_HEADERS[field]} was not applied: a transaction ledger's money fields all come from its amount column, by transaction type`);
      else money[field] = column;
    } else if (column === "" && FROM_POSTINGS[field] !== undefined) continue;
    else if (FROM_POSTINGS[field] !== undefined) notes.push(`the column chosen for ${FROM_POSTINGS[field]} (${String(column)}) was not used: a transaction ledger's ${FROM_POSTINGS[field]} comes from its postings`);
    else if ((LEDGER_FIELDS as readonly string[]).includes(field)) ledger[field as LedgerField] = column;
  }
  return { ledger, money, notes };
}

/**
 * The money fields whose chosen column is not the ledger's amount column (its letter, or its
 * header text): the user then reads the sheet as a register with one column per money field, not
 * as a ledger split by transaction type. Empty when every money field was left on the amount column.
 */
export function moneyAwayFromAmount(money: LedgerOverrides["money"], amountLetter: string | null, headerCells: readonly CellValue[]): ClaimField[] {
  const away: ClaimField[] = [];
  for (const [field, column] of Object.entries(money) as [ClaimField, string | number][]) {
    const given = String(column).trim();
    if (amountLetter === null) { away.push(field); continue; }
    if (given.toUpperCase() === amountLetter) continue;
    const index = [...amountLetter].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    if (/^\d+$/.test(given) && Number(given) === index + 1) continue;
    if (normalizeHeader(given) === normalizeHeader(headerText(headerCells[index]))) continue;
    away.push(field);
  }
  return away;
}
