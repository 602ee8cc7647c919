/**
 * The month-by-month table and the change against last month, worked out by hand from
 * definitions.md ("Collection rates": net = payments ÷ (charges − contractual adjustments);
 * "Denials": denied claims ÷ submitted claims, a Draft-only claim is not submitted; "As-of date and
 * period": the 12 calendar months ending with the as-of month) on a small register, through both
 * the line-by-line functions and the column functions the report uses.
 */
import type Decimal from "decimal.js";
import type { ClaimLine, ClaimStatus } from "../../src/core/claims/claimLine";
import { dayFromYMD, type Day } from "../../src/core/dates/day";
import { reportingPeriod } from "../../src/core/kpis";
import { claimColumns, periodsFromColumns } from "../../src/core/claimColumns";
import { monthlyTrend, previousPeriodFigures, type MonthFigures } from "../../src/core/report/monthlyTrend";

const day = (y: number, m: number, d: number): Day => dayFromYMD(y, m, d) as Day;
const AS_OF = day(2026, 10, 31);
const PERIOD = reportingPeriod(AS_OF);

function line(row: number, claimId: string, dos: [number, number, number], charge: number, insurancePaid: number, patientPaid: number, contractualAdjustment: number, status: ClaimStatus): ClaimLine {
  return {
    row, claimId, dateOfService: day(...dos), payer: "Medicare", charge, insurancePaid, patientPaid, contractualAdjustment,
    otherAdjustment: 0, allowed: null, cpt: "99213", modifiers: [], units: 1, placeOfService: null, provider: null, payerClass: null,
    status, denialReason: null, submittedDate: null, lastPaymentDate: null,
  };
}

// Cents. C1 has a paid line and a denied line in October; C2 is a Draft in October; C3 was
// submitted in September; C4 is in October 2025 (before the period, inside the previous one);
// C5 is after the as-of date (in neither).
const LINES: ClaimLine[] = [
  line(2, "C1", [2026, 10, 5], 10_000, 6_000, 1_000, 2_000, "Paid"),
  line(3, "C1", [2026, 10, 5], 5_000, 0, 0, 0, "Denied"),
  line(4, "C2", [2026, 10, 20], 20_000, 0, 0, 0, "Draft"),
  line(5, "C3", [2026, 9, 15], 8_000, 4_000, 0, 3_000, "Submitted"),
  line(6, "C4", [2025, 10, 10], 12_000, 10_000, 0, 2_000, "Paid"),
  line(7, "C5", [2026, 11, 2], 99_900, 0, 0, 0, "Submitted"),
];

/** Rates compared to 12 decimal places (the code keeps 40 significant digits). */
const text = (d: Decimal | null): string | null => (d === null ? null : d.toFixed(12));
const shown = (rows: MonthFigures[]): unknown[] =>
  rows.map((m) => ({ ...m, netCollectionRate: text(m.netCollectionRate), denialRate: text(m.denialRate) }));

describe("month by month (by date of service)", () => {
  const expected = [
    // November 2025 … August 2026: no services.
    ...[11, 12, 1, 2, 3, 4, 5, 6, 7, 8].map((m) => ({
      month: day(m >= 11 ? 2025 : 2026, m, 1), charges: 0, payments: 0, visits: 0, netCollectionRate: null, denialRate: null,
    })),
    // September: 80.00 charged, 40.00 paid, 30.00 contractual: 40 ÷ (80 − 30) = 0.8; C3 submitted, not denied.
    { month: day(2026, 9, 1), charges: 8_000, payments: 4_000, visits: 1, netCollectionRate: "0.800000000000", denialRate: "0.000000000000" },
    // October: 100 + 50 + 200 = 350.00 charged, 60 + 10 = 70.00 paid, 20.00 contractual: 70 ÷ 330;
    // visits C1 and C2; submitted: C1 only (C2 is a Draft), denied: C1, so 1 ÷ 1.
    { month: day(2026, 10, 1), charges: 35_000, payments: 7_000, visits: 2, netCollectionRate: "0.212121212121", denialRate: "1.000000000000" },
  ];

  test("the line-by-line reference", () => {
    expect(shown(monthlyTrend(LINES, PERIOD))).toEqual(expected);
  });

  test("over columns, as the report computes it", () => {
    expect(shown(periodsFromColumns(claimColumns(LINES, AS_OF, PERIOD)).monthly)).toEqual(expected);
  });
});

describe("the previous period (October 2025 to September 2026, for the change vs last month)", () => {
  // C3 and C4: 80 + 120 = 200.00 charged, 40 + 100 = 140.00 paid, 30 + 20 = 50.00 contractual;
  // gross 140 ÷ 200 = 0.7, net 140 ÷ 150; both claims submitted, none denied.
  const expected = {
    asOf: day(2026, 9, 30),
    collections: {
      charges: 20_000, payments: 14_000, contractualAdjustments: 5_000, otherAdjustments: 0,
      grossCollectionRate: "0.700000000000", netCollectionRate: "0.933333333333",
    },
    denials: { submittedClaims: 2, deniedClaims: 0, denialRate: "0.000000000000", submittedCharges: 20_000, deniedCharges: 0, denialRateDollars: "0.000000000000" },
  };
  const plain = (p: ReturnType<typeof previousPeriodFigures>): unknown => ({
    asOf: p.asOf,
    collections: { ...p.collections, grossCollectionRate: text(p.collections.grossCollectionRate), netCollectionRate: text(p.collections.netCollectionRate) },
    denials: { ...p.denials, denialRate: text(p.denials.denialRate), denialRateDollars: text(p.denials.denialRateDollars) },
  });

  test("the line-by-line reference", () => {
    expect(plain(previousPeriodFigures(LINES, AS_OF))).toEqual(expected);
  });

  test("over columns, as the report computes it", () => {
    expect(plain(periodsFromColumns(claimColumns(LINES, AS_OF, PERIOD)).previous)).toEqual(expected);
  });
});
