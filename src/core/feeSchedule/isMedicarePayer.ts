/**
 * True when a payer name is traditional Medicare (the Physician Fee Schedule payer) under any of
 * its usual spellings: "Medicare", "Medicare Part B", "MEDICARE B", "Medicare FFS", "Medicare -
 * Part B", "CMS", "MCR". Medicare Advantage, supplement and secondary plans ("Humana Medicare
 * Advantage", "Aetna Medicare PPO", "Medicare Supplement") pay by their own contracts and are not.
 */
export function isMedicarePayer(name: string): boolean {
  const w = ` ${name.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim()} `;
  if (w === " cms " || w === " mcr " || w === " medicare ") return true;
  if (!w.startsWith(" medicare ")) return false;
  if (/ (advantage|ma|mapd|hmo|ppo|pffs plan|supplement|supp|medigap|secondary|replacement|railroad|rr|part c|part d|d) /.test(w)) return false;
  return / (part b|b|ffs|fee for service|traditional|original|fee schedule|pfs|physician fee schedule|part a and b) /.test(w);
}
