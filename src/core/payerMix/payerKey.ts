/**
 * The key under which payer names are compared: trimmed and case-insensitive, so "Aetna PPO" and
 * " aetna ppo " are one payer (definitions.md, "Payer mix"). Rows show the name as first written.
 */
export function payerKey(name: string): string {
  return name.trim().toLowerCase();
}
