/** What the column tests share: exact comparison of figures with decimals, and a small fee schedule. */
import Decimal from "decimal.js";
import type { FeeScheduleRow } from "../../../src/core/feeSchedule/feeScheduleRow";

/** Decimals as their exact text, so two equal values compare equal however they were reached. */
export const plain = (x: unknown): unknown =>
  JSON.parse(JSON.stringify(x, (_k, v: unknown) => (Decimal.isDecimal(v) ? `D:${(v as Decimal).toString()}` : v)));

/** Fixed rates and percents of Medicare, a modifier row, and a code written without its leading zeros in the register ("100"). */
export const SCHEDULE: FeeScheduleRow[] = [
  { row: 2, payer: "Medicare", cpt: "99213", modifier: null, kind: "fixed", amount: 9_137, percent: null },
  { row: 3, payer: "Medicare", cpt: "99214", modifier: null, kind: "fixed", amount: 12_989, percent: null },
  { row: 4, payer: "Aetna", cpt: "99213", modifier: null, kind: "percentOfMedicare", percent: new Decimal("1.25"), amount: null },
  { row: 5, payer: "Aetna", cpt: "99214", modifier: "25", kind: "fixed", amount: 15_000, percent: null },
  { row: 6, payer: "Blue Cross", cpt: "00100", modifier: null, kind: "fixed", amount: 20_000, percent: null },
  { row: 7, payer: "Aetna", cpt: "36415", modifier: null, kind: "percentOfMedicare", percent: new Decimal("1.1"), amount: null },
];
