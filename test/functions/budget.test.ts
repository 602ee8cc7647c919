import fc from "fast-check";
import { favorable, forecast, runRate, variance, variancePct } from "../../src/functions/functions";
import { err } from "./errorOf";
import { practiceEngine } from "./hyperformulaHarness";


describe("PRACTICE.VARIANCE and VARIANCEPCT", () => {
  it("is actual − budget, the same sign for revenue and expense lines", () => {
    expect(variance([[1200]], [[1000]])).toEqual([[200]]); // 1,200 − 1,000: over budget
    expect(variance([[950.25]], [[1000]])).toEqual([[-49.75]]); // 950.25 − 1,000: under budget
    expect(variance([[0.3]], [[0.1]])).toEqual([[0.2]]); // 30 − 10 cents, exact (0.3 − 0.1 in binary is 0.19999…)
    expect(variancePct([[1200]], [[1000]])).toEqual([[0.2]]); // 200 ÷ 1,000
    expect(variancePct([[950]], [[1000]])).toEqual([[-0.05]]); // −50 ÷ 1,000
  });

  it("leaves VARIANCEPCT blank where the budget is 0 (definitions.md), VARIANCE counts it", () => {
    expect(variancePct([[500]], [[0]])).toEqual([[""]]);
    expect(variancePct([[500]], [[null]])).toEqual([[""]]); // blank budget = 0
    expect(variance([[500]], [[0]])).toEqual([[500]]); // 500 − 0
    expect(variance([[500]], [[null]])).toEqual([[500]]);
  });

  it("works element by element over ranges, a single budget repeated, labels and unbooked months blank", () => {
    const actual = [
      ["Actual Jan", "Actual Feb", "Actual Mar"],
      [1100, 900, null], // March not booked yet
      [250, "$300.00", 0],
    ];
    const budget = [
      ["Budget Jan", "Budget Feb", "Budget Mar"],
      [1000, 1000, 1000],
      [200, 0, 0],
    ];
    expect(variance(actual, budget)).toEqual([
      ["", "", ""],
      [100, -100, ""], // 1,100 − 1,000; 900 − 1,000; March blank
      [50, 300, ""], // 250 − 200; 300 − 0; an actual of 0 is read as not booked (Excel for Windows passes 0 for an empty cell)
    ]);
    // A booked zero written as text stays a figure: 0.00 − 500 = −500.
    expect(variance([["$0.00"]], [[500]])).toEqual([[-500]]);
    expect(variancePct(actual, budget)).toEqual([
      ["", "", ""],
      [0.1, -0.1, ""], // 100 ÷ 1,000; −100 ÷ 1,000
      [0.25, "", ""], // 50 ÷ 200; budget 0 twice
    ]);
    expect(variance([[100, 120, 80]], [[100]])).toEqual([[0, 20, -20]]); // 100 − 100; 120 − 100; 80 − 100
  });

  it("makes an unreadable cell #VALUE! in its own position only; mismatched shapes are #VALUE!", () => {
    const out = variance([[100], ["n/a"], ["#N/A"]], [[90], [50], [50]]) as unknown[][];
    expect(out[0]).toEqual([10]);
    expect(err(out[1][0]).message).toBe('actual, row 2 of the range: not an amount (found "n/a")');
    expect(err(out[2][0]).message).toBe('actual, row 3 of the range: the cell holds the error #N/A, not an amount (found "#N/A")');
    const bad = variancePct([[100, 100]], [[50, "x"]]) as unknown[][];
    expect(bad[0][0]).toBe(1); // 50 ÷ 50
    expect(err(bad[0][1]).message).toBe('budget, column 2 of the range: not an amount (found "x")');
    expect(err(() => variance([[1], [2]], [[1], [2], [3]])).message).toBe("budget is 3 x 1 but actual is 2 x 1: give ranges of the same shape (or a single cell)");
  });

  it("property: VARIANCE is exact to the cent and VARIANCEPCT × budget gives it back", () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: -10_000_000, max: 10_000_000 }), (a, b) => {
        const v = (variance([[a / 100]], [[b / 100]]) as number[][])[0][0];
        if (a === 0) return expect(v).toBe(""); // 0 actual: not booked (blank as Excel for Windows passes it)
        expect(Math.round(v * 100)).toBe(a - b);
        const pct = (variancePct([[a / 100]], [[b / 100]]) as unknown[][])[0][0];
        if (b === 0) expect(pct).toBe("");
        else expect((pct as number) * b).toBeCloseTo(a - b, 6);
      }),
    );
  });
});

describe("PRACTICE.FAVORABLE", () => {
  it("reads the variance by line type: under budget is good for expenses, over budget for revenue", () => {
    expect(favorable([[900]], [[1000]], [["expense"]])).toEqual([[true]]); // −100 on an expense
    expect(favorable([[900]], [[1000]], [["Revenue"]])).toEqual([[false]]); // −100 on revenue
    expect(favorable([[1100]], [[1000]], [["revenue"]])).toEqual([[true]]); // +100 on revenue
    expect(favorable([[1100]], [[1000]], [["Rent"]])).toEqual([[false]]); // a category name: rent is an expense
    expect(favorable([[1000]], [[1000]], [["expense"]])).toEqual([[""]]); // on budget
    expect(favorable([[900, 1100]], [[1000, 1000]], [["expense", "revenue"]])).toEqual([[true, true]]);
    expect(err((favorable([[900]], [[1000]], [["widgets"]]) as unknown[][])[0][0]).message).toMatch(/^lineType: not a line type/);
    expect(err(() => favorable([[900]], [[1000]], null as never)).message).toMatch(/^lineType is required/);
  });
});

describe("PRACTICE.FORECAST and RUNRATE", () => {
  // Budget 10,000 a month; actuals Jan-Oct 9,000 … booked, Nov and Dec blank.
  const budget = [Array.from({ length: 12 }, () => 10000)];
  const actual = [[9000, 9500, 10000, 10500, 11000, 9000, 9500, 10000, 10500, 11000, null, null]];
  // YTD actual through October = 9,000 + 9,500 + 10,000 + 10,500 + 11,000 = 50,000, twice = 100,000

  it("forecast through month 10 = YTD actual + the budget of November and December", () => {
    expect(forecast(actual, budget, 10)).toEqual([[120000]]); // 100,000 + 2 × 10,000
    expect(forecast(actual, budget, 12)).toEqual([[100000]]); // 100,000 + 0 remaining (Nov, Dec not booked: 0)
    expect(forecast([actual[0].slice(0, 10)], budget, 10)).toEqual([[120000]]); // a YTD-only range
  });

  it("run rate through month 10 = YTD actual ÷ 10 × 12", () => {
    expect(runRate(actual, 10)).toEqual([[120000]]); // 100,000 ÷ 10 × 12
    expect(runRate([[1000, 1000, 1001]], 3)).toEqual([[12004]]); // 3,001 ÷ 3 × 12 = 12,004
    expect(runRate([[100, 0, 0, 0, 0, 0, 0]], 7)).toEqual([[171.43]]); // 100 ÷ 7 × 12 = 171.428… → 171.43
  });

  it("skips a label first cell, takes a column, and spills one result per row of a block", () => {
    expect(forecast([["Rent", ...actual[0]]], [["Rent", ...budget[0]]], 10)).toEqual([[120000]]);
    expect(runRate(actual[0].map((v) => [v]), 10)).toEqual([[120000]]); // months down a column
    const actuals = [
      ["Line", "Jan", "Feb", "Mar"],
      ["Supplies", 100, 200, 300],
      ["Rent", 1000, 1000, null],
    ];
    // Supplies: 600 ÷ 3 × 12 = 2,400; Rent: (1,000 + 1,000 + 0) ÷ 3 × 12 = 8,000
    expect(runRate(actuals, 3)).toEqual([[""], [2400], [8000]]);
    const budgets = [
      ["Line", ...Array.from({ length: 12 }, (_, m) => `M${m + 1}`)],
      ["Supplies", ...Array.from({ length: 12 }, () => 250)],
      ["Rent", ...Array.from({ length: 12 }, () => 1000)],
    ];
    // Supplies through month 2: 100 + 200 + 10 × 250 = 2,800; Rent: 2,000 + 10 × 1,000 = 12,000
    expect(forecast(actuals, budgets, 2)).toEqual([[""], [2800], [12000]]);
  });

  it("is #VALUE! naming the cell for text or an error value, and for short ranges or a bad month", () => {
    expect(err(() => forecast([[9000, "tbd", 100]], budget, 3)).message).toBe('actuals, column 2 of the range: not an amount (found "tbd")');
    expect(forecast([[9000, 100, "tbd"]], budget, 2)).toEqual([[9100 + 10 * 10000]]); // month 3 is after the as-of month: not read
    expect(err(() => runRate([[1], [2], ["#DIV/0!"]], 3)).message).toBe('actuals, row 3 of the range: the cell holds the error #DIV/0!, not an amount (found "#DIV/0!")');
    expect(err(() => forecast(actual, [budget[0].slice(0, 11)], 10)).message).toBe("budgets must hold the 12 months of the year (got 11 cells)");
    expect(err(() => runRate([[1, 2]], 3)).message).toBe("actuals has 2 months but asOfMonth is 3");
    expect(err(() => runRate(actual, 13)).message).toBe('asOfMonth must be a whole number from 1 to 12 (found "13")');
    expect(err(() => runRate(actual, null)).message).toMatch(/^asOfMonth is required/);
  });

  it("property: forecast − run rate = remaining budget − YTD actual × (12 − n) ÷ n, within rounding", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 12, maxLength: 12 }), fc.integer({ min: 1, max: 12 }), (cents, n) => {
        const row = [cents.map((c) => c / 100)];
        const ytd = cents.slice(0, n).reduce((s, c) => s + c, 0);
        const remainingBudget = cents.slice(n).reduce((s, c) => s + c, 0);
        const f = Math.round((forecast(row, row, n) as number[][])[0][0] * 100);
        expect(f).toBe(ytd + remainingBudget); // same line as budget and actual: the year's total
        const r = Math.round((runRate(row, n) as number[][])[0][0] * 100);
        expect(Math.abs(r - (ytd * 12) / n)).toBeLessThanOrEqual(0.5);
      }),
    );
  });
});

describe("budget functions in a formula engine", () => {
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const hf = practiceEngine({
    // A manager's sheet: budget and actual rows per category, months across.
    Budget: [
      ["Category", ...months],
      ["Supplies budget", 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500],
      ["Supplies actual", 450, 520, 480, 500, 610, 390, 500, 505, 495, 550, null, null],
      ["Revenue budget", 0, 20000, 20000, 20000, 20000, 20000, 20000, 20000, 20000, 20000, 20000, 20000],
      ["Revenue actual", 1500, 21000, "=NA()", 19000, 20000, 20000, 20000, 20000, 20000, 20000, null, null],
    ],
    Calc: [
      ["=PRACTICE.VARIANCE(Budget!B3:M3,Budget!B2:M2)"],
      ["=PRACTICE.VARIANCEPCT(Budget!B5:M5,Budget!B4:M4)"],
      ["=PRACTICE.FORECAST(Budget!A3:M3,Budget!A2:M2,10)"],
      ["=PRACTICE.RUNRATE(Budget!B3:M3,10)"],
      ["=PRACTICE.FORECAST(Budget!A5:M5,Budget!A4:M4,10)"],
      ["=PRACTICE.VARIANCE(Budget!B3,Budget!B2)"],
      ["=PRACTICE.FAVORABLE(Budget!B3:D3,Budget!B2:D2,\"expense\")"],
      ["=PRACTICE.VARIANCE(Budget!A1:C1,Budget!A1:C1)"],
    ],
  });
  const calc = hf.getSheetId("Calc") as number;
  const row = (r: number, width = 12): unknown[] => hf.getSheetValues(calc)[r].slice(0, width);
  const at = (r: number, c = 0): unknown => hf.getCellValue({ sheet: calc, row: r, col: c });
  afterAll(() => hf.destroy());

  it("spills VARIANCE and VARIANCEPCT across the months, blank for months not booked and a zero budget", () => {
    // 450 − 500, 520 − 500, …, 550 − 500; Nov and Dec not booked
    expect(row(0)).toEqual([-50, 20, -20, 0, 110, -110, 0, 5, -5, 50, "", ""]);
    const pct = row(1);
    expect(pct[0]).toBe(""); // January budget 0: blank (an empty text, so the cell looks blank)
    expect(pct[1]).toBe(0.05); // 1,000 ÷ 20,000
    expect(pct[2]).toMatchObject({ value: "#VALUE!", message: 'actual, column 3 of the range: the cell holds the error #N/A, not an amount (found "#N/A")' });
    expect(pct[3]).toBe(-0.05); // −1,000 ÷ 20,000
    expect(pct[4]).toBe(0);
  });

  it("evaluates FORECAST and RUNRATE through month 10, skipping the category label", () => {
    // Supplies YTD = 450 + 520 + 480 + 500 + 610 + 390 + 500 + 505 + 495 + 550 = 5,000; + Nov, Dec budget 1,000
    expect(at(2)).toBe(6000);
    expect(at(3)).toBe(6000); // 5,000 ÷ 10 × 12
    expect(at(4)).toMatchObject({ value: "#VALUE!", message: 'actuals, column 4 of the range: the cell holds the error #N/A, not an amount (found "#N/A")' });
    expect(at(5)).toBe(-50); // one cell: 450 − 500
    expect(row(6, 3)).toEqual([true, false, true]); // −50, +20, −20 on an expense line
    expect(row(7, 3)).toEqual(["", "", ""]); // header labels only: blank
  });
});
