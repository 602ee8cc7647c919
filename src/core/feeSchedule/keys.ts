/** Payer names compare trimmed and case-insensitively (definitions.md, "Payer mix"). */
export function payerKey(payer: string): string {
  return payer.trim().replace(/\s+/g, " ").toLowerCase();
}

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
