import type Decimal from "decimal.js";
import { normalizeCpt, normalizeModifier } from "../feeSchedule/keys";
import type { WorkRvuRow } from "./workRvuRow";

/** The work RVU of a line's code and modifiers, or null when the table has none for it. */
export type WorkRvuLookup = (cpt: string, modifiers: readonly string[]) => Decimal | null;

/**
 * Looks a line up in an RVU table the way CMS's PFS relative value file is laid out: a code has a
 * row without modifier (the global service) and, for codes split into professional and technical
 * components, rows with MOD 26 and TC (and 53). A line with such a modifier takes that row (the
 * first of its modifiers that has one); otherwise the row without modifier. Source: National
 * Physician Fee Schedule Relative Value File, documentation (RVUPUF), "MOD" field,
 * https://docest.com/doc/606816/national-physician-fee-schedule-relative-value-file .
 */
export function workRvuLookup(rows: readonly WorkRvuRow[]): WorkRvuLookup {
  const byKey = new Map<string, Decimal>();
  for (const r of rows) {
    const key = `${r.cpt}\u0001${r.modifier ?? ""}`;
    if (!byKey.has(key)) byKey.set(key, r.work);
  }
  return (cpt, modifiers) => {
    const code = normalizeCpt(cpt);
    for (const m of modifiers) {
      const found = byKey.get(`${code}\u0001${normalizeModifier(m)}`);
      if (found !== undefined) return found;
    }
    return byKey.get(`${code}\u0001`) ?? null;
  };
}
