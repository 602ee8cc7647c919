import Decimal from "decimal.js";
import type { FeeScheduleRow } from "../src/core/feeSchedule/feeScheduleRow";
import { buildFeeSchedule, SAMPLE_CHARGE_MASTER, SAMPLE_LOCALITY, SAMPLE_NON_PFS, SAMPLE_PAYERS, SAMPLE_RVUS } from "../src/sample";

/**
 * The sample practice's fee schedule (the one the synthetic lines are paid against) as the core
 * reads it from a Fee Schedule sheet: one row each, from sheet row 2.
 */
export function benchFeeSchedule(): FeeScheduleRow[] {
  const cpts = SAMPLE_CHARGE_MASTER.map((c) => c.cpt);
  return buildFeeSchedule(SAMPLE_PAYERS, cpts, SAMPLE_RVUS, SAMPLE_NON_PFS, SAMPLE_LOCALITY).map((r, i) => ({
    row: i + 2, payer: r.payer, cpt: r.cpt, modifier: r.modifier, kind: r.kind,
    amount: r.kind === "fixed" ? r.amount : null,
    percent: r.kind === "percentOfMedicare" ? new Decimal(r.percent) : null,
  }));
}
