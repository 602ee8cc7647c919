import type { ClaimLine } from "../claims/claimLine";
import type { FeeScheduleRow } from "./feeScheduleRow";
import { feeScheduleKey } from "./readFeeScheduleRows";

/** Fee schedule rows indexed by (payer, CPT, modifier) for O(1) matching per line. */
export interface FeeScheduleIndex {
  /** The rows indexed, in their order. */
  rows: readonly FeeScheduleRow[];
  byKey: ReadonlyMap<string, FeeScheduleRow>;
}

/** Builds the index once. When two rows share payer, code and modifier, the first wins. */
export function indexFeeSchedule(rows: readonly FeeScheduleRow[]): FeeScheduleIndex {
  const byKey = new Map<string, FeeScheduleRow>();
  for (const row of rows) {
    const key = feeScheduleKey(row.payer, row.cpt, row.modifier);
    if (!byKey.has(key)) byKey.set(key, row);
  }
  return { rows, byKey };
}

/**
 * The fee schedule row for a line: same payer (trimmed, case-insensitive) and code (upper case).
 * A row whose modifier is one of the line's modifiers wins over the row without modifier; when
 * several of the line's modifiers have their own row, the first modifier as written wins.
 * Null when the line has no code or no row matches.
 */
export function findFeeRate(
  schedule: FeeScheduleIndex,
  line: Pick<ClaimLine, "payer" | "cpt" | "modifiers">,
): FeeScheduleRow | null {
  if (line.cpt === null || line.cpt.trim() === "") return null;
  for (const modifier of line.modifiers) {
    if (modifier.trim() === "") continue;
    const row = schedule.byKey.get(feeScheduleKey(line.payer, line.cpt, modifier));
    if (row !== undefined) return row;
  }
  return schedule.byKey.get(feeScheduleKey(line.payer, line.cpt, null)) ?? null;
}
