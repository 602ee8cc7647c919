import fc from "fast-check";
import Decimal from "decimal.js";
import { dayFromYMD } from "../../../src/core/dates";
import { Money } from "../../../src/core/money";
import {
  actualAllowed, checkFees, expectedAllowed, findFeeRate, indexFeeSchedule, isAdjudicated, medicareRatesFromRvus,
  medicareRatesFromSchedule, readFeeScheduleRows, type FeeCheckLine, type FeeScheduleRow,
} from "../../../src/core/feeSchedule";

const { rows: SCHEDULE, issues } = readFeeScheduleRows([
  { row: 2, cells: { payer: "Aetna PPO", cpt: "99213", amount: "100.00" } },
  { row: 3, cells: { payer: "Aetna PPO", cpt: "99213", modifier: "25", amount: "105.00" } },
  { row: 4, cells: { payer: "Aetna PPO", cpt: "27447", amount: "1,500.00" } },
  { row: 5, cells: { payer: "Aetna PPO", cpt: "27447", modifier: "80", amount: "300.00" } },
  { row: 6, cells: { payer: "Blue Cross", cpt: "99213", percentOfMedicare: "125%" } },
  { row: 7, cells: { payer: "Cigna", cpt: "99213", percentOfMedicare: 1.5 } },
  { row: 8, cells: { payer: "Medicare", cpt: "99213", amount: "87.51" } },
]);
const INDEX = indexFeeSchedule(SCHEDULE);
const FROM_SCHEDULE = medicareRatesFromSchedule(SCHEDULE);
const FROM_RVUS = medicareRatesFromRvus(
  [{ cpt: "99213", work: "1.30", nonFacilityPE: "1.22", facilityPE: "0.55", malpractice: "0.10" }],
  { work: "1.042", practiceExpense: "1.155", malpractice: "0.987" },
  "33.4009",
);

const line = (over: Partial<FeeCheckLine>): FeeCheckLine => ({
  row: 10, claimId: "C1", payer: "Aetna PPO", cpt: "99213", modifiers: [], units: 1, placeOfService: "11",
  charge: 15000, insurancePaid: 8000, contractualAdjustment: 5000, allowed: null, status: "Paid", provider: "Dr. Lee",
  dateOfService: dayFromYMD(2026, 3, 2) as number, ...over,
});

it("schedule reads without issues", () => expect(issues).toEqual([]));

describe("findFeeRate", () => {
  it("matches payer trimmed and case-insensitively, CPT in upper case", () => {
    expect(findFeeRate(INDEX, line({ payer: "  AETNA ppo " }))?.row).toBe(2);
    expect(findFeeRate(INDEX, line({ payer: "Humana" }))).toBeNull();
    expect(findFeeRate(INDEX, line({ cpt: null }))).toBeNull();
  });
  it("prefers a row for one of the line's modifiers over the row without modifier", () => {
    expect(findFeeRate(INDEX, line({ modifiers: ["59", "25"] }))?.row).toBe(3);
    expect(findFeeRate(INDEX, line({ modifiers: ["59"] }))?.row).toBe(2);
  });
});

describe("expectedAllowed", () => {
  const cents = (l: Partial<FeeCheckLine>, rates = FROM_SCHEDULE) => expectedAllowed(line(l), INDEX, rates)?.expected;

  it("fixed rate × units", () => {
    expect(cents({})).toBe(10000); // $100.00 × 1
    expect(cents({ units: 3 })).toBe(30000); // $100.00 × 3 = $300.00
  });
  it("a modifier-specific row wins with factor 1", () => {
    const e = expectedAllowed(line({ modifiers: ["25"] }), INDEX);
    expect(e?.expected).toBe(10500); // $105.00 × 1 × 1
    expect(e?.factor.toString()).toBe("1");
    expect(e?.scheduleRow).toBe(3);
    // 27447-80 has its own row $300.00: not 16 % of $1,500.00
    expect(cents({ cpt: "27447", modifiers: ["80"] })).toBe(30000);
  });
  it("applies the modifier factors without a specific row", () => {
    expect(cents({ cpt: "27447", modifiers: ["50"] })).toBe(225000); // 1500.00 × 1.5 = 2250.00
    expect(cents({ cpt: "27447", modifiers: ["51"] })).toBe(75000); // 1500.00 × 0.5 = 750.00
    expect(cents({ cpt: "27447", modifiers: ["82"] })).toBe(24000); // 1500.00 × 0.16 = 240.00
    expect(cents({ cpt: "27447", modifiers: ["AS"] })).toBe(20400); // 1500.00 × 0.136 = 204.00
    expect(cents({ cpt: "27447", modifiers: ["RT"] })).toBe(150000); // no factor: 1500.00
    // several: 1500.00 × 1.5 × 0.5 = 1125.00
    const both = expectedAllowed(line({ cpt: "27447", modifiers: ["50", "51"], units: 1 }), INDEX);
    expect(both?.expected).toBe(112500);
    expect(both?.factor.toString()).toBe("0.75");
    expect(both?.rule).toBe("fixed $1500.00 × 1 unit × 150 % (modifier 50) × 50 % (modifier 51)");
    // 99213 × 3 units, AS: 100.00 × 3 × 0.136 = 40.80
    expect(cents({ modifiers: ["AS"], units: 3 })).toBe(4080);
  });
  it("percent of Medicare from the schedule's Medicare rows, rounded once half up", () => {
    expect(cents({ payer: "Blue Cross" })).toBe(10939); // 1.25 × 87.51 = 109.3875 → 109.39
    // 3 units: 1.25 × 87.51 × 3 = 328.1625 → 328.16 (not 3 × 109.39 = 328.17)
    expect(cents({ payer: "Blue Cross", units: 3 })).toBe(32816);
    expect(cents({ payer: "Cigna" })).toBe(13127); // 1.5 × 87.51 = 131.265 → half up 131.27
  });
  it("percent of Medicare from RVUs, facility vs non-facility by POS", () => {
    // POS 11: 1.25 × 95.60673616 = 119.5084202 → 119.51
    expect(cents({ payer: "Blue Cross", placeOfService: "11" }, FROM_RVUS)).toBe(11951);
    // POS 22: 1.25 × 69.759449695 = 87.19931211875 → 87.20
    expect(cents({ payer: "Blue Cross", placeOfService: "22" }, FROM_RVUS)).toBe(8720);
  });
  it("is null without a rate or without a Medicare amount for a percent row", () => {
    expect(expectedAllowed(line({ payer: "Humana" }), INDEX, FROM_SCHEDULE)).toBeNull();
    expect(expectedAllowed(line({ payer: "Blue Cross" }), INDEX)).toBeNull();
    expect(expectedAllowed(line({ payer: "Blue Cross", cpt: "99213" }), INDEX, () => null)).toBeNull();
  });
});

describe("actualAllowed and isAdjudicated", () => {
  it("takes the allowed column, else charge − contractual adjustment", () => {
    expect(actualAllowed({ allowed: 9500, charge: 15000, contractualAdjustment: 5000 })).toBe(9500);
    expect(actualAllowed({ allowed: null, charge: 15000, contractualAdjustment: 5000 })).toBe(10000); // 150.00 − 50.00
  });
  it("adjudicated on payment, contractual adjustment, or Paid / Partially paid; never Denied", () => {
    expect(isAdjudicated({ insurancePaid: 1, contractualAdjustment: 0, status: null })).toBe(true);
    expect(isAdjudicated({ insurancePaid: 0, contractualAdjustment: 1, status: "Submitted" })).toBe(true);
    expect(isAdjudicated({ insurancePaid: 0, contractualAdjustment: 0, status: "Partially paid" })).toBe(true);
    expect(isAdjudicated({ insurancePaid: 0, contractualAdjustment: 0, status: "Submitted" })).toBe(false);
    expect(isAdjudicated({ insurancePaid: 0, contractualAdjustment: 15000, status: "Denied" })).toBe(false);
  });
});

describe("checkFees", () => {
  const LINES: FeeCheckLine[] = [
    line({ row: 10, allowed: 9500 }), // expected 100.00, actual 95.00: −5.00 underpaid
    line({ row: 11, claimId: "C2" }), // actual 150.00 − 50.00 = 100.00: variance 0
    line({ row: 12, claimId: "C3", cpt: "27447", modifiers: ["51"], allowed: 70000 }), // 700.00 − 750.00 = −50.00
    line({ row: 13, claimId: "C4", status: "Denied", insurancePaid: 0, contractualAdjustment: 0 }), // denied
    line({ row: 14, claimId: "C5", status: "Submitted", insurancePaid: 0, contractualAdjustment: 0 }), // not adjudicated
    line({ row: 15, claimId: "C6", payer: "Humana" }), // no rate: unmatched
    line({ row: 16, claimId: "C7", payer: "Cigna", allowed: 13130 }), // 131.30 − 131.27 = +0.03 overpaid
    line({ row: 17, claimId: "C8", payer: " aetna ppo ", allowed: 9999 }), // 99.99 − 100.00 = −0.01
  ];

  it("counts, lists and totals discrepancies with tolerance 0", () => {
    const r = checkFees(LINES, SCHEDULE);
    expect(r.checkedLines).toBe(5); // rows 10, 11, 12, 16, 17
    expect(r.unmatchedLines).toBe(1);
    expect(r.unmatchedRows).toEqual([15]);
    expect(r.notAdjudicatedLines).toBe(1);
    expect(r.deniedLines).toBe(1);
    expect(r.discrepancies.map((d) => [d.row, d.kind, d.expected, d.actual, d.variance])).toEqual([
      [12, "underpaid", 75000, 70000, -5000],
      [10, "underpaid", 10000, 9500, -500],
      [17, "underpaid", 10000, 9999, -1],
      [16, "overpaid", 13127, 13130, 3],
    ]);
    expect(r.underpaidTotal).toBe(5501); // 50.00 + 5.00 + 0.01 = 55.01
    expect(r.overpaidTotal).toBe(3);
    // rows 10, 12 and 17 are one payer, shown as first written
    expect(r.underpaidByPayer).toEqual([{ payer: "Aetna PPO", lines: 3, amount: 5501 }]);
    expect(r.discrepancies[0]).toMatchObject({ claimId: "C3", cpt: "27447", provider: "Dr. Lee", scheduleRow: 4 });
  });

  it("ignores variances within the tolerance", () => {
    const r = checkFees(LINES, INDEX, { tolerance: 1 });
    // row 17's −0.01 is not < −0.01; row 16's +0.03 > 0.01
    expect(r.discrepancies.map((d) => d.row)).toEqual([12, 10, 16]);
    expect(r.underpaidTotal).toBe(5500); // 50.00 + 5.00
    const wide = checkFees(LINES, INDEX, { tolerance: 500 });
    // only row 12's −50.00 is beyond ±5.00 (row 10's −5.00 is not < −5.00)
    expect(wide.discrepancies.map((d) => d.row)).toEqual([12]);
  });

  it("prices percent rows with the Medicare rates given", () => {
    const r = checkFees([line({ row: 20, payer: "Blue Cross", placeOfService: "22", allowed: 8700 })], SCHEDULE, { medicareRates: FROM_RVUS });
    // expected 87.20 (above), actual 87.00: −0.20
    expect(r.discrepancies.map((d) => d.variance)).toEqual([-20]);
    expect(r.underpaidByPayer).toEqual([{ payer: "Blue Cross", lines: 1, amount: 20 }]);
  });

  it("sorts payers by amount to recover", () => {
    const r = checkFees([
      line({ row: 1, payer: "Cigna", allowed: 10000 }), // 100.00 − 131.27 = −31.27
      line({ row: 2, allowed: 9000 }), // −10.00
      line({ row: 3, payer: "cigna", allowed: 13000 }), // 130.00 − 131.27 = −1.27
    ], SCHEDULE);
    expect(r.underpaidByPayer).toEqual([
      { payer: "Cigna", lines: 2, amount: 3254 }, // 31.27 + 1.27 = 32.54
      { payer: "Aetna PPO", lines: 1, amount: 1000 },
    ]);
  });
});

describe("properties", () => {
  const fixedRow = (amount: number, percent: Decimal | null): FeeScheduleRow[] => [
    percent === null
      ? { row: 2, payer: "P", cpt: "11111", modifier: null, kind: "fixed", amount, percent: null }
      : { row: 2, payer: "P", cpt: "11111", modifier: null, kind: "percentOfMedicare", amount: null, percent },
    { row: 3, payer: "Medicare", cpt: "11111", modifier: null, kind: "fixed", amount, percent: null },
  ];
  const modifiers = fc.subarray(["50", "51", "80", "AS", "25"]);

  it("expected for n units = round(n × unrounded expected for 1 unit), computed exactly", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.option(fc.integer({ min: 1, max: 5000 }).map((p) => new Money(p).dividedBy(1000))),
        fc.integer({ min: 1, max: 99 }),
        modifiers,
        (amount, percent, n, mods) => {
          const rows = fixedRow(amount, percent);
          const index = indexFeeSchedule(rows);
          const rates = medicareRatesFromSchedule(rows);
          const one = expectedAllowed({ payer: "P", cpt: "11111", modifiers: mods, units: 1, placeOfService: null }, index, rates);
          const many = expectedAllowed({ payer: "P", cpt: "11111", modifiers: mods, units: n, placeOfService: null }, index, rates);
          if (one === null || many === null) return false;
          const unroundedOne = one.rate.times(one.factor); // dollars for 1 unit, exact
          const expected = unroundedOne.times(n).times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
          return many.expected === expected;
        },
      ),
      { numRuns: 300 },
    );
  });

  it("underpaidTotal = Σ −variance over underpaid lines; each line in exactly one group", () => {
    const lineArb = fc.record({
      payer: fc.constantFrom("P", "p ", "Q"),
      cpt: fc.constantFrom("11111", "22222", null),
      modifiers,
      units: fc.integer({ min: 1, max: 5 }),
      allowed: fc.option(fc.integer({ min: 0, max: 200_000 })),
      insurancePaid: fc.constantFrom(0, 1000),
      status: fc.constantFrom("Paid", "Denied", "Submitted", null),
    });
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 40 }), fc.integer({ min: 0, max: 500 }), (specs, tolerance) => {
        const lines = specs.map((s, i) => line({ ...s, row: i + 2, contractualAdjustment: 0, status: s.status as FeeCheckLine["status"] }));
        const r = checkFees(lines, fixedRow(12345, null), { tolerance });
        const under = r.discrepancies.filter((d) => d.kind === "underpaid");
        const sumUnder = under.reduce((t, d) => t + -d.variance, 0);
        const sumOver = r.discrepancies.filter((d) => d.kind === "overpaid").reduce((t, d) => t + d.variance, 0);
        const byPayer = r.underpaidByPayer.reduce((t, p) => t + p.amount, 0);
        return r.underpaidTotal === sumUnder && r.overpaidTotal === sumOver && byPayer === sumUnder &&
          under.every((d) => d.variance < -tolerance) &&
          r.checkedLines + r.unmatchedLines + r.notAdjudicatedLines + r.deniedLines === lines.length;
      }),
      { numRuns: 300 },
    );
  });
});
