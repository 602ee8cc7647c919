import { isBlankCell, type CellValue } from "../cells/cellValue";
import { parseDate } from "../cells/parseDate";
import { parseMoney } from "../cells/parseMoney";
import type { ClaimField } from "../claims/claimLine";
import type { RawClaimRow } from "../claims/readClaimLines";
import { isoFromDay, type Day } from "../dates/day";
import { formatCents, type Cents } from "../money/cents";
import { classifyTransaction, type TransactionKind } from "./classifyTransaction";
import { findHeaderRow } from "./findHeaderRow";
import { LEDGER_HEADER_SYNONYMS, type LedgerField } from "./ledgerSynonyms";
import { CLAIM_HEADER_SYNONYMS } from "./headerSynonyms";
import { mapColumns, type ColumnOverrides } from "./mapColumns";
import { readExport, type ExportRead } from "./readClaimsExport";
import { rollUpTransactions, type RolledUpLine, type RollUp, type Transaction } from "./rollUpTransactions";

export interface LedgerRead {
  export: ExportRead<LedgerField, { row: number; cells: Partial<Record<LedgerField, CellValue>> }>;
  /** One raw register row per claim line, money as exact text, ready for readClaimLines. */
  rows: RawClaimRow[];
  /** Rows that are not transactions or could not be rolled up, with the reason. */
  leftOut: { row: number; reason: string }[];
  transactions: number;
  rollUp: RollUp;
  notes: string[];
}

const REQUIRED: readonly LedgerField[] = ["claimId", "transactionType"];

/**
 * True when the sheet's header names a claim number, a transaction type and an amount (or debit
 * and credit), and no payments or adjustments column: a transaction ledger. A line-item export
 * with a "Description" and an "Amount" beside its payment columns stays a register.
 */
export function looksLikeLedger(grid: readonly (readonly CellValue[])[]): boolean {
  const found = findHeaderRow(grid, LEDGER_HEADER_SYNONYMS, REQUIRED, { minFields: 3 });
  if (!found.found || !REQUIRED.every((f) => found.fields.includes(f)) || !["amount", "debit", "credit"].some((f) => found.fields.includes(f as LedgerField))) {
    return false;
  }
  const asRegister = mapColumns(grid[found.row - 1] ?? [], CLAIM_HEADER_SYNONYMS).mapping;
  return (["insurancePaid", "patientPaid", "contractualAdjustment", "otherAdjustment"] as const).every((f) => asRegister[f] === undefined);
}

const GROUP: Record<TransactionKind, string> = {
  charge: "charge", chargeReversal: "charge", insurancePayment: "payment", patientPayment: "payment",
  contractualAdjustment: "adjustment", otherAdjustment: "adjustment", insuranceRefund: "refund", patientRefund: "refund",
  insuranceRecoupment: "refund", denial: "denial", transfer: "transfer",
};

const text = (v: CellValue): string => (typeof v === "string" ? v.trim() : typeof v === "number" && Number.isFinite(v) ? String(v) : "");

/**
 * Reads a transaction ledger (one row per charge, payment, adjustment, refund, recoupment or
 * denial) and rolls it up to claim lines (rollUpTransactions). Amounts may be signed or unsigned,
 * in one column or as debits and credits: each kind's usual sign is the one most of its rows
 * carry, and a row of the other sign takes back (a negative payment reverses a payment).
 * Postings after `asOf` are not counted, so balances are those of the as-of date.
 */
export function readTransactionLedger(grid: readonly (readonly CellValue[])[], options: { sheet?: string; asOf?: Day; overrides?: ColumnOverrides<LedgerField> } = {}): LedgerRead {
  const read = readExport(grid, { sheet: options.sheet, overrides: options.overrides }, {
    synonyms: LEDGER_HEADER_SYNONYMS, required: REQUIRED, requiredWords: "claim number and transaction type",
    multiColumn: ["modifiers"], minFields: 3, oneOf: ["amount", "debit", "credit"],
    totalsReason: () => (cells) => (cells.some((c) => typeof c === "string" && /^\s*(grand |sub ?)?totals?\b/i.test(c)) ? "totals row" : null),
    toRow: (r) => r,
  });
  const leftOut: LedgerRead["leftOut"] = read.leftOut.map((l) => ({ row: l.row, reason: l.reason }));
  const parsed = parseTransactions(read.rows, leftOut);
  const transactions = withUsualSigns(parsed);
  const rollUp = rollUpTransactions(transactions, options.asOf);
  leftOut.push(...rollUp.leftOut);
  leftOut.sort((a, b) => a.row - b.row);
  // A charge row without a payer takes the payer named on another row of its claim (a payment's).
  const payerOfClaim = new Map<string, CellValue>();
  for (const t of transactions) if (!isBlankCell(t.cells.payer) && !payerOfClaim.has(t.claimId)) payerOfClaim.set(t.claimId, t.cells.payer);
  const rows = rollUp.lines.map((l) => registerRow(l, payerOfClaim));
  const notes = [`${transactions.length} transactions rolled up into ${rows.length} claim lines (refunds and recoupments reduce payments)`];
  if (options.asOf !== undefined) notes.push(`balances are as of ${isoFromDay(options.asOf)}: ${rollUp.afterAsOf} postings after that date were not counted`);
  if (rollUp.placedOnFirstLine > 0) notes.push(`${rollUp.placedOnFirstLine} postings name no line; they were applied to their claim's first line (claim totals exact, line figures approximate)`);
  return { export: read, rows, leftOut, transactions: transactions.length, rollUp, notes };
}

type Parsed = { t: Omit<Transaction, "amount">; raw: Cents };

/** Each data row as a transaction with its amount as written; rows that are not one go to `leftOut` with the reason. */
function parseTransactions(rows: readonly { row: number; cells: Partial<Record<LedgerField, CellValue>> }[], leftOut: LedgerRead["leftOut"]): Parsed[] {
  const parsed: Parsed[] = [];
  for (const r of rows) {
    const c = r.cells;
    const claimId = text(c.claimId);
    const rawAmount = amountOf(c);
    if (claimId === "") { leftOut.push({ row: r.row, reason: "claim number is blank" }); continue; }
    if (typeof rawAmount === "string") { leftOut.push({ row: r.row, reason: rawAmount }); continue; }
    const kind = classifyTransaction(text(c.transactionType), text(c.groupCode), text(c.reasonCode), rawAmount);
    if (kind === null) { leftOut.push({ row: r.row, reason: `unknown transaction type "${text(c.transactionType)}"` }); continue; }
    const posting = parseDate(c.postingDate);
    const postingDate = posting.kind === "value" ? posting.value : null;
    const cells: Partial<Record<string, CellValue>> = {
      dateOfService: c.dateOfService ?? (postingDate === null ? null : isoFromDay(postingDate)), payer: c.payer, cpt: c.cpt,
      modifiers: c.modifiers, units: c.units, provider: c.provider, payerClass: c.payerClass, placeOfService: c.placeOfService,
    };
    parsed.push({ t: { row: r.row, claimId, lineId: text(c.lineId), kind, postingDate, reasonCode: reasonOf(c), cells }, raw: rawAmount });
  }
  return parsed;
}

/** Amounts turned to each group's usual sign (the one most of its non-zero rows carry): a row of the other sign takes back. */
function withUsualSigns(parsed: readonly Parsed[]): Transaction[] {
  const balance = new Map<string, number>();
  for (const p of parsed) if (p.raw !== 0) balance.set(GROUP[p.t.kind], (balance.get(GROUP[p.t.kind]) ?? 0) + Math.sign(p.raw));
  return parsed.map((p) => ({ ...p.t, amount: (balance.get(GROUP[p.t.kind]) ?? 0) < 0 ? -p.raw : p.raw }));
}

/** A rolled-up line as a raw register row: money as exact text, status from its postings. */
function registerRow(l: RolledUpLine, payerOfClaim: ReadonlyMap<string, CellValue>): RawClaimRow {
  const payments = l.insurancePaid + l.patientPaid;
  const balanceLeft = l.charge - payments - l.contractualAdjustment - l.otherAdjustment;
  const status = l.denied ? "Denied" : payments > 0 && balanceLeft <= 0 ? "Paid" : payments > 0 ? "Partially paid" : "Submitted";
  const cells: Partial<Record<ClaimField, CellValue>> = {
    claimId: l.claimId, dateOfService: l.cells.dateOfService, payer: isBlankCell(l.cells.payer) ? payerOfClaim.get(l.claimId) ?? null : l.cells.payer,
    cpt: l.cells.cpt, modifiers: l.cells.modifiers, units: l.cells.units, provider: l.cells.provider, payerClass: l.cells.payerClass,
    placeOfService: l.cells.placeOfService, charge: formatCents(l.charge), insurancePaid: formatCents(l.insurancePaid),
    patientPaid: formatCents(l.patientPaid), contractualAdjustment: formatCents(l.contractualAdjustment),
    otherAdjustment: formatCents(l.otherAdjustment), status, denialReason: l.denialReason,
    lastPaymentDate: l.lastPaymentDate === null ? null : isoFromDay(l.lastPaymentDate),
  };
  return { row: l.row, cells };
}

/** The row's amount in cents (one amount column, or debit − credit), or the reason it has none. */
function amountOf(c: Partial<Record<LedgerField, CellValue>>): Cents | string {
  if (!isBlankCell(c.amount)) {
    const m = parseMoney(c.amount);
    return m.kind === "value" ? m.value : `amount: ${m.kind === "invalid" ? m.message : "blank"}`;
  }
  const d = parseMoney(c.debit);
  const k = parseMoney(c.credit);
  if (d.kind === "invalid") return `debit: ${d.message}`;
  if (k.kind === "invalid") return `credit: ${k.message}`;
  if (d.kind === "blank" && k.kind === "blank") return "no amount";
  return (d.kind === "value" ? d.value : 0) - (k.kind === "value" ? k.value : 0);
}

/** The denial or adjustment reason: group code and CARC ("CO-97"), or the type itself when it is one. */
function reasonOf(c: Partial<Record<LedgerField, CellValue>>): string {
  const joined = [text(c.groupCode), text(c.reasonCode)].filter((x) => x !== "").join("-");
  if (joined !== "") return joined;
  const type = text(c.transactionType).toUpperCase();
  return /^(CO|PR|OA|PI|CR)[-\s]?\d{1,3}$/.test(type) ? type.replace(/\s+/, "-") : "";
}
