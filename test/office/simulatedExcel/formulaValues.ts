/**
 * Computed values of the simulated host's formula cells. Excel's Range.values gives a formula
 * cell's calculated value, never its formula or 0 ("Range.values: Represents the raw values of the
 * specified range", Excel.Range reference,
 * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member;
 * formulas are read through Range.formulas). The simulated host recalculates with HyperFormula
 * (a formula engine with Excel's function semantics for the functions our templates use: IF, ROUND,
 * ISNUMBER, TODAY, cross-sheet A1 references), once per change of the workbook.
 */
import { DetailedCellError, HyperFormula } from "hyperformula";

export type SheetContents = { name: string; cells: (string | number | boolean | null)[][] };

export interface FormulaValues {
  value(sheet: string, r: number, c: number): string | number | boolean;
}

/** A calculated workbook: the value of any cell, formula cells computed. */
export function calculate(sheets: readonly SheetContents[]): FormulaValues {
  const input: Record<string, (string | number | boolean | null)[][]> = {};
  for (const s of sheets) input[s.name] = s.cells;
  const hf = HyperFormula.buildFromSheets(input, { licenseKey: "gpl-v3" });
  return {
    value(sheet, r, c) {
      const id = hf.getSheetId(sheet);
      if (id === undefined) return "";
      const v = hf.getCellValue({ sheet: id, row: r, col: c });
      if (v instanceof DetailedCellError) return v.value; // "#DIV/0!", as Range.values gives an error
      if (v === null || v === undefined) return "";
      return v as string | number | boolean;
    },
  };
}
