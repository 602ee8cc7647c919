import Decimal from "decimal.js";
import {
  budgetYearToDate, capitalRemaining, forecastForYear, isFavorable, overBudget, runRate, variance, variancePct,
  type BudgetLine,
} from "../../../src/core/budget";

/** Twelve copies of an amount. */
const each = (cents: number): number[] => new Array<number>(12).fill(cents);
/** Actuals for Jan..months, then not yet booked. */
const bookedThrough = (amounts: number[]): (number | null)[] => [...amounts, ...new Array<null>(12 - amounts.length).fill(null)];

// Medical and surgical supply: budget $1,000.00 a month; actual $950.00 Jan-May, $1,100.00 Jun-Oct.
const supply: BudgetLine = {
  row: 5, category: "Medical and Surgical Supply", lineType: "expense",
  budget: each(100000),
  actual: bookedThrough([95000, 95000, 95000, 95000, 95000, 110000, 110000, 110000, 110000, 110000]),
};
// Fee-for-service collections: budget $50,000.00 a month; actual $52,000.00 Jan-Oct.
const collections: BudgetLine = {
  row: 3, category: "Fee-for-Service Collections", lineType: "revenue",
  budget: each(5000000), actual: bookedThrough(new Array<number>(10).fill(5200000)),
};
// Other medical revenue: budget $1,000.00 a month; actual $900.00 Jan-Oct.
const otherRevenue: BudgetLine = {
  row: 4, category: "Other Medical Revenue", lineType: "revenue",
  budget: each(100000), actual: bookedThrough(new Array<number>(10).fill(90000)),
};

describe("variance, variance % and favorable (definitions.md, Budget)", () => {
  test("variance = actual − budget", () => {
    expect(variance(110000, 100000)).toBe(10000); // 1,100.00 − 1,000.00 = +100.00
    expect(variance(95000, 100000)).toBe(-5000); // 950.00 − 1,000.00 = −50.00
    expect(variance(0, 0)).toBe(0);
  });

  test("variance % = variance ÷ budget, null where the budget is 0", () => {
    expect(variancePct(110000, 100000)?.toString()).toBe("0.1"); // 100 ÷ 1,000 = 0.1
    expect(variancePct(95000, 100000)?.toString()).toBe("-0.05"); // −50 ÷ 1,000 = −0.05
    expect(variancePct(30000, 0)).toBeNull(); // 300.00 spent against a budget of 0: blank
    expect(variancePct(0, 0)).toBeNull();
  });

  test("expense: under budget is favorable; revenue: over budget is favorable; zero is on budget", () => {
    expect(isFavorable(-5000, "expense")).toBe(true); // spent 50.00 less
    expect(isFavorable(10000, "expense")).toBe(false); // spent 100.00 more
    expect(isFavorable(-5000, "capital")).toBe(true); // capital reads like spending
    expect(isFavorable(10000, "revenue")).toBe(true); // took in 100.00 more
    expect(isFavorable(-5000, "revenue")).toBe(false); // took in 50.00 less
    expect(isFavorable(0, "revenue")).toBeNull();
    expect(isFavorable(0, "expense")).toBeNull();
  });
});

describe("year to date through October (as-of month 10)", () => {
  test("expense line over budget", () => {
    const ytd = budgetYearToDate(supply, 10);
    expect(ytd.budgetYTD).toBe(1000000); // 10 × 1,000.00 = 10,000.00
    expect(ytd.actualYTD).toBe(1025000); // 5 × 950.00 + 5 × 1,100.00 = 4,750.00 + 5,500.00 = 10,250.00
    expect(ytd.variance).toBe(25000); // 10,250.00 − 10,000.00 = +250.00
    expect(ytd.variancePct?.toString()).toBe("0.025"); // 250 ÷ 10,000 = 0.025
    expect(ytd.favorable).toBe(false); // expense over budget
    expect(ytd.unbookedMonths).toEqual([]); // Jan-Oct all booked
  });

  test("revenue line over budget is favorable", () => {
    const ytd = budgetYearToDate(collections, 10);
    expect(ytd.budgetYTD).toBe(50000000); // 10 × 50,000.00 = 500,000.00
    expect(ytd.actualYTD).toBe(52000000); // 10 × 52,000.00 = 520,000.00
    expect(ytd.variance).toBe(2000000); // +20,000.00
    expect(ytd.variancePct?.toString()).toBe("0.04"); // 20,000 ÷ 500,000
    expect(ytd.favorable).toBe(true);
  });

  test("a month not yet booked counts as 0 and is listed", () => {
    const line: BudgetLine = { ...supply, actual: bookedThrough([95000, 95000]) };
    const ytd = budgetYearToDate(line, 4);
    expect(ytd.actualYTD).toBe(190000); // 950.00 + 950.00 + nothing for Mar, Apr
    expect(ytd.unbookedMonths).toEqual([3, 4]);
  });

  test("the as-of month must be 1..12", () => {
    expect(() => budgetYearToDate(supply, 0)).toThrow(RangeError);
    expect(() => budgetYearToDate(supply, 13)).toThrow(RangeError);
    expect(() => forecastForYear(supply, 2.5)).toThrow(RangeError);
  });
});

describe("forecast and run rate", () => {
  test("forecast = YTD actual + remaining months' budget", () => {
    expect(forecastForYear(supply, 10)).toBe(1225000); // 10,250.00 + 2 × 1,000.00 (Nov, Dec) = 12,250.00
    expect(forecastForYear(collections, 10)).toBe(62000000); // 520,000.00 + 2 × 50,000.00 = 620,000.00
    expect(forecastForYear(supply, 12)).toBe(1025000); // nothing left: actual only (Nov, Dec not booked = 0)
    expect(forecastForYear(supply, 1)).toBe(1195000); // 950.00 + 11 × 1,000.00 = 11,950.00
  });

  test("run rate = YTD actual ÷ months × 12", () => {
    expect(runRate(supply, 10)).toBe(1230000); // 10,250.00 ÷ 10 × 12 = 12,300.00
    expect(runRate(collections, 10)).toBe(62400000); // 520,000.00 ÷ 10 × 12 = 624,000.00
  });

  test("run rate is exact, then rounded to the cent once, half up", () => {
    const line = (first: number, months: number): BudgetLine => ({
      row: 1, category: "x", lineType: "expense", budget: each(0), actual: bookedThrough([first, ...new Array<number>(months - 1).fill(0)]),
    });
    expect(runRate(line(100001, 7), 7)).toBe(171430); // 1,000.01 × 12 ÷ 7 = 12,000.12 ÷ 7 = 1,714.302857… → 1,714.30
    expect(runRate(line(100001, 8), 8)).toBe(150002); // 1,000.01 × 12 ÷ 8 = 1,500.015 → half up 1,500.02
    expect(runRate(line(-100001, 8), 8)).toBe(-150002); // −1,500.015 → −1,500.02 (half away from zero)
    expect(runRate(line(1, 12), 12)).toBe(1); // 0.01 × 12 ÷ 12 = 0.01
  });
});

describe("over budget, with a threshold", () => {
  test("expense: actual YTD above budget YTD by more than threshold × budget YTD", () => {
    // overrun 250.00 on a YTD budget of 10,000.00
    expect(overBudget(supply, 10)).toBe(true); // 250 > 0
    expect(overBudget(supply, 10, new Decimal("0.02"))).toBe(true); // allowance 10,000 × 0.02 = 200; 250 > 200
    expect(overBudget(supply, 10, new Decimal("0.025"))).toBe(false); // allowance 250; 250 is not more than 250
    expect(overBudget(supply, 10, "0.05")).toBe(false); // allowance 500
    expect(overBudget(supply, 5)).toBe(false); // Jan-May: 4,750.00 against 5,000.00, under budget
  });

  test("revenue: actual YTD below budget YTD by more than the threshold", () => {
    // Other medical revenue: 9,000.00 against 10,000.00, short by 1,000.00
    expect(overBudget(otherRevenue, 10)).toBe(true);
    expect(overBudget(otherRevenue, 10, new Decimal("0.05"))).toBe(true); // allowance 500; 1,000 > 500
    expect(overBudget(otherRevenue, 10, new Decimal("0.1"))).toBe(false); // allowance 1,000; not more
    expect(overBudget(collections, 10)).toBe(false); // above plan: not flagged
  });

  test("a zero budget: any spending is over", () => {
    const marketing: BudgetLine = { row: 9, category: "Promotion and Marketing", lineType: "expense", budget: each(0), actual: bookedThrough([0, 0, 30000]) };
    expect(overBudget(marketing, 3, "0.5")).toBe(true); // allowance 0 × 0.5 = 0; 300.00 > 0
    expect(budgetYearToDate(marketing, 3).variancePct).toBeNull(); // 300 ÷ 0: blank
  });
});

describe("capital remaining", () => {
  test("annual budget, spent YTD, remaining (negative when overspent)", () => {
    const medical: BudgetLine = {
      row: 20, category: "Medical Equipment", lineType: "capital",
      budget: [0, 0, 2500000, 0, 0, 0, 0, 0, 1500000, 0, 0, 0], // 25,000.00 in March, 15,000.00 in September
      actual: bookedThrough([0, 0, 2650000, 0, 0, 0, 0, 0, 0, 0]), // 26,500.00 in March
    };
    const it: BudgetLine = {
      row: 21, category: "IT Equipment", lineType: "capital",
      budget: [0, 500000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], // 5,000.00 in February
      actual: bookedThrough([0, 400000, 0, 0, 0, 300000, 0, 0, 0, 0]), // 4,000.00 Feb + 3,000.00 Jun
    };
    const result = capitalRemaining([supply, medical, it], 10);
    expect(result.lines).toEqual([
      // 25,000 + 15,000 = 40,000.00; spent 26,500.00; left 40,000 − 26,500 = 13,500.00
      { row: 20, category: "Medical Equipment", annualBudget: 4000000, spentYTD: 2650000, remaining: 1350000 },
      // 5,000.00; spent 4,000 + 3,000 = 7,000.00; left 5,000 − 7,000 = −2,000.00
      { row: 21, category: "IT Equipment", annualBudget: 500000, spentYTD: 700000, remaining: -200000 },
    ]);
    // 40,000 + 5,000 = 45,000; 26,500 + 7,000 = 33,500; 13,500 − 2,000 = 11,500
    expect(result.total).toEqual({ annualBudget: 4500000, spentYTD: 3350000, remaining: 1150000 });
    // Through February only the 4,000.00 IT purchase is spent: 45,000 − 4,000 = 41,000.00
    expect(capitalRemaining([medical, it], 2).total.remaining).toBe(4100000);
  });
});
