import type { CellValue } from "../cells/cellValue";
import type { Day } from "../dates/day";
import type { Cents } from "../money/cents";
import type { TransactionKind } from "./classifyTransaction";

/** One ledger row, read: its kind, unsigned amount, whether it reverses its kind, dates and cells. */
export interface Transaction {
  /** 1-based row in the sheet. */
  row: number;
  claimId: string;
  /** Line or charge id; "" when the ledger has none. */
  lineId: string;
  kind: TransactionKind;
  /** Amount as written, sign turned to the kind's convention: positive adds to the kind, negative takes back. */
  amount: Cents;
  postingDate: Day | null;
  reasonCode: string;
  /** The cells the claim line takes from its charge row (date of service, payer, CPT ...). */
  cells: Partial<Record<string, CellValue>>;
}

/** A claim line rolled up from its transactions, in the register's terms (definitions.md). */
export interface RolledUpLine {
  row: number;
  claimId: string;
  lineId: string;
  cells: Partial<Record<string, CellValue>>;
  charge: Cents;
  insurancePaid: Cents;
  patientPaid: Cents;
  contractualAdjustment: Cents;
  otherAdjustment: Cents;
  lastPaymentDate: Day | null;
  denialReason: string | null;
  /** A denial was posted and no insurance payment remains. */
  denied: boolean;
  transactions: number;
}

export interface RollUp {
  lines: RolledUpLine[];
  /** Rows that were not rolled up, with the reason. */
  leftOut: { row: number; reason: string }[];
  /** Rows posted after the as-of date (not counted). */
  afterAsOf: number;
  /** Postings placed on a claim's first line because the ledger has no line column. */
  placedOnFirstLine: number;
}

/**
 * Rolls transactions up to claim lines, tied by claim id and line id (definitions.md, "The claims
 * register"): charge = Σ charges − charge reversals; insurancePaid = Σ insurance payments −
 * insurance refunds − recoupments; patientPaid = Σ patient payments − patient refunds;
 * contractual and other adjustments summed; transfers change no amount; a $0.00 denial marks the
 * line denied with its reason. Only postings on or before `asOf` count (when given), so the
 * balances are those of the as-of date. lastPaymentDate = latest posting date of a payment.
 */
export function rollUpTransactions(transactions: readonly Transaction[], asOf?: Day): RollUp {
  const byKey = new Map<string, RolledUpLine>();
  const firstOfClaim = new Map<string, RolledUpLine>();
  const leftOut: RollUp["leftOut"] = [];
  let afterAsOf = 0;
  let placedOnFirstLine = 0;
  const key = (t: Transaction): string => `${t.claimId}\u0001${t.lineId}`;
  const counted = (t: Transaction): boolean => {
    if (asOf !== undefined && t.postingDate !== null && t.postingDate > asOf) {
      afterAsOf++;
      leftOut.push({ row: t.row, reason: "posted after the as-of date; not counted in balances as of that date" });
      return false;
    }
    return true;
  };
  // Charges first: they make the lines.
  for (const t of transactions) {
    if (t.kind !== "charge" || !counted(t)) continue;
    // Without a line column every charge row is a line of its own.
    const k = t.lineId === "" ? `${t.claimId}\u0001#${t.row}` : key(t);
    const existing = byKey.get(k);
    if (existing !== undefined) {
      existing.charge += t.amount;
      existing.transactions++;
      continue;
    }
    const line: RolledUpLine = {
      row: t.row, claimId: t.claimId, lineId: t.lineId, cells: t.cells, charge: t.amount, insurancePaid: 0, patientPaid: 0,
      contractualAdjustment: 0, otherAdjustment: 0, lastPaymentDate: null, denialReason: null, denied: false, transactions: 1,
    };
    byKey.set(k, line);
    if (!firstOfClaim.has(t.claimId)) firstOfClaim.set(t.claimId, line);
  }
  for (const t of transactions) {
    if (t.kind === "charge" || !counted(t)) continue;
    let line = byKey.get(key(t));
    if (line === undefined && t.lineId === "") {
      line = firstOfClaim.get(t.claimId);
      if (line !== undefined) placedOnFirstLine++;
    }
    if (line === undefined) {
      leftOut.push({ row: t.row, reason: `no charge row for claim ${t.claimId}${t.lineId !== "" ? ` line ${t.lineId}` : ""} to apply this ${t.kind} to` });
      continue;
    }
    line.transactions++;
    applyTransaction(line, t);
  }
  const lines = [...byKey.values()].sort((a, b) => a.row - b.row);
  for (const l of lines) if (l.denied && l.insurancePaid > 0) l.denied = false;
  return { lines, leftOut: leftOut.sort((a, b) => a.row - b.row), afterAsOf, placedOnFirstLine };
}

function applyTransaction(line: RolledUpLine, t: Transaction): void {
  const paid = (): void => {
    if (t.amount > 0 && t.postingDate !== null && (line.lastPaymentDate === null || t.postingDate > line.lastPaymentDate)) line.lastPaymentDate = t.postingDate;
  };
  switch (t.kind) {
    case "insurancePayment": line.insurancePaid += t.amount; paid(); break;
    case "patientPayment": line.patientPaid += t.amount; paid(); break;
    case "contractualAdjustment": line.contractualAdjustment += t.amount; break;
    case "otherAdjustment": line.otherAdjustment += t.amount; break;
    case "insuranceRefund":
    case "insuranceRecoupment": line.insurancePaid -= t.amount; break;
    case "patientRefund": line.patientPaid -= t.amount; break;
    case "chargeReversal": line.charge -= t.amount; break;
    case "denial":
      line.denied = true;
      if (t.reasonCode !== "") line.denialReason = t.reasonCode;
      break;
    case "transfer": break;
    default: break;
  }
}
