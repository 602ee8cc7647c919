import * as path from "node:path";
import ExcelJS from "exceljs";
import type { SheetDescription } from "../core/sheet/sheetDescription";
import { renderSheet } from "./renderSheet";

/**
 * Writes the report into a COPY of the input workbook (a new sheet with a unique name; the input
 * file is only read), or into a new workbook when the input was a CSV. Returns the sheet's name.
 */
export async function writeReportWorkbook(input: string, output: string, sheet: SheetDescription): Promise<string> {
  if (path.resolve(input) === path.resolve(output)) {
    throw new Error("the output file must not be the input file: Practice Ledger never modifies the input");
  }
  const workbook = new ExcelJS.Workbook();
  const ext = path.extname(input).toLowerCase();
  if (ext === ".xlsx" || ext === ".xlsm") await workbook.xlsx.readFile(input);
  workbook.creator = workbook.creator || "Practice Ledger";
  const name = renderSheet(workbook, sheet);
  // Open on the report tab.
  const index = workbook.worksheets.findIndex((w) => w.name === name);
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: Math.max(index, 0), visibility: "visible" }];
  await workbook.xlsx.writeFile(output);
  return name;
}
