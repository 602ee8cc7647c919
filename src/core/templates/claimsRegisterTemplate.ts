import { CLAIM_FIELDS, CLAIM_FIELD_HEADERS, CLAIM_STATUSES, PAYER_CLASSES, type ClaimField } from "../claims/claimLine";
import { columnLetter } from "../cells/issue";
import { SheetBuilder } from "../sheet/sheetBuilder";
import type { CellContent, CellStyleName, NumberFormatName } from "../sheet/sheetDescription";
import { ageBucketFormula, balanceFormula } from "./formulas";

/** Common CPT modifiers offered in the register's Modifiers drop-down. */
export const COMMON_MODIFIERS = ["25", "26", "50", "51", "59", "76", "77", "80", "81", "82", "AS", "LT", "RT", "TC", "XE", "XP", "XS", "XU"] as const;

/** Headers of the two calculated columns right of the canonical fields. */
export const BALANCE_HEADER = "Balance";
export const AGE_BUCKET_HEADER = "Age Bucket";

/** The register's columns: the canonical fields (CLAIM_FIELDS order), then Balance and Age Bucket. */
export const REGISTER_HEADERS: readonly string[] = [...CLAIM_FIELDS.map((f) => CLAIM_FIELD_HEADERS[f]), BALANCE_HEADER, AGE_BUCKET_HEADER];

/** 1-based column of each canonical field on a register sheet. */
export const REGISTER_COLUMN: Record<ClaimField, number> = Object.fromEntries(CLAIM_FIELDS.map((f, i) => [f, i + 1])) as Record<ClaimField, number>;
export const BALANCE_COLUMN = CLAIM_FIELDS.length + 1;
export const AGE_BUCKET_COLUMN = CLAIM_FIELDS.length + 2;

const MONEY: readonly ClaimField[] = ["charge", "insurancePaid", "patientPaid", "contractualAdjustment", "otherAdjustment", "allowed"];
const DATES: readonly ClaimField[] = ["dateOfService", "submittedDate", "lastPaymentDate"];

/** Number format of a register column (1-based), or undefined for General. */
export function registerColumnFormat(col: number): NumberFormatName | undefined {
  if (col === BALANCE_COLUMN) return "money";
  const field = CLAIM_FIELDS[col - 1];
  if (field === undefined) return undefined;
  if (MONEY.includes(field)) return "money";
  if (DATES.includes(field)) return "date";
  if (field === "units") return "integer";
  return undefined;
}

const letter = (f: ClaimField): string => columnLetter(REGISTER_COLUMN[f]);

/** The Balance formula of a register row. */
export function registerBalanceFormula(row: number): string {
  return balanceFormula(row, {
    charge: letter("charge"), insurancePaid: letter("insurancePaid"), patientPaid: letter("patientPaid"),
    contractualAdjustment: letter("contractualAdjustment"), otherAdjustment: letter("otherAdjustment"),
  });
}

/** The Age Bucket formula of a register row. */
export function registerAgeBucketFormula(row: number, asOfCell?: string): string {
  return ageBucketFormula(row, letter("dateOfService"), asOfCell);
}

export interface RegisterOptions {
  /** The as-of cell the Age Bucket counts from ("Settings!$B$6"); TODAY() when absent. */
  asOfCell?: string;
  /** Sheet name (default "Claims Register"). */
  name?: string;
  /** Table name (default "ClaimsRegister"). */
  tableName?: string;
}

const WIDTHS: Record<ClaimField, number> = {
  claimId: 13, dateOfService: 12, payer: 22, charge: 12, insurancePaid: 12, patientPaid: 12, contractualAdjustment: 13,
  otherAdjustment: 11, allowed: 12, cpt: 9, modifiers: 11, units: 7, placeOfService: 6, provider: 20, payerClass: 18,
  status: 14, denialReason: 12, submittedDate: 12, lastPaymentDate: 12,
};

/**
 * Writes a Claims Register onto `b`: header row 1, `rows` data rows (values from `cell`, or blank),
 * formats per column, Balance and Age Bucket formulas on every data row, drop-downs for payer
 * class, status and modifiers, an Excel table over it all. An Excel table needs one data row at
 * least: with no rows, one blank row is kept.
 */
export function writeRegister(b: SheetBuilder, rows: number, cell: (index: number, field: ClaimField) => CellContent, options: RegisterOptions = {}): { lastRow: number } {
  REGISTER_HEADERS.forEach((h, i) => b.set(1, i + 1, h, undefined, "tableHeader" as CellStyleName));
  const dataRows = Math.max(1, rows);
  for (let i = 0; i < dataRows; i++) {
    const row = 2 + i;
    CLAIM_FIELDS.forEach((f, c) => {
      const value = i < rows ? cell(i, f) : null;
      const format = registerColumnFormat(c + 1);
      if (value !== null || format !== undefined) b.set(row, c + 1, value, format);
    });
    b.formula(row, BALANCE_COLUMN, registerBalanceFormula(row), "money");
    b.formula(row, AGE_BUCKET_COLUMN, registerAgeBucketFormula(row, options.asOfCell));
  }
  const lastRow = 1 + dataRows;
  const column = (f: ClaimField) => ({ fromRow: 2, toRow: lastRow, fromCol: REGISTER_COLUMN[f], toCol: REGISTER_COLUMN[f] });
  b.validation({ range: column("payerClass"), list: [...PAYER_CLASSES], allowBlank: true });
  b.validation({ range: column("status"), list: [...CLAIM_STATUSES], allowBlank: true });
  b.validation({
    range: column("modifiers"), list: [...COMMON_MODIFIERS], allowBlank: true, alert: "information",
    message: "Common modifiers are listed; several may be written in one cell, separated by spaces (\"25 59\").",
  });
  b.table({ name: options.tableName ?? "ClaimsRegister", range: { fromRow: 1, fromCol: 1, toRow: lastRow, toCol: AGE_BUCKET_COLUMN }, style: "TableStyleMedium2" });
  b.row = lastRow + 1;
  return { lastRow };
}

/** Column widths of a register sheet. */
export const REGISTER_WIDTHS: readonly number[] = [...CLAIM_FIELDS.map((f) => WIDTHS[f]), 12, 12];

/** An empty Claims Register sheet (Set up). */
export function claimsRegisterTemplate(options: RegisterOptions = {}) {
  const b = new SheetBuilder(options.name ?? "Claims Register", [...REGISTER_WIDTHS]);
  writeRegister(b, 0, () => null, options);
  return b.build({ freezeRows: 1, showGridLines: true, tabColor: "2F5597" });
}
