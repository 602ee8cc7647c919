import { CLAIM_DENIED as DENIED, CLAIM_SUBMITTED as SUBMITTED, denialRatesOfClaims, type DenialRates } from "../kpis/denialRates";
import { STATUS_DENIED, STATUS_DRAFT, type ClaimColumns } from "./claimColumns";

/**
 * denialRates (definitions.md, "Denials": HFMA initial denial rate by volume, AAFP dollar basis)
 * over columns: claims are the columns' claim groups, counted over the period lines only.
 */
export function denialsFromColumns(cols: ClaimColumns): DenialRates {
  return denialsOfIndexes(cols, cols.periodIndexes);
}

/** denialRates of the lines at `indexes` (a claim is counted over those of its lines only). */
export function denialsOfIndexes(cols: ClaimColumns, indexes: ArrayLike<number>): DenialRates {
  const { claim, status, charge } = cols;
  const flags = new Uint8Array(cols.claimCount);
  const charges = new Float64Array(cols.claimCount);
  for (let k = 0; k < indexes.length; k++) {
    const i = indexes[k];
    const c = claim[i];
    const s = status[i];
    if (s !== STATUS_DRAFT) flags[c] |= s === STATUS_DENIED ? SUBMITTED | DENIED : SUBMITTED;
    charges[c] += charge[i];
  }
  return denialRatesOfClaims(flags, charges);
}
