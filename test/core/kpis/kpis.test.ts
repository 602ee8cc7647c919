import { Money } from "../../../src/core/money/cents";
import { isoFromDay } from "../../../src/core/dates/day";
import { collectionRates, daysToPay, denialRates, denialsByReason, linesInPeriod, reportingPeriod } from "../../../src/core/kpis";
import { AS_OF, day, line, REGISTER } from "../aging/register.fixture";

describe("reportingPeriod and linesInPeriod", () => {
  test("12 months ending with D's month: 2025-11-01 … 2026-10-31", () => {
    const p = reportingPeriod(AS_OF);
    // October 2026 minus 11 months = November 2025
    expect([isoFromDay(p.from), isoFromDay(p.to)]).toEqual(["2025-11-01", "2026-10-31"]);
  });
  test("other lengths and a mid-month D", () => {
    const p3 = reportingPeriod(AS_OF, 3); // Oct − 2 months = Aug
    expect(isoFromDay(p3.from)).toBe("2026-08-01");
    const p = reportingPeriod(day(2026, 2, 15)); // Feb 2026 − 11 months = Mar 2025
    expect([isoFromDay(p.from), isoFromDay(p.to)]).toEqual(["2025-03-01", "2026-02-15"]);
    expect(() => reportingPeriod(AS_OF, 0)).toThrow(RangeError);
  });
  test("lines in the period by DOS, both ends included", () => {
    const lines = [
      line({ row: 1, dateOfService: day(2025, 10, 31), charge: 1 }), // day before the period
      line({ row: 2, dateOfService: day(2025, 11, 1), charge: 1 }), // first day
      line({ row: 3, dateOfService: day(2026, 10, 31), charge: 1 }), // D
      line({ row: 4, dateOfService: day(2026, 11, 1), charge: 1 }), // after D
    ];
    expect(linesInPeriod(lines, reportingPeriod(AS_OF)).map((l) => l.row)).toEqual([2, 3]);
  });
});

describe("collectionRates of the register's period lines", () => {
  const period = linesInPeriod(REGISTER, reportingPeriod(AS_OF)); // rows 2-12 (row 13 is after D)
  const r = collectionRates(period);
  test("sums", () => {
    expect(period).toHaveLength(11);
    expect(r.charges).toBe(200001); // 2 000.01 (see daysInAR's 365-day window)
    // insurance 50 + 40 + 100 + 200 + 250 + 60 + 50 = 750; patient 25 + 20 = 45 → 795.00
    expect(r.payments).toBe(79500);
    expect(r.contractualAdjustments).toBe(20000); // 30 + 50 + 100 + 20
    expect(r.otherAdjustments).toBe(1000); // row 5
  });
  test("rates", () => {
    // gross = 795 ÷ 2 000.01: 2 000.01 × 0.3975 = 795.004 > 795 → 0.39749… → "0.3975"
    expect(r.grossCollectionRate?.equals(new Money(795).dividedBy("2000.01"))).toBe(true);
    expect(r.grossCollectionRate?.toFixed(4)).toBe("0.3975");
    // net = 795 ÷ (2 000.01 − 200) = 795 ÷ 1 800.01: × 0.4416 = 794.88, × 0.4417 = 795.06 → 0.44166… → "0.4417"
    expect(r.netCollectionRate?.equals(new Money(795).dividedBy("1800.01"))).toBe(true);
    expect(r.netCollectionRate?.toFixed(4)).toBe("0.4417");
  });
  test("no charges: blank rates", () => {
    const empty = collectionRates([]);
    expect([empty.grossCollectionRate, empty.netCollectionRate]).toEqual([null, null]);
  });
});

describe("denials", () => {
  const d = (claimId: string, charge: number, status: string | null, denialReason: string | null = null) =>
    line({ claimId, dateOfService: AS_OF, charge, status: status as never, denialReason });
  const lines = [
    d("C1", 10000, "Paid"), //                      C1: two lines, one denied → submitted and denied, 150.00
    d("C1", 5000, "Denied", "CO-97"),
    d("C2", 8000, "Draft"), //                      C2: Draft only → not submitted
    d("C3", 12000, null), //                        C3: no status → submitted, 120.00
    d("C4", 3000, "Denied", " co-97 "), //          C4: denied, 30.00 (same CARC written otherwise)
    d("C5", 20000, "Submitted"), //                 C5: Submitted + Draft line → submitted, 200 + 25 = 225.00
    d("C5", 2500, "Draft"),
    d("C6", 4000, "Denied"), //                     C6: denied, no reason, 40.00
  ];

  test("denial rate by claims and by dollars", () => {
    const r = denialRates(lines);
    expect(r.submittedClaims).toBe(5); // C1, C3, C4, C5, C6
    expect(r.deniedClaims).toBe(3); // C1, C4, C6
    expect(r.denialRate?.toString()).toBe("0.6"); // 3 ÷ 5
    expect(r.submittedCharges).toBe(56500); // 150 + 120 + 30 + 225 + 40 = 565.00
    expect(r.deniedCharges).toBe(22000); // 150 + 30 + 40 = 220.00 (all of C1's lines)
    // 220 ÷ 565 = 44 ÷ 113 = 0.38938… → "0.3894"
    expect(r.denialRateDollars?.equals(new Money(44).dividedBy(113))).toBe(true);
    expect(r.denialRateDollars?.toFixed(4)).toBe("0.3894");
  });

  test("claim lines need not be adjacent", () => {
    const shuffled = [lines[1], lines[2], lines[0], lines[6], lines[3], lines[5], lines[4], lines[7]];
    const r = denialRates(shuffled);
    expect([r.submittedClaims, r.deniedClaims, r.submittedCharges, r.deniedCharges]).toEqual([5, 3, 56500, 22000]);
  });

  test("nothing submitted: blank rates", () => {
    const r = denialRates([d("C9", 100, "Draft")]);
    expect([r.submittedClaims, r.denialRate, r.denialRateDollars]).toEqual([0, null, null]);
  });

  test("denials by reason", () => {
    expect(denialsByReason(lines)).toEqual([
      { reason: "CO-97", claims: 2, lines: 2, charges: 8000 }, // C1 50.00 + C4 30.00
      { reason: "(no reason)", claims: 1, lines: 1, charges: 4000 }, // C6
    ]);
  });
});

describe("daysToPay", () => {
  const p = (payer: string, from: [number, number, number] | null, dos: [number, number, number], paid: [number, number, number] | null, insurancePaid = 1000) =>
    line({ payer, charge: 5000, insurancePaid, dateOfService: day(...dos), submittedDate: from ? day(...from) : null, lastPaymentDate: paid ? day(...paid) : null });
  const lines = [
    p("Medicare", [2026, 1, 10], [2026, 1, 8], [2026, 1, 24]), //  Jan 10 → Jan 24 = 14
    p("Medicare", null, [2026, 1, 5], [2026, 2, 4]), //             no submission date: DOS Jan 5 → Feb 4 = 26 + 4 = 30
    p("medicare ", [2026, 2, 1], [2026, 1, 30], [2026, 2, 21]), //  Feb 1 → Feb 21 = 20 (same payer)
    p("Aetna PPO", [2026, 3, 1], [2026, 2, 27], [2026, 3, 11]), //  10
    p("Aetna PPO", [2026, 3, 1], [2026, 2, 27], [2026, 3, 16]), //  15
    p("Aetna PPO", [2026, 3, 1], [2026, 2, 27], [2026, 3, 27]), //  26
    p("Aetna PPO", [2026, 3, 1], [2026, 2, 27], [2026, 4, 11]), //  Mar 1 → Apr 1 = 31, + 10 = 41
    p("Aetna PPO", [2026, 3, 1], [2026, 2, 27], [2026, 3, 20], 0), // no insurance payment: left out
    p("Aetna PPO", [2026, 3, 1], [2026, 2, 27], null), //           no payment date: left out
    p("Cigna", [2026, 3, 10], [2026, 3, 1], [2026, 3, 5]), //       paid before submission: skipped and counted
  ];

  test("per payer (odd and even counts) and overall", () => {
    const r = daysToPay(lines);
    expect(r.paymentBeforeStart).toBe(1);
    const rows = r.payers.map((x) => [x.payer, x.paidLines, x.averageDays?.toString(), x.medianDays?.toString()]);
    expect(rows).toEqual([
      // Aetna: 10, 15, 26, 41 → mean 92 ÷ 4 = 23; even count: median (15 + 26) ÷ 2 = 20.5
      ["Aetna PPO", 4, "23", "20.5"],
      // Medicare: 14, 20, 30 → mean 64 ÷ 3 = 21.333…; odd count: median 20
      ["Medicare", 3, new Money(64).dividedBy(3).toString(), "20"],
    ]);
    // Overall: 10, 14, 15, 20, 26, 30, 41 → median 20 (4th of 7); mean 156 ÷ 7 = 22.2857…
    expect(r.overall.paidLines).toBe(7);
    expect(r.overall.medianDays?.toString()).toBe("20");
    expect(r.overall.averageDays?.toFixed(4)).toBe("22.2857");
  });

  test("from the date of service", () => {
    const r = daysToPay(lines, { from: "dateOfService" });
    // Medicare from DOS: Jan 8 → Jan 24 = 16, Jan 5 → Feb 4 = 30, Jan 30 → Feb 21 = 22 → median 22
    expect(r.payers.find((x) => x.payer === "Medicare")?.medianDays?.toString()).toBe("22");
    // Cigna: Mar 1 → Mar 5 = 4 is counted now
    expect(r.paymentBeforeStart).toBe(0);
  });

  test("no paid lines: blank figures", () => {
    expect(daysToPay([]).overall).toEqual({ payer: "All payers", paidLines: 0, averageDays: null, medianDays: null });
  });
});
