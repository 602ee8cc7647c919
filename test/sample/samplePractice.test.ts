import fc from "fast-check";
import { lineBalance } from "../../src/core/claims/balance";
import { dayFromYMD } from "../../src/core/dates/day";
import { weekday } from "../../src/sample/calendar";
import { indexFeeSchedule } from "../../src/sample/feeSchedule";
import { samplePractice } from "../../src/sample/samplePractice";
import type { SamplePractice } from "../../src/sample/types";

let sample: SamplePractice;
beforeAll(() => {
  sample = samplePractice();
});

describe("samplePractice", () => {
  it("is the same for the same seed and differs for another seed", () => {
    expect(samplePractice()).toEqual(sample);
    const other = samplePractice({ seed: 7 });
    expect(other.claims).not.toEqual(sample.claims);
  });

  it("has three physicians and seven payers", () => {
    expect(sample.practice.physicians.map((p) => p.specialty)).toEqual(["Family medicine", "Internal medicine", "Pediatrics"]);
    expect(sample.payers).toHaveLength(7);
    expect(new Set(sample.claims.map((c) => c.payer)).size).toBe(7);
    expect(new Set(sample.claims.map((c) => c.provider)).size).toBe(3);
  });

  it("covers twelve months of weekday DOS ending at asOf (2026-11-01 … 2026-10-31 default)", () => {
    const asOf = dayFromYMD(2026, 10, 31) as number;
    // 12 calendar months ending with October 2026 start on 2025-11-01.
    const from = dayFromYMD(2025, 11, 1) as number;
    expect(sample.asOf).toBe(asOf);
    expect(sample.from).toBe(from);
    let min = Infinity;
    let max = -Infinity;
    for (const c of sample.claims) {
      min = Math.min(min, c.dateOfService);
      max = Math.max(max, c.dateOfService);
      const w = weekday(c.dateOfService);
      expect(w >= 1 && w <= 5).toBe(true);
    }
    expect(min).toBeGreaterThanOrEqual(from);
    expect(min).toBeLessThanOrEqual(from + 3); // 2025-11-01 is a Saturday: first clinic day Monday 11-03
    expect(max).toBeLessThanOrEqual(asOf);
    expect(max).toBeGreaterThanOrEqual(asOf - 3); // 2026-10-31 is a Saturday: last clinic day Friday 10-30
  });

  it("has 1-3 lines a claim, claim numbers RFM-nnnnnn, rows 2, 3, …", () => {
    const perClaim = new Map<string, number>();
    sample.claims.forEach((c, i) => {
      expect(c.row).toBe(i + 2);
      expect(c.claimId).toMatch(/^RFM-\d{6}$/);
      perClaim.set(c.claimId, (perClaim.get(c.claimId) ?? 0) + 1);
    });
    for (const n of perClaim.values()) expect(n >= 1 && n <= 3).toBe(true);
  });

  it("keeps every balance ≥ 0 except the planted credit balances", () => {
    const planted = new Set(sample.planted.creditBalanceRows);
    expect(planted.size).toBeGreaterThan(0);
    for (const c of sample.claims) {
      if (planted.has(c.row)) expect(lineBalance(c)).toBeLessThan(0);
      else expect(lineBalance(c)).toBeGreaterThanOrEqual(0);
    }
  });

  it("has statuses consistent with the amounts", () => {
    for (const c of sample.claims) {
      const balance = lineBalance(c);
      switch (c.status) {
        case "Draft":
          expect(c.submittedDate).toBeNull();
          expect(c.insurancePaid).toBe(0);
          break;
        case "Submitted":
          expect(c.insurancePaid).toBe(0);
          expect(balance).toBeGreaterThan(0);
          break;
        case "Paid":
          // balance 0, or the patient's share only: at most allowed − insurancePaid
          if (c.allowed !== null) {
            expect(c.contractualAdjustment).toBe(c.charge - c.allowed);
            expect(balance).toBeLessThanOrEqual(c.allowed - c.insurancePaid);
          } else {
            expect(balance).toBe(0); // self-pay paid in full after the discount
          }
          expect(c.lastPaymentDate).not.toBeNull();
          break;
        case "Partially paid":
          expect(c.insurancePaid).toBeGreaterThan(0);
          expect(balance).toBeGreaterThan(0);
          break;
        case "Denied":
        case "Appealed":
          expect(c.insurancePaid).toBe(0);
          expect(c.denialReason).toMatch(/^(CO|PR)-\d+$/);
          break;
        case "Written off":
          expect(balance).toBe(0);
          break;
        default:
          throw new Error(`unexpected status ${String(c.status)}`);
      }
      if (c.submittedDate !== null) {
        expect(c.submittedDate - c.dateOfService).toBeGreaterThanOrEqual(1);
        expect(c.submittedDate - c.dateOfService).toBeLessThanOrEqual(5);
      }
      if (c.lastPaymentDate !== null) expect(c.lastPaymentDate).toBeLessThanOrEqual(sample.asOf);
    }
  });

  it("denies between 5 % and 10 % of submitted claims (definitions.md: denied claims ÷ submitted claims)", () => {
    const submitted = new Set<string>();
    const denied = new Set<string>();
    for (const c of sample.claims) {
      if (c.status !== "Draft") submitted.add(c.claimId);
      if (c.status === "Denied") denied.add(c.claimId);
    }
    const rate = denied.size / submitted.size;
    expect(rate).toBeGreaterThanOrEqual(0.05);
    expect(rate).toBeLessThanOrEqual(0.1);
  });

  it("ages most of A/R within 30 days with a tail beyond 120", () => {
    let total = 0;
    let within30 = 0;
    let over120 = 0;
    for (const c of sample.claims) {
      const b = lineBalance(c);
      const age = sample.asOf - c.dateOfService;
      total += b;
      if (age <= 30) within30 += b;
      if (age > 120) over120 += b;
    }
    expect(within30 / total).toBeGreaterThan(0.4);
    expect(over120 / total).toBeGreaterThan(0.05);
    expect(over120 / total).toBeLessThan(0.3);
  });

  it("has a fee schedule row for every (non self-pay payer, CPT) pair used, and no self-pay rows", () => {
    const rows = new Set(sample.feeSchedule.filter((r) => r.modifier === null).map((r) => `${r.payer}|${r.cpt}`));
    for (const c of sample.claims) {
      if (c.payerClass === "Self-pay") continue;
      expect(rows.has(`${c.payer}|${c.cpt}`)).toBe(true);
    }
    expect(sample.feeSchedule.some((r) => r.payer === "Self-pay")).toBe(false);
    expect(sample.feeSchedule.some((r) => r.modifier !== null)).toBe(true);
  });

  it("computes Medicare fixed amounts from RVUs × 33.4009, rounded to the cent", () => {
    const row = (payer: string, cpt: string) => sample.feeSchedule.find((r) => r.payer === payer && r.cpt === cpt && r.modifier === null);
    // 99213: (1.30 + 1.26 + 0.09) × 33.4009 = 2.65 × 33.4009 = 88.512385 → $88.51
    expect(row("Medicare", "99213")).toEqual({ payer: "Medicare", cpt: "99213", modifier: null, kind: "fixed", amount: 8851 });
    // Medicaid 70 %: 0.70 × 88.512385 = 61.9586695 → $61.96
    expect(row("State Medicaid", "99213")).toMatchObject({ kind: "fixed", amount: 6196 });
    // Blue Cross 118 %: 1.18 × 88.512385 = 104.4446143 → $104.44
    expect(row("Blue Cross Blue Shield", "99213")).toMatchObject({ kind: "fixed", amount: 10444 });
    expect(row("Aetna PPO", "99213")).toMatchObject({ kind: "percentOfMedicare", percent: "1.25" });
    expect(row("Humana Medicare Advantage", "99213")).toMatchObject({ kind: "percentOfMedicare", percent: "1.00" });
  });

  it("prices lines by definitions.md: facility PE at POS 22, modifier 50 at 150 %", () => {
    const fees = indexFeeSchedule(sample.feeSchedule, sample.rvus, sample.medicareLocality);
    // Aetna 99213 at POS 22: (1.30 + 0.53 + 0.09) × 33.4009 = 64.129728; × 1.25 = 80.16216 → $80.16
    expect(fees.expectedAllowed({ payer: "Aetna PPO", cpt: "99213", modifiers: [], units: 1, placeOfService: "22" })).toBe(8016);
    // Medicare 20610-50: fixed (0.79 + 0.85 + 0.10) × 33.4009 = 58.117566 → $58.12; × 150 % = $87.18
    expect(fees.expectedAllowed({ payer: "Medicare", cpt: "20610", modifiers: ["50"], units: 1, placeOfService: "11" })).toBe(8718);
    // Blue Cross 20610-50 has its own row: $120.00
    expect(fees.expectedAllowed({ payer: "Blue Cross Blue Shield", cpt: "20610", modifiers: ["50"], units: 1, placeOfService: "11" })).toBe(12000);
    expect(fees.expectedAllowed({ payer: "Self-pay", cpt: "99213", modifiers: [], units: 1, placeOfService: "11" })).toBeNull();
  });

  it("pays lines at the contracted rate except the planted underpayments ($3-$40 below)", () => {
    const fees = indexFeeSchedule(sample.feeSchedule, sample.rvus, sample.medicareLocality);
    const underpaid = new Set(sample.planted.underpaidRows);
    let paidLines = 0;
    for (const c of sample.claims) {
      if (c.allowed === null) continue;
      paidLines++;
      const expected = fees.expectedAllowed(c) as number;
      if (underpaid.has(c.row)) {
        expect(expected - c.allowed).toBeGreaterThanOrEqual(300);
        expect(expected - c.allowed).toBeLessThanOrEqual(4000);
      } else {
        expect(c.allowed).toBe(expected);
      }
    }
    const share = underpaid.size / paidLines;
    expect(share).toBeGreaterThan(0.01);
    expect(share).toBeLessThan(0.03);
  });

  it("has Medicare near 30 % of charges (Medicare and Medicare Advantage together 30-40 %)", () => {
    let all = 0;
    let medicare = 0;
    for (const c of sample.claims) {
      all += c.charge;
      if (c.payerClass === "Medicare" || c.payerClass === "Medicare Advantage") medicare += c.charge;
    }
    expect(medicare / all).toBeGreaterThan(0.3);
    expect(medicare / all).toBeLessThan(0.4);
  });

  it("has a 12-month budget with actuals through October and categories over budget", () => {
    const { budget } = sample;
    expect(budget.months).toHaveLength(12);
    expect(budget.monthsElapsed).toBe(10);
    for (const line of budget.lines) {
      expect(line.budget).toHaveLength(12);
      expect(line.actual).toHaveLength(10);
    }
    const over = budget.lines.filter((l) => l.kind === "expense" && l.actual.reduce((a, b) => a + b, 0) > l.budget.slice(0, 10).reduce((a, b) => a + b, 0) * 1.1);
    expect(over.length).toBeGreaterThanOrEqual(1);
    expect(budget.lines.some((l) => l.kind === "capital")).toBe(true);
    const revenue = budget.lines.filter((l) => l.kind === "revenue").reduce((a, l) => a + l.budget.reduce((x, y) => x + y, 0), 0);
    expect(revenue).toBeGreaterThan(200_000_000); // $2.0 M
    expect(revenue).toBeLessThan(300_000_000);
  });

  it("has 10-15 staff and biweekly periods with some overtime weeks", () => {
    const { payroll } = sample;
    expect(payroll.staff.length).toBeGreaterThanOrEqual(10);
    expect(payroll.staff.length).toBeLessThanOrEqual(15);
    const starts = [...new Set(payroll.periods.map((p) => p.periodStart))].sort((a, b) => a - b);
    for (let i = 1; i < starts.length; i++) expect(starts[i] - starts[i - 1]).toBe(14);
    const overtime = payroll.periods.filter((p) => Number(p.week1Hours) > 40 || Number(p.week2Hours) > 40);
    expect(overtime.length).toBeGreaterThan(0);
    for (const p of payroll.periods) expect(p.payDate).toBeLessThanOrEqual(sample.asOf);
  });

  it("keeps its invariants for other seeds and shorter windows", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 3 }), (seed, months) => {
      const s = samplePractice({ seed, months });
      const planted = new Set(s.planted.creditBalanceRows);
      for (const c of s.claims) {
        expect(c.dateOfService).toBeLessThanOrEqual(s.asOf);
        expect(c.dateOfService).toBeGreaterThanOrEqual(s.from);
        if (!planted.has(c.row)) expect(lineBalance(c)).toBeGreaterThanOrEqual(0);
        if (c.status === "Denied") expect(c.insurancePaid).toBe(0);
      }
    }), { numRuns: 5 });
  });
});
