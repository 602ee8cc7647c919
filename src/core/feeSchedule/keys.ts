/** Payer names compare as everywhere else: trimmed, case-insensitive (definitions.md, "Payer mix"). */
export { payerKey } from "../payerMix/payerKey";

/**
 * A CPT/HCPCS code as matched: trimmed, upper case; an all-digit code shorter than five digits
 * gets its leading zeros back ("100" → "00100"), as Excel drops them from anesthesia codes.
 */
export function normalizeCpt(cpt: string): string {
  const text = cpt.trim().toUpperCase();
  return /^\d{1,4}$/.test(text) ? text.padStart(5, "0") : text;
}

/** A modifier as matched: trimmed, upper case ("as" → "AS"). */
export function normalizeModifier(modifier: string): string {
  return modifier.trim().toUpperCase();
}
