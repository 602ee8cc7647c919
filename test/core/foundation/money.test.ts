import Decimal from "decimal.js";
import {
  Money, centsFromDollars, centsToNumber, dollarsFromCents, formatCents, formatRate, ratio, rateToNumber, sumCents,
} from "../../../src/core/money";

describe("centsFromDollars", () => {
  it("converts plain amounts exactly", () => {
    // 1234.50 dollars × 100 = 123450 cents
    expect(centsFromDollars("1234.50")).toBe(123450);
    // 0.01 × 100 = 1
    expect(centsFromDollars("0.01")).toBe(1);
    // 0 → 0, and never -0
    expect(Object.is(centsFromDollars("0"), 0)).toBe(true);
    expect(Object.is(centsFromDollars("-0.00"), 0)).toBe(true);
    // an exact number: 25 → 2500
    expect(centsFromDollars(25)).toBe(2500);
    // a Decimal: 19.99 → 1999
    expect(centsFromDollars(new Decimal("19.99"))).toBe(1999);
  });

  it("rounds half up, away from zero, once", () => {
    // 10.005 → 1000.5 cents → half rounds up to 1001
    expect(centsFromDollars("10.005")).toBe(1001);
    // −10.005 → −1000.5 cents → half rounds away from zero to −1001
    expect(centsFromDollars("-10.005")).toBe(-1001);
    // 10.0049 → 1000.49 cents → 1000
    expect(centsFromDollars("10.0049")).toBe(1000);
    // 2.675 as text is exactly 2.675 → 267.5 cents → 268 (the double 2.675 is 2.67499…, text is not)
    expect(centsFromDollars("2.675")).toBe(268);
    // −0.004 → −0.4 cents → 0 (and not −0)
    expect(Object.is(centsFromDollars("-0.004"), 0)).toBe(true);
    // −0.005 → −0.5 cents → −1 (away from zero)
    expect(centsFromDollars("-0.005")).toBe(-1);
  });

  it("does not round twice on long decimal text", () => {
    // 0.00499999999999999999999999999999999999999999999 dollars = 0.4999… cents (47 significant
    // digits), below half a cent → 0. Scaling by 100 before rounding kept 40 digits, made it 0.5 and then 1.
    expect(centsFromDollars("0.00499999999999999999999999999999999999999999999")).toBe(0);
    expect(Object.is(centsFromDollars("-0.00499999999999999999999999999999999999999999999"), 0)).toBe(true);
  });

  it("has no 0.1 + 0.2 problem when sums are made in cents", () => {
    // 0.1 → 10 cents, 0.2 → 20 cents, 10 + 20 = 30 cents = 0.30 exactly
    const total = centsFromDollars("0.1") + centsFromDollars("0.2");
    expect(total).toBe(30);
    expect(total).toBe(centsFromDollars("0.3"));
    // the double 0.1 + 0.2 is 0.30000000000000004; as a Decimal value its text is that, which is 30.000000000000004 cents → 30
    expect(centsFromDollars(0.1 + 0.2)).toBe(30);
  });

  it("throws a RangeError past a safe integer of cents (callers that read cells check first)", () => {
    // 99999999999999999999 dollars = 9.99…e21 cents > 9007199254740991
    expect(() => centsFromDollars("99999999999999999999")).toThrow(RangeError);
    // 90071992547409.92 dollars = 9007199254740992 cents = 2^53, one past the largest safe integer
    expect(() => centsFromDollars("90071992547409.92")).toThrow(RangeError);
    // 90071992547409.91 dollars = 9007199254740991 cents = Number.MAX_SAFE_INTEGER, still exact
    expect(centsFromDollars("90071992547409.91")).toBe(Number.MAX_SAFE_INTEGER);
  });
});

describe("dollarsFromCents, centsToNumber, sumCents", () => {
  it("goes back to dollars exactly", () => {
    // 123450 / 100 = 1234.5
    expect(dollarsFromCents(123450).toString()).toBe("1234.5");
    // −5 / 100 = −0.05
    expect(dollarsFromCents(-5).toString()).toBe("-0.05");
    // 30 cents → the double written 0.3, unlike 0.1 + 0.2
    expect(centsToNumber(30)).toBe(0.3);
    // 4945 / 100 = 49.45
    expect(centsToNumber(4945)).toBe(49.45);
  });

  it("sums cents", () => {
    // 10 + 20 − 5 = 25
    expect(sumCents([10, 20, -5])).toBe(25);
    expect(sumCents([])).toBe(0);
  });
});

describe("formatCents", () => {
  it("writes a fixed two-decimal form", () => {
    // 123450 cents = 1234 dollars and 50 cents
    expect(formatCents(123450)).toBe("1234.50");
    // −5 cents = minus 0 dollars and 05 cents
    expect(formatCents(-5)).toBe("-0.05");
    expect(formatCents(0)).toBe("0.00");
    // −0 is no negative amount
    expect(formatCents(-0)).toBe("0.00");
    // 7 cents → "0.07"; 100 cents → "1.00"; −100001 → "-1000.01"
    expect(formatCents(7)).toBe("0.07");
    expect(formatCents(100)).toBe("1.00");
    expect(formatCents(-100001)).toBe("-1000.01");
    // no thousands separators, no exponent at the largest safe amount: 9007199254740991 cents
    expect(formatCents(Number.MAX_SAFE_INTEGER)).toBe("90071992547409.91");
  });
});

describe("ratio and formatRate", () => {
  it("divides exactly and is null on a zero denominator", () => {
    // 1 ÷ 4 = 0.25
    expect(ratio(1, 4)?.toString()).toBe("0.25");
    // 2500 ÷ 10000 cents = 0.25
    expect(ratio(2500, 10000)?.equals(new Decimal("0.25"))).toBe(true);
    expect(ratio(5, 0)).toBeNull();
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(5, "0.00")).toBeNull();
    // 0 ÷ 7 = 0, not null
    expect(ratio(0, 7)?.isZero()).toBe(true);
    // 1 ÷ 3 to 40 significant digits: 0.3333…3 (40 threes)
    expect(ratio(1, 3)?.toString()).toBe(`0.${"3".repeat(40)}`);
    // −3 ÷ 4 = −0.75
    expect(ratio(-3, 4)?.toString()).toBe("-0.75");
  });

  it("formats a rate to four places, half up, blank for null", () => {
    // 1/3 = 0.33333… → 0.3333
    expect(formatRate(ratio(1, 3))).toBe("0.3333");
    // 2/3 = 0.66666… → 0.6667
    expect(formatRate(ratio(2, 3))).toBe("0.6667");
    // 0.00005 is exactly half of the 4th place → rounds up to 0.0001
    expect(formatRate(new Money("0.00005"))).toBe("0.0001");
    // −0.00005 → half away from zero → −0.0001
    expect(formatRate(new Money("-0.00005"))).toBe("-0.0001");
    // 1 → "1.0000"; two places: 0.125 → 0.13 (half up)
    expect(formatRate(ratio(4, 4))).toBe("1.0000");
    expect(formatRate(new Money("0.125"), 2)).toBe("0.13");
    expect(formatRate(null)).toBe("");
    // −0.00001 rounds to zero: "0.0000", not "-0.0000"
    expect(formatRate(new Money("-0.00001"))).toBe("0.0000");
    expect(formatRate(new Money("-0.004"), 2)).toBe("0.00");
  });

  it("hands a rate to Excel as a number", () => {
    // 1 ÷ 4 = 0.25
    expect(rateToNumber(ratio(1, 4) as Decimal)).toBe(0.25);
  });
});
