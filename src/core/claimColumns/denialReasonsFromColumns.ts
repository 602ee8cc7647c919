import { denialReasonKey, NO_DENIAL_REASON, sortReasonRows, type DenialReasonRow } from "../kpis/denialsByReason";
import type { ClaimColumns } from "./claimColumns";

interface ReasonTally {
  reason: string;
  lines: number;
  charges: number;
  /** Claim groups with a Denied line for this reason. */
  claims: Set<number>;
}

/**
 * denialsByReason (definitions.md, "Denials") over columns: the period's Denied lines grouped by
 * reason (trimmed, case-insensitive), each reason as written read once, claims as claim groups.
 */
export function denialReasonsFromColumns(cols: ClaimColumns): DenialReasonRow[] {
  const { periodDenied, lines, charge, claim } = cols;
  const byWritten = new Map<string | null, ReasonTally>();
  const byKey = new Map<string, ReasonTally>();
  for (let k = 0; k < periodDenied.length; k++) {
    const i = periodDenied[k];
    const raw = lines[i].denialReason;
    let row = byWritten.get(raw);
    if (row === undefined) {
      const written = raw?.trim() ?? "";
      const key = denialReasonKey(written);
      row = byKey.get(key);
      if (row === undefined) {
        row = { reason: written === "" ? NO_DENIAL_REASON : written, lines: 0, charges: 0, claims: new Set() };
        byKey.set(key, row);
      }
      byWritten.set(raw, row);
    }
    row.lines++;
    row.charges += charge[i];
    row.claims.add(claim[i]);
  }
  return sortReasonRows([...byKey.values()].map((r) => ({ reason: r.reason, claims: r.claims.size, lines: r.lines, charges: r.charges })));
}
