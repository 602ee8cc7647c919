import type { ClaimLine } from "../claims/claimLine";
import type { Cents } from "../money/cents";

export type DenialReasonLine = Pick<ClaimLine, "claimId" | "charge" | "status" | "denialReason">;

export interface DenialReasonRow {
  /** The reason (CARC) as first written, trimmed; "(no reason)" when blank. */
  reason: string;
  /** Distinct claims with a Denied line for this reason. */
  claims: number;
  /** Denied lines with this reason. */
  lines: number;
  /** Σ charge of those lines. */
  charges: Cents;
}

export const NO_DENIAL_REASON = "(no reason)";

/**
 * Denied lines (status Denied, definitions.md "Denials") of the period grouped by denial reason,
 * compared trimmed and case-insensitively ("co-97" = "CO-97"); largest charges first, ties by reason.
 */
export function denialsByReason(periodLines: readonly DenialReasonLine[]): DenialReasonRow[] {
  const rows = new Map<string, DenialReasonRow & { claimIds: Set<string> }>();
  for (const line of periodLines) {
    if (line.status !== "Denied") continue;
    const written = line.denialReason?.trim() ?? "";
    const key = denialReasonKey(written);
    let row = rows.get(key);
    if (row === undefined) {
      row = { reason: written === "" ? NO_DENIAL_REASON : written, claims: 0, lines: 0, charges: 0, claimIds: new Set() };
      rows.set(key, row);
    }
    row.lines++;
    row.charges += line.charge;
    row.claimIds.add(line.claimId);
  }
  return sortReasonRows([...rows.values()].map(({ reason, claimIds, lines, charges }) => ({ reason, claims: claimIds.size, lines, charges })));
}

/** The key a denial reason is grouped by: trimmed, case-insensitive ("" when blank). */
export function denialReasonKey(written: string): string {
  return written === "" ? "" : written.toUpperCase();
}

/** Largest charges first, ties by reason (the order of denialsByReason and its column form). */
export function sortReasonRows(rows: DenialReasonRow[]): DenialReasonRow[] {
  return rows.sort((a, b) => b.charges - a.charges || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0));
}
