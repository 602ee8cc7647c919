import fc from "fast-check";
import { Money } from "../../../src/core/money/cents";
import { payerKey, payerMix, roundShares } from "../../../src/core/payerMix";
import { AS_OF, line } from "../aging/register.fixture";

const pm = (payer: string, charge: number, insurancePaid = 0, patientPaid = 0) =>
  line({ payer, charge, insurancePaid, patientPaid, dateOfService: AS_OF });

describe("payerKey", () => {
  test("trimmed and case-insensitive", () => {
    expect(payerKey(" aetna ppo ")).toBe(payerKey("Aetna PPO"));
    expect(payerKey("Aetna HMO")).not.toBe(payerKey("Aetna PPO"));
  });
});

describe("payerMix", () => {
  const lines = [
    pm("Aetna PPO", 30000, 15000), //         Aetna: charges 300 + 200 = 500.00, payments 150 + 90 + 10 = 250.00
    pm("Medicare", 50000, 25000, 5000), //    Medicare: 500.00, payments 250 + 50 = 300.00
    pm(" aetna ppo ", 20000, 9000, 1000),
    pm("Self-pay", 10000), //                 Self-pay: 100.00, nothing paid
  ];
  const rows = payerMix(lines);
  // Totals: charges 500 + 500 + 100 = 1 100.00; payments 250 + 300 + 0 = 550.00

  test("rows merged by payer, first spelling shown, charges descending with ties by name", () => {
    expect(rows.map((r) => [r.payer, r.charges, r.payments])).toEqual([
      ["Aetna PPO", 50000, 25000], // tie at 500.00 with Medicare: "aetna ppo" < "medicare"
      ["Medicare", 50000, 30000],
      ["Self-pay", 10000, 0],
    ]);
  });

  test("shares and collection ratios, exact", () => {
    const eleventh = (n: number) => new Money(n).dividedBy(11);
    // charge shares 500/1100 = 5/11, 5/11, 100/1100 = 1/11
    expect(rows.map((r, i) => r.chargeShare?.equals(eleventh([5, 5, 1][i])))).toEqual([true, true, true]);
    // payment shares 250/550 = 5/11, 300/550 = 6/11, 0
    expect(rows.map((r, i) => r.paymentShare?.equals(eleventh([5, 6, 0][i])))).toEqual([true, true, true]);
    // collection ratio 250/500 = 0.5, 300/500 = 0.6, 0/100 = 0
    expect(rows.map((r) => r.collectionRatio?.toString())).toEqual(["0.5", "0.6", "0"]);
  });

  test("shares rounded for display add to 1", () => {
    // 5/11 × 10 000 = 4 545.45…, 4 545.45…, 909.09… → floors 4 545 + 4 545 + 909 = 9 999; one unit to the largest
    // remainder (0.4545… twice: the tie goes to the later share) → 0.4545, 0.4546, 0.0909
    expect(roundShares(rows.map((r) => r.chargeShare!))).toEqual(["0.4545", "0.4546", "0.0909"]);
    // 4 545.45… + 5 454.54… + 0 → floors 9 999; remainder .54 > .45 → 0.4545, 0.5455, 0.0000
    expect(roundShares(rows.map((r) => r.paymentShare!))).toEqual(["0.4545", "0.5455", "0.0000"]);
  });

  test("no charges or no payments: blank shares", () => {
    const r = payerMix([pm("Medicare", 0)]);
    expect([r[0].chargeShare, r[0].paymentShare, r[0].collectionRatio]).toEqual([null, null, null]);
    expect(payerMix([])).toEqual([]);
  });
});

describe("roundShares", () => {
  test("thirds", () => {
    const third = new Money(1).dividedBy(3);
    // 3 333.33… each: floors 9 999, the missing unit goes to the last on the tie
    expect(roundShares([third, third, third])).toEqual(["0.3333", "0.3333", "0.3334"]);
    expect(roundShares([third, third, third], 2)).toEqual(["0.33", "0.33", "0.34"]);
  });
  test("exact shares are kept; empty list", () => {
    expect(roundShares([new Money("0.25"), new Money("0.75")])).toEqual(["0.2500", "0.7500"]);
    expect(roundShares([])).toEqual([]);
  });
});

describe("properties", () => {
  const payerNames = ["Medicare", "MEDICARE", " medicare", "Aetna PPO", " aetna ppo ", "Cigna", "Self-pay", "BCBS"];
  const lineArb = fc.record({
    payer: fc.constantFrom(...payerNames),
    charge: fc.integer({ min: 0, max: 100_000_000 }),
    insurancePaid: fc.integer({ min: 0, max: 50_000_000 }),
    patientPaid: fc.integer({ min: 0, max: 1_000_000 }),
  });

  test("charge shares and payment shares add to 1 (within 1e-30 at 40 digits)", () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 50 }), (raw) => {
        const rows = payerMix(raw.map((r) => pm(r.payer, r.charge, r.insurancePaid, r.patientPaid)));
        expect(rows.length).toBeLessThanOrEqual(5); // 8 spellings, 5 payers
        for (const pick of [(r: (typeof rows)[number]) => r.chargeShare, (r: (typeof rows)[number]) => r.paymentShare]) {
          const shares = rows.map(pick);
          if (shares.every((s) => s === null)) continue; // total 0
          let sum = new Money(0);
          for (const s of shares) sum = sum.plus(s ?? 0);
          expect(sum.minus(1).abs().lessThanOrEqualTo("1e-30")).toBe(true);
        }
      }),
    );
  });

  test("roundShares sums to exactly 1 at 4 places when the shares sum to 1", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 30 }).filter((w) => w.some((x) => x > 0)), (weights) => {
        const total = weights.reduce((a, b) => a + b, 0);
        const shares = weights.map((w) => new Money(w).dividedBy(total));
        const shown = roundShares(shares);
        const sum = shown.reduce((acc, s) => acc.plus(s), new Money(0));
        expect(sum.toFixed(4)).toBe("1.0000");
        // each shown share is the share cut down or rounded up by at most one unit of 0.0001
        shown.forEach((s, i) => expect(new Money(s).minus(shares[i]).abs().lessThan("0.0001")).toBe(true));
      }),
    );
  });
});
