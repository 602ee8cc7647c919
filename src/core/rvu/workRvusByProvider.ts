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
  const tally = new WorkRvuTally(lookup);
  for (const line of lines) tally.add(line);
  return tally.finish();
}

/** workRvusByProvider line by line (a register read in chunks). State: per provider and per code without a work RVU. */
export class WorkRvuTally {
  private readonly byProvider = new Map<string, Decimal>();
  private readonly missing = new Map<string, number>();
  private total = new Decimal(0);
  private linesWithRvu = 0;
  private linesWithoutRvu = 0;

  constructor(private readonly lookup: WorkRvuLookup) {}

  add(line: WorkRvuLine): void {
    const code = line.cpt === null || line.cpt.trim() === "" ? null : line.cpt;
    const work = code === null ? null : this.lookup(code, line.modifiers);
    if (work === null || !Number.isFinite(line.units)) {
      this.linesWithoutRvu++;
      const shown = code === null ? NO_CODE : code.trim().toUpperCase();
      this.missing.set(shown, (this.missing.get(shown) ?? 0) + 1);
      return;
    }
    this.linesWithRvu++;
    const amount = work.times(line.units);
    const key = providerKey(line.provider);
    this.byProvider.set(key, (this.byProvider.get(key) ?? new Decimal(0)).plus(amount));
    this.total = this.total.plus(amount);
  }

  finish(): WorkRvusByProvider {
    const codesWithoutRvu = [...this.missing.entries()]
      .map(([cpt, n]) => ({ cpt, lines: n }))
      .sort((a, b) => b.lines - a.lines || a.cpt.localeCompare(b.cpt));
    return { byProvider: this.byProvider, total: this.total, linesWithRvu: this.linesWithRvu, linesWithoutRvu: this.linesWithoutRvu, codesWithoutRvu };
  }
}
