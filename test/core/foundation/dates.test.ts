import fc from "fast-check";
import {
  MAX_EXCEL_SERIAL, dayFromExcelSerial, dayFromYMD, excelSerialFromDay, firstOfMonth, isoFromDay, lastOfMonth, ymdFromDay,
} from "../../../src/core/dates";

/** Test helper: the Day of a date known to exist. */
const d = (y: number, m: number, day: number): number => {
  const v = dayFromYMD(y, m, day);
  if (v === null) throw new Error(`test date ${y}-${m}-${day} does not exist`);
  return v;
};

describe("dayFromYMD / ymdFromDay / isoFromDay", () => {
  it("counts days from 1970-01-01", () => {
    expect(dayFromYMD(1970, 1, 1)).toBe(0);
    expect(dayFromYMD(1970, 1, 2)).toBe(1);
    expect(dayFromYMD(1969, 12, 31)).toBe(-1);
    // 1970-01-01 → 2026-01-01: 56 years × 365 + 14 leap days (1972, 1976, …, 2024) = 20454;
    // then Jan–Sep 2026 = 31+28+31+30+31+30+31+31+30 = 273 days, and 30 more to Oct 31 → 20757
    expect(dayFromYMD(2026, 10, 31)).toBe(20757);
    // 2024-01-01 = 20454 − 365 (2025) − 366 (2024) = 19723; Feb 29 = 19723 + 31 + 28 = 19782
    expect(dayFromYMD(2024, 2, 29)).toBe(19782);
  });

  it("refuses dates that do not exist", () => {
    expect(dayFromYMD(2026, 2, 29)).toBeNull(); // 2026 is not a leap year
    expect(dayFromYMD(2026, 2, 30)).toBeNull();
    expect(dayFromYMD(2026, 4, 31)).toBeNull(); // April has 30 days
    expect(dayFromYMD(2026, 13, 1)).toBeNull();
    expect(dayFromYMD(2026, 0, 1)).toBeNull();
    expect(dayFromYMD(2026, 1, 0)).toBeNull();
    expect(dayFromYMD(2026, 1, 32)).toBeNull();
    expect(dayFromYMD(1900, 2, 29)).toBeNull(); // century not divisible by 400
    expect(dayFromYMD(2100, 2, 29)).toBeNull();
    expect(dayFromYMD(2026, 1.5, 1)).toBeNull();
    expect(dayFromYMD(Number.NaN, 1, 1)).toBeNull();
    expect(dayFromYMD(300000, 1, 1)).toBeNull(); // beyond what a Date can hold
  });

  it("accepts leap days of leap years", () => {
    expect(dayFromYMD(2024, 2, 29)).not.toBeNull();
    expect(dayFromYMD(2000, 2, 29)).not.toBeNull(); // divisible by 400
    expect(isoFromDay(d(2000, 2, 29))).toBe("2000-02-29");
  });

  it("takes years 0-99 as written (Date.UTC would read 50 as 1950)", () => {
    expect(isoFromDay(d(50, 1, 1))).toBe("0050-01-01");
    expect(dayFromYMD(50, 1, 1)).not.toBe(dayFromYMD(1950, 1, 1));
  });

  it("writes ISO text and splits back into year, month, day", () => {
    expect(isoFromDay(0)).toBe("1970-01-01");
    expect(isoFromDay(-1)).toBe("1969-12-31");
    expect(isoFromDay(20757)).toBe("2026-10-31");
    expect(ymdFromDay(19782)).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it("round-trips every day from 1900 to 9999 (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: d(1900, 1, 1), max: d(9999, 12, 31) }), (day) => {
        const { year, month, day: dd } = ymdFromDay(day);
        expect(dayFromYMD(year, month, dd)).toBe(day);
      }),
    );
  });
});

describe("firstOfMonth / lastOfMonth", () => {
  it("finds the first of the month, going back whole months", () => {
    expect(isoFromDay(firstOfMonth(d(2026, 10, 31)))).toBe("2026-10-01");
    // 11 months before October 2026 is November 2025 (the default reporting period's start)
    expect(isoFromDay(firstOfMonth(d(2026, 10, 31), 11))).toBe("2025-11-01");
    // across the year end: 1 month before January 2026 is December 2025
    expect(isoFromDay(firstOfMonth(d(2026, 1, 31), 1))).toBe("2025-12-01");
    // 11 months before January 2026 is February 2025; 2025-01-01 = 20454 − 365 = 20089, + 31 = 20120
    expect(firstOfMonth(d(2026, 1, 15), 11)).toBe(20120);
    // 24 months back from March 2026 is March 2024
    expect(isoFromDay(firstOfMonth(d(2026, 3, 31), 24))).toBe("2024-03-01");
    // −1: the month after; December → January of the next year
    expect(isoFromDay(firstOfMonth(d(2025, 12, 31), -1))).toBe("2026-01-01");
  });

  it("finds the last of the month, leap Februaries included", () => {
    expect(isoFromDay(lastOfMonth(d(2024, 2, 10)))).toBe("2024-02-29");
    expect(lastOfMonth(d(2024, 2, 1))).toBe(19782);
    expect(isoFromDay(lastOfMonth(d(2026, 2, 1)))).toBe("2026-02-28");
    expect(isoFromDay(lastOfMonth(d(2000, 2, 15)))).toBe("2000-02-29");
    expect(isoFromDay(lastOfMonth(d(2100, 2, 15)))).toBe("2100-02-28");
    // December ends the year: 2026-01-01 − 1 = 20453 = 2025-12-31
    expect(lastOfMonth(d(2025, 12, 5))).toBe(20453);
    expect(isoFromDay(lastOfMonth(d(2026, 4, 30)))).toBe("2026-04-30");
  });

  it("always brackets the day (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: d(1900, 1, 1), max: d(9999, 11, 30) }), (day) => {
        const first = firstOfMonth(day);
        const last = lastOfMonth(day);
        expect(first).toBeLessThanOrEqual(day);
        expect(last).toBeGreaterThanOrEqual(day);
        expect(ymdFromDay(first).day).toBe(1);
        expect(ymdFromDay(last + 1).day).toBe(1);
        expect(last - first + 1).toBeGreaterThanOrEqual(28);
        expect(last - first + 1).toBeLessThanOrEqual(31);
      }),
    );
  });
});

describe("Excel serials (1900 date system)", () => {
  it("reads the serials around Excel's phantom 29 February 1900 (Microsoft KB 214326)", () => {
    // 1900-01-01 → 1970-01-01: 70 × 365 + 17 leap days (1904 … 1968; 1900 is not leap) = 25567 days
    expect(dayFromExcelSerial(1)).toBe(-25567);
    expect(isoFromDay(dayFromExcelSerial(1) as number)).toBe("1900-01-01");
    // serial 59 = 58 days after 1900-01-01 = 1900-02-28
    expect(isoFromDay(dayFromExcelSerial(59) as number)).toBe("1900-02-28");
    expect(dayFromExcelSerial(59)).toBe(-25567 + 58);
    // serial 60 is 1900-02-29, a day that never existed
    expect(dayFromExcelSerial(60)).toBeNull();
    // serial 61 = 1900-03-01, the day after serial 59
    expect(dayFromExcelSerial(61)).toBe(-25567 + 59);
    expect(isoFromDay(dayFromExcelSerial(61) as number)).toBe("1900-03-01");
  });

  it("reads modern serials", () => {
    // 2025-01-01 = Day 20089; 20089 + 25569 (serial of 1970-01-01) = 45658
    expect(dayFromExcelSerial(45658)).toBe(20089);
    expect(isoFromDay(dayFromExcelSerial(45658) as number)).toBe("2025-01-01");
    // 2026-10-31 = Day 20757; 20757 + 25569 = 46326
    expect(dayFromExcelSerial(46326)).toBe(20757);
    expect(isoFromDay(dayFromExcelSerial(25569) as number)).toBe("1970-01-01");
    expect(isoFromDay(dayFromExcelSerial(MAX_EXCEL_SERIAL) as number)).toBe("9999-12-31");
  });

  it("keeps the date of a fractional serial (a time of day is dropped)", () => {
    // 46326.75 = 2026-10-31 18:00
    expect(dayFromExcelSerial(46326.75)).toBe(20757);
    expect(dayFromExcelSerial(46326.999999)).toBe(20757);
    expect(dayFromExcelSerial(1.5)).toBe(-25567);
    expect(dayFromExcelSerial(60.5)).toBeNull(); // noon of the phantom day
  });

  it("refuses serials Excel cannot show", () => {
    expect(dayFromExcelSerial(0)).toBeNull();
    expect(dayFromExcelSerial(0.5)).toBeNull();
    expect(dayFromExcelSerial(-1)).toBeNull();
    expect(dayFromExcelSerial(MAX_EXCEL_SERIAL + 1)).toBeNull();
    expect(dayFromExcelSerial(Number.NaN)).toBeNull();
    expect(dayFromExcelSerial(Number.POSITIVE_INFINITY)).toBeNull();
    expect(dayFromExcelSerial(Number.NEGATIVE_INFINITY)).toBeNull();
  });

  it("writes serials back", () => {
    expect(excelSerialFromDay(d(1900, 1, 1))).toBe(1);
    expect(excelSerialFromDay(d(1900, 2, 28))).toBe(59);
    expect(excelSerialFromDay(d(1900, 3, 1))).toBe(61);
    expect(excelSerialFromDay(d(2025, 1, 1))).toBe(45658);
    expect(excelSerialFromDay(d(2026, 10, 31))).toBe(46326);
    expect(excelSerialFromDay(d(9999, 12, 31))).toBe(MAX_EXCEL_SERIAL);
  });

  it("round-trips every serial 1 … 2958465 except 60 (exhaustive property)", () => {
    let checked = 0;
    let previous: number | null = null;
    for (let s = 1; s <= MAX_EXCEL_SERIAL; s++) {
      const day = dayFromExcelSerial(s);
      if (s === 60) {
        expect(day).toBeNull();
        continue;
      }
      if (day === null || excelSerialFromDay(day) !== s) throw new Error(`serial ${s} does not round-trip`);
      // consecutive serials are consecutive days (61 follows 59 with no gap)
      if (previous !== null && day !== previous + 1) throw new Error(`serial ${s} is not the day after serial ${s - 1}`);
      previous = day;
      checked++;
    }
    // 2958465 serials less the phantom 60
    expect(checked).toBe(2958464);
  });

  it("round-trips from days too (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: d(1900, 1, 1), max: d(9999, 12, 31) }), (day) => {
        expect(dayFromExcelSerial(excelSerialFromDay(day))).toBe(day);
      }),
    );
  });
});
