/**
 * How many fee-schedule rows were left out (rows with an error: no usable payer, CPT or amount),
 * for the report tab's notes. The same rows the JSON summary lists in `feeSchedule.leftOut` (each
 * error there; here a row with two errors counts once).
 */
import type { InputIssue } from "../cells/issue";

export interface FeeScheduleLeftOut {
  /** The fee schedule's sheet. */
  sheet: string;
  /** Rows left out (distinct sheet and row). */
  rows: number;
}

export function feeScheduleLeftOut(feeSchedule: { sheet: string; issues: readonly InputIssue[] } | null): FeeScheduleLeftOut | null {
  if (feeSchedule === null) return null;
  const rows = new Set(feeSchedule.issues.filter((i) => i.severity === "error").map((i) => `${i.sheet ?? feeSchedule.sheet}\u0000${i.row}`));
  return { sheet: feeSchedule.sheet, rows: rows.size };
}
