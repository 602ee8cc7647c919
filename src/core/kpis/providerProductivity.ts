import type { Cents } from "../money/cents";
import type { ClaimLine } from "../claims/claimLine";

export type ProductivityLine = Pick<ClaimLine, "provider" | "claimId" | "charge" | "insurancePaid" | "patientPaid">;

export interface ProviderProductivityRow {
  provider: string;
  charges: Cents;
  payments: Cents;
  /** Distinct claims: one claim is one visit (encounter). */
  visits: number;
  lines: number;
}

export const NO_PROVIDER = "(no provider)";

/**
 * Charges, payments (insurance + patient) and visits per rendering provider over the period's lines,
 * largest charges first. Provider names are compared trimmed and case-insensitively, shown as first
 * written; a blank provider is grouped as "(no provider)".
 */
export function providerProductivity(periodLines: readonly ProductivityLine[]): ProviderProductivityRow[] {
  const rows = new Map<string, ProviderProductivityRow & { claims: Set<string> }>();
  for (let i = 0; i < periodLines.length; i++) {
    const line = periodLines[i];
    const name = line.provider === null || line.provider.trim() === "" ? NO_PROVIDER : line.provider.trim();
    const key = name.toLowerCase();
    let row = rows.get(key);
    if (row === undefined) {
      row = { provider: name, charges: 0, payments: 0, visits: 0, lines: 0, claims: new Set() };
      rows.set(key, row);
    }
    row.charges += line.charge;
    row.payments += line.insurancePaid + line.patientPaid;
    row.lines++;
    row.claims.add(line.claimId);
  }
  return [...rows.values()]
    .map(({ claims, ...row }) => ({ ...row, visits: claims.size }))
    .sort((a, b) => b.charges - a.charges || a.provider.localeCompare(b.provider));
}
