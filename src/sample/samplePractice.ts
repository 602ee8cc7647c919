/**
 * The seeded sample practice: everything `practice-ledger demo` writes to a sample workbook, as
 * plain data. Same options → same data, on every machine.
 */
import { dayFromYMD, firstOfMonth, type Day } from "../core/dates/day";
import { sampleBudget } from "./budget";
import { SAMPLE_CHARGE_MASTER, SAMPLE_LOCALITY, SAMPLE_NON_PFS, SAMPLE_PAYERS, SAMPLE_PRACTICE, SAMPLE_RVUS } from "./catalog";
import { sampleClaims } from "./claims";
import { buildFeeSchedule, indexFeeSchedule } from "./feeSchedule";
import { samplePayroll } from "./payroll";
import { createRandom } from "./random";
import type { SamplePractice } from "./types";

export const DEFAULT_SAMPLE_SEED = 2026;
/** 2026-10-31 */
export const DEFAULT_SAMPLE_AS_OF: Day = dayFromYMD(2026, 10, 31) as Day;

export interface SampleOptions {
  /** Seed of the generator (default 2026). */
  seed?: number;
  /** Last date of service (default 2026-10-31). */
  asOf?: Day;
  /** Calendar months of claims ending with asOf's month (default 12). */
  months?: number;
}

export function samplePractice(options: SampleOptions = {}): SamplePractice {
  const seed = options.seed ?? DEFAULT_SAMPLE_SEED;
  const asOf = options.asOf ?? DEFAULT_SAMPLE_AS_OF;
  const months = Math.max(1, Math.floor(options.months ?? 12));
  const from = firstOfMonth(asOf, months - 1);

  // Separate streams per part, so a change in one part does not reshuffle the others.
  const claimsRandom = createRandom(seed);
  const payrollRandom = createRandom(seed ^ 0x0bad5eed);
  const budgetRandom = createRandom(seed ^ 0x00b0d9e7);

  const payers = SAMPLE_PAYERS.map((p) => ({ ...p }));
  const chargeMaster = SAMPLE_CHARGE_MASTER.map((c) => ({ ...c }));
  const rvus = SAMPLE_RVUS.map((r) => ({ ...r }));
  const medicareNonPfsAmounts = SAMPLE_NON_PFS.map((n) => ({ ...n }));
  const medicareLocality = { ...SAMPLE_LOCALITY };
  const cpts = chargeMaster.map((c) => c.cpt);
  const feeSchedule = buildFeeSchedule(payers, cpts, rvus, medicareNonPfsAmounts, medicareLocality);
  const fees = indexFeeSchedule(feeSchedule, rvus, medicareLocality);
  const practice = { ...SAMPLE_PRACTICE, physicians: SAMPLE_PRACTICE.physicians.map((p) => ({ ...p })) };

  const { claims, planted } = sampleClaims({ practice, payers, chargeMaster, fees, from, asOf, random: claimsRandom });
  const payroll = samplePayroll(from, asOf, payrollRandom);
  const budget = sampleBudget({ asOf, claims, payroll, random: budgetRandom });

  return {
    practice, asOf, from, payers, chargeMaster, rvus, medicareNonPfsAmounts, medicareLocality, feeSchedule,
    claims, budget, payroll, planted,
  };
}
