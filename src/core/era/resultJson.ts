import { formatCents } from "../money/cents";
import type { PostingResult } from "./postRemittances";

/**
 * The post-era JSON (a public interface, issue 12): money as strings with two decimals.
 * { transactions: [{ file, payer, trn, payment, balanced, refused }],
 *   claims: [{ claimId, clp02, charge, paid, patientResponsibility, matched, lines: [{ row, procedure,
 *     paid, contractualAdjustment, otherAdjustment, patientResponsibility, status, denialReason }] }],
 *   providerAdjustments: [{ file, reason, amount }], issues: [{ file, segment, position, message }] }
 */
export interface PostingJson {
  transactions: { file: string; payer: string | null; trn: string | null; payment: string; balanced: boolean; refused: string | null }[];
  claims: {
    claimId: string; clp02: string; charge: string; paid: string; patientResponsibility: string; matched: boolean;
    lines: { row: number | null; procedure: string | null; paid: string; contractualAdjustment: string; otherAdjustment: string; patientResponsibility: string; status: string; denialReason: string | null }[];
  }[];
  providerAdjustments: { file: string; reason: string; amount: string }[];
  issues: { file: string; segment: string; position: number; message: string }[];
}

export function postingJson(result: PostingResult): PostingJson {
  return {
    transactions: result.transactions.map((t) => ({ file: t.file, payer: t.payer, trn: t.trn, payment: formatCents(t.payment), balanced: t.balanced, refused: t.refused })),
    claims: result.claims.map((c) => ({
      claimId: c.claimId, clp02: c.clp02, charge: formatCents(c.charge), paid: formatCents(c.paid), patientResponsibility: formatCents(c.patientResponsibility), matched: c.matched,
      lines: c.lines.map((l) => ({
        row: l.row, procedure: l.procedure, paid: formatCents(l.paid), contractualAdjustment: formatCents(l.contractualAdjustment), otherAdjustment: formatCents(l.otherAdjustment),
        patientResponsibility: formatCents(l.patientResponsibility), status: l.status, denialReason: l.denialReason,
      })),
    })),
    providerAdjustments: result.providerAdjustments.map((p) => ({ file: p.file, reason: p.reason, amount: formatCents(p.amount) })),
    issues: result.issues.map((i) => ({ file: i.file, segment: i.segment, position: i.position, message: i.message })),
  };
}
