/* Without allowErrorForDataTypeAny (the generator's functions.json before the build adds it),
 * Excel does not call a function whose argument holds an error: the formula shows that error, with
 * no message naming the cell ("Manually create JSON metadata for custom functions",
 * allowErrorForDataTypeAny, https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json#allowerrorfordatatypeany).
 * The harness follows the metadata; the build's metadata lets the function name the cell. */
process.env.PRACTICE_HARNESS_METADATA = "generator";

import { practiceEngine } from "./hyperformulaHarness";

describe("arguments holding an error, with the generator's metadata alone", () => {
  it("short-circuits: the formula shows the argument's error and the function is not called", () => {
    const hf = practiceEngine({
      Data: [["Balance", "DOS"], [100, 46326], ["=NA()", 46300]],
      Calc: [["=PRACTICE.ARAGING(Data!A1:A3,Data!B1:B3,46326)"]],
    });
    const value = hf.getCellValue({ sheet: hf.getSheetId("Calc") as number, row: 0, col: 0 }) as { value: string; message: string };
    expect(value.value).toBe("#N/A");
    expect(value.message).not.toMatch(/balances, row/);
  });
});
