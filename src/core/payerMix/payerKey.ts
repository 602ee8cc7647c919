/**
 * The key under which payer names are compared: trimmed and case-insensitive, so "Aetna PPO" and
 * " aetna  ppo " are one payer (definitions.md, "Payer mix"; runs of spaces count as one). Rows
 * show the name as first written. Aging, payer mix, days to pay and the fee check all use this key.
 */
export function payerKey(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLowerCase();
}
