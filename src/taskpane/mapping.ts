/* Convert's mapping edits: what to send to convertToRegister as overrides. */
import { CLAIM_FIELDS, type ClaimField } from "../core/claims/claimLine";

export type Mapping = Partial<Record<ClaimField, string>>;

/** Value of a field's dropdown when the field is left unmapped. */
export const NOT_USED = "";

/**
 * Every field whose column differs from the reader's mapping; a field the user unmapped is sent as
 * "" (no column). Fields left as found are not sent.
 */
export function mappingOverrides(found: Mapping, edited: Mapping): Mapping {
  const out: Mapping = {};
  for (const f of CLAIM_FIELDS) {
    const a = found[f] ?? NOT_USED;
    const b = edited[f] ?? NOT_USED;
    if (a !== b) out[f] = b;
  }
  return out;
}
