import ExcelJS from "exceljs";
import type { SheetDescription } from "../core/sheet/sheetDescription";
import { renderSheet } from "./renderSheet";
import { addChartsToXlsx } from "./xlsxCharts";

/**
 * The physicians' handout as .xlsx bytes: a new workbook holding only the report sheet (no
 * register, no payroll detail, no patient data: nothing but the description's cells), opened on
 * it, with its page setup and its charts as native Excel charts (DrawingML, xlsxCharts.ts).
 */
export async function handoutWorkbookBytes(sheet: SheetDescription): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Practice Ledger";
  renderSheet(workbook, sheet);
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: "visible" }];
  const buffer = new Uint8Array(await workbook.xlsx.writeBuffer());
  return addChartsToXlsx(buffer, 1, { ...sheet, name: workbook.worksheets[0].name });
}
