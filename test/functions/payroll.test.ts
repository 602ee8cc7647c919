import fc from "fast-check";
import { employerTaxes, fte, grossPay, overtime } from "../../src/functions/functions";
import { err } from "./errorOf";
import { practiceEngine } from "./hyperformulaHarness";

const col = (values: unknown[]): unknown[][] => values.map((v) => [v]);

describe("PRACTICE.GROSSPAY", () => {
  it("pays hourly staff rate x hours, overtime at 1.5 x, PTO at the straight rate", () => {
    expect(grossPay(20, 40)).toBe(800); // 20 × 40
    expect(grossPay(20, 40, 6)).toBe(980); // 800 + 20 × 1.5 × 6 = 800 + 180
    expect(grossPay("$23.125", 32, null, 8)).toBe(925); // 23.125 × (32 + 8) = 925.00
    expect(grossPay(23.125, 1, 1)).toBe(57.81); // 23.125 + 34.6875 = 57.8125 → 57.81 (rounded once, half up)
    expect(grossPay(30, 36, 2, null, 1)).toBe(1230); // 30 × 36 = 1080; 30 × 1.5 × 2 = 90; 30 × 2 × 1 = 60
    expect(grossPay(0.1, 3)).toBe(0.3); // 0.1 × 3 = 0.3 exactly, no binary fraction
  });

  it("pays a salary per period, with overtime at 1.5 x the regular rate for non-exempt staff", () => {
    expect(grossPay(52000, null, null, null, null, 26)).toBe(2000); // 52,000 ÷ 26
    // regular rate = 2,000 ÷ 80 h (40 × 52 ÷ 26) = 25; 5 h × 25 × 1.5 = 187.50
    expect(grossPay(52000, null, 5, null, null, 26)).toBe(2187.5);
    // hours covered given: 2,000 ÷ 75 h = 26.666…; 3 × 26.666… × 1.5 = 120; 2,120.00
    expect(grossPay(52000, 75, 3, null, null, 26)).toBe(2120);
    expect(grossPay(52000, null, 5, null, null, 26, true)).toBe(2000); // exempt: no premium
    expect(grossPay(100000, null, null, 16, null, 24)).toBe(4166.67); // 100,000 ÷ 24 = 4,166.666… → 4,166.67; PTO within the salary
  });

  it("is #VALUE! for missing, text or negative hours and a bad pay period count", () => {
    expect(err(grossPay(20, null)).message).toBe("regularHours is required (a number)");
    expect(err(grossPay(20, "forty")).message).toBe('regularHours: not a number (found "forty")');
    expect(err(grossPay(20, 40, -2)).message).toBe('overtimeHours: cannot be negative (found "-2")');
    expect(err(grossPay(20, 40, "#N/A")).message).toBe('overtimeHours: the cell holds the error #N/A, not a number (found "#N/A")');
    expect(err(grossPay(52000, null, null, null, null, 26.5)).message).toMatch(/^payPeriodsPerYear must be a whole number of 1 or more/);
    expect(err(grossPay(20, 40, null, null, null, null, true)).message).toMatch(/^exempt applies to a salary/);
  });
});

describe("PRACTICE.OVERTIME", () => {
  it("counts the hours over 40 of a workweek (a 46-hour week: 6 h)", () => {
    // 8 + 8 + 8 + 8 + 8 + 6 = 46; 46 − 40 = 6
    expect(overtime(col([8, 8, 8, 8, 8, 6]))).toEqual([[6]]);
    expect(overtime([[8, 8, 8, 8, 8, 6]])).toEqual([[6]]); // a row works too
    expect(overtime(col(["Hours", 8, 8, null, 8, 8, 8]))).toEqual([[0]]); // header skipped; blank day = 0; 40 h: no overtime
  });

  it("applies California's daily rule: a 13-hour day is 8 regular, 4 overtime, 1 double time", () => {
    // 13 h: 0-8 regular, 8-12 overtime (4 h), over 12 double time (1 h)
    expect(overtime(col([13]), undefined, null, true)).toEqual([[4]]);
    expect(overtime(col([13]), undefined, null, true, true)).toEqual([
      ["Workweek", "Regular", "Overtime", "Double time"],
      ["Total", 8, 4, 1],
    ]);
    expect(overtime(col([13]))).toEqual([[0]]); // federal rule only: 13 h in a week is no overtime
    // 10, 10, 10, 10, 8: daily 2 + 2 + 2 + 2 = 8 h overtime; straight 8 × 5 = 40: no weekly overtime on top
    expect(overtime(col([10, 10, 10, 10, 8]), undefined, null, true)).toEqual([[8]]);
  });

  it("groups dated days into workweeks, each standing alone (no averaging)", () => {
    // Sunday 2026-03-01 … : week 1 (Mar 1-7) 5 × 10 = 50 h → 10 overtime; week 2 (Mar 8-14) 30 h → 0
    const dates = col(["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06", "2026-03-09", "2026-03-10", "2026-03-11"]);
    const hours = col([10, 10, 10, 10, 10, 10, 10, 10]);
    expect(overtime(hours, dates)).toEqual([[10]]);
    // workweek starting Wednesday (4, as WEEKDAY counts: 1 = Sunday): Mar 4-10 holds 10 × 5 = 50 h → 10; Mar 2-3 and Mar 11 are other weeks
    expect(overtime(hours, dates, 4)).toEqual([[10]]);
    const detail = overtime(hours, dates, "Sunday", false, true) as unknown[][];
    expect(detail).toEqual([
      ["Workweek", "Regular", "Overtime", "Double time"],
      [46082, 40, 10, 0], // 2026-03-01 is Excel serial 46082 (2026-01-01 is 46023, + 59 days)
      [46089, 30, 0, 0], // 2026-03-08
      ["Total", 70, 10, 0],
    ]);
  });

  it("is #VALUE! for text, negative hours, a blank date with hours and more than 7 undated days", () => {
    expect(err(() => overtime(col([8, "eight"]))).message).toBe('hoursByDay, row 2 of the range: not a number (found "eight")');
    expect(err(() => overtime(col([8, -1]))).message).toBe('hoursByDay, row 2 of the range: cannot be negative (found "-1")');
    expect(err(() => overtime(col([8, 8]), col(["2026-03-02", null]))).message).toBe("dates, row 2 of the range: the date is blank but the day has hours");
    expect(err(() => overtime(col([8, 8, 8, 8, 8, 8, 8, 8]))).message).toMatch(/^without dates, hoursByDay is one workweek of at most 7 days \(got 8\)/);
    expect(err(() => overtime(col([8]), undefined, 9)).message).toMatch(/^workweekStart must be 1 \(Sunday\) to 7 \(Saturday\)/);
  });

  it("property: regular + overtime + double time = the hours worked, and overtime is at least max(0, total − 40)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 64 }), { minLength: 1, maxLength: 7 }), fc.boolean(), (quarters, daily) => {
        const hours = quarters.map((q) => q / 4); // quarter hours, exact in binary
        const out = overtime(col(hours), undefined, null, daily, true) as unknown[][];
        const [, regular, ot, dt] = out[1] as number[];
        const total = hours.reduce((s, h) => s + h, 0);
        expect(regular + ot + dt).toBe(total);
        expect(ot + dt).toBeGreaterThanOrEqual(Math.max(0, total - 40));
        if (!daily) expect(ot).toBe(Math.max(0, total - 40));
      }),
    );
  });
});

describe("PRACTICE.EMPLOYERTAXES", () => {
  it("taxes only the part of the wages still under each wage base: crossing $7,000 (FUTA)", () => {
    // YTD 6,500 + 1,200: FUTA wages = 7,000 − 6,500 = 500 → 0.6 % × 500 = 3.00
    // SS 6.2 % × 1,200 = 74.40; Medicare 1.45 % × 1,200 = 17.40; total 74.40 + 17.40 + 3.00 = 94.80
    expect(employerTaxes(1200, 6500)).toEqual([
      ["Tax", "Amount"],
      ["Social Security", 74.4],
      ["Medicare", 17.4],
      ["FUTA", 3],
      ["SUTA", 0],
      ["Total", 94.8],
    ]);
  });

  it("crossing $184,500 (Social Security); Medicare has no base", () => {
    // YTD 184,000 + 2,000: SS wages 184,500 − 184,000 = 500 → 6.2 % × 500 = 31.00
    // Medicare 1.45 % × 2,000 = 29.00; FUTA: base long used up → 0; total 60.00
    expect(employerTaxes(2000, 184000)).toEqual([
      ["Tax", "Amount"],
      ["Social Security", 31],
      ["Medicare", 29],
      ["FUTA", 0],
      ["SUTA", 0],
      ["Total", 60],
    ]);
    expect(employerTaxes(2000, 184000, undefined, "Social Security")).toEqual([[31]]);
    expect(employerTaxes(2000, 184000, undefined, "total")).toEqual([[60]]);
    expect(employerTaxes(1000)).toEqual([["Tax", "Amount"], ["Social Security", 62], ["Medicare", 14.5], ["FUTA", 6], ["SUTA", 0], ["Total", 82.5]]); // 6.2 %, 1.45 %, 0.6 % of 1,000
  });

  it("reads the rates from a Settings range (header and unrelated rows skipped)", () => {
    const settings = [
      ["Setting", "Value"],
      ["Practice name", "Main Street Clinic"],
      ["SUTA rate", "2.7%"],
      ["SUTA wage base", "$7,000"],
    ];
    // SUTA: 7,000 − 6,500 = 500 under the base → 2.7 % × 500 = 13.50; total 94.80 + 13.50 = 108.30
    expect(employerTaxes(1200, 6500, settings)).toEqual([
      ["Tax", "Amount"],
      ["Social Security", 74.4],
      ["Medicare", 17.4],
      ["FUTA", 3],
      ["SUTA", 13.5],
      ["Total", 108.3],
    ]);
    // a rate without its base: SUTA 0 and a note saying why
    const out = employerTaxes(1200, 6500, [["SUTA rate", 0.027]]) as unknown[][];
    expect(out[4]).toEqual(["SUTA", 0]);
    expect(out[6][0]).toMatch(/^Note: settings, row 1 of the range: a SUTA rate is set but the SUTA wage base is 0/);
  });

  it("is #VALUE! for blank or text wages, a negative YTD, an unknown tax and an unreadable setting", () => {
    expect(err(() => employerTaxes(null)).message).toBe("wages is required (an amount)");
    expect(err(() => employerTaxes("lots", 0)).message).toBe('wages: not an amount (found "lots")');
    expect(err(() => employerTaxes(100, -5)).message).toBe('ytdWagesBefore cannot be negative (found "-5")');
    expect(err(() => employerTaxes(100, 0, undefined, "State tax")).message).toMatch(/^tax must be "Social Security"/);
    expect(err(() => employerTaxes(100, 0, [["Setting", "Value"], ["SUTA rate", "lots"]])).message).toMatch(/^settings, row 2 of the range: SUTA rate: not a rate/);
    expect(err(() => employerTaxes(100, 0, col(["SUTA rate"]))).message).toMatch(/^settings must be a range of 2 columns/);
  });

  it("property: a year of payrolls never taxes Social Security beyond 6.2 % of the $184,500 base", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 1, maxLength: 30 }), (payrollCents) => {
        let ytd = 0;
        let ss = 0;
        for (const cents of payrollCents) {
          ss += Math.round(((employerTaxes(cents / 100, ytd / 100, undefined, "Social Security") as number[][])[0][0]) * 100);
          ytd += cents;
        }
        // whole year rounded once: round(6.2 % × min(ytd, 184,500)) in cents
        expect(ss).toBe(Math.round(Math.min(ytd, 18_450_000) * 0.062 + 1e-9));
      }),
    );
  });
});

describe("PRACTICE.FTE", () => {
  it("is hours ÷ (standard week × weeks), capped at 1", () => {
    expect(fte([[1040]])).toBe(0.5); // 1,040 ÷ (40 × 52 = 2,080)
    expect(fte([[2300]])).toBe(1); // 2,300 ÷ 2,080 > 1 → capped
    expect(fte([[30]], 40, 1)).toBe(0.75); // 30 ÷ 40
    expect(fte([[1560]], 36, 52)).toBeCloseTo(1560 / 1872, 15); // 1,560 ÷ (36 × 52 = 1,872) = 0.8333…
  });

  it("adds the FTEs of a range of employees, each capped, header and blanks skipped", () => {
    // 1,040 → 0.5; 2,300 → 1 (capped); 520 → 0.25; total 1.75
    expect(fte(col(["Hours", 1040, null, 2300, 520]))).toBe(1.75);
  });

  it("is #VALUE! for text, #DIV/0! for a zero standard", () => {
    expect(err(fte(col([1040, "n/a"]))).message).toBe('hours, cell 2 of the range: not a number (found "n/a")');
    expect(err(fte([[1040]], 0)).code).toBe("#DIV/0!");
    expect(err(fte([[-5]])).message).toBe('hours: cannot be negative (found "-5")');
  });
});

describe("payroll functions in a formula engine", () => {
  const hf = practiceEngine({
    Time: [
      ["Date", "Hours"],
      ["=DATE(2026,3,2)", 9],
      ["=DATE(2026,3,3)", 9],
      [null, null],
      ["=DATE(2026,3,4)", 13],
      ["=DATE(2026,3,5)", 8],
      ["=DATE(2026,3,6)", 7],
    ],
    Settings: [
      ["Setting", "Value"],
      ["SUTA rate", "3.4%"],
      ["SUTA wage base", 9000],
    ],
    Staff: [
      ["Employee", "Hours"],
      ["Ana", 1040],
      ["Ben", "=NA()"],
    ],
    // OVERTIME is declared as spilling (it spills with detail): each on its own sheet, so the area it reserves is free.
    Federal: [["=PRACTICE.OVERTIME(Time!B1:B7,Time!A1:A7)"]],
    California: [["=PRACTICE.OVERTIME(Time!B1:B7,Time!A1:A7,2,TRUE())"]],
    Calc: [
      ["=Federal!A1"],
      ["=California!A1"],
      ["=PRACTICE.GROSSPAY(25,40,Federal!A1)"],
      ["=PRACTICE.FTE(Staff!B2)"],
      ["=PRACTICE.FTE(Staff!B1:B3)"],
    ],
    Taxes: [["=PRACTICE.EMPLOYERTAXES(1200,6500,Settings!A1:B3)"]],
  });
  const calc = hf.getSheetId("Calc") as number;
  const at = (row: number, col = 0): unknown => hf.getCellValue({ sheet: calc, row, col });
  afterAll(() => hf.destroy());

  it("evaluates OVERTIME, GROSSPAY and FTE over ranges with a header, a blank row and an error value", () => {
    // 9 + 9 + 13 + 8 + 7 = 46 h in the week of Sunday Mar 1 → 6 h overtime
    expect(at(0)).toBe(6);
    // California, week from Monday: daily 1 + 1 + 4 (8-12 of the 13 h) = 6 overtime, 1 double time;
    // straight 8 + 8 + 8 + 8 + 7 = 39 ≤ 40: no weekly overtime on top → 6
    expect(at(1)).toBe(6);
    expect(at(2)).toBe(1225); // 25 × 40 + 25 × 1.5 × 6 = 1,000 + 225
    expect(at(3)).toBe(0.5); // 1,040 ÷ 2,080
    expect(at(4)).toMatchObject({ value: "#VALUE!", message: 'hours, cell 3 of the range: the cell holds the error #N/A, not a number (found "#N/A")' });
  });

  it("spills EMPLOYERTAXES with the practice's SUTA settings", () => {
    const taxes = hf.getSheetValues(hf.getSheetId("Taxes") as number).slice(0, 6).map((r) => r.slice(0, 2));
    // SUTA: 9,000 − 6,500 = 2,500 ≥ 1,200 → 3.4 % × 1,200 = 40.80; total 74.40 + 17.40 + 3.00 + 40.80 = 135.60
    expect(taxes).toEqual([
      ["Tax", "Amount"],
      ["Social Security", 74.4],
      ["Medicare", 17.4],
      ["FUTA", 3],
      ["SUTA", 40.8],
      ["Total", 135.6],
    ]);
  });
});
