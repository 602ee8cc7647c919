import type { CellValue } from "../cells/cellValue";
import { centsToNumber, formatCents } from "../money/cents";
import { SheetBuilder } from "../sheet/sheetBuilder";
import type { CellStyleName, SheetDescription } from "../sheet/sheetDescription";
import type { PostedPayment, PostingResult } from "./postRemittances";

/** The posting journal's columns; "Posted At", "Payer ID" and "TRN" are read back to refuse a payment posted twice. */
export const JOURNAL_HEADERS = [
  "Posted At", "File", "Payer ID", "Payer", "TRN", "Claim ID", "Register Sheet", "Register Row", "Procedure",
  "Paid", "Contractual Adj", "Other Adj", "Patient Resp", "Status", "Denial Reason", "Note",
] as const;
const WIDTHS = [20, 22, 14, 24, 16, 14, 22, 9, 12, 12, 12, 11, 12, 13, 12, 60];
export const JOURNAL_SHEET_NAME = "Posting Journal";
export const JOURNAL_TABLE_NAME = "PostingJournal";

type Row = (string | number | null)[];

/**
 * The posting journal as a sheet description: one row per line posted (file, TRN, claim, the
 * register sheet read and its row, amounts, status, when), one per provider-level (PLB) adjustment, one per transaction
 * refused. Claim numbers only, no patient names.
 */
export function journalSheet(result: PostingResult, postedAt: string, registerSheet: string | null = null, name = JOURNAL_SHEET_NAME): SheetDescription {
  const b = new SheetBuilder(name, [...WIDTHS]);
  JOURNAL_HEADERS.forEach((h, i) => b.set(1, i + 1, h, undefined, "tableHeader" as CellStyleName));
  b.row = 2;
  const rows: Row[] = [];
  for (const c of result.claims) {
    if (!c.matched) continue;
    for (const l of c.lines) {
      rows.push([postedAt, c.file, c.payerId, c.payer, c.trn, c.claimId, registerSheet, l.row, l.procedure, centsToNumber(l.paid), centsToNumber(l.contractualAdjustment),
        centsToNumber(l.otherAdjustment), centsToNumber(l.patientResponsibility), l.status, l.denialReason, l.notes.join("; ") || null]);
    }
  }
  for (const p of result.providerAdjustments) {
    rows.push([postedAt, p.file, p.payerId, null, p.trn, null, null, null, null, null, null, null, null, null, null,
      `provider-level adjustment (PLB) ${p.reason}${p.reference !== null ? ` ${p.reference}` : ""}: ${formatCents(p.amount)} (not spread over claims)`]);
  }
  for (const t of result.transactions) {
    if (t.refused === null) continue;
    rows.push([postedAt, t.file, t.payerId, t.payer, t.trn, null, null, null, null, null, null, null, null, "Refused", null, `not posted: ${t.refused}`]);
  }
  const money = new Set([10, 11, 12, 13]);
  for (const r of rows) {
    const at = b.row++;
    r.forEach((v, i) => {
      if (v !== null) b.set(at, i + 1, v, money.has(i + 1) ? "money" : i + 1 === 8 ? "integer" : undefined);
    });
  }
  const sheet = b.build({ freezeRows: 1, showGridLines: true, tabColor: "548235" });
  // An Excel table over the journal (filter buttons; a host makes the name unique in the workbook).
  if (rows.length > 0) sheet.tables = [{ name: JOURNAL_TABLE_NAME, range: { fromRow: 1, fromCol: 1, toRow: 1 + rows.length, toCol: JOURNAL_HEADERS.length }, style: "TableStyleLight11" }];
  return sheet;
}

/**
 * Payments already posted, read back from posting journal sheets (any sheet whose first row has
 * "Posted At", "Payer ID" and "TRN"): rows refused are not postings and are skipped.
 */
export function readPostedPayments(sheets: readonly { name: string; grid: readonly (readonly CellValue[])[] }[]): PostedPayment[] {
  const out: PostedPayment[] = [];
  for (const s of sheets) {
    const header = (s.grid[0] ?? []).map((v) => (typeof v === "string" ? v.trim().toLowerCase() : ""));
    const at = header.indexOf("posted at");
    const payer = header.indexOf("payer id");
    const trn = header.indexOf("trn");
    const status = header.indexOf("status");
    if (at < 0 || payer < 0 || trn < 0) continue;
    for (const row of s.grid.slice(1)) {
      const text = (i: number): string => (i < 0 || row[i] === null || row[i] === undefined ? "" : String(row[i]).trim());
      if (text(trn) === "" || text(status).toLowerCase() === "refused") continue;
      out.push({ payerId: text(payer), trn: text(trn), postedAt: text(at) });
    }
  }
  return out;
}
