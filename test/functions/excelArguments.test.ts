import fc from "fast-check";
import { EXCEL_LARGEST_NUMBER, plainArgument } from "../../src/functions/excelArguments";
import { FunctionInputError } from "../../src/functions/excelError";
import { ageBucket } from "../../src/functions/functions";

describe("plainArgument", () => {
  it("returns a range of plain cells as it is (no copy) and leaves the caller's range untouched", () => {
    const grid = [[1, "Aetna", null, true]];
    expect(plainArgument(grid, "x")).toBe(grid);
    const withData = [[1, { type: "FormattedNumber", basicValue: 2.5, numberFormat: "0.0" }], [3, 4]];
    const made = plainArgument(withData, "amounts") as unknown[][];
    expect(made).toEqual([[1, 2.5], [3, 4]]);
    expect(made[1]).toBe(withData[1]); // rows without an object are shared
    expect((withData[0][1] as { basicValue: number }).basicValue).toBe(2.5); // not changed
  });

  it("names the cell of a number no cell can hold or of a compound data type", () => {
    expect(() => plainArgument([[1], [Infinity]], "balances")).toThrow(new FunctionInputError("#VALUE!", "balances, row 2 of the range: Infinity is not a number Excel can hold (at most ±9.99999999999999E+307)"));
    expect(() => plainArgument([[1, { type: "WebImage", address: "https://x" }]], "payers")).toThrow(/^payers, column 2 of the range: the cell holds a data type \(WebImage\)/);
  });

  it("property: every finite number Excel holds passes through unchanged", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.double({ noNaN: true, min: -EXCEL_LARGEST_NUMBER, max: EXCEL_LARGEST_NUMBER }), { minLength: 1, maxLength: 4 }), { maxLength: 6 }), (grid) => {
        expect(plainArgument(grid, "x")).toBe(grid);
      }),
    );
  });
});

describe("bucket bounds from a range with empty cells passed as 0", () => {
  it("reads {30,60,90,120} followed by empty cells as the four bounds", () => {
    // As-of 2026-10-31 (serial 46,326), DOS 2026-08-31 (46,265): age 61, bucket 61-90.
    expect(ageBucket(46265, 46326, [[30, 60, 90, 120, 0, 0]])).toBe("61-90");
  });
});
