import type { DenialRates } from "../kpis/denialRates";
import { ratio } from "../money/ratio";
import { STATUS_DENIED, STATUS_DRAFT, type ClaimColumns } from "./claimColumns";

const SUBMITTED = 1;
const DENIED = 2;

/**
 * denialRates (definitions.md, "Denials": HFMA initial denial rate by volume, AAFP dollar basis)
 * over columns: claims are the columns' claim groups, counted over the period lines only.
 */
export function denialsFromColumns(cols: ClaimColumns): DenialRates {
  const { periodIndexes, claim, status, charge } = cols;
  const flags = new Uint8Array(cols.claimCount);
  const charges = new Float64Array(cols.claimCount);
  for (let k = 0; k < periodIndexes.length; k++) {
    const i = periodIndexes[k];
    const c = claim[i];
    const s = status[i];
    if (s !== STATUS_DRAFT) flags[c] |= s === STATUS_DENIED ? SUBMITTED | DENIED : SUBMITTED;
    charges[c] += charge[i];
  }
  let submittedClaims = 0, deniedClaims = 0, submittedCharges = 0, deniedCharges = 0;
  for (let c = 0; c < flags.length; c++) {
    const f = flags[c];
    if ((f & SUBMITTED) === 0) continue;
    submittedClaims++;
    submittedCharges += charges[c];
    if (f & DENIED) {
      deniedClaims++;
      deniedCharges += charges[c];
    }
  }
  return {
    submittedClaims, deniedClaims, denialRate: ratio(deniedClaims, submittedClaims),
    submittedCharges, deniedCharges, denialRateDollars: ratio(deniedCharges, submittedCharges),
  };
}
