import { CellError } from "hyperformula";
import { balance } from "../../src/functions/functions";
import { ExcelErrorValue } from "../../src/functions/excelError";
import { practiceEngine } from "./hyperformulaHarness";

describe("PRACTICE.BALANCE", () => {
  it("subtracts payments and adjustments from the charge, to the cent", () => {
    // 150.00 − 80.10 − 20.00 − 39.90 − 0 = 10.00
    expect(balance(150, 80.1, 20, 39.9, 0)).toBe(10);
    // 0.30 − 0.10 − 0.20 = 0.00 exactly (binary floating point would give 5.55e-17)
    expect(balance(0.3, 0.1, 0.2)).toBe(0);
  });

  it("reads amounts stored as text and treats blanks as 0", () => {
    // "$1,234.50" − "(25.00)" = 1234.50 − (−25.00) = 1259.50
    expect(balance("$1,234.50", "(25.00)", null, "", undefined)).toBe(1259.5);
  });

  it("returns #VALUE! naming the argument for unreadable input, never throws", () => {
    const result = balance("abc", 1);
    expect(result).toBeInstanceOf(ExcelErrorValue);
    expect((result as ExcelErrorValue).code).toBe("#VALUE!");
    expect((result as ExcelErrorValue).message).toMatch(/^charge: not an amount/);
    expect((balance(100, "#N/A") as ExcelErrorValue).message).toMatch(/insurancePaid: the cell holds the error #N\/A/);
  });

  it("evaluates inside a formula engine", () => {
    const hf = practiceEngine({
      Claims: [
        ["Charge", "Ins Paid", "Pt Paid", "Adj", "Other", "Balance"],
        [250, 120.55, 20, 60, null, "=PRACTICE.BALANCE(A2,B2,C2,D2,E2)"],
        ["$99.99", "", "", "", "", "=PRACTICE.BALANCE(A3,B3,C3,D3,E3)"],
        ["oops", 1, 0, 0, 0, "=PRACTICE.BALANCE(A4,B4,C4,D4,E4)"],
        [100, 50, null, null, null, "=PRACTICE.BALANCE(A5,B5)"],
      ],
    });
    const sheet = hf.getSheetId("Claims") as number;
    // 250 − 120.55 − 20 − 60 − 0 = 49.45
    expect(hf.getCellValue({ sheet, row: 1, col: 5 })).toBe(49.45);
    expect(hf.getCellValue({ sheet, row: 2, col: 5 })).toBe(99.99);
    const err = hf.getCellValue({ sheet, row: 3, col: 5 });
    expect(err).toMatchObject({ value: "#VALUE!" });
    expect(String((err as { message?: string }).message)).toMatch(/charge: not an amount/);
    // optional arguments left out: 100 − 50 = 50
    expect(hf.getCellValue({ sheet, row: 4, col: 5 })).toBe(50);
    hf.destroy();
    void CellError;
  });
});
