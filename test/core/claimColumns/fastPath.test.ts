/**
 * The report's fast path (src/core/claimColumns: the lines read once into columns) against the
 * simple reference implementations it replaces in reportFigures (arAging, payerMix, checkFees …
 * over the line objects, each tested by hand against definitions.md in its own test file).
 * Property tests over random registers: claims listed together or scattered, claim numbers in
 * order or not, payer and provider spellings that differ only in case and spaces, blank statuses
 * and dates, credit balances, lines before the period and after the as-of date.
 */
import fc from "fast-check";
import { arAging, arAgingByPayer, daysInAR } from "../../../src/core/aging";
import type { ClaimLine } from "../../../src/core/claims/claimLine";
import { checkFees } from "../../../src/core/feeSchedule/checkFees";
import { collectionRates, daysToPay, denialRates, denialsByReason, linesInPeriod, reportingPeriod } from "../../../src/core/kpis";
import { providerProductivity } from "../../../src/core/kpis/providerProductivity";
import { payerMix } from "../../../src/core/payerMix";
import {
  agedFromColumns, claimColumns, denialReasonsFromColumns, ClaimGroups, daysToPayFromColumns, feeCheckFromColumns, payersAndProvidersFromColumns,
  periodsFromColumns,
} from "../../../src/core/claimColumns";
import { monthlyTrend, previousPeriodFigures } from "../../../src/core/report/monthlyTrend";
import { reportFigures } from "../../../src/core/report/reportFigures";
import { claimsListedTogether } from "../../../src/core/claimColumns/claimsListedTogether";
import { monthSpan } from "../../../src/core/claimColumns/monthSpan";
import { tallyMonths } from "../../../src/core/claimColumns/monthTally";
import { tallyMonthsClaimsTogether } from "../../../src/core/claimColumns/monthTallyClaimsTogether";

import { plain, SCHEDULE } from "./figureTestData";
import { AS_OF, registerArb } from "./registerArb";

const PERIOD = reportingPeriod(AS_OF);

const RUNS = { numRuns: 300 };

describe("report figures from columns equal the reference implementations", () => {
  test("A/R, aging, aging by payer and days in A/R (every line)", () => {
    fc.assert(fc.property(registerArb, (lines) => {
      const cols = claimColumns(lines, AS_OF, PERIOD);
      const aged = agedFromColumns(cols);
      expect(plain(aged.aging)).toEqual(plain(arAging(lines, AS_OF)));
      expect(plain(aged.agingByPayer)).toEqual(plain(arAgingByPayer(lines, AS_OF)));
      expect(plain(aged.daysInAR)).toEqual(plain(daysInAR(lines, AS_OF)));
    }), RUNS);
  });

  test("collections, denials, payer mix, days to pay, providers, denial reasons (period lines)", () => {
    fc.assert(fc.property(registerArb, (lines) => {
      const cols = claimColumns(lines, AS_OF, PERIOD);
      const period = linesInPeriod(lines, PERIOD);
      expect(Array.from(cols.periodIndexes, (i) => lines[i])).toEqual(period);
      const periods = periodsFromColumns(cols);
      expect(plain(periods.collections)).toEqual(plain(collectionRates(period)));
      expect(plain(periods.denials)).toEqual(plain(denialRates(period)));
      const payersAndProviders = payersAndProvidersFromColumns(cols);
      expect(plain(payersAndProviders.payerMix)).toEqual(plain(payerMix(period)));
      expect(plain(daysToPayFromColumns(cols))).toEqual(plain(daysToPay(period)));
      expect(plain(payersAndProviders.providers)).toEqual(plain(providerProductivity(period)));
      expect(plain(denialReasonsFromColumns(cols))).toEqual(plain(denialsByReason(period)));
    }), RUNS);
  });

  test("a register of the period only (the period lines one run, read without the index list)", () => {
    fc.assert(fc.property(registerArb, (raw) => {
      const lines = raw.map((l) => ({ ...l, dateOfService: PERIOD.from + ((l.dateOfService - PERIOD.from + 1000) % (PERIOD.to - PERIOD.from + 1)) }));
      const cols = claimColumns(lines, AS_OF, PERIOD);
      expect(cols.periodIndexes).toHaveLength(lines.length);
      const payersAndProviders = payersAndProvidersFromColumns(cols);
      expect(plain(payersAndProviders.payerMix)).toEqual(plain(payerMix(lines)));
      expect(plain(payersAndProviders.providers)).toEqual(plain(providerProductivity(lines)));
      expect(plain(daysToPayFromColumns(cols))).toEqual(plain(daysToPay(lines)));
    }), RUNS);
  });

  test("month by month and the previous period (the tiles' change vs last month)", () => {
    fc.assert(fc.property(registerArb, (lines) => {
      const cols = claimColumns(lines, AS_OF, PERIOD);
      const periods = periodsFromColumns(cols);
      expect(plain(periods.monthly)).toEqual(plain(monthlyTrend(lines, PERIOD)));
      expect(plain(periods.previous)).toEqual(plain(previousPeriodFigures(lines, AS_OF)));
    }), RUNS);
  });

  test("month by month over a period longer than one pass of claim masks (40 months)", () => {
    const long = reportingPeriod(AS_OF, 40);
    // Dates of service spread over about 44 months, so claims have lines in months far apart.
    fc.assert(fc.property(registerArb, (raw) => {
      const lines = raw.map((l) => ({ ...l, dateOfService: AS_OF - (AS_OF - l.dateOfService) * 3 }));
      const cols = claimColumns(lines, AS_OF, long);
      const periods = periodsFromColumns(cols);
      expect(periods.monthly).toHaveLength(40);
      expect(plain(periods.monthly)).toEqual(plain(monthlyTrend(lines, long)));
      expect(plain(periods.collections)).toEqual(plain(collectionRates(linesInPeriod(lines, long))));
      expect(plain(periods.denials)).toEqual(plain(denialRates(linesInPeriod(lines, long))));
      expect(plain(periods.previous)).toEqual(plain(previousPeriodFigures(lines, AS_OF)));
    }), { numRuns: 150 });
  });

  test("period figures when the previous period starts before the reporting period (1 and 13 months) or inside it", () => {
    fc.assert(fc.property(registerArb, fc.constantFrom(1, 2, 13, 14), (lines, months) => {
      const period = reportingPeriod(AS_OF, months);
      const periods = periodsFromColumns(claimColumns(lines, AS_OF, period));
      const periodLines = linesInPeriod(lines, period);
      expect(plain(periods.collections)).toEqual(plain(collectionRates(periodLines)));
      expect(plain(periods.denials)).toEqual(plain(denialRates(periodLines)));
      expect(plain(periods.monthly)).toEqual(plain(monthlyTrend(lines, period)));
      expect(plain(periods.previous)).toEqual(plain(previousPeriodFigures(lines, AS_OF)));
    }), { numRuns: 150 });
  });

  test("month tally: claims listed together (locals) and in any order (arrays per claim) give the same tally", () => {
    fc.assert(fc.property(registerArb, fc.constantFrom(1, 12, 13, 14), (lines, months) => {
      const cols = claimColumns(lines, AS_OF, reportingPeriod(AS_OF, months));
      // Each line is of the claim of the line before it or of a claim not met yet.
      const together = lines.every((l, i) => (i > 0 && l.claimId === lines[i - 1].claimId) || !lines.slice(0, i).some((e) => e.claimId === l.claimId));
      expect(claimsListedTogether(cols.claim)).toBe(together);
      if (!together) return;
      const span = monthSpan(cols.period, AS_OF);
      expect(plain(tallyMonthsClaimsTogether(cols, span))).toEqual(plain(tallyMonths(cols, span)));
    }), RUNS);
  });

  test("fee check, with and without a tolerance", () => {
    fc.assert(fc.property(registerArb, fc.constantFrom(0, 150), (lines, tolerance) => {
      const cols = claimColumns(lines, AS_OF, PERIOD);
      const period = linesInPeriod(lines, PERIOD);
      expect(plain(feeCheckFromColumns(cols, SCHEDULE, { tolerance }))).toEqual(plain(checkFees(period, SCHEDULE, { tolerance })));
    }), RUNS);
  });

  test("claim groups: the ascending-run shortcut gives the groups a plain Map gives", () => {
    fc.assert(fc.property(fc.array(fc.constantFrom("A-1", "A-2", "A-10", "B", "b", "C-001", ""), { maxLength: 80 }), (ids) => {
      const groups = new ClaimGroups();
      const map = new Map<string, number>();
      for (const id of ids) {
        if (!map.has(id)) map.set(id, map.size);
        expect(groups.groupOf(id)).toBe(map.get(id));
      }
      expect(groups.ids).toEqual([...map.keys()]);
    }), RUNS);
  });

  test("days to pay: medians from counts per day equal the sorted median on large, fractional and huge waits", () => {
    const line = (wait: number, i: number): ClaimLine => ({
      row: i + 2, claimId: `C${i}`, dateOfService: AS_OF - 10, payer: i % 2 ? "Aetna" : "Medicare", charge: 100, insurancePaid: 50,
      patientPaid: 0, contractualAdjustment: 0, otherAdjustment: 0, allowed: null, cpt: null, modifiers: [], units: 1,
      placeOfService: null, provider: null, payerClass: null, status: "Paid", denialReason: null, submittedDate: AS_OF - 10 - wait, lastPaymentDate: AS_OF - 10,
    });
    fc.assert(fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 400 }), fc.constantFrom(0.5, 2_000_000, 3_000_000.25)), { maxLength: 50 }), (waits) => {
      const lines = waits.map(line);
      const cols = claimColumns(lines, AS_OF, PERIOD);
      expect(plain(daysToPayFromColumns(cols))).toEqual(plain(daysToPay(linesInPeriod(lines, PERIOD))));
    }), RUNS);
  });

  test("reportFigures (ClaimFiguresTally, one chunk): claims listed together (the claim being read kept) or not (arrays per claim)", () => {
    // Grouped by claim, every register takes the claims-together passes; as written, most are scattered.
    const grouped = (lines: ClaimLine[]): ClaimLine[] => [...lines].sort((a, b) => lines.findIndex((l) => l.claimId === a.claimId) - lines.findIndex((l) => l.claimId === b.claimId));
    fc.assert(fc.property(registerArb, fc.boolean(), fc.constantFrom(0, 150), (raw, group, tolerance) => {
      const lines = group ? grouped(raw) : raw;
      const f = reportFigures({ practiceName: "P", asOf: AS_OF, lines, rowsRead: lines.length, leftOut: [], feeSchedule: SCHEDULE, feeTolerance: tolerance });
      const period = linesInPeriod(lines, PERIOD);
      expect(f.linesUsed).toBe(lines.length);
      expect(f.periodLines).toBe(period.length);
      expect(plain([f.aging, f.agingByPayer, f.daysInAR])).toEqual(plain([arAging(lines, AS_OF), arAgingByPayer(lines, AS_OF), daysInAR(lines, AS_OF)]));
      expect(plain([f.collections, f.denials, f.payerMix, f.daysToPay, f.providers, f.denialReasons])).toEqual(
        plain([collectionRates(period), denialRates(period), payerMix(period), daysToPay(period), providerProductivity(period), denialsByReason(period)]),
      );
      expect(plain([f.monthly, f.previous])).toEqual(plain([monthlyTrend(lines, PERIOD), previousPeriodFigures(lines, AS_OF)]));
      expect(plain(f.feeCheck)).toEqual(plain(checkFees(period, SCHEDULE, { tolerance })));
    }), RUNS);
  });
});
