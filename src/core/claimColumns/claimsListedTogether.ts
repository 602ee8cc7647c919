/**
 * Whether every claim's lines are listed together (one run of lines per claim), as registers
 * sorted by claim number or by visit list them. Claim groups are numbered in order of first
 * appearance, so then the first line is of group 0 and each line is of the claim of the line
 * before it or of the next group: the group number steps by 0 or 1 (one comparison a line, a
 * branch never taken until the answer is no). A pass over such a register keeps the claim it is
 * on in one small record instead of arrays per claim.
 */
export function claimsListedTogether(claim: Int32Array): boolean {
  if (claim.length > 0 && claim[0] !== 0) return false;
  for (let i = 1; i < claim.length; i++) if ((claim[i] - claim[i - 1]) >>> 0 > 1) return false;
  return true;
}
