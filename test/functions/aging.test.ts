import fc from "fast-check";
import { ageBucket, arAging, daysInAR } from "../../src/functions/functions";
import { err } from "./errorOf";
import { dayFromYMD, excelSerialFromDay } from "../../src/core/dates";
import { practiceEngine } from "./hyperformulaHarness";

/** Excel serial of a calendar date (what a date cell hands a custom function). */
const serial = (y: number, m: number, d: number): number => excelSerialFromDay(dayFromYMD(y, m, d) as number);
const AS_OF = serial(2026, 10, 31);
const col = (values: unknown[]): unknown[][] => values.map((v) => [v]);

// Lines at as-of 2026-10-31, one at each bucket edge. Ages: Oct 31 − Oct 1 = 30; − Sep 30 = 31;
// − Sep 1 = 30 + 30 = 60; − Aug 31 = 61; − Aug 2 = 29 + 31 + 30 = 90; − Aug 1 = 91;
// − Jul 3 = 28 + 30 + 31 + 31 = 120; − Jul 2 = 121.
const LINES: [string | null, number | string | null, number | null, string | null, number | null][] = [
  // [payer, balance, DOS serial, label, charge]
  ["Medicare", 100, serial(2026, 10, 31), "0-30", 200], // age 0
  ["Aetna PPO", 50.25, serial(2026, 10, 1), "0-30", 100.5], // age 30
  ["Medicare", 20, serial(2026, 9, 30), "31-60", 80], // age 31
  ["Aetna PPO", 30, serial(2026, 9, 1), "31-60", 90], // age 60
  [" aetna ppo ", 10.1, serial(2026, 8, 31), "61-90", 50], // age 61
  [null, 40, serial(2026, 8, 2), "61-90", 120], // age 90, no payer
  ["Medicare", 60, serial(2026, 8, 1), "91-120", 150], // age 91
  ["Aetna PPO", 70, serial(2026, 7, 3), "91-120", 100], // age 120
  [" aetna ppo ", 80, serial(2026, 7, 2), "121+", 300], // age 121
  ["Medicare", -25, serial(2026, 10, 15), "0-30", 75], // age 16, credit balance
  ["Medicare", 0, serial(2026, 10, 20), "0-30", 60], // age 11, zero balance
  ["Medicare", 500, serial(2026, 11, 5), null, 500], // after the as-of date
];
const HEADER = ["Payer", "Balance", "DOS", "Bucket", "Charge"];
const payers = col(LINES.map((l) => l[0]));
const balances = col(LINES.map((l) => l[1]));
const dates = col(LINES.map((l) => l[2]));
const charges = col(LINES.map((l) => l[4]));

describe("PRACTICE.AGEBUCKET", () => {
  it("puts every edge age in its MGMA bucket", () => {
    for (const [, , dos, label] of LINES) {
      if (label !== null) expect(ageBucket(dos, AS_OF)).toBe(label);
    }
    expect(ageBucket("2026-08-01", "10/31/2026")).toBe("91-120"); // dates as text
  });

  it("takes custom bounds", () => {
    expect(ageBucket(serial(2026, 8, 31), AS_OF, [[30, 60]])).toBe("61+"); // age 61 > 60
    expect(ageBucket(serial(2026, 9, 1), AS_OF, [[30], [60], [null]])).toBe("31-60"); // age 60, blank bound ignored
    expect(ageBucket(serial(2026, 10, 1), AS_OF, [[15, 30, 45]])).toBe("16-30"); // age 30
  });

  it("gives a blank for a blank date, #N/A after the as-of date, #VALUE! for text and bad bounds", () => {
    expect(ageBucket(null, AS_OF)).toBe("");
    expect(ageBucket("", AS_OF)).toBe("");
    const after = err(ageBucket(serial(2026, 11, 1), AS_OF));
    expect(after.code).toBe("#N/A");
    expect(after.message).toMatch(/after the as-of date/);
    expect(err(ageBucket("soon", AS_OF)).message).toMatch(/^dateOfService: not a date/);
    expect(err(ageBucket("#N/A", AS_OF)).message).toMatch(/^dateOfService: the cell holds the error #N\/A/);
    expect(err(ageBucket(serial(2026, 1, 1), null)).message).toMatch(/^asOf is required/);
    expect(err(ageBucket(serial(2026, 1, 1), AS_OF, [[60, 30]])).message).toMatch(/^bucketBounds: aging bucket bounds must increase/);
    expect(err(ageBucket(serial(2026, 1, 1), AS_OF, [["x"]])).message).toMatch(/^bucketBounds must be numbers of days/);
  });
});

describe("PRACTICE.ARAGING", () => {
  it("spills Bucket | Amount | Share | Lines with a Total row, credit balances netted in", () => {
    const out = arAging(balances, dates, AS_OF) as unknown[][];
    // 0-30: 100 + 50.25 − 25 + 0 = 125.25 (3 non-zero lines); 31-60: 20 + 30 = 50.00; 61-90: 10.10 + 40 = 50.10;
    // 91-120: 60 + 70 = 130.00; 121+: 80.00. Total 435.35, 10 non-zero lines. The 2026-11-05 line is not aged.
    expect(out.map((r) => [r[0], r[1], r[3]])).toEqual([
      ["Bucket", "Amount", "Lines"],
      ["0-30", 125.25, 3],
      ["31-60", 50, 2],
      ["61-90", 50.1, 2],
      ["91-120", 130, 2],
      ["121+", 80, 1],
      ["Total", 435.35, 10],
      ["Not aged: 1 line dated after the as-of date", "", ""],
    ]);
    // shares = amount ÷ 435.35
    expect(out[1][2]).toBeCloseTo(12525 / 43535, 15);
    expect(out[4][2]).toBeCloseTo(13000 / 43535, 15);
    expect(out[6][2]).toBe(1);
  });

  it("skips a header row and blank rows; takes custom bounds", () => {
    const withHeader = [["Balance"], ...balances, [null]];
    const datesWithHeader = [["DOS"], ...dates, [null]];
    const out = arAging(withHeader, datesWithHeader, AS_OF, [[30, 60]]) as unknown[][];
    // 0-30: 125.25; 31-60: 50.00; 61+: 50.10 + 130 + 80 = 260.10
    expect(out.slice(0, 5).map((r) => [r[0], r[1]])).toEqual([["Bucket", "Amount"], ["0-30", 125.25], ["31-60", 50], ["61+", 260.1], ["Total", 435.35]]);
  });

  it("with payers spills a payer × bucket matrix, payers merged trimmed and case-insensitively", () => {
    const out = arAging(balances, dates, AS_OF, undefined, payers) as unknown[][];
    expect(out).toEqual([
      ["Payer", "0-30", "31-60", "61-90", "91-120", "121+", "Total"],
      // Aetna PPO: 50.25 | 30 | 10.10 | 70 | 80 = 240.35
      ["Aetna PPO", 50.25, 30, 10.1, 70, 80, 240.35],
      // Medicare: 100 − 25 + 0 = 75 | 20 | 0 | 60 | 0 = 155 (the after-D line not aged)
      ["Medicare", 75, 20, 0, 60, 0, 155],
      ["(no payer)", 0, 0, 40, 0, 0, 40],
      ["Total", 125.25, 50, 50.1, 130, 80, 435.35],
      ["Not aged: 1 line dated after the as-of date", "", "", "", "", "", ""],
    ]);
  });

  it("is #VALUE! naming the cell for text, error values and a blank date with a balance", () => {
    const bad = balances.map((r, i) => (i === 3 ? ["thirty"] : r));
    expect(err(() => arAging(bad, dates, AS_OF)).message).toBe('balances, row 4 of the range: not an amount (found "thirty")');
    const badDates = dates.map((r, i) => (i === 1 ? [null] : i === 5 ? ["#REF!"] : r));
    expect(err(() => arAging(balances, badDates, AS_OF)).message).toBe(
      "datesOfService, row 2 of the range: the date of service is blank but the balance is not 0; 1 more cell cannot be read either",
    );
    // A zero balance without a date has nothing to age: no error.
    expect(arAging([[0], [10]], [[null], [serial(2026, 10, 30)]], AS_OF)).toEqual(expect.arrayContaining([["Total", 10, 1, 1]]));
    expect(err(() => arAging(balances, dates.slice(1), AS_OF)).message).toBe("datesOfService has 11 rows but balances has 12: give ranges of the same rows");
  });

  it("property: bucket amounts add up to the Total row to the cent, for any balances and bounds", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -100_000, max: 10_000_000 }), fc.integer({ min: 0, max: 400 })), { maxLength: 40 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 6 }),
        (lines, bounds) => {
          const sorted = [...bounds].sort((a, b) => a - b);
          const out = arAging(col(lines.map(([c]) => c / 100)), col(lines.map(([, age]) => AS_OF - age)), AS_OF, [sorted]) as unknown[][];
          const rows = out.slice(1, sorted.length + 2);
          const total = out[sorted.length + 2];
          expect(total[0]).toBe("Total");
          const sumCents = rows.reduce((s, r) => s + Math.round((r[1] as number) * 100), 0);
          expect(sumCents).toBe(Math.round((total[1] as number) * 100));
          expect(sumCents).toBe(lines.reduce((s, [c]) => s + c, 0));
        },
      ),
    );
  });
});

describe("PRACTICE.DAYSINAR", () => {
  it("divides the A/R total by the average daily charges of the 90 days ending on D", () => {
    // Window 2026-08-03 … 2026-10-31 (ages 0-89): charges 200 + 100.50 + 80 + 90 + 50 + 75 + 60 = 655.50
    // A/R 435.35; days = 435.35 × 90 ÷ 655.50 = 39181.5 ÷ 655.5 = 59.7734…
    expect(daysInAR(balances, dates, charges, AS_OF)).toBeCloseTo(39181.5 / 655.5, 12);
  });

  it("takes another window", () => {
    // 365 days: every line dated 2025-11-01 … 2026-10-31: 655.50 + 120 + 150 + 100 + 300 = 1325.50
    // 435.35 × 365 ÷ 1325.50 = 158902.75 ÷ 1325.5 = 119.88…
    expect(daysInAR(balances, dates, charges, AS_OF, 365)).toBeCloseTo(158902.75 / 1325.5, 12);
  });

  it("maps the edge cases to Excel errors", () => {
    const none = err(daysInAR([[10]], [[serial(2026, 1, 1)]], [[10]], AS_OF));
    expect(none.code).toBe("#DIV/0!"); // no charge dated in the window
    expect(err(daysInAR(balances, dates, charges, AS_OF, 0)).code).toBe("#NUM!");
    expect(err(daysInAR(balances, dates, charges, AS_OF, "ninety")).message).toBe('windowDays must be a number (found "ninety")');
    expect(err(daysInAR([[0]], [[null]], [[50]], AS_OF)).message).toBe(
      "datesOfService, row 1 of the range: the date of service is blank but the balance or charge is not 0",
    );
    expect(err(daysInAR(balances, dates, charges.map((r, i) => (i === 0 ? ["n/a"] : r)), AS_OF)).message).toMatch(/^charges, row 1 of the range: not an amount/);
  });
});

describe("aging functions in a formula engine", () => {
  const rows = LINES.map(([payer, balance, dos, , charge]) => [payer, balance, dos, null, charge]);
  const hf = practiceEngine({
    Claims: [
      HEADER,
      ...rows.slice(0, 4),
      [null, null, null, null, null], // a blank row inside the data
      ...rows.slice(4),
      // rows 15-20 of the sheet stay blank
    ],
    Report: [
      ["=PRACTICE.ARAGING(Claims!B1:B20,Claims!C1:C20,DATE(2026,10,31))"],
      ...Array.from({ length: 23 }, () => []),
      ["=PRACTICE.ARAGING(Claims!B2:B20,Claims!C2:C20,DATE(2026,10,31),{30,60},Claims!A2:A20)"],
      ...Array.from({ length: 22 }, () => []),
      ["=PRACTICE.DAYSINAR(Claims!B1:B20,Claims!C1:C20,Claims!E1:E20,DATE(2026,10,31))"],
      ["=PRACTICE.DAYSINAR(Claims!B1:B20,Claims!C1:C20,Claims!E1:E20,DATE(2026,10,31),365)"],
      ["=PRACTICE.AGEBUCKET(Claims!C7,DATE(2026,10,31))"],
      ["=PRACTICE.AGEBUCKET(Claims!C7,DATE(2026,10,31),{30,60})"],
      ["=PRACTICE.AGEBUCKET(Claims!C14,DATE(2026,10,31))"],
      ["=PRACTICE.ARAGING(Errors!A1:A3,Errors!B1:B3,DATE(2026,10,31))"],
    ],
    Errors: [
      [100, "=DATE(2026,10,1)"],
      ["=1/0", "=DATE(2026,10,1)"],
      [50, "=DATE(2026,10,1)"],
    ],
  });
  const report = hf.getSheetId("Report") as number;
  const at = (row: number, col = 0): unknown => hf.getCellValue({ sheet: report, row, col });
  afterAll(() => hf.destroy());

  it("spills ARAGING over a range with a header row, a blank row and trailing blanks", () => {
    const values = hf.getSheetValues(report).slice(0, 8).map((r) => [r[0], r[1], r[3]]);
    expect(values).toEqual([
      ["Bucket", "Amount", "Lines"],
      ["0-30", 125.25, 3],
      ["31-60", 50, 2],
      ["61-90", 50.1, 2],
      ["91-120", 130, 2],
      ["121+", 80, 1],
      ["Total", 435.35, 10],
      ["Not aged: 1 line dated after the as-of date", "", ""],
    ]);
    expect(at(8)).toBeNull(); // nothing past the result (HyperFormula pads with blanks)
  });

  it("spills the per-payer matrix with custom bounds", () => {
    const values = hf.getSheetValues(report).slice(24, 29).map((r) => r.slice(0, 5));
    expect(values).toEqual([
      ["Payer", "0-30", "31-60", "61+", "Total"],
      ["Aetna PPO", 50.25, 30, 160.1, 240.35], // 10.10 + 70 + 80 = 160.10
      ["Medicare", 75, 20, 60, 155],
      ["(no payer)", 0, 0, 40, 40],
      ["Total", 125.25, 50, 260.1, 435.35],
    ]);
  });

  it("evaluates DAYSINAR and AGEBUCKET, and names an error value in a range", () => {
    expect(at(47)).toBeCloseTo(39181.5 / 655.5, 8);
    expect(at(48)).toBeCloseTo(158902.75 / 1325.5, 8);
    expect(at(49)).toBe("61-90"); // Claims!C7 is 2026-08-31 (age 61)
    expect(at(50)).toBe("61+");
    expect(at(51)).toMatchObject({ value: "#N/A" }); // Claims!C14 is 2026-11-05, after D
    const e = at(52) as { value: string; message: string };
    expect(e.value).toBe("#VALUE!");
    expect(e.message).toBe('balances, row 2 of the range: the cell holds the error #DIV/0!, not an amount (found "#DIV/0!")');
  });
});
