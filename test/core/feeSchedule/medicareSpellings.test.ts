import { dayFromYMD, type Day } from "../../../src/core/dates/day";
import { checkFees } from "../../../src/core/feeSchedule/checkFees";
import { findFeeRate, indexFeeSchedule } from "../../../src/core/feeSchedule/indexFeeSchedule";
import { isMedicarePayer } from "../../../src/core/feeSchedule/isMedicarePayer";
import { medicareRatesFromSchedule } from "../../../src/core/feeSchedule/medicareRates";
import type { FeeScheduleRow } from "../../../src/core/feeSchedule/feeScheduleRow";
import type { ClaimLine } from "../../../src/core/claims/claimLine";
import Decimal from "decimal.js";

describe("percent-of-Medicare rows find Medicare under any spelling", () => {
  test.each([
    ["Medicare", true], ["Medicare Part B", true], ["MEDICARE B", true], ["Medicare - Part B", true], ["Medicare FFS", true], ["CMS", true],
    ["Medicare Advantage", false], ["Humana Medicare Advantage", false], ["Aetna Medicare PPO", false], ["Medicare Supplement", false], ["Medicaid", false],
  ])("%s → %s", (name, expected) => {
    expect(isMedicarePayer(name)).toBe(expected);
  });

  const row = (r: number, payer: string, cpt: string, amount: number | null, percent: string | null): FeeScheduleRow => ({
    row: r, payer, cpt, modifier: null, kind: percent === null ? "fixed" : "percentOfMedicare", amount, percent: percent === null ? null : new Decimal(percent),
  });
  const line = (r: number, cpt: string, charge: number, ins: number, adj: number): ClaimLine => ({
    row: r, claimId: `C${r}`, dateOfService: dayFromYMD(2026, 10, 1) as Day, payer: "Cigna", charge, insurancePaid: ins, patientPaid: 0,
    contractualAdjustment: adj, otherAdjustment: 0, allowed: null, cpt, modifiers: [], units: 1, placeOfService: "11", provider: null,
    payerClass: null, status: "Paid", denialReason: null, submittedDate: null, lastPaymentDate: null,
  });

  test("a MEDICARE B row prices Cigna's 120 %; a code with no Medicare amount is counted with that reason", () => {
    const schedule = [row(2, "MEDICARE B", "99213", 9000, null), row(3, "Cigna", "99213", null, "1.2"), row(4, "Cigna", "99214", null, "1.2")];
    expect(medicareRatesFromSchedule(schedule)("99213", "11")?.toFixed(2)).toBe("90.00");
    // 99213: expected 120 % × 90.00 = 108.00; actual allowed = 150 − 50 = 100.00 → underpaid 8.00
    const check = checkFees([line(10, "99213", 15000, 10000, 5000), line(11, "99214", 20000, 10000, 5000)], schedule);
    expect(check.checkedLines).toBe(1);
    expect(check.underpaidTotal).toBe(800);
    expect(check.unmatchedLines).toBe(1);
    expect(check.noMedicareAmountLines).toBe(1);
  });
});

describe("payer names with plan suffixes", () => {
  const row = (r: number, payer: string, cpt: string, amount: number): FeeScheduleRow => ({ row: r, payer, cpt, modifier: null, kind: "fixed", amount, percent: null });
  const line = (payer: string) => ({ payer, cpt: "99213", modifiers: [] as string[] });
  const index = indexFeeSchedule([row(2, "Aetna", "99213", 9500), row(3, "Cigna HMO", "99213", 8000), row(4, "Medicare", "99213", 9000), row(5, "Aetna HMO", "99213", 9900)]);

  test("a line of Aetna PPO takes Aetna's row; Aetna HMO keeps its own; Medicare Part B takes Medicare's", () => {
    expect(findFeeRate(index, line("Aetna PPO"))?.row).toBe(2);
    expect(findFeeRate(index, line("Aetna HMO"))?.row).toBe(5);
    expect(findFeeRate(index, line("MEDICARE PART B"))?.row).toBe(4);
    // "Cigna HMO" is a plan-specific row: a "Cigna PPO" line must not take it.
    expect(findFeeRate(index, line("Cigna PPO"))).toBeNull();
    expect(findFeeRate(index, line("Medicare Advantage"))).toBeNull();
  });
});
