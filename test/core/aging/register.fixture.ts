import type { ClaimLine } from "../../../src/core/claims/claimLine";
import { dayFromYMD, type Day } from "../../../src/core/dates/day";

/** 2026-10-31, the as-of date D of the hand-worked register. */
export const AS_OF = dayFromYMD(2026, 10, 31) as Day;

export function day(y: number, m: number, d: number): Day {
  return dayFromYMD(y, m, d) as Day;
}

export function line(fields: Partial<ClaimLine> & Pick<ClaimLine, "dateOfService" | "charge">): ClaimLine {
  return {
    row: 2, claimId: "X", payer: "Medicare", insurancePaid: 0, patientPaid: 0, contractualAdjustment: 0, otherAdjustment: 0,
    allowed: null, cpt: null, modifiers: [], units: 1, placeOfService: null, provider: null, payerClass: null, status: null,
    denialReason: null, submittedDate: null, lastPaymentDate: null, ...fields,
  };
}

/**
 * The hand-worked register (amounts in cents), as of D = 2026-10-31. Age = D − DOS.
 *
 * | row | DOS        | age | payer        | charge  | ins    | pat   | contr  | other | balance |
 * |  2  | 2026-10-31 |   0 | Medicare     | 100.01  |        |       |        |       |  100.01 |
 * |  3  | 2026-10-01 |  30 | Aetna PPO    | 200.00  |  50.00 |       |  30.00 |       |  120.00 |
 * |  4  | 2026-09-30 |  31 | Medicare     | 150.00  |        | 25.00 |        |       |  125.00 |
 * |  5  | 2026-09-01 |  60 |  aetna ppo   |  80.00  |  40.00 |       |        | 10.00 |   30.00 |
 * |  6  | 2026-08-31 |  61 | Medicare     | 300.00  | 100.00 |       |  50.00 |       |  150.00 |
 * |  7  | 2026-08-02 |  90 | Self-pay     |  90.00  |        |       |        |       |   90.00 |
 * |  8  | 2026-08-01 |  91 | Medicare     | 400.00  | 200.00 |       |        |       |  200.00 |
 * |  9  | 2026-07-03 | 120 | Self-pay     |  60.00  |        | 20.00 |        |       |   40.00 |
 * | 10  | 2026-07-02 | 121 | Aetna PPO    | 500.00  | 250.00 |       | 100.00 |       |  150.00 |
 * | 11  | 2026-09-16 |  45 | Medicare     |  50.00  |  60.00 |       |        |       |  -10.00 | credit
 * | 12  | 2026-10-21 |  10 | Medicare     |  70.00  |  50.00 |       |  20.00 |       |    0.00 | zero
 * | 13  | 2026-11-05 |  -5 | Medicare     | 1000.00 |        |       |        |       | 1000.00 | after D
 *
 * Ages by hand: Oct 31 − 30 = Oct 1; − 31 = Sep 30; − 60 = Sep 1 (30 days of September back from
 * Oct 1); − 61 = Aug 31; − 91 = Aug 1 (31 days of August back from Aug 31 is Jul 31 = 92, so Aug 1
 * = 91); − 90 = Aug 2; − 120 = Jul 31 − 28 = Jul 3; − 121 = Jul 2; − 45 = Sep 16 (Oct 1 − 15);
 * − 10 = Oct 21.
 */
export const REGISTER: ClaimLine[] = [
  line({ row: 2, dateOfService: day(2026, 10, 31), payer: "Medicare", charge: 10001 }),
  line({ row: 3, dateOfService: day(2026, 10, 1), payer: "Aetna PPO", charge: 20000, insurancePaid: 5000, contractualAdjustment: 3000 }),
  line({ row: 4, dateOfService: day(2026, 9, 30), payer: "Medicare", charge: 15000, patientPaid: 2500 }),
  line({ row: 5, dateOfService: day(2026, 9, 1), payer: " aetna ppo ", charge: 8000, insurancePaid: 4000, otherAdjustment: 1000 }),
  line({ row: 6, dateOfService: day(2026, 8, 31), payer: "Medicare", charge: 30000, insurancePaid: 10000, contractualAdjustment: 5000 }),
  line({ row: 7, dateOfService: day(2026, 8, 2), payer: "Self-pay", charge: 9000 }),
  line({ row: 8, dateOfService: day(2026, 8, 1), payer: "Medicare", charge: 40000, insurancePaid: 20000 }),
  line({ row: 9, dateOfService: day(2026, 7, 3), payer: "Self-pay", charge: 6000, patientPaid: 2000 }),
  line({ row: 10, dateOfService: day(2026, 7, 2), payer: "Aetna PPO", charge: 50000, insurancePaid: 25000, contractualAdjustment: 10000 }),
  line({ row: 11, dateOfService: day(2026, 9, 16), payer: "Medicare", charge: 5000, insurancePaid: 6000 }),
  line({ row: 12, dateOfService: day(2026, 10, 21), payer: "Medicare", charge: 7000, insurancePaid: 5000, contractualAdjustment: 2000 }),
  line({ row: 13, dateOfService: day(2026, 11, 5), payer: "Medicare", charge: 100000 }),
];
