import fc from "fast-check";
import Decimal from "decimal.js";
import { parseMoney, type Parsed } from "../../../src/core/cells";

const value = (p: Parsed<number>): number => {
  if (p.kind !== "value") throw new Error(`expected a value, got ${JSON.stringify(p)}`);
  return p.value;
};
const invalidMessage = (p: Parsed<number>): string => {
  if (p.kind !== "invalid") throw new Error(`expected invalid, got ${JSON.stringify(p)}`);
  return p.message;
};

describe("parseMoney on numbers", () => {
  it("reads whole cents exactly", () => {
    // 123.45 dollars = 12345 cents
    expect(parseMoney(123.45)).toEqual({ kind: "value", value: 12345 });
    expect(value(parseMoney(0))).toBe(0);
    expect(Object.is(value(parseMoney(-0)), 0)).toBe(true); // never −0
    // −25 → −2500
    expect(value(parseMoney(-25))).toBe(-2500);
    // 49.45: the double is 49.4500000000000028…, still the nearest to 4945 cents / 100
    expect(value(parseMoney(49.45))).toBe(4945);
  });

  it("reads binary floating point leftovers as the amount Excel shows", () => {
    // 0.1 + 0.2 = 0.30000000000000004 in doubles; its shortest text has 17 digits → 30.000000000000004 cents → 30
    expect(value(parseMoney(0.1 + 0.2))).toBe(30);
    // 10.005 is shown as 10.005 → 1000.5 cents → half up → 1001
    expect(value(parseMoney(10.005))).toBe(1001);
    // −10.005 → −1000.5 cents → half away from zero → −1001
    expect(value(parseMoney(-10.005))).toBe(-1001);
    // 1.005: the double is 1.00499999999999989…, but it is shown (and typed) as 1.005 → 100.5 cents → 101
    expect(value(parseMoney(1.005))).toBe(101);
    // 2.675: the double is 2.67499999999999982…, shown as 2.675 → 267.5 cents → 268
    expect(value(parseMoney(2.675))).toBe(268);
    // 1.004 → 100.4 cents → 100
    expect(value(parseMoney(1.004))).toBe(100);
    // 1e-7 dollars → 0.00001 cents → 0
    expect(value(parseMoney(1e-7))).toBe(0);
  });

  it("refuses numbers out of range and non-finite numbers", () => {
    // 90 trillion dollars is the largest amount read: 9e13 × 100 = 9e15 cents, a safe integer
    expect(value(parseMoney(9e13))).toBe(9e15);
    expect(invalidMessage(parseMoney(9.1e13))).toMatch(/too large/);
    expect(invalidMessage(parseMoney(1e21))).toMatch(/too large/);
    expect(invalidMessage(parseMoney(-1e21))).toMatch(/too large/);
    expect(invalidMessage(parseMoney(Number.MAX_VALUE))).toMatch(/too large/);
    expect(parseMoney(Number.NaN)).toEqual({ kind: "invalid", message: "not a finite number", found: "NaN" });
    expect(parseMoney(Number.POSITIVE_INFINITY)).toMatchObject({ kind: "invalid", found: "Infinity" });
    expect(parseMoney(Number.NEGATIVE_INFINITY)).toMatchObject({ kind: "invalid", found: "-Infinity" });
  });
});

describe("parseMoney on text", () => {
  it.each([
    // text, cents, the arithmetic
    ["$1,234.50", 123450, "1234.50 × 100"],
    ["1234.5", 123450, "1234.5 × 100"],
    [".50", 50, "0.50 × 100"],
    ["(25.00)", -2500, "parentheses: negative 25.00"],
    ["($25.00)", -2500, "parentheses around a dollar sign"],
    ["25.00-", -2500, "trailing minus"],
    ["-$25", -2500, "minus before the dollar sign"],
    ["$-25", -2500, "minus after the dollar sign"],
    ["+5", 500, "explicit plus"],
    [" 1,000 ", 100000, "spaces trimmed; 1000 × 100"],
    ["1,000,000.00", 100000000, "1000000 × 100"],
    ["$ 25", 2500, "space after the dollar sign"],
    ["25$", 2500, "dollar sign after"],
    ["0", 0, "zero"],
    ["-0.00", 0, "minus zero is zero"],
    ["$1,234.567", 123457, "123456.7 cents → half up … .7 → 123457"],
    ["10.005", 1001, "1000.5 cents → half up → 1001"],
    ["-10.005", -1001, "−1000.5 cents → half away from zero → −1001"],
    ["0.004", 0, "0.4 cents → 0"],
    ["\u00a01,000.25\u00a0", 100025, "non-breaking spaces trimmed; 1000.25 × 100"],
    ["90000000000000", 9e15, "the largest amount read, 9e13 × 100"],
  ])("%s → %d cents (%s)", (text, cents) => {
    const parsed = parseMoney(text);
    expect(parsed).toEqual({ kind: "value", value: cents });
    if (parsed.kind === "value") expect(Object.is(parsed.value, -0)).toBe(false);
  });

  it.each([
    ["1,23"],
    ["1 234,50"],
    ["1.234,50"],
    ["12,5"],
  ])("refuses %s as a decimal-comma amount, saying so", (text) => {
    expect(parseMoney(text)).toEqual({
      kind: "invalid",
      message: "looks like an amount with a decimal comma; write it as 1234.50",
      found: text,
    });
  });

  it.each([
    ["abc"], ["$"], ["()"], ["-"], ["."], ["$."], ["1,2345"], ["12,34,567"], ["1.2.3"], ["1e5"], ["0x10"], ["5 5"],
    ["USD 25"], ["25 dollars"], ["Infinity"], ["NaN"],
  ])("refuses %s as not an amount", (text) => {
    expect(parseMoney(text)).toEqual({ kind: "invalid", message: "not an amount", found: text });
  });

  it("refuses two signs rather than reading a double negative", () => {
    // "(-25)" used to read as +25.00, "-25-" as +25.00
    for (const text of ["(-25)", "-25-", "(25)-", "+-5", "-$-25", "--25"]) {
      const parsed = parseMoney(text);
      expect(parsed.kind).toBe("invalid");
    }
    expect(invalidMessage(parseMoney("(-25)"))).toMatch(/more than one sign/);
  });

  it("refuses huge amounts as text instead of throwing a RangeError", () => {
    // 99999999999999999999 dollars is far past 9e13; centsFromDollars would throw
    expect(parseMoney("99999999999999999999")).toEqual({ kind: "invalid", message: "amount too large", found: "99999999999999999999" });
    expect(invalidMessage(parseMoney("-99,999,999,999,999,999,999.99"))).toBe("amount too large");
    expect(invalidMessage(parseMoney("90000000000000.01"))).toBe("amount too large");
    expect(invalidMessage(parseMoney(`1${"0".repeat(400)}`))).toBe("amount too large");
  });

  it("keeps leading zeros and long decimals exact", () => {
    // 000012.34 = 12.34 → 1234
    expect(value(parseMoney("000012.34"))).toBe(1234);
    // 0.00499…9 (47 significant digits) is below half a cent → 0
    expect(value(parseMoney("0.00499999999999999999999999999999999999999999999"))).toBe(0);
  });
});

describe("parseMoney on other values", () => {
  it("refuses booleans and dates", () => {
    expect(parseMoney(true)).toEqual({ kind: "invalid", message: "TRUE/FALSE is not an amount", found: "true" });
    expect(parseMoney(false)).toMatchObject({ kind: "invalid", message: "TRUE/FALSE is not an amount" });
    expect(parseMoney(new Date(Date.UTC(2026, 9, 31)))).toEqual({ kind: "invalid", message: "not an amount", found: "2026-10-31" });
    expect(parseMoney({ a: 1 })).toMatchObject({ kind: "invalid", message: "not an amount" });
    expect(parseMoney([1])).toMatchObject({ kind: "invalid" });
    expect(parseMoney(BigInt(5))).toMatchObject({ kind: "invalid" });
    expect(parseMoney(Symbol("x"))).toMatchObject({ kind: "invalid" });
  });

  it.each([
    ["#N/A", "#N/A"],
    [" #div/0! ", "#DIV/0!"],
    [{ error: "#DIV/0!" }, "#DIV/0!"], // ExcelJS
    [{ type: "NA" }, "#N/A"], // HyperFormula CellError
    [{ type: "DIV_BY_ZERO", message: "" }, "#DIV/0!"],
    [{ type: "VALUE", value: "#VALUE!" }, "#VALUE!"],
    [{ code: "#VALUE!" }, "#VALUE!"], // CustomFunctions.Error
    [{ code: "invalidValue" }, "#VALUE!"],
    [{ type: "Error", basicValue: "#REF!", errorType: "Ref" }, "#REF!"], // Office.js valuesAsJson
  ])("refuses the error value %p as %s", (cell, code) => {
    expect(parseMoney(cell)).toEqual({ kind: "invalid", message: `the cell holds the error ${code}, not an amount`, found: code });
  });

  it.each([[null], [undefined], [""], ["  "], ["\u00a0"], ["\t\n"]])("reads %p as blank", (cell) => {
    expect(parseMoney(cell)).toEqual({ kind: "blank" });
  });
});

describe("parseMoney's integer fast path for plain amounts (issue 13: six million of them in a CSV export of a million lines)", () => {
  // The expected cents are worked out with decimal.js on the text (round half up to the cent, as
  // definitions.md and centsFromDollars round), not by the code under test.
  const expected = (text: string): number | null => {
    const m = /^\s*(\(?)\s*([+-]?)\s*(\$?)\s*(\d*(?:\.\d+)?)\s*(\$?)\s*(-?)\s*(\)?)\s*$/.exec(text);
    if (m === null || m[4] === "" || m[4] === ".") return null;
    const negative = m[1] === "(" || m[2] === "-" || m[6] === "-";
    const cents = new Decimal(m[4]).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).times(100).toNumber();
    return negative && cents !== 0 ? -cents : cents;
  };
  test("plain amounts of up to 13 digits and up to two decimals, signed or not, read to the exact cent", () => {
    const amount = fc.tuple(fc.stringMatching(/^\d{0,13}$/), fc.constantFrom("", ".", ".0", ".5", ".05", ".50", ".99", ".1"), fc.constantFrom("", "-", "$", "-$", "$-", "(", "+"));
    fc.assert(
      fc.property(amount, ([whole, fraction, sign]) => {
        const digits = `${whole}${fraction}`;
        if (digits === "" || digits === "." || (fraction === "." && whole !== "")) return; // not amounts, tested elsewhere
        const text = sign === "(" ? `(${digits})` : sign === "$-" ? `$-${digits}` : `${sign}${digits}`;
        const parsed = parseMoney(text);
        const want = expected(text.replace("$-", "-$"));
        expect(parsed).toEqual(want === null ? expect.objectContaining({ kind: "invalid" }) : { kind: "value", value: want });
      }),
      { numRuns: 3000 },
    );
  });
  test("what the fast path does not take still reads as before", () => {
    expect(parseMoney("1,234.50")).toEqual({ kind: "value", value: 123450 });
    expect(parseMoney("0.005")).toEqual({ kind: "value", value: 1 }); // half up
    expect(parseMoney("12345678901234.00")).toEqual({ kind: "value", value: 1234567890123400 }); // 14 digits: the general path
    expect(parseMoney("99999999999999.00")).toEqual(expect.objectContaining({ kind: "invalid" })); // over 9e13 dollars
    expect(parseMoney("5.")).toEqual(expect.objectContaining({ kind: "invalid" }));
    expect(parseMoney("-0.00")).toEqual({ kind: "value", value: 0 });
    expect(Object.is((parseMoney("-0.00") as { value: number }).value, 0)).toBe(true);
  });
});
