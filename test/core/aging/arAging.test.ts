import fc from "fast-check";
import { Money } from "../../../src/core/money/cents";
import {
  agingBucketsFromBounds, arAging, arAgingByPayer, bucketIndexForAge, DEFAULT_AGING_BUCKETS, lineAge, validateAgingBuckets,
} from "../../../src/core/aging";
import { AS_OF, day, line, REGISTER } from "./register.fixture";

describe("aging buckets", () => {
  test("the default buckets are the MGMA ones", () => {
    expect(DEFAULT_AGING_BUCKETS.map((b) => [b.label, b.from, b.to])).toEqual([
      ["0-30", 0, 30], ["31-60", 31, 60], ["61-90", 61, 90], ["91-120", 91, 120], ["121+", 121, null],
    ]);
  });

  test("bounds [30, 60, 90, 120] give the default buckets", () => {
    expect(agingBucketsFromBounds([30, 60, 90, 120])).toEqual(DEFAULT_AGING_BUCKETS.map((b) => ({ ...b })));
  });

  test("bounds [45] give 0-45 and 46+", () => {
    expect(agingBucketsFromBounds([45])).toEqual([{ label: "0-45", from: 0, to: 45 }, { label: "46+", from: 46, to: null }]);
  });

  test("invalid bounds throw a RangeError", () => {
    expect(() => agingBucketsFromBounds([])).toThrow(RangeError);
    expect(() => agingBucketsFromBounds([30, 30])).toThrow(RangeError); // not increasing
    expect(() => agingBucketsFromBounds([60, 30])).toThrow(RangeError);
    expect(() => agingBucketsFromBounds([0, 30])).toThrow(RangeError); // not positive
    expect(() => agingBucketsFromBounds([30.5])).toThrow(RangeError); // not whole
    expect(() => agingBucketsFromBounds([Number.NaN])).toThrow(RangeError);
  });

  test("hand-made buckets with a gap or without an open end are refused", () => {
    expect(() => validateAgingBuckets([{ label: "0-30", from: 0, to: 30 }, { label: "32+", from: 32, to: null }])).toThrow(RangeError);
    expect(() => validateAgingBuckets([{ label: "0-30", from: 0, to: 30 }])).toThrow(RangeError);
    expect(() => arAging([], AS_OF, { buckets: [{ label: "1+", from: 1, to: null }] })).toThrow(RangeError);
  });

  test("bucketIndexForAge at every edge", () => {
    const b = DEFAULT_AGING_BUCKETS;
    // 0, 30 → 0-30; 31, 60 → 31-60; 61, 90 → 61-90; 91, 120 → 91-120; 121 → 121+
    expect([0, 30, 31, 60, 61, 90, 91, 120, 121, 5000].map((a) => bucketIndexForAge(a, b))).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
    expect(bucketIndexForAge(-3, b)).toBe(0); // a basis date after D sits in the first bucket
  });
});

describe("lineAge", () => {
  const l = { dateOfService: day(2026, 7, 2), submittedDate: day(2026, 7, 12), lastPaymentDate: null };
  test("by date of service, submission date and last payment date (falling back to DOS)", () => {
    expect(lineAge(l, AS_OF)).toBe(121); // Oct 31 − Jul 2 = 121 (fixture)
    expect(lineAge(l, AS_OF, "submittedDate")).toBe(111); // Jul 12 is 10 days later: 121 − 10
    expect(lineAge(l, AS_OF, "lastPaymentDate")).toBe(121); // blank → DOS
  });
});

describe("arAging of the hand-worked register (D = 2026-10-31)", () => {
  const aging = arAging(REGISTER, AS_OF);

  test("A/R total, credit balances, lines aged and after D", () => {
    // 100.01 + 120 + 125 + 30 + 150 + 90 + 200 + 40 + 150 − 10 + 0 = 995.01 (row 13 is after D)
    expect(aging.total).toBe(99501);
    expect(aging.creditBalances).toBe(-1000); // row 11: 50.00 − 60.00
    expect(aging.linesAged).toBe(11); // rows 2-12
    expect(aging.linesAfterAsOf).toBe(1); // row 13, DOS 2026-11-05
  });

  test("bucket amounts and line counts", () => {
    expect(aging.buckets.map((b) => [b.label, b.amount, b.lines])).toEqual([
      ["0-30", 22001, 2], //   ages 0, 30, 10: 100.01 + 120.00 + 0.00 = 220.01; the zero line is not counted
      ["31-60", 14500, 3], //  ages 31, 60, 45: 125.00 + 30.00 − 10.00 = 145.00
      ["61-90", 24000, 2], //  ages 61, 90: 150.00 + 90.00 = 240.00
      ["91-120", 24000, 2], // ages 91, 120: 200.00 + 40.00 = 240.00
      ["121+", 15000, 1], //   age 121: 150.00
    ]);
    // 220.01 + 145 + 240 + 240 + 150 = 995.01 = total
  });

  test("over 90 and over 120", () => {
    expect(aging.over90).toBe(39000); // 240.00 + 150.00
    expect(aging.over120).toBe(15000); // 150.00
    // 390 ÷ 995.01: 995.01 × 0.39195 = 389.999… < 390 < 995.01 × 0.392 = 390.04 → 0.39196… → "0.3920"
    expect(aging.over90Share?.equals(new Money(390).dividedBy("995.01"))).toBe(true);
    expect(aging.over90Share?.toFixed(4)).toBe("0.3920");
    // 150 ÷ 995.01: 995.01 × 0.15075 = 149.9977 < 150 < 995.01 × 0.15076 = 150.0077 → "0.1508"
    expect(aging.over120Share?.toFixed(4)).toBe("0.1508");
  });

  test("custom buckets [30, 60, 90] keep over 120 right", () => {
    const custom = arAging(REGISTER, AS_OF, { buckets: agingBucketsFromBounds([30, 60, 90]) });
    // 91+ = ages 91, 120, 121: 200 + 40 + 150 = 390.00
    expect(custom.buckets.map((b) => b.amount)).toEqual([22001, 14500, 24000, 39000]);
    expect(custom.over120).toBe(15000); // still only age 121
  });

  test("submission-date basis, falling back to DOS", () => {
    // Row 10 (age 121 by DOS, 150.00) submitted 2026-10-01 → age 30; the others have no submission date.
    const lines = REGISTER.map((l) => (l.row === 10 ? { ...l, submittedDate: day(2026, 10, 1) } : l));
    const bySubmission = arAging(lines, AS_OF, { basis: "submittedDate" });
    expect(bySubmission.buckets.map((b) => b.amount)).toEqual([37001, 14500, 24000, 24000, 0]); // 220.01 + 150 = 370.01
    expect(bySubmission.over120).toBe(0);
    expect(bySubmission.total).toBe(99501);
  });

  test("no lines: zero totals and blank shares", () => {
    const empty = arAging([], AS_OF);
    expect(empty.total).toBe(0);
    expect(empty.over90Share).toBeNull();
  });

  test("an unknown basis is refused", () => {
    expect(() => arAging([], AS_OF, { basis: "billed" as never })).toThrow(RangeError);
  });
});

describe("arAgingByPayer", () => {
  const byPayer = arAgingByPayer(REGISTER, AS_OF);
  test("rows per payer, names merged trimmed and case-insensitively, largest first", () => {
    expect(byPayer.payers.map((p) => [p.payer, p.amounts, p.total, p.creditBalances])).toEqual([
      // Medicare: 0-30 100.01 + 0 (rows 2, 12); 31-60 125 − 10 (rows 4, 11); 61-90 150 (row 6); 91-120 200 (row 8)
      ["Medicare", [10001, 11500, 15000, 20000, 0], 56501, -1000], // 100.01 + 115 + 150 + 200 = 565.01
      // Aetna PPO (rows 3, 5, 10; " aetna ppo " merged): 120 | 30 | 0 | 0 | 150
      ["Aetna PPO", [12000, 3000, 0, 0, 15000], 30000, 0],
      // Self-pay rows 7 (90, age 90) and 9 (40, age 120)
      ["Self-pay", [0, 0, 9000, 4000, 0], 13000, 0],
    ]);
  });
  test("grand row equals arAging", () => {
    expect(byPayer.grand).toEqual({ payer: "Total", amounts: [22001, 14500, 24000, 24000, 15000], total: 99501, creditBalances: -1000 });
    expect(byPayer.linesAfterAsOf).toBe(1);
  });
});

describe("properties", () => {
  const lineArb = fc.record({
    age: fc.integer({ min: -30, max: 800 }),
    charge: fc.integer({ min: 0, max: 10_000_000 }),
    insurancePaid: fc.integer({ min: 0, max: 10_000_000 }),
    patientPaid: fc.integer({ min: 0, max: 1_000_000 }),
    contractualAdjustment: fc.integer({ min: -100_000, max: 5_000_000 }),
    otherAdjustment: fc.integer({ min: -100_000, max: 1_000_000 }),
    submittedAfter: fc.option(fc.integer({ min: 0, max: 60 })),
  });
  const boundsArb = fc.uniqueArray(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 8 }).map((a) => a.sort((x, y) => x - y));

  test("bucket amounts add up to the A/R total to the cent, for any lines and bounds and basis", () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 60 }), boundsArb, fc.constantFrom("dateOfService", "submittedDate", "lastPaymentDate" as const), (raw, bounds, basis) => {
        const lines = raw.map((r) => line({
          dateOfService: AS_OF - r.age, charge: r.charge, insurancePaid: r.insurancePaid, patientPaid: r.patientPaid,
          contractualAdjustment: r.contractualAdjustment, otherAdjustment: r.otherAdjustment,
          submittedDate: r.submittedAfter === null ? null : AS_OF - r.age + r.submittedAfter,
        }));
        const aging = arAging(lines, AS_OF, { basis, buckets: agingBucketsFromBounds(bounds) });
        let sum = 0;
        for (const b of aging.buckets) sum += b.amount;
        let expected = 0;
        for (const l of lines) if (l.dateOfService <= AS_OF) expected += l.charge - l.insurancePaid - l.patientPaid - l.contractualAdjustment - l.otherAdjustment;
        expect(sum).toBe(aging.total);
        expect(aging.total).toBe(expected);
        expect(aging.linesAged + aging.linesAfterAsOf).toBe(lines.length);
      }),
    );
  });
});
