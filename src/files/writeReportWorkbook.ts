import * as path from "node:path";
import ExcelJS from "exceljs";
import type { SheetDescription } from "../core/sheet/sheetDescription";
import { renderSheet } from "./renderSheet";
import { addSheetToXlsxCopy } from "./xlsxInject";
import { withinCellTextLimit } from "./excelTextLimit";

/**
 * Writes the report into a COPY of the input workbook (a new sheet with a unique name, opened as
 * the active tab; the input file is only read and the user's sheets are copied byte for byte), or
 * into a new workbook when the input was a CSV. Returns the sheet's name.
 */
export async function writeReportWorkbook(input: string, output: string, description: SheetDescription): Promise<string> {
  const sheet = withinCellTextLimit(description);
  if (path.resolve(input) === path.resolve(output)) {
    throw new Error("the output file must not be the input file: Practice Ledger never modifies the input");
  }
  const ext = path.extname(input).toLowerCase();
  if (ext === ".xlsx" || ext === ".xlsm") return addSheetToXlsxCopy(input, output, sheet);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Practice Ledger";
  const name = renderSheet(workbook, sheet);
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: "visible" }];
  await workbook.xlsx.writeFile(output);
  return name;
}
