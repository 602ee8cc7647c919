import type { ClaimLine } from "../claims/claimLine";
import { formatCents, type Cents } from "../money/cents";
import { findImbalance } from "./balancing";
import { adjustmentEffect } from "./carc";
import { claimKey, claimLines, indexRegister, matchClaim, type LineMatch } from "./matchLines";
import { applyLinePosting, claimRole, planLinePosting, type LinePosting } from "./planLinePosting";
import { readRemittance } from "./readRemittance";
import type { Adjustment, ClaimPayment, EraIssue, RemittanceTransaction, ServiceLine } from "./types";

/** A payment posted before (a row of an earlier posting journal): payer id + TRN02, and when. */
export interface PostedPayment {
  payerId: string;
  trn: string;
  /** ISO date or date-time it was posted. */
  postedAt: string;
}

export interface TransactionOutcome {
  file: string;
  payer: string | null;
  payerId: string | null;
  trn: string | null;
  payment: Cents;
  balanced: boolean;
  /** Why nothing of the transaction is posted, or null when it is. */
  refused: string | null;
}

/** One service line of a claim in the result: what it posts (or would, when the claim is not matched). */
export interface LineOutcome {
  /** Register row, or null when not matched. */
  row: number | null;
  procedure: string | null;
  paid: Cents;
  contractualAdjustment: Cents;
  otherAdjustment: Cents;
  patientResponsibility: Cents;
  /** The line's new status, or "Not posted". */
  status: string;
  denialReason: string | null;
  notes: string[];
}

export interface ClaimOutcome {
  file: string;
  trn: string | null;
  payerId: string | null;
  payer: string | null;
  position: number;
  claimId: string;
  clp02: string;
  charge: Cents;
  paid: Cents;
  patientResponsibility: Cents;
  matched: boolean;
  lines: LineOutcome[];
}

export interface ProviderAdjustmentOutcome {
  file: string;
  trn: string | null;
  payerId: string | null;
  reason: string;
  reference: string | null;
  amount: Cents;
}

export interface PostingResult {
  transactions: TransactionOutcome[];
  /** Claims of the transactions not refused, in file order. */
  claims: ClaimOutcome[];
  providerAdjustments: ProviderAdjustmentOutcome[];
  issues: EraIssue[];
  /** The register lines after posting, in the order given (unchanged lines included). */
  lines: ClaimLine[];
  /** Rows of the register that received a posting. */
  postedRows: number[];
}

export interface RemittanceInput {
  name: string;
  text: string;
}

/**
 * Posts 835 files into register lines, as a plan over plain data (nothing is written here): each
 * transaction is balanced first and refused whole when it does not balance or when its payment
 * (payer id + TRN02) was posted before; each claim is matched whole (matchClaim) and its lines
 * posted (planLinePosting); PLB amounts are listed, never spread over claims.
 */
export function postRemittances(register: readonly ClaimLine[], files: readonly RemittanceInput[], alreadyPosted: readonly PostedPayment[] = []): PostingResult {
  const current = new Map<number, ClaimLine>(register.map((l) => [l.row, l]));
  const index = indexRegister(register);
  const seen = new Map<string, string>();
  for (const p of alreadyPosted) seen.set(paymentKey(p.payerId, p.trn), `it was posted on ${p.postedAt}`);
  const result: PostingResult = { transactions: [], claims: [], providerAdjustments: [], issues: [], lines: [], postedRows: [] };
  const posted = new Set<number>();
  for (const f of files) {
    const read = readRemittance(f.name, f.text);
    result.issues.push(...read.issues);
    for (const tx of read.transactions) {
      const outcome = refusal(tx, seen);
      result.transactions.push(outcome);
      if (outcome.refused !== null) continue;
      seen.set(paymentKey(tx.payerId ?? tx.payerName ?? "", tx.trn ?? ""), `it is also in ${tx.file} (transaction ${tx.controlNumber}) of this run`);
      for (const p of tx.providerAdjustments) {
        result.providerAdjustments.push({ file: tx.file, trn: tx.trn, payerId: tx.payerId, reason: p.reason, reference: p.reference, amount: p.amount });
      }
      for (const claim of tx.claims) {
        const c = postClaim(tx, claim, index, current, result.issues);
        result.claims.push(c);
        for (const l of c.lines) if (c.matched && l.row !== null) posted.add(l.row);
      }
    }
  }
  result.lines = register.map((l) => current.get(l.row) ?? l);
  result.postedRows = [...posted].sort((a, b) => a - b);
  return result;
}

export function paymentKey(payerId: string, trn: string): string {
  return `${payerId.trim().toUpperCase()}|${trn.trim().toUpperCase()}`;
}

function refusal(tx: RemittanceTransaction, seen: ReadonlyMap<string, string>): TransactionOutcome {
  const base = { file: tx.file, payer: tx.payerName, payerId: tx.payerId, trn: tx.trn, payment: tx.payment };
  const imbalance = findImbalance(tx);
  if (imbalance !== null) {
    return { ...base, balanced: false, refused: `does not balance at ${imbalance.segment} (segment ${imbalance.position}): ${imbalance.reason}` };
  }
  if (tx.trn === null) return { ...base, balanced: true, refused: "has no TRN (trace number): a payment that cannot be traced is not posted" };
  const before = seen.get(paymentKey(tx.payerId ?? tx.payerName ?? "", tx.trn));
  if (before !== undefined) return { ...base, balanced: true, refused: `the same payment (payer ${tx.payerId ?? tx.payerName ?? "?"}, TRN ${tx.trn}) is already posted: ${before}` };
  return { ...base, balanced: true, refused: null };
}

function procedureText(svc: ServiceLine): string {
  return svc.procedure === null ? svc.procedureText : [svc.procedure.code, ...svc.procedure.modifiers].join(" ");
}

function postClaim(tx: RemittanceTransaction, claim: ClaimPayment, index: ReadonlyMap<string, ClaimLine[]>, current: Map<number, ClaimLine>, issues: EraIssue[]): ClaimOutcome {
  const prTotal = sumPr([...claim.adjustments, ...claim.lines.flatMap((l) => l.adjustments)]);
  const patientShare = claim.patientResponsibility ?? prTotal;
  if (claim.patientResponsibility !== null && claim.patientResponsibility !== prTotal) {
    issues.push({ file: tx.file, segment: "CLP", position: claim.position, message: `claim ${claim.claimId}: CLP05 (patient responsibility) ${formatCents(claim.patientResponsibility)} differs from its PR adjustments ${formatCents(prTotal)}; the PR adjustments are posted` });
  }
  const outcome: ClaimOutcome = {
    file: tx.file, trn: tx.trn, payerId: tx.payerId, payer: tx.payerName, position: claim.position, claimId: claim.claimId, clp02: claim.status,
    charge: claim.charge, paid: claim.paid, patientResponsibility: patientShare, matched: false, lines: [],
  };
  const role = claimRole(claim.status);
  // What the 835 says of each line, for the preview: nothing of it is posted.
  const notPosted = (): LineOutcome[] => claim.lines.map((svc) => ({
    row: null, procedure: procedureText(svc), paid: svc.paid, contractualAdjustment: sumEffect(svc.adjustments, "contractual"),
    otherAdjustment: sumEffect(svc.adjustments, "other"), patientResponsibility: sumPr(svc.adjustments), status: "Not posted", denialReason: null, notes: [],
  }));
  if (role === "reversal" && (claim.paid > 0 || claim.charge > 0)) {
    issues.push({ file: tx.file, segment: "CLP", position: claim.position, message: `claim ${claim.claimId}: a reversal (CLP02 22) must carry negative amounts; not posted` });
    outcome.lines = notPosted();
    return outcome;
  }
  // Claim numbers, procedures, dates and charges never change by posting: the index built once
  // finds the rows, whose current state (after earlier postings of this run) is matched.
  const rows = claimLines(claim.claimId, index).map((l) => current.get(l.row) ?? l);
  const match = matchClaim(claim, new Map([[claimKey(claim.claimId), rows]]));
  if (match.kind === "unmatched") {
    for (const p of match.problems) issues.push({ file: tx.file, segment: p.position === claim.position ? "CLP" : "SVC", position: p.position, message: `${p.message}; the claim was not posted` });
    outcome.lines = notPosted();
    return outcome;
  }
  outcome.matched = true;
  const carrier = [...match.matches].sort((a, b) => a.line.row - b.line.row)[0];
  for (const m of match.matches) {
    const p = plan(tx, claim, m, m === carrier, role);
    current.set(m.line.row, applyLinePosting(m.line, p));
    outcome.lines.push(lineOutcome(p));
  }
  return outcome;
}

function plan(tx: RemittanceTransaction, claim: ClaimPayment, m: LineMatch, carriesClaimLevel: boolean, role: ReturnType<typeof claimRole>): LinePosting {
  const svc = m.svc;
  const claimLevel = svc !== null && carriesClaimLevel ? claim.adjustments : [];
  return planLinePosting({
    line: m.line, claimId: claimKey(claim.claimId) === claimKey(m.line.claimId) ? m.line.claimId : claim.claimId,
    procedure: svc === null ? null : procedureText(svc), role,
    paid: svc === null ? claim.paid : svc.paid,
    adjustments: svc === null ? claim.adjustments : [...svc.adjustments, ...claimLevel],
    claimLevel, allowed: svc?.allowed ?? null, paymentDate: tx.paymentDate, notes: m.how === null ? [] : [m.how],
  });
}

function lineOutcome(p: LinePosting): LineOutcome {
  return {
    row: p.row, procedure: p.procedure, paid: p.paid, contractualAdjustment: p.contractualAdjustment, otherAdjustment: p.otherAdjustment,
    patientResponsibility: p.patientResponsibility, status: p.status, denialReason: p.denialReason, notes: p.notes,
  };
}

function sumEffect(adjustments: readonly Adjustment[], effect: ReturnType<typeof adjustmentEffect>): Cents {
  return adjustments.filter((a) => adjustmentEffect(a.group, a.reason) === effect).reduce((s, a) => s + a.amount, 0);
}

function sumPr(adjustments: readonly Adjustment[]): Cents {
  return adjustments.filter((a) => a.group === "PR").reduce((s, a) => s + a.amount, 0);
}
