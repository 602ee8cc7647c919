/**
 * Whether every claim's lines are listed together (one run of lines per claim), as registers
 * sorted by claim number or by visit list them. Claim groups are numbered in order of first
 * appearance, so each line is either of the claim of the line before it or of the next new group.
 * A pass over such a register keeps the claim it is on in locals instead of arrays per claim.
 */
export function claimsListedTogether(claim: Int32Array): boolean {
  let next = 0;
  let previous = -1;
  for (let i = 0; i < claim.length; i++) {
    const c = claim[i];
    if (c === next) next++;
    else if (c !== previous) return false;
    previous = c;
  }
  return true;
}
