import Decimal from "decimal.js";
import type { ClaimLine } from "../claims/claimLine";
import { NO_PROVIDER } from "../kpis/providerProductivity";
import type { WorkRvuLookup } from "./workRvuLookup";

export type WorkRvuLine = Pick<ClaimLine, "provider" | "cpt" | "modifiers" | "units">;

/** Work RVUs of the period, per provider, and the lines that have none. */
export interface WorkRvusByProvider {
  /** Keyed as providerProductivity groups providers: trimmed, lower case; blank = "(no provider)". */
  byProvider: Map<string, Decimal>;
  total: Decimal;
  /** Lines whose code has a work RVU in the table. */
  linesWithRvu: number;
  /** Lines with no code, or a code the table has no work RVU for: counted, they add nothing. */
  linesWithoutRvu: number;
  /** The codes of those lines, most lines first ("(no code)" for a blank code). */
  codesWithoutRvu: { cpt: string; lines: number }[];
}

/** The key of a provider as providerProductivity groups them. */
export function providerKey(provider: string | null): string {
  const name = provider === null || provider.trim() === "" ? NO_PROVIDER : provider.trim();
  return name.toLowerCase();
}

export const NO_CODE = "(no code)";

/**
 * Work RVUs per rendering provider = Σ units × work RVU of the line's code (CMS Physician Fee
 * Schedule, work component of the RBRVS), over the lines given (the period's lines). Every line
 * counts, paid or denied: wRVUs measure work done, not money collected. Payment adjustments of
 * modifiers (51 multiple procedures, 50 bilateral, 80/82 assistant, 62 co-surgeons) are NOT
 * applied: whether to reduce wRVU credit for them is each organisation's policy, with no single
 * method ("Work RVU compensation formulas and surgery modifiers: to discount RVUs or not", Healio
 * Orthopedics Today, https://cm.healio.com/news/orthopedics/20170908/work-rvu-compensation-formulas-and-surgery-modifiers-to-discount-rvus-or-not).
 * Only the table's own modifier rows (26, TC, 53) choose the RVU (workRvuLookup). Exact (decimal.js).
 */
export function workRvusByProvider(lines: readonly WorkRvuLine[], lookup: WorkRvuLookup): WorkRvusByProvider {
  const byProvider = new Map<string, Decimal>();
  const missing = new Map<string, number>();
  let total = new Decimal(0);
  let linesWithRvu = 0;
  let linesWithoutRvu = 0;
  for (const line of lines) {
    const code = line.cpt === null || line.cpt.trim() === "" ? null : line.cpt;
    const work = code === null ? null : lookup(code, line.modifiers);
    if (work === null || !Number.isFinite(line.units)) {
      linesWithoutRvu++;
      const shown = code === null ? NO_CODE : code.trim().toUpperCase();
      missing.set(shown, (missing.get(shown) ?? 0) + 1);
      continue;
    }
    linesWithRvu++;
    const amount = work.times(line.units);
    const key = providerKey(line.provider);
    byProvider.set(key, (byProvider.get(key) ?? new Decimal(0)).plus(amount));
    total = total.plus(amount);
  }
  const codesWithoutRvu = [...missing.entries()]
    .map(([cpt, n]) => ({ cpt, lines: n }))
    .sort((a, b) => b.lines - a.lines || a.cpt.localeCompare(b.cpt));
  return { byProvider, total, linesWithRvu, linesWithoutRvu, codesWithoutRvu };
}
