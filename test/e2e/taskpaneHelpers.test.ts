/* The task pane's pure helpers: display of amounts and shares, the default as-of date and its
 * period, the tolerance input, Convert's overrides, sheet-qualified addresses. */
import fc from "fast-check";
import { formatCents } from "../../src/core/money/cents";
import { isoFromDay } from "../../src/core/dates/day";
import { countText, daysText, dayFromIso, defaultAsOf, shortDate, dollars, dollarsText, longDate, percentText, reportingPeriod, toleranceCents } from "../../src/taskpane/format";
import { mappingOverrides } from "../../src/taskpane/mapping";
import { splitAddress } from "../../src/taskpane/address";
import { isExpectedLeftOut, reasonKinds } from "../../src/taskpane/leftOut";
import { preferredRegister, registerChoices } from "../../src/office/operations/registerChoice";
import { practiceNameIn } from "../../src/core/practice/practiceName";

describe("amounts and shares for display", () => {
  test("dollars with thousands separators, exact to the cent", () => {
    expect(dollarsText("1234567.50")).toBe("$1,234,567.50"); // 1 234 567 dollars and 50 cents
    expect(dollarsText("-12.00")).toBe("−$12.00");
    expect(dollarsText("0.05")).toBe("$0.05");
    expect(dollars(100000)).toBe("$1,000.00"); // 100 000 cents = 1 000 dollars
    expect(dollarsText("n/a")).toBe("n/a");
  });
  test("shares as percentages, rounded half up for display only", () => {
    expect(percentText("0.1234")).toBe("12.3%"); // 0.1234 × 100 = 12.34 → 12.3
    expect(percentText("0.0005")).toBe("0.1%"); // 0.05 → 0.1 (half up)
    expect(percentText("0.12345", 2)).toBe("12.35%"); // 12.345 → 12.35 (half up)
    expect(percentText("12.5")).toBe("1,250.0%");
    expect(percentText(null)).toBe("n/a");
  });
  test("property: the displayed amount carries the cents unchanged", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (c) => {
        const shown = dollars(c).replace("−", "-").replace("$", "").replace(/,/g, "");
        return shown === formatCents(c);
      }),
    );
  });
});

describe("as-of date and period (definitions.md, As-of date and period)", () => {
  test("default as-of: the last day of the previous month", () => {
    expect(isoFromDay(defaultAsOf(new Date(2026, 10, 15)))).toBe("2026-10-31"); // 15 Nov 2026 → 31 Oct
    expect(isoFromDay(defaultAsOf(new Date(2026, 0, 1)))).toBe("2025-12-31"); // 1 Jan 2026 → 31 Dec 2025
    expect(isoFromDay(defaultAsOf(new Date(2024, 2, 10)))).toBe("2024-02-29"); // leap year February
  });
  test("the 12 calendar months that end with the as-of month", () => {
    const asOf = dayFromIso("2026-10-31");
    expect(asOf).not.toBeNull();
    const p = reportingPeriod(asOf as number);
    expect(isoFromDay(p.from)).toBe("2025-11-01"); // October 2026 minus 11 months = November 2025
    expect(isoFromDay(p.to)).toBe("2026-10-31");
    expect(longDate(p.from)).toBe("November 1, 2025");
  });
  test("date input text", () => {
    expect(dayFromIso("")).toBeNull();
    expect(dayFromIso("2026-02-30")).toBeNull();
  });
});

describe("fee check tolerance", () => {
  test("dollars typed → cents", () => {
    expect(toleranceCents("")).toBe(0);
    expect(toleranceCents("0.00")).toBe(0);
    expect(toleranceCents("1.5")).toBe(150); // 1 dollar 50 cents
    expect(toleranceCents("$2")).toBe(200);
    expect(toleranceCents("1,000.05")).toBe(100005);
    expect(toleranceCents("-1")).toBeNull();
    expect(toleranceCents("0.125")).toBeNull(); // a third decimal is not a cent amount
    expect(toleranceCents("abc")).toBeNull();
  });
  test("property: formatted cents read back exactly", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e12 }), (c) => toleranceCents(formatCents(c)) === c));
  });
});

describe("Convert's overrides", () => {
  test("only changed fields are sent; an unmapped field is sent as no column", () => {
    const found = { claimId: "A", payer: "D", charge: "K", cpt: "F" };
    const edited = { claimId: "A", payer: "E", charge: "K", cpt: "", provider: "J" };
    expect(mappingOverrides(found, edited)).toEqual({ payer: "E", cpt: "", provider: "J" });
    expect(mappingOverrides(found, { ...found })).toEqual({});
  });
});

describe("sheet-qualified addresses", () => {
  test("quoted and plain sheet names", () => {
    expect(splitAddress("Sheet1!A1:C9")).toEqual({ sheet: "Sheet1", address: "A1:C9" });
    expect(splitAddress("'Bob''s Export'!A4:N20")).toEqual({ sheet: "Bob's Export", address: "A4:N20" });
    expect(splitAddress("A1")).toBeNull();
  });
});

describe("words and numbers", () => {
  test("counts with their noun, days with their unit, dates in the locale asked", () => {
    expect(countText(1, "row")).toBe("1 row");
    expect(countText(2, "row")).toBe("2 rows");
    expect(countText(1204, "claim line")).toBe("1,204 claim lines");
    expect(daysText("42.1")).toBe("42.1 days");
    expect(daysText(null)).toBe("n/a");
    const oct31 = dayFromIso("2026-10-31")!;
    expect(longDate(oct31, "en-US")).toBe("October 31, 2026");
    expect(longDate(oct31, "en-GB")).toBe("31 October 2026");
    expect(shortDate(oct31, "en-US")).toBe("10/31/2026");
  });
});

describe("which register, which practice, which rows left out are expected", () => {
  test("the register Convert wrote wins over its source; a tie does not go to the first sheet", () => {
    const sheets = [
      { name: "Claims Export", kind: "claims" as const },
      { name: "Fee Schedule", kind: "feeSchedule" as const },
      { name: "Claims Register", kind: "claims" as const },
      { name: "Claims Register (2)", kind: "claims" as const },
    ];
    expect(preferredRegister(sheets)).toBe("Claims Register (2)");
    expect(preferredRegister(sheets, "Claims Register")).toBe("Claims Register");
    expect(preferredRegister(sheets.slice(0, 2))).toBe("Claims Export");
    expect(preferredRegister([{ name: "Budget", kind: "budget" }])).toBeNull();
    expect(registerChoices(sheets)).toEqual(["Claims Register (2)", "Claims Export", "Claims Register"]);
  });
  test("practice name from Settings, else from an export's title line", () => {
    const exportSheet = { name: "Export", grid: [["Practice: Riverside Family Medicine"], ["Run date: 11/02/2026"], ["Claim #", "DOS"]] };
    expect(practiceNameIn([exportSheet])).toBe("Riverside Family Medicine");
    const settings = { name: "Settings", grid: [["Practice Ledger settings"], ["Setting", "Value"], ["Practice name", "Lakeside Pediatrics"]] };
    expect(practiceNameIn([exportSheet, settings])).toBe("Lakeside Pediatrics");
    expect(practiceNameIn([{ name: "Settings", grid: [["Practice name", ""]] }])).toBeNull();
  });
  test("a totals row, page footers and repeated headers are expected; a bad date is not", () => {
    expect(isExpectedLeftOut('totals row ("Total")')).toBe(true);
    expect(isExpectedLeftOut("repeated header row (page break)")).toBe(true);
    expect(isExpectedLeftOut('end-of-report footer ("End of report")')).toBe(true);
    expect(isExpectedLeftOut("date of service: \"32/13/2026\" is not a date")).toBe(false);
    expect(reasonKinds([{ reason: 'totals row ("Total")' }, { reason: "totals row: amounts with no claim number and no date of service" }, { reason: 'end-of-report footer ("End of report")' }]))
      .toBe("totals row; end-of-report footer");
  });
});
