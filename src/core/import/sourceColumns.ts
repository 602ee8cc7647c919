import type { CellValue } from "../cells/cellValue";
import { columnLetter } from "../cells/issue";
import { CLAIM_FIELDS, CLAIM_FIELD_HEADERS, type ClaimField } from "../claims/claimLine";
import type { FieldMatch } from "./mapColumns";
import { headerText, normalizeHeader } from "./normalizeHeader";

/** The kinds of claims source the reader tells apart. */
export type SourceLayout =
  | "Practice Ledger claims register"
  | "OpenEMR Collections Report"
  | "line-item export"
  | "encounter-level export"
  | "transaction ledger";

/** Where one field of the register came from: the column, or null when no column has it. */
export interface SourceField {
  field: ClaimField;
  /** Column letter(s) ("F", "F, G"), or null. */
  column: string | null;
  /** The header as written in the export, or null. */
  header: string | null;
  /** How the column was matched: "override", "canonical" (the project's own header), "exact" or "contains" (a synonym); null when unmapped. */
  matchedBy: FieldMatch["how"] | null;
  /** The synonym that matched (normalized), or null. */
  synonym: string | null;
}

/**
 * What the reader made of a claims source's columns, for every host to show: each field with the
 * column it came from or null, the columns not used (with those that look like money marked),
 * the money fields with no column, ambiguities, and the notes and assumptions made.
 */
export interface SourceColumns {
  layout: SourceLayout;
  /** 1-based header rows (two for a header over two rows). */
  headerRows: number[];
  fields: SourceField[];
  /** Header cells no field took; `looksLikeMoney` marks those whose name reads as an amount. */
  notUsed: { column: string; header: string; looksLikeMoney: boolean }[];
  /** Money fields the figures need that no column has (payments, adjustments): read as 0.00. */
  missingMoney: ClaimField[];
  /** Fields two or more columns could be; the one used is `chosen`. */
  ambiguous: { field: ClaimField; columns: string[]; chosen: string }[];
  /** The export's own balance column, reconciled against the computed balances; null when none. */
  balanceColumn: string | null;
  /** Plain sentences: what was noticed and done (shown by the CLI, the report tab and the task pane). */
  notes: string[];
  /** Conventions assumed from the layout (e.g. a blank payer is self-pay in OpenEMR). */
  assumptions: string[];
}

const MONEY_WORDS = /\b(paid|payment|payments|adjustment|adjust|balance|bal|charge|amount|fee|credit|debit|refund|write off|writeoff|due|owed|allowed|copay|coinsurance|deductible|receipts|collected|outstanding)\b|\$/;

/** True when a header reads as an amount of money ("Balance", "Pt Resp Due", "Write-Off $"). */
export function looksLikeMoneyHeader(header: string): boolean {
  const n = normalizeHeader(header);
  if (/\b(date|days|code|reason|number|id|status|type|class|group)\b/.test(n)) return false;
  return MONEY_WORDS.test(n) || /\$/.test(header);
}

/** Header words of an export's own balance column. */
const BALANCE_HEADERS = new Set(["balance", "bal", "balance due", "current balance", "line balance", "claim balance", "outstanding", "outstanding balance", "amount due", "total balance", "ar balance", "open balance", "remaining balance", "insurance balance"].map(normalizeHeader));

/** 0-based column of the export's own balance, among the columns no field took; null when none. */
export function balanceColumnOf(notUsed: readonly { column: string; header: string }[], headerCells: readonly CellValue[]): number | null {
  for (let c = 0; c < headerCells.length; c++) {
    const h = normalizeHeader(headerText(headerCells[c]));
    if (h !== "" && BALANCE_HEADERS.has(h) && notUsed.some((u) => u.column === columnLetter(c + 1))) return c;
  }
  return null;
}

/** The layout a claims export reads as, from its header. */
export function layoutOf(headerCells: readonly CellValue[], mapping: Partial<Record<ClaimField, string>>): SourceLayout {
  const headers = new Set(headerCells.map((c) => normalizeHeader(headerText(c))).filter((h) => h !== ""));
  if ((["claimId", "dateOfService", "payer", "charge"] as ClaimField[]).every((f) => headers.has(normalizeHeader(CLAIM_FIELD_HEADERS[f])))) {
    return "Practice Ledger claims register";
  }
  // OpenEMR's interface/reports/collections_report.php CSV: Insurance, Name, DOB, Policy, Phone,
  // Invoice, DOS, Referrer, Provider, Charge, Adjust, Paid, Balance, Aging Days.
  if (headers.has("invoice") && headers.has("insurance") && headers.has("paid") && (headers.has("adjust") || headers.has("aging days"))) {
    return "OpenEMR Collections Report";
  }
  return mapping.cpt !== undefined ? "line-item export" : "encounter-level export";
}

/** The money fields whose absence would silently read as 0.00. */
export function missingMoneyFields(mapping: Partial<Record<ClaimField, string>>): ClaimField[] {
  const missing: ClaimField[] = [];
  if (mapping.insurancePaid === undefined && mapping.patientPaid === undefined) missing.push("insurancePaid", "patientPaid");
  if (mapping.contractualAdjustment === undefined && mapping.otherAdjustment === undefined) missing.push("contractualAdjustment", "otherAdjustment");
  return missing;
}

/** Builds the fields list of SourceColumns from a mapping and its matches. */
export function sourceFields(mapping: Partial<Record<ClaimField, string>>, matches: Partial<Record<ClaimField, FieldMatch>>): SourceField[] {
  return CLAIM_FIELDS.map((field) => {
    const m = matches[field];
    return {
      field,
      column: mapping[field] ?? null,
      header: m?.header ?? null,
      matchedBy: m?.how ?? null,
      synonym: m?.synonym ?? null,
    };
  });
}

const MONEY_WORDS_OF: Partial<Record<ClaimField, string>> = {
  insurancePaid: "payments (insurance or patient)",
  contractualAdjustment: "adjustments (contractual or other)",
};

/** The sentences that say a money field has no column: read as 0.00 on every line. */
export function missingMoneyNotes(missing: readonly ClaimField[]): string[] {
  const notes: string[] = [];
  for (const field of ["insurancePaid", "contractualAdjustment"] as ClaimField[]) {
    if (missing.includes(field)) {
      notes.push(`no column for ${MONEY_WORDS_OF[field]}: every line counts 0.00, so balances and A/R include them; name the column if the export has one`);
    }
  }
  return notes;
}

/** Synonyms (normalized) of one column holding every payment, or every adjustment. */
const ALL_PAYMENTS = new Set(["paid", "total paid", "payment", "total payment", "amount paid", "paid amount", "receipts"]);
const ALL_ADJUSTMENTS = new Set(["adjust", "total adjustment", "adjustment amount", "adjusted"]);

/**
 * The notes on a mapping: money-looking columns no field uses (the balance column aside), one
 * column read as all payments or all adjustments, and ambiguous fields.
 */
export function mappingNotes(
  notUsed: readonly { column: string; header: string; looksLikeMoney: boolean }[],
  matches: Partial<Record<ClaimField, FieldMatch>>,
  ambiguous: readonly { field: ClaimField; columns: string[]; chosen: string }[],
  balanceColumn: string | null,
): string[] {
  const notes: string[] = [];
  for (const u of notUsed) {
    if (u.looksLikeMoney && u.column !== balanceColumn) notes.push(`column ${u.column} ("${u.header}") looks like an amount but no field uses it`);
  }
  const paid = matches.insurancePaid;
  if (paid?.synonym !== undefined && ALL_PAYMENTS.has(paid.synonym)) {
    notes.push(`column ${paid.column} ("${paid.header}") holds every payment, insurance and patient: read as insurance paid (payments are exact; the split between payer and patient is not known)`);
  }
  const adjusted = matches.contractualAdjustment;
  if (adjusted?.synonym !== undefined && ALL_ADJUSTMENTS.has(adjusted.synonym)) {
    notes.push(`column ${adjusted.column} ("${adjusted.header}") holds every adjustment: read as contractual adjustment (the net collection rate then treats all adjustments as contractual)`);
  }
  for (const a of ambiguous) notes.push(`columns ${a.columns.join(", ")} could all be ${a.field}; column ${a.chosen} was used`);
  return notes;
}
