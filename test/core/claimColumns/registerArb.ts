/**
 * Random registers for the property tests of the columns: claims listed together or scattered,
 * claim numbers in order or not, payer and provider spellings that differ only in case and
 * spaces, blank statuses and dates, credit balances, lines before the period and after the as-of date.
 */
import fc from "fast-check";
import type { ClaimLine, ClaimStatus } from "../../../src/core/claims/claimLine";
import { dayFromYMD, type Day } from "../../../src/core/dates/day";

export const AS_OF = dayFromYMD(2026, 10, 31) as Day;

const STATUSES: (ClaimStatus | null)[] = [null, "Draft", "Submitted", "Paid", "Partially paid", "Denied", "Appealed", "Closed"];
// Plan suffixes ("Aetna PPO" priced from the "Aetna" row) and a MAC's name whose payer class is
// Medicare ("Novitas") exercise the fee schedule's fallbacks, which the pricing memo must key on.
const PAYERS = ["Medicare", "medicare ", " MEDICARE", "Aetna", "aetna", "Aetna PPO", "Blue  Cross", "Self-pay", "Novitas"];
const PAYER_CLASSES = [null, null, "Medicare", "Commercial"] as const;
const PROVIDERS = [null, "", "  ", "Dr Lee", "dr lee", " Dr Lee ", "Dr Patel"];
const CPTS = [null, "99213", "99214", "36415", "100"];
const MODIFIERS: string[][] = [[], ["25"], ["59"], ["50"], ["25", "59"]];

const cents = fc.integer({ min: -5_000, max: 50_000 });
const maybeDay = fc.option(fc.integer({ min: AS_OF - 500, max: AS_OF + 40 }), { nil: null });

export const lineArb = fc.record({
  claimNo: fc.integer({ min: 1, max: 40 }),
  dateOfService: fc.integer({ min: AS_OF - 450, max: AS_OF + 30 }),
  payer: fc.constantFrom(...PAYERS),
  payerClass: fc.constantFrom(...PAYER_CLASSES),
  charge: cents, insurancePaid: cents, patientPaid: cents, contractualAdjustment: cents, otherAdjustment: cents,
  allowed: fc.option(cents, { nil: null }),
  cpt: fc.constantFrom(...CPTS),
  modifiers: fc.constantFrom(...MODIFIERS),
  units: fc.constantFrom(1, 1, 2, 0, 1.5),
  placeOfService: fc.constantFrom(null, "11", "22"),
  provider: fc.constantFrom(...PROVIDERS),
  status: fc.constantFrom(...STATUSES),
  denialReason: fc.constantFrom(null, "CO-97", "co-97", " CO-16"),
  submittedDate: maybeDay, lastPaymentDate: maybeDay,
});

/** A register: random lines, optionally sorted by claim number (claims listed together, in order). */
export const registerArb = fc.tuple(fc.array(lineArb, { maxLength: 60 }), fc.constantFrom("asWritten", "byClaim", "byClaimDescending")).map(([raw, order]) => {
  const sorted = order === "asWritten" ? raw : [...raw].sort((a, b) => (order === "byClaim" ? a.claimNo - b.claimNo : b.claimNo - a.claimNo));
  return sorted.map((r, i): ClaimLine => ({
    row: i + 2, claimId: `C-${String(r.claimNo).padStart(3, "0")}`, dateOfService: r.dateOfService, payer: r.payer, charge: r.charge,
    insurancePaid: r.insurancePaid, patientPaid: r.patientPaid, contractualAdjustment: r.contractualAdjustment,
    otherAdjustment: r.otherAdjustment, allowed: r.allowed, cpt: r.cpt, modifiers: r.modifiers, units: r.units,
    placeOfService: r.placeOfService, provider: r.provider, payerClass: r.payerClass, status: r.status, denialReason: r.denialReason,
    submittedDate: r.submittedDate, lastPaymentDate: r.lastPaymentDate,
  }));
});

