import type { ClaimLine } from "../claims/claimLine";
import type { FeeScheduleRow } from "./feeScheduleRow";
import { feeScheduleKey } from "./readFeeScheduleRows";
import { basePayerKey } from "./basePayer";
import { payerKey } from "./keys";

/** Fee schedule rows indexed by (payer, CPT, modifier) for O(1) matching per line. */
export interface FeeScheduleIndex {
  /** The rows indexed, in their order. */
  rows: readonly FeeScheduleRow[];
  byKey: ReadonlyMap<string, FeeScheduleRow>;
  /**
   * Rows of a payer written without plan words ("Aetna", "Medicare" or any traditional-Medicare
   * spelling), by base payer: a line of "Aetna PPO" or "Medicare Part B" falls back to them.
   */
  byBaseKey?: ReadonlyMap<string, FeeScheduleRow>;
}

/** Builds the index once. When two rows share payer, code and modifier, the first wins. */
export function indexFeeSchedule(rows: readonly FeeScheduleRow[]): FeeScheduleIndex {
  const byKey = new Map<string, FeeScheduleRow>();
  const byBaseKey = new Map<string, FeeScheduleRow>();
  for (const row of rows) {
    const key = feeScheduleKey(row.payer, row.cpt, row.modifier);
    if (!byKey.has(key)) byKey.set(key, row);
    const base = basePayerKey(row.payer);
    if (base === "medicare" || base === payerKey(row.payer).replace(/[^a-z0-9]+/g, " ").trim()) {
      const baseKey = feeScheduleKey(base, row.cpt, row.modifier);
      if (!byBaseKey.has(baseKey)) byBaseKey.set(baseKey, row);
    }
  }
  return { rows, byKey, byBaseKey };
}

/**
 * The fee schedule row for a line: same payer (trimmed, case-insensitive) and code (upper case).
 * A row whose modifier is one of the line's modifiers wins over the row without modifier; when
 * several of the line's modifiers have their own row, the first modifier as written wins.
 * Null when the line has no code or no row matches.
 */
export function findFeeRate(
  schedule: FeeScheduleIndex,
  line: Pick<ClaimLine, "payer" | "cpt" | "modifiers"> & Partial<Pick<ClaimLine, "payerClass">>,
): FeeScheduleRow | null {
  if (line.cpt === null || line.cpt.trim() === "") return null;
  for (const modifier of line.modifiers) {
    if (modifier.trim() === "") continue;
    const row = schedule.byKey.get(feeScheduleKey(line.payer, line.cpt, modifier));
    if (row !== undefined) return row;
  }
  const exact = schedule.byKey.get(feeScheduleKey(line.payer, line.cpt, null));
  if (exact !== undefined) return exact;
  // No row names the payer as written: the payer's row without plan words ("Aetna" for "Aetna PPO").
  const byBase = schedule.byBaseKey;
  if (byBase === undefined) return null;
  // A line of payer class Medicare (a MAC's name, "Novitas") is priced as Medicare.
  const base = line.payerClass === "Medicare" ? "medicare" : basePayerKey(line.payer);
  for (const modifier of line.modifiers) {
    if (modifier.trim() === "") continue;
    const row = byBase.get(feeScheduleKey(base, line.cpt, modifier));
    if (row !== undefined) return row;
  }
  return byBase.get(feeScheduleKey(base, line.cpt, null)) ?? null;
}
