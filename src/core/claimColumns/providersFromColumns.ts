import type { ProviderProductivityRow } from "../kpis/providerProductivity";
import type { ClaimColumns } from "./claimColumns";

/**
 * providerProductivity of the period lines, over columns. Visits = distinct claims per provider:
 * each claim remembers its first provider; the rare claim with lines of several providers keeps
 * its other (claim, provider) pairs in a set.
 */
export function providersFromColumns(cols: ClaimColumns): ProviderProductivityRow[] {
  const { periodIndexes, provider, claim, charge, payments: paid } = cols;
  const groups = cols.providerNamePeriod.length;
  const charges = new Float64Array(groups);
  const payments = new Float64Array(groups);
  const lines = new Float64Array(groups);
  const visits = new Float64Array(groups);
  const firstProvider = new Int32Array(cols.claimCount).fill(-1);
  const otherPairs = new Set<number>();
  for (let k = 0; k < periodIndexes.length; k++) {
    const i = periodIndexes[k];
    const v = provider[i];
    const c = claim[i];
    charges[v] += charge[i];
    payments[v] += paid[i];
    lines[v]++;
    const first = firstProvider[c];
    if (first === -1) {
      firstProvider[c] = v;
      visits[v]++;
    } else if (first !== v) {
      const pair = c * groups + v;
      if (!otherPairs.has(pair)) {
        otherPairs.add(pair);
        visits[v]++;
      }
    }
  }
  const rows: ProviderProductivityRow[] = [];
  for (let v = 0; v < groups; v++) {
    const name = cols.providerNamePeriod[v];
    if (name !== undefined) rows.push({ provider: name, charges: charges[v], payments: payments[v], visits: visits[v], lines: lines[v] });
  }
  return rows.sort((a, b) => b.charges - a.charges || a.provider.localeCompare(b.provider));
}
