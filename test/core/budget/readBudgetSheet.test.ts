import fc from "fast-check";
import { mergeBudgetAndActual, parseMonthHeader, readBudgetSheet } from "../../../src/core/budget";

const zeros = (n: number): number[] => new Array<number>(n).fill(0);
const nulls = (n: number): null[] => new Array<null>(n).fill(null);

describe("months as columns, Jan-26 headings, a subtotal row and a bad cell", () => {
  const grid = [
    ["Sunrise Family Medicine: Budget 2026"], // row 1: title
    [], // row 2
    ["Category", "Jan-26", "Feb-26", "Mar-26", "Apr-26", "May-26", "Jun-26", "Jul-26", "Aug-26", "Sep-26", "Oct-26", "Nov-26", "Dec-26", "Total"], // row 3
    ["Revenue"], // row 4: section heading
    ["Fee-for-service collections", 50000, 50000, 50000, 50000, 50000, 50000, 50000, 50000, 50000, 50000, 50000, 50000, 600000], // row 5
    ["Other medical revenue", "$1,000.00", 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 12000], // row 6
    ["Total revenue", 51000, 51000, 51000, 51000, 51000, 51000, 51000, 51000, 51000, 51000, 51000, 51000, 612000], // row 7
    ["Expenses"], // row 8
    ["Support staff salaries & benefits", 20000.5, 20000.5, 20000.5, 20000.5, 20000.5, 20000.5, 20000.5, 20000.5, 20000.5, 20000.5, 20000.5, 20000.5, 240006], // row 9
    ["Drug supply", 300, "three hundred", 300, 300, 300, 300, 300, 300, 300, 300, 300, 300, 3600], // row 10: bad cell C10
    ["Subtotal", 20300.5, 20300.5, 20300.5, 20300.5, 20300.5, 20300.5, 20300.5, 20300.5, 20300.5, 20300.5, 20300.5, 20300.5, 243606], // row 11
    ["Net income", 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 12], // row 12
  ];
  const read = readBudgetSheet(grid, { sheet: "Budget" });

  test("lines, with line types from the section headings", () => {
    expect(read.lines.map((l) => [l.row, l.category, l.lineType])).toEqual([
      [5, "Fee-for-service collections", "revenue"],
      [6, "Other medical revenue", "revenue"],
      [9, "Support staff salaries & benefits", "expense"],
      [10, "Drug supply", "expense"],
    ]);
    expect(read.lines[0].budget).toEqual(new Array(12).fill(5000000)); // 50,000 → 5,000,000 cents
    expect(read.lines[1].budget[0]).toBe(100000); // "$1,000.00" → 100,000 cents
    expect(read.lines[2].budget[11]).toBe(2000050); // 20,000.50 → 2,000,050 cents
    // February of drug supply is unreadable: read as blank (0 budget); the other months are 300.00
    expect(read.lines[3].budget).toEqual([30000, 0, ...new Array(10).fill(30000)]);
    expect(read.lines[3].actual).toEqual(nulls(12)); // a budget sheet books no actuals
  });

  test("the bad cell is an issue naming sheet, row and column", () => {
    expect(read.issues).toEqual([
      {
        sheet: "Budget", row: 10, column: "C", severity: "error", field: "budget", found: "three hundred",
        message: "February budget: not an amount; read as blank",
      },
    ]);
  });

  test("subtotal, total and net income rows and the Total column are left out and listed", () => {
    expect(read.layout.leftOut).toEqual([
      { column: "N", label: "Total", reason: "total column" },
      { row: 7, label: "Total revenue", reason: "subtotal or total row" },
      { row: 11, label: "Subtotal", reason: "subtotal or total row" },
      { row: 12, label: "Net income", reason: "subtotal or total row" },
    ]);
  });

  test("layout", () => {
    expect(read.layout).toMatchObject({
      sheet: "Budget", orientation: "monthsAsColumns", headerRows: [3], categoryColumn: "A", typeColumn: null,
      values: "budget", year: 2026, title: "Sunrise Family Medicine: Budget 2026",
    });
  });
});

describe("months as rows, categories across", () => {
  const grid = [
    ["2026 expenses by month"], // row 1
    ["", "Expenses", "", "Capital"], // row 2: sections, carried right
    ["Month", "Rent", "Drug Supply", "Medical Equipment", "Total"], // row 3
    ["January", 4000, 250, 0, 4250], // row 4
    ["February", 4000, 250, 12000, 16250], // row 5
    ["March", 4000, "#N/A", 0, 4000], // row 6: error value in C6
    ["April", 4000, 250, 0, 4250], // row 7
    ["Total", 16000, 750, 12000, 28750], // row 8
  ];
  const read = readBudgetSheet(grid, { sheet: "By month" });

  test("one line per category column", () => {
    expect(read.lines).toEqual([
      { row: 3, column: "B", category: "Rent", lineType: "expense", budget: [400000, 400000, 400000, 400000, ...zeros(8)], actual: nulls(12) },
      { row: 3, column: "C", category: "Drug Supply", lineType: "expense", budget: [25000, 25000, 0, 25000, ...zeros(8)], actual: nulls(12) },
      { row: 3, column: "D", category: "Medical Equipment", lineType: "capital", budget: [0, 1200000, 0, 0, ...zeros(8)], actual: nulls(12) },
    ]);
  });

  test("the error value is reported at By month!C6; the total row and column are left out", () => {
    expect(read.issues).toEqual([
      {
        sheet: "By month", row: 6, column: "C", severity: "error", field: "budget", found: "#N/A",
        message: "March budget: the cell holds the error #N/A, not an amount; read as blank",
      },
    ]);
    expect(read.layout.leftOut).toEqual([
      { column: "E", label: "Total", reason: "subtotal or total column" },
      { row: 8, label: "Total", reason: "subtotal or total row" },
    ]);
    expect(read.layout).toMatchObject({ orientation: "monthsAsRows", monthColumn: "A", headerRows: [3], year: 2026 });
  });
});

describe("real dates as headings", () => {
  // Excel serials: 2026-01-01 = 25569 (1970-01-01) + 20454 days (56 × 365 + 14 leap days) = 46023;
  // Feb 1 = 46023 + 31 = 46054; Mar 1 = 46054 + 28 = 46082; Apr 1 = 46082 + 31 = 46113.
  test("Excel serial numbers", () => {
    const grid = [
      ["", "Line", 46023, 46054, 46082, 46113], // row 1
      ["Capital", null, null, null, null, null], // row 2: heading in column A
      ["", "Medical equipment", 0, 25000, 0, 0], // row 3
      ["", "IT equipment", 1500, 0, "12/31", 0], // row 4: F4 is not an amount
    ];
    const read = readBudgetSheet(grid, { sheet: "Capital" });
    expect(read.lines.map((l) => [l.row, l.category, l.lineType, l.budget.slice(0, 4)])).toEqual([
      [3, "Medical equipment", "capital", [0, 2500000, 0, 0]],
      [4, "IT equipment", "capital", [150000, 0, 0, 0]],
    ]);
    expect(read.issues).toEqual([
      { sheet: "Capital", row: 4, column: "E", severity: "error", field: "budget", found: "12/31", message: "March budget: not an amount; read as blank" },
    ]);
    expect(read.layout).toMatchObject({ orientation: "monthsAsColumns", categoryColumn: "B", year: 2026 });
  });

  test("Date objects (as ExcelJS hands date cells over), month-end dates", () => {
    const grid = [
      ["Category", new Date(Date.UTC(2026, 0, 31)), new Date(Date.UTC(2026, 1, 28)), new Date(Date.UTC(2026, 2, 31))],
      ["Rent", 4000, 4000, 4100],
    ];
    const read = readBudgetSheet(grid);
    expect(read.lines[0].budget.slice(0, 4)).toEqual([400000, 400000, 410000, 0]);
    expect(read.layout.year).toBe(2026);
  });

  test("a row of amounts is not taken for dates", () => {
    // 45000, 45040, 45080 would be 2023-03-15, 2023-04-24, 2023-06-03: not one day of the month, so not headings
    const read = readBudgetSheet([["Rent", 45000, 45040, 45080]]);
    expect(read.lines).toEqual([]);
    expect(read.issues[0].message).toMatch(/no month headings/);
  });
});

describe("budget and actual in one grid", () => {
  test("a Type column", () => {
    const grid = [
      ["Category", "Type", "Jan", "Feb", "Mar"], // row 1
      ["Rent", "Budget", 4000, 4000, 4000], // row 2
      ["Rent", "Actual", 4000, 4100.25, null], // row 3: March not yet booked
      ["Drug supply", "Budget", 300, 300, 300], // row 4
      ["Drug supply", "Forecast", 310, 290, 300], // row 5: unknown type
      ["Drug supply", "Actual", 280, 0, ""], // row 6
    ];
    const read = readBudgetSheet(grid, { sheet: "BvA" });
    expect(read.lines).toEqual([
      { row: 2, category: "Rent", lineType: "expense", budget: [400000, 400000, 400000, ...zeros(9)], actual: [400000, 410025, ...nulls(10)] },
      { row: 4, category: "Drug supply", lineType: "expense", budget: [30000, 30000, 30000, ...zeros(9)], actual: [28000, 0, ...nulls(10)] },
    ]);
    expect(read.issues).toEqual([
      { sheet: "BvA", row: 5, column: "B", severity: "error", field: "type", found: "Forecast", message: 'type must be "Budget" or "Actual"; row left out' },
    ]);
    expect(read.layout).toMatchObject({ typeColumn: "B", categoryColumn: "A", values: "budget and actual" });
  });

  test('paired columns "Jan Budget" / "Jan Actual"', () => {
    const grid = [
      ["Category", "Jan Budget", "Jan Actual", "Feb Budget", "Feb Actual", "Mar Budget", "Mar Actual"],
      ["Revenue"],
      ["Collections", 10000, 11000, 10000, 9000, 10000, null],
    ];
    const read = readBudgetSheet(grid);
    expect(read.lines).toEqual([
      { row: 3, category: "Collections", lineType: "revenue", budget: [1000000, 1000000, 1000000, ...zeros(9)], actual: [1100000, 900000, ...nulls(10)] },
    ]);
  });

  test("a month heading over a Budget | Actual row", () => {
    const grid = [
      ["Category", "Jan", "", "Feb", "", "Mar", "", "Total"],
      ["", "Budget", "Actual", "Budget", "Actual", "Budget", "Actual", "Budget"],
      ["Medical and surgical supply", 100, 110, 100, 90, 100, null, 300],
    ];
    const read = readBudgetSheet(grid);
    expect(read.lines[0]).toMatchObject({ category: "Medical and surgical supply", lineType: "expense", budget: [10000, 10000, 10000, ...zeros(9)], actual: [11000, 9000, ...nulls(10)] });
    expect(read.layout.leftOut).toEqual([{ column: "H", label: "Total", reason: "total column" }]);
  });

  test("a Budget block and an Actual block, each with its heading row", () => {
    const grid = [
      ["Budget 2026"], // 1
      ["Category", "Jan", "Feb", "Mar"], // 2
      ["Rent", 1000, 1000, 1000], // 3
      ["Drug supply", 200, 200, 200], // 4
      [], // 5
      ["Actual 2026"], // 6
      ["Category", "Jan", "Feb", "Mar"], // 7
      ["Rent", 1000, 1000.01, null], // 8
      ["Drug supply", 210, 190, null], // 9
    ];
    const read = readBudgetSheet(grid);
    expect(read.lines).toEqual([
      { row: 3, category: "Rent", lineType: "expense", budget: [100000, 100000, 100000, ...zeros(9)], actual: [100000, 100001, ...nulls(10)] },
      { row: 4, category: "Drug supply", lineType: "expense", budget: [20000, 20000, 20000, ...zeros(9)], actual: [21000, 19000, ...nulls(10)] },
    ]);
    expect(read.layout.headerRows).toEqual([2, 7]);
  });
});

describe("two sheets, one budget and one actual", () => {
  const layout = (rows: (string | number | null)[][]): (string | number | null)[][] => [["Category", "Jan", "Feb", "Mar"], ["Revenue"], ...rows];
  const budget = readBudgetSheet(layout([["Collections", 10000, 10000, 10000], ["Expenses"], ["Rent", 1000, 1000, 1000]]), { sheet: "Budget" });
  const actual = readBudgetSheet(layout([["Collections", 9500, 10500, null], ["Expenses"], ["Rent", 1000, 1000, null], ["Locum fees", 500, null, null]]), { sheet: "Actuals" });

  test("the actual sheet is read as actuals from its name", () => {
    expect(actual.layout.values).toBe("actual");
    expect(actual.lines[0].actual.slice(0, 3)).toEqual([950000, 1050000, null]);
  });

  test("merged by category and line type", () => {
    const merged = mergeBudgetAndActual(budget, actual);
    expect(merged.lines).toEqual([
      { row: 3, category: "Collections", lineType: "revenue", budget: [1000000, 1000000, 1000000, ...zeros(9)], actual: [950000, 1050000, ...nulls(10)] },
      { row: 5, category: "Rent", lineType: "expense", budget: [100000, 100000, 100000, ...zeros(9)], actual: [100000, 100000, ...nulls(10)] },
      { row: 6, category: "Locum fees", lineType: "expense", budget: zeros(12), actual: [50000, ...nulls(11)] },
    ]);
    expect(merged.issues).toEqual([
      { sheet: "Actuals", row: 6, severity: "warning", found: "Locum fees", message: '"Locum fees" has actuals but no line in the budget; added with a budget of 0' },
    ]);
  });
});

describe("other sheets", () => {
  test("no month headings: one issue, no lines", () => {
    const read = readBudgetSheet([["Category", "Amount"], ["Rent", 100]], { sheet: "Notes" });
    expect(read.lines).toEqual([]);
    expect(read.issues).toHaveLength(1);
    expect(read.issues[0]).toMatchObject({ sheet: "Notes", row: 1, severity: "error" });
  });

  test("without section headings, the line type comes from the name, else expense with a warning", () => {
    const read = readBudgetSheet([["", "Jan", "Feb", "Mar"], ["Capitation revenue", 1, 1, 1], ["IT Equipment", 2, 2, 2], ["Widgets", 3, 3, 3]], { sheet: "S" });
    expect(read.lines.map((l) => l.lineType)).toEqual(["revenue", "capital", "expense"]);
    expect(read.issues).toEqual([
      expect.objectContaining({ sheet: "S", row: 4, column: "A", severity: "warning", found: "Widgets" }),
    ]);
  });

  test("the year option leaves out months of another year", () => {
    const read = readBudgetSheet([["", "Dec 2025", "Jan 2026", "Feb 2026", "Mar 2026"], ["Rent", 9, 1, 2, 3]], { year: 2026 });
    expect(read.lines[0].budget.slice(0, 3)).toEqual([100, 200, 300]);
    expect(read.lines[0].budget[11]).toBe(0); // December 2025 is not this year's December
    expect(read.layout.leftOut).toEqual([{ column: "B", label: "Dec 2025", reason: "month of 2025, not 2026" }]);
  });

  test("never throws, whatever the cells", () => {
    const cell = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.constant(null), fc.boolean(), fc.date(), fc.constantFrom("Jan", "Feb", "Mar", "Total", "Budget", "Actual", "Revenue", 46023, "#N/A"));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 10 }), (grid) => {
        const read = readBudgetSheet(grid, { sheet: "Fuzz" });
        for (const line of read.lines) {
          expect(line.budget).toHaveLength(12);
          expect(line.actual).toHaveLength(12);
          for (const b of line.budget) expect(Number.isSafeInteger(b)).toBe(true);
        }
        for (const issue of read.issues) expect(issue.sheet).toBe("Fuzz");
      }),
    );
  });
});

describe("month headings", () => {
  test.each([
    ["Jan", 1, null, null],
    ["January", 1, null, null],
    ["Sept", 9, null, null],
    ["Jan-26", 1, 2026, null], // mmm-yy: 26 is the year
    ["Jan 2026", 1, 2026, null],
    ["1/2026", 1, 2026, null],
    ["2026-03", 3, 2026, null],
    ["Jan Budget", 1, null, "budget"],
    ["Actual - Feb 2026", 2, 2026, "actual"],
    [46023, 1, 2026, null], // 2026-01-01
    ["12/31/2026", 12, 2026, null],
  ])("%p", (cell, month, year, kind) => {
    expect(parseMonthHeader(cell)).toMatchObject({ month, year, kind });
  });

  test.each([["Rent"], [4000], [45000.5], ["Total"], [""], [null], ["Budget vs Actual Jan"]])("not a month: %p", (cell) => {
    expect(parseMonthHeader(cell)).toBeNull();
  });
});
