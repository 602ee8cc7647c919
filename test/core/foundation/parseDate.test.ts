import { parseDate, type Parsed } from "../../../src/core/cells";
import { dayFromYMD, isoFromDay } from "../../../src/core/dates";

/** The ISO text of a parsed date, so expectations read as dates. */
const iso = (p: Parsed<number>): string => {
  if (p.kind !== "value") throw new Error(`expected a date, got ${JSON.stringify(p)}`);
  return isoFromDay(p.value);
};
const invalidMessage = (p: Parsed<number>): string => {
  if (p.kind !== "invalid") throw new Error(`expected invalid, got ${JSON.stringify(p)}`);
  return p.message;
};

// 2026-10-31: 56 × 365 + 14 leap days = 20454 days to 2026-01-01, + 273 (Jan–Sep) + 30 = 20757
const OCT_31_2026 = 20757;

describe("parseDate on serial numbers", () => {
  it("reads Excel serials", () => {
    // 20757 + 25569 (serial of 1970-01-01) = 46326
    expect(parseDate(46326)).toEqual({ kind: "value", value: OCT_31_2026 });
    expect(iso(parseDate(45658))).toBe("2025-01-01");
    expect(iso(parseDate(1))).toBe("1900-01-01");
    expect(iso(parseDate(59))).toBe("1900-02-28");
    expect(iso(parseDate(61))).toBe("1900-03-01");
    // a time of day is dropped: 46326.75 is 6 pm on 2026-10-31
    expect(parseDate(46326.75)).toEqual({ kind: "value", value: OCT_31_2026 });
  });

  it("refuses serial 60 and serials out of range, saying why", () => {
    expect(invalidMessage(parseDate(60))).toMatch(/29 February 1900/);
    expect(invalidMessage(parseDate(60.5))).toMatch(/29 February 1900/);
    expect(parseDate(0)).toEqual({ kind: "invalid", message: "not a date serial Excel can show", found: "0" });
    expect(parseDate(-1).kind).toBe("invalid");
    expect(parseDate(2958466).kind).toBe("invalid"); // one past 9999-12-31
    expect(parseDate(Number.NaN).kind).toBe("invalid");
    expect(parseDate(Number.POSITIVE_INFINITY).kind).toBe("invalid");
    // 20261031 as a number is a serial far past 9999
    expect(parseDate(20261031).kind).toBe("invalid");
  });
});

describe("parseDate on Date objects", () => {
  it("takes the UTC calendar date, as ExcelJS hands date cells over at midnight UTC", () => {
    expect(parseDate(new Date(Date.UTC(2026, 9, 31)))).toEqual({ kind: "value", value: OCT_31_2026 });
    expect(parseDate(new Date("2026-10-31T00:00:00Z"))).toEqual({ kind: "value", value: OCT_31_2026 });
    expect(parseDate(new Date("2026-10-31T23:59:59Z"))).toEqual({ kind: "value", value: OCT_31_2026 });
    expect(iso(parseDate(new Date(Date.UTC(2024, 1, 29))))).toBe("2024-02-29");
  });

  it("refuses invalid dates and dates Excel cannot show", () => {
    expect(parseDate(new Date(Number.NaN))).toEqual({ kind: "invalid", message: "not a valid date", found: "invalid date" });
    // 1850 is before Excel's 1900 date system (text and serials refuse it too)
    expect(parseDate(new Date(Date.UTC(1850, 0, 1))).kind).toBe("invalid");
    expect(parseDate(new Date(Date.UTC(10000, 0, 1))).kind).toBe("invalid");
    expect(iso(parseDate(new Date(Date.UTC(1900, 0, 1))))).toBe("1900-01-01");
  });
});

describe("parseDate on text", () => {
  it.each([
    ["2026-10-31", "ISO"],
    ["2026-10-31T00:00:00Z", "ISO with time and Z"],
    ["2026-10-31T23:15:00-05:00", "ISO with an offset: the date as written"],
    ["2026-10-31 08:30", "ISO with a time"],
    ["10/31/2026", "US month/day/year"],
    ["10/31/26", "US with a two-digit year: 26 → 2026"],
    ["10-31-2026", "US with dashes"],
    ["10/31/2026 2:30 PM", "US with a time"],
    ["20261031", "compact"],
    ["Oct 31, 2026", "month name first"],
    ["October 31 2026", "full month name, no comma"],
    ["Oct. 31, 2026", "abbreviation with a period"],
    ["31-Oct-2026", "Excel's d-mmm-yyyy"],
    ["31-Oct-26", "Excel's d-mmm-yy: 26 → 2026"],
    ["31 oct 2026", "spaces, lower case"],
    ["  2026-10-31  ", "spaces around"],
  ])("reads %s (%s)", (text) => {
    expect(parseDate(text)).toEqual({ kind: "value", value: OCT_31_2026 });
  });

  it("reads two-digit years the way Excel does: 00-29 → 20xx, 30-99 → 19xx", () => {
    expect(iso(parseDate("1/5/30"))).toBe("1930-01-05");
    expect(iso(parseDate("1/5/29"))).toBe("2029-01-05");
    expect(iso(parseDate("1/5/00"))).toBe("2000-01-05");
    expect(iso(parseDate("12/31/99"))).toBe("1999-12-31");
    expect(iso(parseDate("5-Jan-30"))).toBe("1930-01-05");
  });

  it("reads leap days only in leap years", () => {
    expect(iso(parseDate("02/29/2024"))).toBe("2024-02-29");
    expect(iso(parseDate("2000-02-29"))).toBe("2000-02-29");
    expect(parseDate("02/29/2026")).toEqual({ kind: "invalid", message: "no such date", found: "02/29/2026" });
    expect(parseDate("1900-02-29").kind).toBe("invalid");
  });

  it("refuses a day-first date with its own message, not a guess", () => {
    expect(parseDate("31/10/2026")).toEqual({
      kind: "invalid",
      message: "looks like a day-first date; use month/day/year or 2026-10-31",
      found: "31/10/2026",
    });
  });

  it.each([
    ["2026-02-30"], ["13/13/2026"], ["2026-13-01"], ["2026-00-10"], ["00/10/2026"], ["20261301"], ["Feb 30, 2026"],
    ["1899-12-31"], ["32-Oct-2026"],
  ])("refuses %s as no such date", (text) => {
    expect(parseDate(text)).toEqual({ kind: "invalid", message: "no such date", found: text });
  });

  it.each([
    ["abc"], ["2026/10/31 tomorrow"], ["Foo 31, 2026"], ["10/31"], ["2026-10"], ["31.10.2026"], ["2026-10-31T"],
    ["1e5"], ["46326"],
  ])("refuses %s as not a date", (text) => {
    expect(invalidMessage(parseDate(text))).toBe("not a date (expected e.g. 10/31/2026 or 2026-10-31)");
  });
});

describe("parseDate on other values", () => {
  it.each([
    ["#N/A", "#N/A"],
    [{ error: "#REF!" }, "#REF!"],
    [{ type: "NA" }, "#N/A"],
    [{ code: "#VALUE!" }, "#VALUE!"],
  ])("refuses the error value %p", (cell, code) => {
    expect(parseDate(cell)).toEqual({ kind: "invalid", message: `the cell holds the error ${code}, not a date`, found: code });
  });

  it("refuses booleans and other objects", () => {
    expect(parseDate(true)).toEqual({ kind: "invalid", message: "not a date", found: "true" });
    expect(parseDate(false).kind).toBe("invalid");
    expect(parseDate({ year: 2026 }).kind).toBe("invalid");
    expect(parseDate(BigInt(46326)).kind).toBe("invalid");
  });

  it.each([[null], [undefined], [""], ["   "]])("reads %p as blank", (cell) => {
    expect(parseDate(cell)).toEqual({ kind: "blank" });
  });

  it("agrees with dayFromYMD", () => {
    expect(parseDate("2024-02-29")).toEqual({ kind: "value", value: dayFromYMD(2024, 2, 29) });
  });
});
