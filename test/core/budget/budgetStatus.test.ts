import fc from "fast-check";
import { budgetStatus, forecastForYear, budgetYearToDate, BUDGET_LINE_TYPES, type BudgetLine } from "../../../src/core/budget";

const each = (cents: number): number[] => new Array<number>(12).fill(cents);
const bookedThrough = (amounts: number[]): (number | null)[] => [...amounts, ...new Array<null>(12 - amounts.length).fill(null)];
const tenOf = (cents: number): number[] => new Array<number>(10).fill(cents);

const lines: BudgetLine[] = [
  // revenue
  { row: 3, category: "Fee-for-Service Collections", lineType: "revenue", budget: each(5000000), actual: bookedThrough(tenOf(5200000)) },
  { row: 4, category: "Other Medical Revenue", lineType: "revenue", budget: each(100000), actual: bookedThrough(tenOf(90000)) },
  // expense
  {
    row: 6, category: "Medical and Surgical Supply", lineType: "expense", budget: each(100000),
    actual: bookedThrough([95000, 95000, 95000, 95000, 95000, 110000, 110000, 110000, 110000, 110000]),
  },
  { row: 7, category: "Promotion and Marketing", lineType: "expense", budget: each(0), actual: bookedThrough([0, 0, 30000]) },
  // capital
  {
    row: 9, category: "Medical Equipment", lineType: "capital",
    budget: [0, 0, 2500000, 0, 0, 0, 0, 0, 1500000, 0, 0, 0], actual: bookedThrough([0, 0, 2650000, 0, 0, 0, 0, 0, 0, 0]),
  },
  {
    row: 10, category: "IT Equipment", lineType: "capital",
    budget: [0, 500000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], actual: bookedThrough([0, 400000, 0, 0, 0, 300000, 0, 0, 0, 0]),
  },
];

describe("budgetStatus through October", () => {
  const status = budgetStatus(lines, 10);

  test("category rows", () => {
    const marketing = status.byCategory.find((r) => r.category === "Promotion and Marketing");
    expect(marketing).toMatchObject({
      lineType: "expense", rows: [7], annualBudget: 0, budgetYTD: 0,
      actualYTD: 30000, // 300.00 in March
      variance: 30000, // 300.00 − 0
      variancePct: null, // budget 0: blank
      favorable: false,
      forecast: 30000, // 300.00 + 2 × 0
      runRate: 36000, // 300.00 ÷ 10 × 12 = 360.00
      overBudget: true,
    });
    const supply = status.byCategory.find((r) => r.category === "Medical and Surgical Supply");
    expect(supply).toMatchObject({
      annualBudget: 1200000, budgetYTD: 1000000, actualYTD: 1025000, variance: 25000, // 12,000; 10,000; 10,250; +250
      favorable: false, forecast: 1225000, runRate: 1230000, overBudget: true, // 12,250.00; 12,300.00
    });
    expect(supply?.variancePct?.toString()).toBe("0.025");
    expect(status.byCategory.map((r) => r.category)).toEqual(lines.map((l) => l.category)); // order kept
  });

  test("totals by line type", () => {
    // revenue: budget 500,000 + 10,000 = 510,000.00; actual 520,000 + 9,000 = 529,000.00
    expect(status.totals.revenue).toMatchObject({
      annualBudget: 61200000, // 600,000 + 12,000
      budgetYTD: 51000000, actualYTD: 52900000, variance: 1900000, favorable: true, overBudget: false,
      forecast: 63100000, // 620,000 + (9,000 + 2 × 1,000 = 11,000) = 631,000.00
      runRate: 63480000, // 624,000 + 9,000 ÷ 10 × 12 = 10,800 → 634,800.00
    });
    // 19,000 ÷ 510,000 = 0.0372549…
    expect(status.totals.revenue.variancePct?.toFixed(6)).toBe("0.037255");
    // expense: budget 10,000 + 0 = 10,000.00; actual 10,250 + 300 = 10,550.00; variance +550; 550 ÷ 10,000 = 0.055
    expect(status.totals.expense).toMatchObject({ budgetYTD: 1000000, actualYTD: 1055000, variance: 55000, favorable: false, overBudget: true });
    expect(status.totals.expense.variancePct?.toString()).toBe("0.055");
    // capital: budget YTD 40,000 + 5,000 = 45,000.00; spent 26,500 + 7,000 = 33,500.00; variance −11,500 (favorable)
    expect(status.totals.capital).toMatchObject({ budgetYTD: 4500000, actualYTD: 3350000, variance: -1150000, favorable: true, overBudget: false });
  });

  test("net income, equipment remaining, lines over budget", () => {
    expect(status.netIncomeYTD).toBe(51845000); // 529,000.00 − 10,550.00 = 518,450.00
    expect(status.netIncomeBudgetYTD).toBe(50000000); // 510,000.00 − 10,000.00
    expect(status.equipmentBudgetRemaining).toBe(1150000); // (40,000 + 5,000) − (26,500 + 7,000) = 11,500.00
    // supply (+250), other revenue (short 1,000), marketing (300 on 0), IT equipment (7,000 on 5,000)
    expect(status.linesOverBudget.map((r) => r.category)).toEqual(["Other Medical Revenue", "Medical and Surgical Supply", "Promotion and Marketing", "IT Equipment"]);
  });

  test("a threshold of 10 % lets the small overruns through", () => {
    const s = budgetStatus(lines, 10, { overBudgetThreshold: "0.1" });
    // supply 250 ≤ 1,000 (10 % of 10,000); other revenue 1,000 ≤ 1,000; marketing 300 > 0; IT 2,000 > 500
    expect(s.linesOverBudget.map((r) => r.category)).toEqual(["Promotion and Marketing", "IT Equipment"]);
  });

  test("lines of the same category and type are one row", () => {
    const twice: BudgetLine[] = [
      { row: 2, category: "Drug Supply", lineType: "expense", budget: each(1000), actual: bookedThrough([500]) },
      { row: 8, category: " drug supply", lineType: "expense", budget: each(2000), actual: bookedThrough([700, 100]) },
    ];
    const s = budgetStatus(twice, 2);
    expect(s.byCategory).toHaveLength(1);
    // budget YTD (10 + 10) + (20 + 20) = 60.00; actual 5.00 + 7.00 + 1.00 = 13.00
    expect(s.byCategory[0]).toMatchObject({ category: "Drug Supply", rows: [2, 8], budgetYTD: 6000, actualYTD: 1300 });
  });
});

// ---------------------------------------------------------------- properties

const cents = fc.integer({ min: -1_000_000_000, max: 1_000_000_000 });
const lineArb = fc.record({
  row: fc.integer({ min: 1, max: 500 }),
  category: fc.constantFrom("Rent", "rent ", "Drug Supply", "Collections", "Equipment", "Misc"),
  lineType: fc.constantFrom<BudgetLine["lineType"]>("revenue", "expense", "capital"),
  budget: fc.array(cents, { minLength: 12, maxLength: 12 }),
  actual: fc.array(fc.option(cents, { nil: null }), { minLength: 12, maxLength: 12 }),
});
const asOf = fc.integer({ min: 1, max: 12 });

describe("properties", () => {
  test("category rows add up to the line-type totals, to the cent", () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 15 }), asOf, (ls, m) => {
        const s = budgetStatus(ls, m);
        for (const t of BUDGET_LINE_TYPES) {
          const rows = s.byCategory.filter((r) => r.lineType === t);
          for (const field of ["annualBudget", "budgetYTD", "actualYTD", "variance", "forecast", "runRate"] as const) {
            expect(rows.reduce((a, r) => a + r[field], 0)).toBe(s.totals[t][field]);
          }
          // and the lines themselves add up to the rows
          const ytd = ls.filter((l) => l.lineType === t).reduce((a, l) => a + budgetYearToDate(l, m).actualYTD, 0);
          expect(s.totals[t].actualYTD).toBe(ytd);
        }
        expect(s.netIncomeYTD).toBe(s.totals.revenue.actualYTD - s.totals.expense.actualYTD);
      }),
    );
  });

  test("forecast = actual YTD + Σ budget of the remaining months", () => {
    fc.assert(
      fc.property(lineArb, asOf, (line, m) => {
        let actualYTD = 0;
        for (let i = 0; i < m; i++) actualYTD += line.actual[i] ?? 0;
        let remaining = 0;
        for (let i = m; i < 12; i++) remaining += line.budget[i];
        expect(forecastForYear(line, m)).toBe(actualYTD + remaining);
      }),
    );
  });
});
